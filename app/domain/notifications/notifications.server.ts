/**
 * Reading in-app notifications ("Mes notifications") and marking them read. They are
 * written only by `notify()` (notify.server.ts).
 */
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "#db/client.server";
import { ideas, notifications } from "#db/schema";
import { ideaRef, ideaRefColumns } from "../moderation/visibility.server";

/**
 * The person's notifications, newest first. The title was written with the event; when the
 * idea it is about has been hidden since, the title is replaced by the idea's number (the
 * page shows the moderation notice), never shown again.
 */
export function listNotifications(userId: string, limit = 50) {
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      ...ideaRefColumns,
    })
    .from(notifications)
    .leftJoin(ideas, eq(ideas.id, notifications.ideaId))
    .where(eq(notifications.userId, userId))
    .orderBy(desc(notifications.id))
    .limit(limit)
    .all()
    .map(({ refIdeaId, refIdeaTitle, refHiddenAt, refHiddenBy, refHiddenReason, refHiddenSeq, ...n }) => {
      const idea = ideaRef({ refIdeaId, refIdeaTitle, refHiddenAt, refHiddenBy, refHiddenReason, refHiddenSeq });
      return idea?.hidden ? { ...n, title: "", hiddenIdea: idea } : { ...n, hiddenIdea: null };
    });
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
