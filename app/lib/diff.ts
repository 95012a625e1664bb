/**
 * Word diffs of documents for readers (rulebook versions, minutes versions). Pure.
 * Both sides are turned into the text a reader sees (markdownToText with blocks), so the
 * diff shows words that changed, never markdown syntax (`##`, `**`) or HTML.
 */
import { diffWords } from "diff";
import { markdownToText } from "./markdown";

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Word-level diff of two markdown documents, as rendered text. */
export function markdownWordDiff(from: string, to: string): DiffPart[] {
  return diffWords(markdownToText(from, { blocks: true }), markdownToText(to, { blocks: true })).map((p) => ({
    kind: p.added ? "added" : p.removed ? "removed" : "same",
    text: p.value,
  }));
}
