/**
 * One-time form tokens: a double submission (double click, a resend after a slow network,
 * five identical posts in parallel) stores one record and shows it once.
 *
 * A creating form carries a random token (`newOnceToken`, rendered by `OnceField`). The
 * action runs the domain call through `submitOnce`, which claims the token in the same
 * transaction as the record (better-sqlite3 nests the domain function's own transaction
 * as a savepoint): if the call fails, the claim is rolled back and the form can be sent
 * again; if the token was already used, nothing runs and the first submission's location
 * is returned, so the person lands on the record that exists.
 *
 * Tokens are not secrets: they only make a submission idempotent. Used tokens are kept
 * 2 days, then forgotten.
 */
import { randomBytes } from "node:crypto";
import { eq, lt } from "drizzle-orm";
import { db } from "#db/client.server";
import { onceTokens } from "#db/schema";
import type { Actor } from "../accounts/policy";
import { DomainError } from "../errors";

const TOKEN_RE = /^[A-Za-z0-9_-]{16,64}$/;
const KEEP_MS = 2 * 24 * 3600 * 1000;

/** A fresh token for a form (22 url-safe characters, 128 bits). */
export function newOnceToken(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * Runs `run` once per token. Returns where to go: the new record's location
 * (`locate(result)`), or the location stored by the first submission with this token.
 * Errors: DomainError "errors.formExpired" (400) when the token is missing or malformed.
 */
export function submitOnce<T>(actor: Actor | null, token: FormDataEntryValue | null, run: () => T, locate: (result: T) => string): { location: string; result?: T } {
  if (typeof token !== "string" || !TOKEN_RE.test(token)) throw new DomainError("errors.formExpired", 400);
  const now = new Date();
  return db.transaction((tx) => {
    const used = tx.select({ location: onceTokens.location }).from(onceTokens).where(eq(onceTokens.token, token)).get();
    if (used) return { location: used.location };
    const result = run();
    const location = locate(result);
    tx.insert(onceTokens).values({ token, userId: actor?.userId ?? null, location, createdAt: now.toISOString() }).run();
    if (Math.random() < 0.01) {
      tx.delete(onceTokens).where(lt(onceTokens.createdAt, new Date(now.getTime() - KEEP_MS).toISOString())).run();
    }
    return { location, result };
  });
}
