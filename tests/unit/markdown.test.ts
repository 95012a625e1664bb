/** User markdown is rendered safely: hostile payloads come out inert. */
import { describe, expect, it } from "vitest";
import { markdownToText, renderMarkdown } from "~/lib/markdown";

describe("renderMarkdown", () => {
  it("renders ordinary markdown", () => {
    const html = renderMarkdown("# Titre\n\nUn **banc** et une *fontaine*.\n\n- un\n- deux\n\n[plan](https://exemple.fr/plan)");
    expect(html).toContain("<h2>Titre</h2>");
    expect(html).toContain("<strong>banc</strong>");
    expect(html).toContain("<li>un</li>");
    expect(html).toContain('<a href="https://exemple.fr/plan" rel="noopener nofollow ugc">plan</a>');
  });

  // Escaped text (&lt;script&gt;) is harmless; these patterns only match real markup.
  const realTagWithHandler = /<[a-z][^>]*\son\w+\s*=/i;
  const payloads: [string, RegExp][] = [
    ["<script>alert(1)</script>", /<script/i],
    ['<img src=x onerror="alert(1)">', /<img/i],
    ["[clic](javascript:alert(1))", /href="?\s*javascript:/i],
    ["[clic](JaVaScRiPt:alert(1))", /href="?\s*javascript:/i],
    ["[clic](&#106;avascript:alert(1))", /href="?[^"]*(javascript|&#106;)/i],
    ['<a href="javascript:alert(1)">x</a>', /<a [^>]*href/i],
    ["<svg onload=alert(1)>", /<svg/i],
    ['<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['<div style="background:url(javascript:alert(1))">x</div>', /<div|<[a-z][^>]*\sstyle=/i],
    ["![x](data:text/html;base64,PHNjcmlwdD4=)", /<img|data:text/i],
    ['<p onclick="alert(1)">x</p>', realTagWithHandler],
    ['[x](https://ok.example "t\" onmouseover=\"alert(1))', realTagWithHandler],
  ];
  for (const [payload, forbidden] of payloads) {
    it(`neutralises ${payload}`, () => {
      expect(renderMarkdown(payload)).not.toMatch(forbidden);
    });
  }

  it("shows typed HTML as text rather than dropping it silently", () => {
    expect(renderMarkdown("a <b>b</b>")).toContain("&lt;b&gt;");
  });

  it("extracts plain text: what a reader sees, characters as themselves", () => {
    // typed HTML is shown as text by renderMarkdown, so the reader sees it literally
    expect(markdownToText("Un **banc** <script>x</script>")).toBe("Un banc <script>x</script>");
    expect(markdownToText("Sécurité & accès < 3 m « l'été »")).toBe("Sécurité & accès < 3 m « l'été »");
  });

  it("keeps blocks apart when asked (for diffs)", () => {
    expect(markdownToText("## Délais\n\nUne réponse **écrite**\nsous 30 jours.\n\n- un\n- deux", { blocks: true })).toBe(
      "Délais\n\nUne réponse écrite\nsous 30 jours.\n\n• un\n\n• deux",
    );
  });
});

describe("embedded documents", () => {
  it("shifts headings below the page's sections", () => {
    expect(renderMarkdown("# A\n\n## B\n\n### C", { headingBase: 3 })).toBe("<h3>A</h3>\n<h3>B</h3>\n<h4>C</h4>\n");
    expect(renderMarkdown("<script>x</script>", { headingBase: 3 })).not.toMatch(/<script/);
  });
});

describe("kept renderings", () => {
  it("a second rendering of the same text is the same, and the heading level is part of the key", () => {
    const src = `# Titre ${Math.random()}\n\n<script>alert(1)</script> **gras**`;
    const two = renderMarkdown(src);
    const three = renderMarkdown(src, { headingBase: 3 });
    expect(two).toMatch(/^<h2>/);
    expect(three).toMatch(/^<h3>/);
    expect(renderMarkdown(src)).toBe(two);
    expect(renderMarkdown(src, { headingBase: 3 })).toBe(three);
    expect(renderMarkdown(src, { headingBase: 2 })).toBe(two);
    expect(two).not.toMatch(/<script/);
  });
});
