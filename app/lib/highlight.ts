/**
 * Search result titles and snippets, highlighted on the original text (accents and
 * ligatures as typed), matching words the way the index does: a word matches a query term
 * when its folded form (foldForSearch) starts with it. Pure; output is HTML-escaped with
 * only <mark> added, safe to render.
 */
import { foldForSearch } from "./text";

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
// Markdown emphasis and heading marks are noise in a one-line result.
const stripMarks = (s: string) => s.replace(/[*_#`]+/g, "").replace(/\s+/g, " ").trim();

interface Piece {
  text: string;
  word: boolean;
  hit: boolean;
}

function pieces(text: string, terms: string[]): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(WORD)) {
    if (m.index > last) out.push({ text: text.slice(last, m.index), word: false, hit: false });
    const folded = foldForSearch(m[0]);
    out.push({ text: m[0], word: true, hit: terms.some((t) => folded.startsWith(t)) });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), word: false, hit: false });
  return out;
}

const html = (ps: Piece[]) => ps.map((p) => (p.hit ? `<mark>${escapeHtml(p.text)}</mark>` : escapeHtml(p.text))).join("");

/** The whole text, escaped, with matching words in <mark>. `terms` are folded. */
export function highlightAll(text: string, terms: string[]): string {
  return html(pieces(stripMarks(text), terms));
}

/**
 * About `words` words of `text` around the first match (the start when none), escaped,
 * matches in <mark>, with "…" where the text was cut.
 */
export function highlightSnippet(text: string, terms: string[], words = 24): string {
  const ps = pieces(stripMarks(text), terms);
  const wordIdx = ps.map((p, i) => (p.word ? i : -1)).filter((i) => i >= 0);
  if (wordIdx.length <= words) return html(ps);
  const firstHit = ps.findIndex((p) => p.hit);
  const hitWord = firstHit < 0 ? 0 : wordIdx.indexOf(firstHit);
  const startWord = Math.max(0, Math.min(hitWord - Math.floor(words / 3), wordIdx.length - words));
  const from = wordIdx[startWord]!;
  const to = wordIdx[startWord + words - 1]!;
  return `${from > 0 ? "…" : ""}${html(ps.slice(from, to + 1))}${to < ps.length - 1 ? "…" : ""}`;
}
