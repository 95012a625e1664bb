/**
 * Notification events: recorded for authors and followers when something happens to what
 * they follow (answers, comments, moderation, merges, thresholds). Delivery (email, SMS,
 * post) reads these later; for now they show in "Mes notifications".
 */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import type { NotificationKind } from "#db/enums";
import { budgetProjects, follows, ideas, meetings, notifications } from "#db/schema";
import { ideaRef, ideaRefColumns } from "../moderation/visibility.server";

export type { NotificationKind } from "#db/enums";

export function follow(tx: Tx, userId: string, ideaId: number, at: string) {
  tx.insert(follows).values({ userId, subjectKind: "idea", subjectId: ideaId, createdAt: at }).onConflictDoNothing().run();
}

export function unfollow(tx: Tx, userId: string, ideaId: number) {
  tx.delete(follows).where(and(eq(follows.userId, userId), eq(follows.subjectKind, "idea"), eq(follows.subjectId, ideaId))).run();
}

export function isFollowing(userId: string, ideaId: number) {
  return !!db.select({ u: follows.userId }).from(follows).where(and(eq(follows.userId, userId), eq(follows.subjectKind, "idea"), eq(follows.subjectId, ideaId))).get();
}

export function followersOf(tx: Tx, ideaId: number): string[] {
  return tx.select({ u: follows.userId }).from(follows).where(and(eq(follows.subjectKind, "idea"), eq(follows.subjectId, ideaId))).all().map((r) => r.u);
}

/** Records one event for the idea's author and every follower, except `except`. */
export function notifyIdea(
  tx: Tx,
  ideaId: number,
  event: { kind: NotificationKind; decisionSeq?: number; commentId?: number; at: string },
  except?: string | null,
  extra: string[] = [],
) {
  const idea = tx.select({ authorId: ideas.authorId }).from(ideas).where(eq(ideas.id, ideaId)).get();
  const to = new Set([...(idea?.authorId ? [idea.authorId] : []), ...followersOf(tx, ideaId), ...extra]);
  if (except) to.delete(except);
  for (const userId of to) {
    tx.insert(notifications)
      .values({ userId, kind: event.kind, ideaId, decisionSeq: event.decisionSeq ?? null, commentId: event.commentId ?? null, createdAt: event.at })
      .run();
  }
  return [...to];
}

/**
 * Budget projects: followers of a project hear of each implementation update. One small
 * function, kept apart so it moves to `notify(tx, { kind: "projectUpdate", … })` in one place.
 */
export function followProject(tx: Tx, userId: string, projectId: number, on: boolean, at: string) {
  if (on) tx.insert(follows).values({ userId, subjectKind: "project", subjectId: projectId, createdAt: at }).onConflictDoNothing().run();
  else tx.delete(follows).where(and(eq(follows.userId, userId), eq(follows.subjectKind, "project"), eq(follows.subjectId, projectId))).run();
}

export function isFollowingProject(userId: string, projectId: number) {
  return !!db.select({ u: follows.userId }).from(follows).where(and(eq(follows.userId, userId), eq(follows.subjectKind, "project"), eq(follows.subjectId, projectId))).get();
}

export function notifyProjectUpdate(tx: Tx, projectId: number, at: string, except?: string | null) {
  const to = tx.select({ u: follows.userId }).from(follows).where(and(eq(follows.subjectKind, "project"), eq(follows.subjectId, projectId))).all().map((r) => r.u).filter((u) => u !== except);
  for (const userId of to) tx.insert(notifications).values({ userId, kind: "projectUpdate", projectId, createdAt: at }).run();
  return to;
}

export function listNotifications(userId: string, limit = 50) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      ideaId: notifications.ideaId,
      ...ideaRefColumns,
      decisionSeq: notifications.decisionSeq,
      commentId: notifications.commentId,
      meetingId: notifications.meetingId,
      meetingTitle: meetings.title,
      projectId: notifications.projectId,
      projectTitle: budgetProjects.title,
      projectBudgetId: budgetProjects.budgetId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .leftJoin(ideas, eq(ideas.id, notifications.ideaId))
    .leftJoin(meetings, eq(meetings.id, notifications.meetingId))
    .leftJoin(budgetProjects, eq(budgetProjects.id, notifications.projectId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all()
    .map(({ refIdeaId, refIdeaTitle, refHiddenAt, refHiddenBy, refHiddenReason, refHiddenSeq, ...n }) => ({
      ...n,
      // an idea hidden since is named by its notice, never its title
      idea: ideaRef({ refIdeaId, refIdeaTitle, refHiddenAt, refHiddenBy, refHiddenReason, refHiddenSeq }),
    }));
}

export function unreadCount(userId: string) {
  return db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).get()?.n ?? 0;
}

export function markRead(userId: string, ids: number[]) {
  if (!ids.length) return;
  db.update(notifications).set({ readAt: new Date().toISOString() }).where(and(eq(notifications.userId, userId), inArray(notifications.id, ids), isNull(notifications.readAt))).run();
}

/** Marks every unread notification of the user as read (a POST from their notifications page). */
export function markAllRead(userId: string, now = new Date()) {
  db.update(notifications).set({ readAt: now.toISOString() }).where(and(eq(notifications.userId, userId), isNull(notifications.readAt))).run();
}
