/**
 * Moderation: residents report an idea or a comment; facilitators of its council see a
 * queue and hide it with a public reason, or dismiss the report. Hiding and restoring are
 * register entries, written in the same transaction as the change; a hidden item is
 * replaced by a notice saying who hid it, when and why.
 */
import { commentLink } from "~/lib/comment-link";
import { publicName } from "~/domain/accounts/public-name.server";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import { comments, ideas, reports, users } from "#db/schema";
import { actingRole, assertCanAs, can, type Actor, type MaybeActor } from "../accounts/policy";
import { recordDecision } from "../decisions/record.server";
import { DomainError, NotFoundError } from "../errors";
import { notifyIdea } from "../ideas/events.server";
import { truncate } from "~/lib/text";

export type SubjectKind = "idea" | "comment";

/** Length of the excerpt moderators see in the queue, in graphemes. */
const EXCERPT = 300;

interface Target {
  kind: SubjectKind;
  id: number;
  ideaId: number;
  ideaTitle: string;
  councilId: number | null;
  authorId: string | null;
  hiddenAt: string | null;
  excerpt: string;
}

function target(tx: Tx, kind: SubjectKind, id: number): Target {
  if (kind === "idea") {
    const i = tx.select().from(ideas).where(eq(ideas.id, id)).get();
    if (!i) throw new NotFoundError();
    return { kind, id, ideaId: i.id, ideaTitle: i.title, councilId: i.councilId, authorId: i.authorId, hiddenAt: i.hiddenAt, excerpt: truncate(i.body, EXCERPT) };
  }
  const c = tx.select().from(comments).where(eq(comments.id, id)).get();
  if (!c) throw new NotFoundError();
  const i = tx.select().from(ideas).where(eq(ideas.id, c.ideaId)).get()!;
  return { kind, id, ideaId: i.id, ideaTitle: i.title, councilId: i.councilId, authorId: c.authorId, hiddenAt: c.hiddenAt, excerpt: truncate(c.body, EXCERPT) };
}

export const targetPath = (t: { kind: SubjectKind; id: number; ideaId: number }) =>
  t.kind === "idea" ? `/ideas/${t.id}` : `/ideas/${t.ideaId}#comment-${t.id}`;

export function reportContent(actor: MaybeActor, input: { subjectKind: SubjectKind; subjectId: number; reason: string }, opts: { now?: Date } = {}) {
  const at = (opts.now ?? new Date()).toISOString();
  return db.transaction((tx) => {
    const t = target(tx, input.subjectKind, input.subjectId);
    const a = assertCanAs(actor, "content.report", { councilId: t.councilId });
    if (t.hiddenAt) throw new DomainError("errors.alreadyHidden", 409);
    const dup = tx
      .select({ id: reports.id })
      .from(reports)
      .where(and(eq(reports.subjectKind, t.kind), eq(reports.subjectId, t.id), eq(reports.reporterId, a.userId), eq(reports.status, "open")))
      .get();
    if (dup) throw new DomainError("errors.alreadyReported", 409);
    return tx
      .insert(reports)
      .values({ subjectKind: t.kind, subjectId: t.id, councilId: t.councilId, reporterId: a.userId, reason: input.reason, createdAt: at })
      .returning()
      .get();
  });
}

/** Open reports the actor may act on (their councils, or all for town-wide facilitators). */
export function moderationQueue(actor: MaybeActor) {
  const open = db.select().from(reports).where(eq(reports.status, "open")).orderBy(asc(reports.createdAt)).all();
  const visible = open.filter((r) => can(actor, "moderation.act", { councilId: r.councilId }));
  // Group by subject: one line per reported item, with every reason.
  const groups = new Map<string, { kind: SubjectKind; id: number; reasons: { reason: string; at: string }[]; reportIds: number[] }>();
  for (const r of visible) {
    const key = `${r.subjectKind}:${r.subjectId}`;
    const g = groups.get(key) ?? { kind: r.subjectKind, id: r.subjectId, reasons: [], reportIds: [] };
    g.reasons.push({ reason: r.reason, at: r.createdAt });
    g.reportIds.push(r.id);
    groups.set(key, g);
  }
  return [...groups.values()].map((g) => {
    const t = target(db, g.kind, g.id);
    const author = t.authorId ? db.select({ n: publicName }).from(users).where(eq(users.id, t.authorId)).get()?.n ?? null : null;
    return { ...g, ideaId: t.ideaId, ideaTitle: t.ideaTitle, excerpt: t.excerpt, authorName: author, path: commentLink(targetPath(t)) };
  });
}

