/**
 * Notification preferences: the channel (email, SMS, post or none), immediate or daily
 * digest, the topics, the language (users.locale), and the one-click unsubscribe that
 * works without logging in (RFC 8058).
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import { notificationPreferences, users } from "#db/schema";
import { assertCanAs, type MaybeActor } from "../accounts/policy";
import { isLocale, type Locale } from "~/lib/format";
import { DEFAULT_PREFERENCES, parseTopics, type Preferences } from "./notify.server";
import type { PreferencesInput } from "./schemas";

type Clock = { now?: Date };

/** The person's preferences row, created with the defaults when missing. */
export function ensurePreferences(tx: Tx, userId: string, at: string) {
  const row = tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).get();
  if (row) return row;
  return tx
    .insert(notificationPreferences)
    .values({ userId, unsubscribeKey: randomBytes(18).toString("base64url"), updatedAt: at })
    .returning()
    .get();
}

export function getPreferences(userId: string): Preferences & { locale: Locale } {
  const row = db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId)).get();
  const locale = db.select({ l: users.locale }).from(users).where(eq(users.id, userId)).get()?.l;
  const prefs = row
    ? { channel: row.channel, digest: row.digest, topics: parseTopics(row.topics), phone: row.phone, postalAddress: row.postalAddress }
    : DEFAULT_PREFERENCES;
  return { ...prefs, locale: isLocale(locale) ? locale : "fr" };
}

export function setPreferences(actor: MaybeActor, input: PreferencesInput, opts: Clock = {}) {
  const a = assertCanAs(actor, "account.view");
  const at = (opts.now ?? new Date()).toISOString();
  db.transaction((tx) => {
    ensurePreferences(tx, a.userId, at);
    tx.update(notificationPreferences)
      .set({ channel: input.channel, digest: input.digest, topics: JSON.stringify(input.topics), phone: input.phone, postalAddress: input.postalAddress, updatedAt: at })
      .where(eq(notificationPreferences.userId, a.userId))
      .run();
    tx.update(users).set({ locale: input.locale }).where(eq(users.id, a.userId)).run();
  });
}

/** The unsubscribe key for a person's emails (created with the preferences row). */
export function unsubscribeKey(tx: Tx, userId: string, at: string) {
  return ensurePreferences(tx, userId, at).unsubscribeKey;
}

/**
 * One-click unsubscribe: turns the person's deliveries off ("none": the in-app list stays).
 * Returns false for an unknown key. No session is needed: the key is the proof.
 */
export function unsubscribe(key: string, opts: Clock = {}): boolean {
  if (!key || key.length > 100) return false;
  const at = (opts.now ?? new Date()).toISOString();
  const r = db.update(notificationPreferences).set({ channel: "none", updatedAt: at }).where(eq(notificationPreferences.unsubscribeKey, key)).run();
  return r.changes === 1;
}
