/**
 * Letters: notifications for residents who chose post wait in the outbox (channel post,
 * status pending) until a facilitator prints them and marks them sent. A facilitator sees
 * the letters of their councils; a town-wide facilitator sees them all.
 */
import { and, asc, eq, inArray } from "drizzle-orm";
import { db } from "#db/client.server";
import { deliveryAttempts, outboxMessages } from "#db/schema";
import { assertCanAs, canSomewhere, type MaybeActor } from "../accounts/policy";
import { ForbiddenError } from "../errors";
import { scopeFor } from "../stats/dashboard.server";
import { composeMessage } from "./compose.server";

function scopeWhere(actor: MaybeActor) {
  if (!actor || !canSomewhere(actor, "letters.print")) throw new ForbiddenError("letters.print");
  const scope = scopeFor(actor, "letters.print");
  return and(eq(outboxMessages.channel, "post"), eq(outboxMessages.status, "pending"), scope ? inArray(outboxMessages.councilId, scope.length ? scope : [-1]) : undefined);
}

export function listLetters(actor: MaybeActor, now = new Date()) {
  const rows = db.select().from(outboxMessages).where(scopeWhere(actor)).orderBy(asc(outboxMessages.id)).limit(500).all();
  return rows.flatMap((m) => {
    const c = db.transaction((tx) => composeMessage(tx, m, now));
    if (!c) return [];
    return [{ id: m.id, createdAt: m.createdAt, locale: c.locale, name: c.name, address: c.to, subject: c.subject, items: c.items, townName: c.townName, greeting: c.text.split("\n\n")[0]! }];
  });
}

/** Marks printed letters as sent (only letters this facilitator may see). Returns how many. */
export function markLettersSent(actor: MaybeActor, ids: number[], now = new Date()) {
  if (!ids.length) return 0;
  const at = now.toISOString();
  return db.transaction((tx) => {
    const rows = tx.select().from(outboxMessages).where(and(scopeWhere(actor), inArray(outboxMessages.id, ids))).all();
    for (const m of rows) {
      const a = assertCanAs(actor, "letters.print", { councilId: m.councilId });
      tx.update(outboxMessages).set({ status: "sent", sentAt: at, sentById: a.userId, attempts: m.attempts + 1 }).where(eq(outboxMessages.id, m.id)).run();
      tx.insert(deliveryAttempts).values({ outboxId: m.id, at, ok: true, error: null }).run();
    }
    return rows.length;
  });
}