function resolveReports(tx: Tx, t: Target, status: "hidden" | "dismissed", actor: Actor, at: string) {
  tx.update(reports)
    .set({ status, resolvedById: actor.userId, resolvedAt: at })
    .where(and(eq(reports.subjectKind, t.kind), eq(reports.subjectId, t.id), eq(reports.status, "open")))
    .run();
}

/**
 * The register names the item without quoting it: what was hidden must not come back
 * through the public register (the register is written in the town's language).
 */
function subjectTitle(t: Target) {
  return t.kind === "idea" ? `Idée n° ${t.id}` : `Commentaire n° ${t.id} sur l'idée n° ${t.ideaId}`;
}

type ModerationInput = { subjectKind: SubjectKind; subjectId: number; reason: string };

/**
 * Hides (or restores) an idea or comment: the register entry with the public reason, the
 * notice fields on the item, the open reports resolved, and the author and followers told —
 * all in one transaction.
 */
function setHidden(actor: MaybeActor, input: ModerationInput, hide: boolean, now: Date) {
  const at = now.toISOString();
  return db.transaction((tx) => {
    const t = target(tx, input.subjectKind, input.subjectId);
    const a = assertCanAs(actor, "moderation.act", { councilId: t.councilId });
    if (hide === !!t.hiddenAt) throw new DomainError(hide ? "errors.alreadyHidden" : "errors.notHidden", 409);
    const entry = recordDecision(tx, a, {
      councilId: t.councilId,
      subject: { kind: "moderation", id: targetPath(t), title: subjectTitle(t) },
      outcome: hide ? "hidden" : "restored",
      explanation: input.reason,
      explanationField: "reason",
      authorRole: actingRole(a, "moderation.act", { councilId: t.councilId }) ?? "facilitator",
      at: now,
    });
    const fields = hide
      ? { hiddenAt: at, hiddenByName: a.displayName, hiddenReason: input.reason, hiddenDecisionSeq: entry.seq }
      : { hiddenAt: null, hiddenByName: null, hiddenReason: null, hiddenDecisionSeq: null };
    if (t.kind === "idea") tx.update(ideas).set(fields).where(eq(ideas.id, t.id)).run();
    else tx.update(comments).set(fields).where(eq(comments.id, t.id)).run();
    if (hide) resolveReports(tx, t, "hidden", a, at);
    const commentId = hide && t.kind === "comment" ? t.id : undefined;
    notifyIdea(tx, t.ideaId, { kind: "moderation", decisionSeq: entry.seq, commentId, at, except: a.userId, to: [t.authorId] });
    return entry;
  });
}

export function hideContent(actor: MaybeActor, input: ModerationInput, opts: { now?: Date } = {}) {
  return setHidden(actor, input, true, opts.now ?? new Date());
}

export function restoreContent(actor: MaybeActor, input: ModerationInput, opts: { now?: Date } = {}) {
  return setHidden(actor, input, false, opts.now ?? new Date());
}

export function dismissReports(actor: MaybeActor, reportIds: number[]) {
  return db.transaction((tx) => {
    const rows = tx.select().from(reports).where(and(inArray(reports.id, reportIds), eq(reports.status, "open"))).all();
    if (!rows.length) throw new NotFoundError();
    const first = rows[0]!;
    const t = target(tx, first.subjectKind, first.subjectId);
    const a = assertCanAs(actor, "moderation.act", { councilId: t.councilId });
    resolveReports(tx, t, "dismissed", a, new Date().toISOString());
  });
}
