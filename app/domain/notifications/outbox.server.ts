/**
 * The outbox: messages that must leave the site, written in the transaction of the change
 * they report, and the steps the worker takes with them (docs/decisions/011-notifications-and-outbox.md):
 *
 *   group  digest deliveries that are due become one message per person and channel;
 *   claim  one due message is marked `sending` with a lease, in one UPDATE (two workers
 *          never claim the same message; a message whose worker died is claimed again
 *          once its lease has passed);
 *   send   outside any transaction (worker.server.ts);
 *   record `sent`, or back to `pending` with a backoff, or `failed` after MAX_ATTEMPTS;
 *          every attempt is kept in delivery_attempts.
 *
 * Letters (channel post) are never claimed: they wait until a facilitator prints them.
 */
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import { deliveries, deliveryAttempts, notifications, outboxMessages } from "#db/schema";
import type { AccountPayload, OutboxRow } from "./compose.server";
import { newMessageId } from "./notify.server";

export const LEASE_MS = 2 * 60_000;

/**
 * The lease in force, in ms: LEASE_MS, or OUTBOX_LEASE_MS when set (the crash tests use a few
 * seconds so that a message claimed by a killed worker is claimed again without waiting two
 * minutes). It must stay above the SMTP timeouts (20 s connect, 45 s socket) in production.
 */
export function leaseMs(): number {
  const v = Number(process.env.OUTBOX_LEASE_MS);
  return Number.isFinite(v) && v > 0 ? v : LEASE_MS;
}
export const MAX_ATTEMPTS = 8;

/** 1 min, 2, 4… capped at 6 hours. */
export function backoffMs(attempts: number) {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 6 * 3600_000);
}

/** An account email (verification, reset, notices): always by email, whatever the preferences. */
export function enqueueAccountMessage(tx: Tx, userId: string, payload: AccountPayload, at: string) {
  return tx
    .insert(outboxMessages)
    .values({ userId, channel: "email", purpose: "account", payload: JSON.stringify(payload), nextAttemptAt: at, messageId: newMessageId(), createdAt: at })
    .returning({ id: outboxMessages.id })
    .get();
}

/** Turns due digest deliveries into one message per person and channel. Returns how many. */
export function groupDueDigests(now = new Date()) {
  const at = now.toISOString();
  return db.transaction((tx) => {
    const due = tx
      .select({ id: deliveries.id, userId: deliveries.userId, channel: deliveries.channel, councilId: notifications.councilId })
      .from(deliveries)
      .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
      .where(and(isNull(deliveries.outboxId), lte(deliveries.dueAt, at)))
      .orderBy(asc(deliveries.id))
      .all();
    const groups = new Map<string, typeof due>();
    for (const d of due) {
      const key = `${d.userId}\u0000${d.channel}`;
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    for (const list of groups.values()) {
      const councils = new Set(list.map((d) => d.councilId));
      const msg = tx
        .insert(outboxMessages)
        .values({
          userId: list[0]!.userId,
          channel: list[0]!.channel,
          purpose: "digest",
          councilId: councils.size === 1 ? [...councils][0]! : null,
          nextAttemptAt: at,
          messageId: newMessageId(),
          createdAt: at,
        })
        .returning({ id: outboxMessages.id })
        .get();
      tx.update(deliveries)
        .set({ outboxId: msg.id })
        .where(inArray(deliveries.id, list.map((d) => d.id)))
        .run();
    }
    return groups.size;
  });
}

/**
 * Claims the next due email or SMS: pending and due, or `sending` with an expired lease (its
 * worker stopped between claim and record). One statement, so the claim is atomic.
 */
export function claimNext(now = new Date(), leaseFor = leaseMs()): OutboxRow | null {
  const at = now.toISOString();
  const lease = new Date(now.getTime() + leaseFor).toISOString();
  const row = db
    .update(outboxMessages)
    .set({ status: "sending", leaseUntil: lease, attempts: sql`${outboxMessages.attempts} + 1` })
    .where(
      eq(
        outboxMessages.id,
        sql`(SELECT id FROM outbox_messages WHERE channel IN ('email','sms') AND ((status = 'pending' AND next_attempt_at <= ${at}) OR (status = 'sending' AND lease_until < ${at})) ORDER BY next_attempt_at LIMIT 1)`,
      ),
    )
    .returning()
    .get();
  return row ?? null;
}

export function recordSent(id: number, now = new Date()) {
  const at = now.toISOString();
  db.transaction((tx) => {
    tx.update(outboxMessages).set({ status: "sent", sentAt: at, leaseUntil: null, lastError: null }).where(eq(outboxMessages.id, id)).run();
    tx.insert(deliveryAttempts).values({ outboxId: id, at, ok: true }).run();
  });
}

export function recordFailure(id: number, attempts: number, error: string, now = new Date()) {
  const at = now.toISOString();
  const failed = attempts >= MAX_ATTEMPTS;
  db.transaction((tx) => {
    tx.update(outboxMessages)
      .set({
        status: failed ? "failed" : "pending",
        leaseUntil: null,
        lastError: error.slice(0, 1000),
        nextAttemptAt: new Date(now.getTime() + backoffMs(attempts)).toISOString(),
      })
      .where(eq(outboxMessages.id, id))
      .run();
    tx.insert(deliveryAttempts).values({ outboxId: id, at, ok: false, error: error.slice(0, 1000) }).run();
  });
}

/** A message that can no longer go (account deleted, address removed). */
export function cancelMessage(id: number, reason: string, now = new Date()) {
  db.update(outboxMessages).set({ status: "cancelled", leaseUntil: null, lastError: reason, sentAt: null }).where(eq(outboxMessages.id, id)).run();
  db.insert(deliveryAttempts).values({ outboxId: id, at: now.toISOString(), ok: false, error: reason }).run();
}

export function attemptsOf(id: number) {
  return db.select().from(deliveryAttempts).where(eq(deliveryAttempts.outboxId, id)).orderBy(asc(deliveryAttempts.id)).all();
}
