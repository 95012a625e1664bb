/**
 * Comments on ideas: arguments for or against, and neutral discussion, with one level of
 * replies. The author may edit (marked as edited) or withdraw (the text is removed, a notice
 * stays). Authors and followers get a notification event.
 */
import { publicName } from "~/domain/accounts/public-name.server";
import { and, asc, eq, sql } from "drizzle-orm";
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

/** All comments of an idea with their authors' names, oldest first. */
export function commentsFor(ideaId: number) {
  return db
    .select({
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
    })
    .from(comments)
    .leftJoin(users, eq(users.id, comments.authorId))
    .where(eq(comments.ideaId, ideaId))
    .orderBy(asc(comments.id))
    .all();
}

export function commentOfIdea(ideaId: number, commentId: number) {
  return db.select().from(comments).where(and(eq(comments.id, commentId), eq(comments.ideaId, ideaId))).get() ?? null;
}
