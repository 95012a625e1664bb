/**
 * Is a written explanation real? Long enough (the rulebook's minimum, counted on the text
 * without markdown), not blank, and not filler (the same few words repeated).
 * Returns a translation key with parameters, or null when the explanation is acceptable.
 */
import { markdownToText } from "./markdown";

export function explanationProblem(markdown: string, minLength: number): { key: string; params?: Record<string, number> } | null {
  const text = markdownToText(markdown ?? "");
  if (!text) return { key: "errors.explanationBlank" };
  const length = [...text].length;
  if (length < minLength) return { key: "errors.explanationShort", params: { min: minLength, length } };
  const words = text.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*/gu) ?? [];
  const distinct = new Set(words).size;
  const letters = new Set(text.toLowerCase().replace(/[^\p{L}]/gu, "")).size;
  if (words.length < 3 || letters < 6 || distinct < Math.min(8, Math.ceil(words.length / 4))) {
    return { key: "errors.explanationFiller" };
  }
  return null;
}
