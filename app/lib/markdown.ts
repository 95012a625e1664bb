/**
 * Markdown to safe HTML. marked does not sanitise, so its output always goes through
 * sanitize-html with a short allow-list: no scripts, no event handlers, no style, only
 * http(s)/mailto links and relative links; external links get rel="noopener nofollow ugc".
 * Raw HTML in the source is escaped rather than interpreted.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";

const marked = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    // User-typed HTML is shown as text, never rendered.
    html({ text }) {
      return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    },
  },
});

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    "p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li",
    "h2", "h3", "h4", "h5", "h6", "a", "hr", "table", "thead", "tbody", "tr", "th", "td",
  ],
  allowedAttributes: { a: ["href", "title", "rel"], th: ["align"], td: ["align"], ol: ["start"] },
  allowedSchemes: ["http", "https", "mailto"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  // Headings in user text start at h2: the page owns its h1.
  transformTags: {
    h1: "h2",
    a: (tagName, attribs) => {
      const href = attribs.href ?? "";
      const external = /^https?:\/\//i.test(href);
      return { tagName, attribs: external ? { ...attribs, rel: "noopener nofollow ugc" } : attribs };
    },
  },
};

/**
 * `headingBase`: the level that the text's top headings take (2 by default: the page owns
 * its h1). Documents embedded under a page section (minutes, agendas) use 3.
 */
export function renderMarkdown(source: string, opts: { headingBase?: 2 | 3 } = {}): string {
  // a pure function of its two inputs: the same comments are rendered on every view of a
  // discussion (10 % of a long idea page's time), so results are kept, bounded by their size
  const key = `${opts.headingBase ?? 2}${source ?? ""}`;
  const kept = rendered.get(key);
  if (kept !== undefined) return kept;
  const html = renderUncached(source, opts);
  if (key.length + html.length < RENDERED_MAX_CHARS / 64) {
    renderedChars += key.length + html.length;
    rendered.set(key, html);
    for (const [k, v] of rendered) {
      if (renderedChars <= RENDERED_MAX_CHARS) break;
      rendered.delete(k);
      renderedChars -= k.length + v.length;
    }
  }
  return html;
}

/** Rendered markdown kept by renderMarkdown: at most this many characters (≈ 16 MB); the first stored go first. */
const RENDERED_MAX_CHARS = 8_000_000;
const rendered = new Map<string, string>();
let renderedChars = 0;

function renderUncached(source: string, opts: { headingBase?: 2 | 3 }): string {
  const html = marked.parse(source ?? "") as string;
  if ((opts.headingBase ?? 2) === 2) return sanitizeHtml(html, OPTIONS);
  const shift = (level: number) => `h${Math.min(6, level + 1)}`;
  return sanitizeHtml(html, {
    ...OPTIONS,
    transformTags: { ...OPTIONS.transformTags, h1: "h3", h2: shift(2), h3: shift(3), h4: shift(4), h5: shift(5) },
  });
}

// sanitize-html escapes the text it keeps; plain text wants the characters themselves.
const decodeEntities = (s: string) =>
  s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, "&");

/**
 * Plain text from markdown, for feeds, summaries, explanations' length and diffs: what a
 * reader sees, without markup (no `##`, `**`, tags) and with `&` or `<` as themselves.
 * On one line by default; `blocks: true` keeps one line per paragraph, heading or list
 * item (items marked "• "), blocks separated by a blank line — for word diffs.
 */
export function markdownToText(source: string, opts: { blocks?: boolean } = {}): string {
  let html = marked.parse(source ?? "") as string;
  if (opts.blocks) {
    html = html
      .replace(/<br\s*\/?>/g, "\u0001")
      .replace(/<li>/g, "<li>• ")
      .replace(/<\/(p|h[1-6]|li|blockquote|pre|tr)>/g, "</$1>\u0002");
  }
  const text = decodeEntities(sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }));
  if (!opts.blocks) return text.replace(/\s+/g, " ").trim();
  return text
    .split("\u0002")
    .map((block) => block.replace(/\s+/g, " ").replace(/\u0001 ?/g, "\n").trim())
    .filter(Boolean)
    .join("\n\n");
}
