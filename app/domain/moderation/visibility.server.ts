/**
 * How content hidden by moderation appears wherever something lists it. The one place that
 * decides it: every listing that names an idea (agendas, notifications, register entries,
 * feeds, exports, merges) reads the idea's title through `ideaRefColumns` / `ideaRef` or
 * `withHiddenSubjects`, which give the title only while the idea is visible and otherwise
 * the moderation notice (who hid it, when, why, and the register entry that says so).
 * Listings that browse ideas (idea lists, search) leave hidden ideas out instead, through
 * `isNull(ideas.hiddenAt)` and the search index triggers; comments hidden are blanked by
 * the idea page and dropped from the index.
 *
 * The register itself is append-only and hashed: its stored subject titles never change.
 * Pages, feeds and CSV show the notice in their place; only the full chain
 * (register.json) keeps them, since anyone must be able to recompute its hashes
 * (docs/register.md, "Moderation and the register").
 */
import { inArray, isNotNull, sql, and } from "drizzle-orm";
import { db } from "#db/client.server";
import { ideas } from "#db/schema";

/** Who hid an item, when (UTC ISO), why, and the register entry (seq) that records it. */
export interface HiddenNotice {
  byName: string | null;
  at: string;
  reason: string | null;
  decisionSeq: number | null;
}

/** An idea as a listing may name it: its title while visible, else null and the notice. */
export interface IdeaRef {
  id: number;
  title: string | null;
  hidden: HiddenNotice | null;
}

/** The title column, NULL once the idea is hidden: what every listing query selects. */
export const visibleIdeaTitle = sql<string | null>`CASE WHEN ${ideas.hiddenAt} IS NULL THEN ${ideas.title} END`;

/** Columns to select (spread) in any query joined with `ideas`, for `ideaRef`. */
export const ideaRefColumns = {
  refIdeaId: ideas.id,
  refIdeaTitle: visibleIdeaTitle,
  refHiddenAt: ideas.hiddenAt,
  refHiddenBy: ideas.hiddenByName,
  refHiddenReason: ideas.hiddenReason,
  refHiddenSeq: ideas.hiddenDecisionSeq,
};

type RefRow = { refIdeaId: number | null; refIdeaTitle: string | null; refHiddenAt: string | null; refHiddenBy: string | null; refHiddenReason: string | null; refHiddenSeq: number | null };

export function noticeOf(i: { hiddenAt: string | null; hiddenByName: string | null; hiddenReason: string | null; hiddenDecisionSeq: number | null }): HiddenNotice | null {
  return i.hiddenAt ? { byName: i.hiddenByName, at: i.hiddenAt, reason: i.hiddenReason, decisionSeq: i.hiddenDecisionSeq } : null;
}

/** The IdeaRef of a row selected with `ideaRefColumns` (null when the join found no idea). */
export function ideaRef(row: RefRow): IdeaRef | null {
  if (row.refIdeaId === null) return null;
  const hidden = row.refHiddenAt ? { byName: row.refHiddenBy, at: row.refHiddenAt, reason: row.refHiddenReason, decisionSeq: row.refHiddenSeq } : null;
  return { id: row.refIdeaId, title: hidden ? null : row.refIdeaTitle, hidden };
}

/** An idea row (already loaded) as a listing may name it. */
export function toIdeaRef(i: { id: number; title: string; hiddenAt: string | null; hiddenByName: string | null; hiddenReason: string | null; hiddenDecisionSeq: number | null }): IdeaRef {
  const hidden = noticeOf(i);
  return { id: i.id, title: hidden ? null : i.title, hidden };
}

/** Notices of the hidden ideas among `ids`. */
export function hiddenIdeas(ids: number[]): Map<number, HiddenNotice> {
  const unique = [...new Set(ids.filter((n) => Number.isInteger(n) && n > 0))];
  if (!unique.length) return new Map();
  const rows = db
    .select({ id: ideas.id, hiddenAt: ideas.hiddenAt, hiddenByName: ideas.hiddenByName, hiddenReason: ideas.hiddenReason, hiddenDecisionSeq: ideas.hiddenDecisionSeq })
    .from(ideas)
    .where(and(inArray(ideas.id, unique), isNotNull(ideas.hiddenAt)))
    .all();
  return new Map(rows.map((r) => [r.id, noticeOf(r)!]));
}

/** The idea a register entry is about, if it is about one. */
export function subjectIdeaId(d: { subjectKind: string; subjectId: string | null }): number | null {
  if (d.subjectKind !== "idea" || !d.subjectId || !/^\d+$/.test(d.subjectId)) return null;
  return Number(d.subjectId);
}

/**
 * Register entries with `subjectHidden` set (and `subjectTitle` emptied) when their
 * subject is an idea hidden since: what pages, feeds and CSV show of them.
 */
export function withHiddenSubjects<T extends { subjectKind: string; subjectId: string | null; subjectTitle: string }>(rows: T[]): (T & { subjectHidden: (HiddenNotice & { ideaId: number }) | null })[] {
  const hidden = hiddenIdeas(rows.map(subjectIdeaId).filter((n): n is number => n !== null));
  return rows.map((r) => {
    const id = subjectIdeaId(r);
    const notice = id !== null ? hidden.get(id) : undefined;
    return notice ? { ...r, subjectTitle: "", subjectHidden: { ...notice, ideaId: id! } } : { ...r, subjectHidden: null };
  });
}

/** The notice as plain text in the town's language, for files and feeds (register CSV, Atom). */
export function hiddenIdeaText(ideaId: number, n: HiddenNotice, locale: "fr" | "en" = "fr"): string {
  return locale === "fr"
    ? `Idée n° ${ideaId} masquée par modération${n.decisionSeq ? ` (décision n° ${n.decisionSeq})` : ""}`
    : `Idea no. ${ideaId} hidden by moderation${n.decisionSeq ? ` (decision no. ${n.decisionSeq})` : ""}`;
}
