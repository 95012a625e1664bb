/**
 * The one writer of notifications. `notify(tx, event)` runs inside the transaction of the
 * change it reports and writes, for every recipient, the in-app notification and one
 * delivery per channel the recipient chose (email, SMS or post), immediate or in the next
 * daily digest. Immediate deliveries get their outbox message here; the worker
 * (worker.server.ts) sends outbox messages outside requests.
 *
 * Also owns follows (who follows which council, idea, vote, budget or project): the
 * followers of an event's subject are its recipients.
 */
import { randomBytes } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import { deliveries, follows, notificationPreferences, notifications, outboxMessages, users } from "#db/schema";
import { localToUtc, utcToLocal } from "~/lib/time";
import { TEMPLATES, TOPICS, type DeliveryChannel, type FollowKind, type NotificationKind, type SendChannel, type SubjectRef, type Topic } from "./kinds";

// ------------------------------------------------------------------ follows

export function follow(tx: Tx, userId: string, subject: SubjectRef, at: string) {
  tx.insert(follows).values({ userId, subjectKind: subject.kind, subjectId: subject.id, createdAt: at }).onConflictDoNothing().run();
}

export function unfollow(tx: Tx, userId: string, subject: SubjectRef) {
  tx.delete(follows).where(and(eq(follows.userId, userId), eq(follows.subjectKind, subject.kind), eq(follows.subjectId, subject.id))).run();
}

export function isFollowing(userId: string, subject: SubjectRef, tx: Tx = db) {
  return !!tx
    .select({ u: follows.userId })
    .from(follows)
    .where(and(eq(follows.userId, userId), eq(follows.subjectKind, subject.kind), eq(follows.subjectId, subject.id)))
    .get();
}

export function followersOf(tx: Tx, subject: SubjectRef): string[] {
  return tx
    .select({ u: follows.userId })
    .from(follows)
    .where(and(eq(follows.subjectKind, subject.kind), eq(follows.subjectId, subject.id)))
    .all()
    .map((r) => r.u);
}

/** Everything a person follows, by kind (for "My space"). */
export function followsOf(userId: string): { kind: FollowKind; id: number; since: string }[] {
  return db
    .select({ kind: follows.subjectKind, id: follows.subjectId, since: follows.createdAt })
    .from(follows)
    .where(eq(follows.userId, userId))
    .all();
}

// ------------------------------------------------------------------ preferences

export interface Preferences {
  channel: DeliveryChannel;
  digest: boolean;
  topics: Topic[];
  phone: string;
  postalAddress: string;
}
export const DEFAULT_PREFERENCES: Preferences = { channel: "email", digest: false, topics: [...TOPICS], phone: "", postalAddress: "" };

export function parseTopics(json: string): Topic[] {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? TOPICS.filter((t) => v.includes(t)) : [...TOPICS];
  } catch {
    return [...TOPICS];
  }
}

type Recipient = { id: string; emailVerified: boolean; prefs: Preferences };

function recipients(tx: Tx, ids: string[]): Recipient[] {
  if (!ids.length) return [];
  const rows = tx
    .select({
      id: users.id,
      verified: users.emailVerifiedAt,
      channel: notificationPreferences.channel,
      digest: notificationPreferences.digest,
      topics: notificationPreferences.topics,
      phone: notificationPreferences.phone,
      postalAddress: notificationPreferences.postalAddress,
    })
    .from(users)
    .leftJoin(notificationPreferences, eq(notificationPreferences.userId, users.id))
    // a deleted account (tombstone) is nobody to tell
    .where(and(inArray(users.id, ids), isNull(users.deletedAt)))
    .all();
  return rows.map((r) => ({
    id: r.id,
    emailVerified: !!r.verified,
    prefs: r.channel
      ? { channel: r.channel, digest: !!r.digest, topics: parseTopics(r.topics ?? ""), phone: r.phone ?? "", postalAddress: r.postalAddress ?? "" }
      : DEFAULT_PREFERENCES,
  }));
}

/** The channel a delivery can really use for this person now, or null (in-app only). */
export function usableChannel(r: Recipient): SendChannel | null {
  switch (r.prefs.channel) {
    case "email":
      // Never to an address whose owner has not proved it is theirs.
      return r.emailVerified ? "email" : null;
    case "sms":
      return r.prefs.phone ? "sms" : null;
    case "post":
      return r.prefs.postalAddress ? "post" : null;
    case "none":
      return null;
  }
}

/** The next daily digest time after `at`: 08:00 on the town's clock. */
export function nextDigestAt(at: string): string {
  const day = utcToLocal(at).slice(0, 10);
  const today = localToUtc(`${day}T08:00`);
  if (today > at) return today;
  const next = new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return localToUtc(`${next}T08:00`);
}

/** A Message-ID fixed when the message is created; a retry after a crash reuses it. */
export function newMessageId() {
  return `<${Date.now().toString(36)}.${randomBytes(9).toString("base64url")}@conseil-ouvert>`;
}

// ------------------------------------------------------------------ notify

export interface NotifyEvent {
  kind: NotificationKind;
  /** When it happened (ISO). */
  at: string;
  /** The title of what it is about (an idea, a meeting, a vote…), as it reads now. */
  title: string;
  /** The page on this site that shows it ("/ideas/12#answers"). */
  link: string;
  /** The council it belongs to (null = the town). */
  councilId: number | null;
  /** Whose followers are told: the subject, and possibly its council. */
  followersOf?: SubjectRef[];
  /** People told whether or not they follow (the author of an idea, of a parent comment). */
  to?: (string | null | undefined)[];
  /** The person who made the change is not told about it. */
  except?: string | null;
  /** Records the notification points to (for the in-app list). */
  refs?: { ideaId?: number; meetingId?: number; decisionSeq?: number; commentId?: number };
}

/**
 * Writes the in-app notification and the deliveries for every recipient of the event.
 * Returns the recipients' ids.
 */
export function notify(tx: Tx, event: NotifyEvent): string[] {
  const ids = new Set<string>();
  for (const u of event.to ?? []) if (u) ids.add(u);
  for (const s of event.followersOf ?? []) for (const u of followersOf(tx, s)) ids.add(u);
  if (event.except) ids.delete(event.except);
  const topic = TEMPLATES[event.kind].topic;
  const refs = event.refs ?? {};
  for (const r of recipients(tx, [...ids])) {
    const n = tx
      .insert(notifications)
      .values({
        userId: r.id,
        kind: event.kind,
        title: event.title,
        link: event.link,
        councilId: event.councilId,
        ideaId: refs.ideaId ?? null,
        meetingId: refs.meetingId ?? null,
        decisionSeq: refs.decisionSeq ?? null,
        commentId: refs.commentId ?? null,
        createdAt: event.at,
      })
      .returning({ id: notifications.id })
      .get();
    const channel = usableChannel(r);
    if (!channel || !r.prefs.topics.includes(topic)) continue;
    if (r.prefs.digest) {
      tx.insert(deliveries).values({ notificationId: n.id, userId: r.id, channel, digest: true, dueAt: nextDigestAt(event.at), createdAt: event.at }).run();
    } else {
      const msg = tx
        .insert(outboxMessages)
        .values({ userId: r.id, channel, purpose: "notification", councilId: event.councilId, nextAttemptAt: event.at, messageId: newMessageId(), createdAt: event.at })
        .returning({ id: outboxMessages.id })
        .get();
      tx.insert(deliveries).values({ notificationId: n.id, userId: r.id, channel, digest: false, dueAt: event.at, outboxId: msg.id, createdAt: event.at }).run();
    }
  }
  return [...ids];
}
