/**
 * Comments on ideas: arguments for or against, and neutral discussion, with one level of
 * replies. The author may edit (marked as edited) or withdraw (the text is removed, a notice
 * stays). Authors and followers get a notification event.
 */
import { publicName } from "~/domain/accounts/public-name.server";
import { and, asc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { comments, ideas, users } from "#db/schema";
import { assertCan, assertCanAs, type MaybeActor } from "../accounts/policy";
import { DomainError, NotFoundError } from "../errors";
import { follow } from "../notifications/notify.server";
import { notifyIdea } from "./events.server";
import { requireIdea } from "./ideas.server";
import { isOpen } from "./lifecycle";
import type { CommentInput } from "./schemas";

export type CommentRow = typeof comments.$inferSelect;

export function addComment(actor: MaybeActor, ideaId: number, input: CommentInput, opts: { now?: Date } = {}) {
  const at = (opts.now ?? new Date()).toISOString();
  return db.transaction((tx) => {
    const idea = requireIdea(tx, ideaId);
    const a = assertCanAs(actor, "comment.create", { councilId: idea.councilId });
    if (!isOpen(idea.status) || idea.hiddenAt) throw new DomainError("errors.ideaClosed", 409);
    let parentAuthor: string | null = null;
    if (input.parentId !== null) {
      const parent = tx.select().from(comments).where(eq(comments.id, input.parentId)).get();
      if (!parent || parent.ideaId !== ideaId) throw new DomainError("errors.parentUnknown", 400);
      if (parent.parentId !== null) throw new DomainError("errors.replyDepth", 400);
      parentAuthor = parent.authorId;
    }
    const row = tx
      .insert(comments)
      .values({ ideaId, authorId: a.userId, parentId: input.parentId, stance: input.parentId === null ? input.stance : "neutral", body: input.body, createdAt: at })
      .returning()
      .get();
    tx.update(ideas).set({ commentCount: sql`${ideas.commentCount} + 1` }).where(eq(ideas.id, ideaId)).run();
    notifyIdea(tx, ideaId, { kind: input.parentId ? "reply" : "comment", commentId: row.id, at, except: a.userId, to: [parentAuthor] });
    follow(tx, a.userId, { kind: "idea", id: ideaId }, at);
    return row;
  });
}

/** The council of the idea a comment belongs to (null = the town). */
function councilOf(ideaId: number): number | null {
  return db.select({ c: ideas.councilId }).from(ideas).where(eq(ideas.id, ideaId)).get()?.c ?? null;
}

function requireComment(id: number) {
  const c = db.select().from(comments).where(eq(comments.id, id)).get();
  if (!c) throw new NotFoundError();
  return c;
}

export function editComment(actor: MaybeActor, commentId: number, body: string) {
  const c = requireComment(commentId);
  assertCan(actor, "comment.edit", { ownerId: c.authorId, councilId: councilOf(c.ideaId) });
  if (c.withdrawnAt || c.hiddenAt) throw new DomainError("errors.commentLocked", 409);
  if (c.body === body) throw new DomainError("errors.nothingChanged", 400);
  return db.update(comments).set({ body, editedAt: new Date().toISOString() }).where(eq(comments.id, commentId)).returning().get();
}

export function withdrawComment(actor: MaybeActor, commentId: number) {
  const c = requireComment(commentId);
  assertCan(actor, "comment.edit", { ownerId: c.authorId, councilId: councilOf(c.ideaId) });
  if (c.withdrawnAt) throw new DomainError("errors.commentLocked", 409);
  db.update(comments).set({ withdrawnAt: new Date().toISOString() }).where(eq(comments.id, commentId)).run();
}

const commentColumns = {
  id: comments.id,
  parentId: comments.parentId,
  stance: comments.stance,
  body: comments.body,
  createdAt: comments.createdAt,
  editedAt: comments.editedAt,
  withdrawnAt: comments.withdrawnAt,
  hiddenAt: comments.hiddenAt,
  hiddenByName: comments.hiddenByName,
  hiddenReason: comments.hiddenReason,
  hiddenDecisionSeq: comments.hiddenDecisionSeq,
  authorId: comments.authorId,
  authorName: publicName,
};

/** All comments of an idea with their authors' names, oldest first (exports, tests; pages use commentPage). */
export function commentsFor(ideaId: number) {
  return db.select(commentColumns).from(comments).leftJoin(users, eq(users.id, comments.authorId)).where(eq(comments.ideaId, ideaId)).orderBy(asc(comments.id)).all();
}

/** Top-level comments (threads) shown per page of the idea page; each comes with all its replies. */
export const COMMENT_THREADS_PER_PAGE = 50;

/**
 * One page of an idea's discussion: threads (top-level comments) oldest first, with their
 * replies, `perPage` threads a page. `commentId` picks the page that holds that comment (a
 * link to #comment-N lands on the right page); otherwise `page` (1-based, clamped). The
 * counts are exact and cover every page: top-level comments per stance, as the columns show.
 * Cost: the idea's comments are counted through an index (no text read); only the
 * shown page is read.
 */
export function commentPage(ideaId: number, at: { page?: number; commentId?: number } = {}, perPage = COMMENT_THREADS_PER_PAGE) {
  const counted = db
    .select({ stance: comments.stance, n: sql<number>`count(*)` })
    .from(comments)
    .where(and(eq(comments.ideaId, ideaId), isNull(comments.parentId)))
    .groupBy(comments.stance)
    .all();
  const counts = { for: 0, against: 0, neutral: 0 };
  for (const c of counted) counts[c.stance] = c.n;
  const threads = counts.for + counts.against + counts.neutral;
  const pages = Math.max(1, Math.ceil(threads / perPage));
  let page = Math.min(pages, Math.max(1, Math.trunc(at.page ?? 1) || 1));
  if (at.commentId !== undefined) {
    const c = db.select({ id: comments.id, parentId: comments.parentId }).from(comments).where(and(eq(comments.id, at.commentId), eq(comments.ideaId, ideaId))).get();
    if (c) {
      const top = c.parentId ?? c.id;
      const before = db
        .select({ n: sql<number>`count(*)` })
        .from(comments)
        .where(and(eq(comments.ideaId, ideaId), isNull(comments.parentId), lt(comments.id, top)))
        .get()!.n;
      page = Math.floor(before / perPage) + 1;
    }
  }
  const top = db
    .select(commentColumns)
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.ideaId, ideaId), isNull(comments.parentId)))
    .orderBy(asc(comments.id))
    .limit(perPage)
    .offset((page - 1) * perPage)
    .all();
  const replies = top.length
    ? db
        .select(commentColumns)
        .from(comments)
        .leftJoin(users, eq(users.id, comments.authorId))
        .where(inArray(comments.parentId, top.map((c) => c.id)))
        .orderBy(asc(comments.id))
        .all()
    : [];
  return { comments: [...top, ...replies], counts, threads, page, pages, perPage };
}

/** Comments cited by an idea's answers (their excerpt is shown beside the answer, whatever the page). */
export function commentsById(ideaId: number, ids: number[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: comments.id, body: comments.body, hiddenAt: comments.hiddenAt, withdrawnAt: comments.withdrawnAt, authorName: publicName })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(and(eq(comments.ideaId, ideaId), inArray(comments.id, ids)))
    .all();
}

export function commentOfIdea(ideaId: number, commentId: number) {
  return db.select().from(comments).where(and(eq(comments.id, commentId), eq(comments.ideaId, ideaId))).get() ?? null;
}
