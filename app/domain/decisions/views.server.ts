/**
 * Register entries shaped for lists (home, council, meeting and register pages): the one
 * place that turns a stored entry into what a list shows, so every list cuts summaries the
 * same way (on grapheme boundaries) and shows subjects the same way (an idea hidden by
 * moderation by its notice, never its title).
 */
import { markdownToText } from "~/lib/markdown";
import { truncate } from "~/lib/text";
import { withHiddenSubjects, type HiddenNotice } from "../moderation/visibility.server";
import type { DecisionRow } from "./record.server";

/** Summaries are cut to this many user-perceived characters, ellipsis included. */
export const SUMMARY_LENGTH = 240;

export interface DecisionListItem {
  seq: number;
  recordedAt: string;
  subjectKind: string;
  /** Empty when the subject is an idea hidden by moderation: show `subjectHidden` instead. */
  subjectTitle: string;
  subjectHidden: (HiddenNotice & { ideaId: number }) | null;
  outcome: string;
  authorName: string;
  authorRole: string;
  councilName: string | null;
  supersedesSeq: number | null;
  /** Plain text of the explanation, at most SUMMARY_LENGTH graphemes. */
  summary: string;
}

export function decisionListItems(rows: DecisionRow[]): DecisionListItem[] {
  return withHiddenSubjects(rows).map((r) => ({
    seq: r.seq,
    recordedAt: r.recordedAt,
    subjectKind: r.subjectKind,
    subjectTitle: r.subjectTitle,
    subjectHidden: r.subjectHidden,
    outcome: r.outcome,
    authorName: r.authorName,
    authorRole: r.authorRole,
    councilName: r.councilName,
    supersedesSeq: r.supersedesSeq,
    summary: truncate(markdownToText(r.explanation), SUMMARY_LENGTH),
  }));
}
