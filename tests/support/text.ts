/** Assertions about cut text, shared by unit and integration tests. */
import { expect } from "vitest";
import { graphemeLength } from "~/lib/text";

const seg = new Intl.Segmenter("fr", { granularity: "grapheme" });
const graphemes = (s: string) => [...seg.segment(s)].map((x) => x.segment);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** `out` is `src` cut after whole graphemes (trailing spaces dropped), plus "…" when cut. */
export function expectCutOnGraphemes(src: string, out: string, max: number) {
  expect(out).not.toMatch(LONE_SURROGATE);
  expect(graphemeLength(out)).toBeLessThanOrEqual(max);
  if (out === src) return;
  expect(out.endsWith("…")).toBe(true);
  const kept = graphemes(out.slice(0, -1));
  // whole graphemes only: trimming trailing spaces removes whole graphemes too
  expect(kept).toEqual(graphemes(src).slice(0, kept.length));
}

