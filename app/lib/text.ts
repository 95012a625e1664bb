/**
 * Text hygiene shared by every input and every output. Pure: no DB, no React, safe in the
 * browser bundle.
 *
 * Owns:
 *  - `normalizeText`: what every stored user text goes through (Unicode NFC, control and
 *    bidi-override characters removed, line endings unified).
 *  - `hasVisibleText`: whether a text holds at least one visible character (a title made
 *    only of U+202E and zero-width spaces does not).
 *  - `truncate`: cutting on grapheme boundaries (Intl.Segmenter), never inside a character.
 *  - `xmlText`: dropping the characters XML 1.0 forbids (https://www.w3.org/TR/xml/#charsets),
 *    for every text written into XML (Atom, anything added later).
 *  - `foldForSearch`: the folding applied both to the search index and to queries
 *    (NFKD, diacritics removed, ligatures œ→oe, æ→ae, ß→ss, lower case).
 */

// C0 controls except TAB (0x09) and LF (0x0A); DEL and C1 controls.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
// Bidirectional embeddings/overrides/isolates, which can disguise a text (U+202A–U+202E,
// U+2066–U+2069), and the byte-order mark / zero-width no-break space in the middle of text.
const BIDI_AND_BOM = /[\u202A-\u202E\u2066-\u2069\uFEFF]/g;
// Lone surrogates (invalid UTF-16, e.g. from a broken decoder): replaced, never stored.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * `s` without control characters (other than tab, line feed and carriage return): what a
 * page may show back of what someone typed, as it was typed otherwise. A NUL typed into a
 * form must not come back as a NUL byte in the page.
 */
export function withoutControls(s: string): string {
  return s.replace(CONTROL_BUT_CR, "");
}
// eslint-disable-next-line no-control-regex
const CONTROL_BUT_CR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * The stored form of any user text: NFC, CRLF/CR → LF, control characters (except tab and
 * line feed) and bidi overrides removed, lone surrogates replaced by U+FFFD.
 * `singleLine` also turns tabs and line breaks into spaces and trims (titles, names).
 */
export function normalizeText(input: string, opts: { singleLine?: boolean } = {}): string {
  let s = input.replace(/\r\n?/g, "\n").replace(LONE_SURROGATE, "\uFFFD").replace(CONTROL, "").replace(BIDI_AND_BOM, "");
  s = s.normalize("NFC");
  if (opts.singleLine) s = s.replace(/[\t\n\u2028\u2029]+/g, " ").replace(/ {2,}/g, " ");
  return s.trim();
}

// Characters that draw nothing: white space, format characters (Cf: zero-width spaces and
// joiners, bidi marks…), combining marks on their own, and the invisible fillers.
const INVISIBLE = /[\s\p{Cf}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0\u2800\uFFFD]/gu;

/** True when the text has at least one character that draws something. */
export function hasVisibleText(s: string): boolean {
  return s.replace(INVISIBLE, "").length > 0;
}

/** Length without the characters that draw nothing (minimum lengths count these). */
export function visibleLength(s: string): number {
  return s.replace(INVISIBLE, "").length;
}

const segmenters = new Map<string, Intl.Segmenter>();
function graphemes(locale = "fr"): Intl.Segmenter {
  let s = segmenters.get(locale);
  if (!s) {
    s = new Intl.Segmenter(locale, { granularity: "grapheme" });
    segmenters.set(locale, s);
  }
  return s;
}

/** Number of user-perceived characters (grapheme clusters). */
export function graphemeLength(s: string): number {
  let n = 0;
  for (const _ of graphemes().segment(s)) n++;
  return n;
}

/**
 * Cuts `s` to at most `max` grapheme clusters, ending with `ellipsis` (counted in `max`)
 * when something was cut; trailing spaces before the ellipsis are removed. Never splits a
 * surrogate pair, a combining sequence or an emoji sequence.
 */
export function truncate(s: string, max: number, ellipsis = "…"): string {
  if (s.length <= max) return s; // fast path: code units ≥ graphemes
  // A text of exactly `max` graphemes but more code units (emoji, accents) fits as is.
  if (graphemeLength(s) <= max) return s;
  const keep = Math.max(0, max - graphemeLength(ellipsis));
  let out = "";
  let n = 0;
  for (const { segment } of graphemes().segment(s)) {
    if (n === keep) return out.trimEnd() + ellipsis;
    out += segment;
    n++;
  }
  return s;
}

// XML 1.0 Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// eslint-disable-next-line no-control-regex
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s` without the characters XML 1.0 forbids (the text is not escaped here). */
export function xmlText(s: string): string {
  return s.replace(XML_FORBIDDEN, "");
}

const LIGATURES: Record<string, string> = { œ: "oe", Œ: "oe", æ: "ae", Æ: "ae", ß: "ss", ẞ: "ss", ĳ: "ij", Ĳ: "ij", ﬀ: "ff", ﬁ: "fi", ﬂ: "fl", ﬃ: "ffi", ﬄ: "ffl", ﬅ: "st", ﬆ: "st" };

/**
 * The characters the search index folds itself (in SQL, db/migrations/0010_search_folding.sql),
 * because SQLite's unicode61 tokenizer folds case and accents but neither ligatures nor
 * compatibility characters: the ligatures above, and superscripts and ordinals common in
 * French text (m², 1ᵉʳ, nº). Each maps to what foldForSearch gives, so a word is indexed
 * and queried the same way (tests/integration/search-folding.test.ts checks every entry).
 * Other compatibility characters (full-width letters…) are folded in queries only.
 */
export const SEARCH_INDEX_FOLDS: Record<string, string> = {
  ...LIGATURES,
  "¹": "1", "²": "2", "³": "3", "ᵉ": "e", "ʳ": "r", "ˢ": "s", "ª": "a", "º": "o",
};
const LIGATURE_RE = new RegExp(`[${Object.keys(LIGATURES).join("")}]`, "g");

/**
 * The folded form used on both sides of search: ligatures expanded, compatibility
 * characters decomposed (NFKD), diacritics removed, lower case.
 * "Cœur de ville" → "coeur de ville"; "ﬁn" → "fin"; "Élu·e" → "elu·e".
 */
export function foldForSearch(s: string): string {
  return s
    .replace(LIGATURE_RE, (c) => LIGATURES[c]!)
    .normalize("NFKD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase();
}
