/**
 * Slows down repeated failed logins, per account (email) and per address (IP).
 * Counters live in the database (table login_throttles) through rate-limiter-flexible,
 * so a restart does not reset them. Keys are hashed emails, whether or not an account
 * exists, so a block reveals nothing about which emails have accounts.
 */
import { createHash } from "node:crypto";
import { RateLimiterSQLite, type RateLimiterRes } from "rate-limiter-flexible";
import { sqlite } from "#db/client.server";
import { DomainError } from "../errors";

/** Consecutive failures allowed per account before a pause, and the pause. */
export const ACCOUNT_FAILURES = 5;
const ACCOUNT_WINDOW_S = 60 * 60;
const ACCOUNT_BLOCK_S = 5 * 60;
/** Failures allowed per address per hour before a longer pause. */
export const ADDRESS_FAILURES = 30;
const ADDRESS_WINDOW_S = 60 * 60;
const ADDRESS_BLOCK_S = 15 * 60;

type Limiters = { account: RateLimiterSQLite; address: RateLimiterSQLite };
const g = globalThis as unknown as { __loginLimiters?: { handle: unknown; l: Limiters } };

function limiters(): Limiters {
  const handle = sqlite();
  if (g.__loginLimiters?.handle !== handle) {
    const common = {
      storeClient: handle,
      storeType: "better-sqlite3" as const,
      tableName: "login_throttles",
      tableCreated: true,
    };
    g.__loginLimiters = {
      handle,
      l: {
        account: new RateLimiterSQLite({
          ...common,
          keyPrefix: "acct",
          points: ACCOUNT_FAILURES,
          duration: ACCOUNT_WINDOW_S,
          blockDuration: ACCOUNT_BLOCK_S,
        }),
        address: new RateLimiterSQLite({
          ...common,
          keyPrefix: "addr",
          points: ADDRESS_FAILURES,
          duration: ADDRESS_WINDOW_S,
          blockDuration: ADDRESS_BLOCK_S,
        }),
      },
    };
  }
  return g.__loginLimiters.l;
}

const accountKey = (email: string) => createHash("sha256").update(email).digest("hex").slice(0, 32);

function blockedFor(res: RateLimiterRes | null, points: number): number {
  if (!res || res.consumedPoints <= points) return 0;
  return res.msBeforeNext;
}

/** Throws a 429 DomainError when this account or address must wait. */
export async function assertLoginAllowed(email: string, address: string) {
  const l = limiters();
  const [a, b] = await Promise.all([l.account.get(accountKey(email)), l.address.get(address)]);
  const wait = Math.max(blockedFor(a, ACCOUNT_FAILURES), blockedFor(b, ADDRESS_FAILURES));
  if (wait > 0) {
    throw new DomainError("errors.tooManyAttempts", 429, undefined, {
      minutes: Math.max(1, Math.ceil(wait / 60_000)),
    });
  }
}

export async function recordLoginFailure(email: string, address: string) {
  const l = limiters();
  // consume() rejects once the limit is passed; the rejection is the block, not an error.
  await Promise.allSettled([l.account.consume(accountKey(email)), l.address.consume(address)]);
}

export async function recordLoginSuccess(email: string) {
  await limiters().account.delete(accountKey(email));
}
