/**
 * Slowing down guessing, without letting anyone lock a person out.
 *
 * Logins are throttled by the pair (account, address): after FREE_FAILURES wrong passwords
 * from one address for one account, that address must wait before its next try for that
 * account, 1 s, 2 s, 4 s… up to 5 minutes. Nothing is locked: the owner logging in from
 * another address is not slowed at all, and a correct password from a slowed address
 * works as soon as its wait is over. An address that fails across many accounts is slowed
 * as a whole (password spraying).
 *
 * Sign-up, password reset and email changes send emails: they are limited per address and
 * per target email, so nobody can flood a mailbox or probe addresses quickly.
 *
 * Counters live in the database (table login_throttles) through rate-limiter-flexible, so
 * a restart does not reset them. Keys are hashes of the email, whether or not an account
 * exists, so a limit reveals nothing about which emails have accounts.
 */
import { createHash } from "node:crypto";
import { RateLimiterSQLite, type RateLimiterRes } from "rate-limiter-flexible";
import { sqlite } from "#db/client.server";
import { DomainError } from "../errors";

/** Wrong passwords per (account, address) before each try must wait. */
export const FREE_FAILURES = 5;
const PAIR_WINDOW_S = 24 * 60 * 60;
const MAX_WAIT_S = 5 * 60;
/** Failures allowed per address per hour, all accounts together, before a pause. */
export const ADDRESS_FAILURES = 100;

/** Emails a form may cause, per target email and per address, per hour. */
export const EMAILS_PER_TARGET = 5;
export const EMAIL_FORMS_PER_ADDRESS = 20;

type Limiters = Record<"pairCount" | "pairWait" | "address" | "target" | "sender", RateLimiterSQLite>;
const g = globalThis as unknown as { __throttles?: { handle: unknown; l: Limiters } };

function limiters(): Limiters {
  const handle = sqlite();
  if (g.__throttles?.handle !== handle) {
    const common = { storeClient: handle, storeType: "better-sqlite3" as const, tableName: "login_throttles", tableCreated: true };
    g.__throttles = {
      handle,
      l: {
        pairCount: new RateLimiterSQLite({ ...common, keyPrefix: "pair", points: 1_000_000, duration: PAIR_WINDOW_S }),
        pairWait: new RateLimiterSQLite({ ...common, keyPrefix: "wait", points: 1, duration: MAX_WAIT_S }),
        address: new RateLimiterSQLite({ ...common, keyPrefix: "addr", points: ADDRESS_FAILURES, duration: 3600, blockDuration: 15 * 60 }),
        target: new RateLimiterSQLite({ ...common, keyPrefix: "mailto", points: EMAILS_PER_TARGET, duration: 3600 }),
        sender: new RateLimiterSQLite({ ...common, keyPrefix: "mailfrom", points: EMAIL_FORMS_PER_ADDRESS, duration: 3600 }),
      },
    };
  }
  return g.__throttles.l;
}

const emailKey = (email: string) => createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32);
const pairKey = (email: string, address: string) => `${emailKey(email)}:${address}`;

/** The wait before try n+1 after n failures of a pair: 0 for the first FREE_FAILURES. */
export function waitAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_WAIT_S);
}

function tooMany(ms: number): never {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  throw new DomainError("errors.tooManyAttempts", 429, undefined, { seconds, minutes: Math.max(1, Math.ceil(seconds / 60)) });
}

function blocked(res: RateLimiterRes | null, points: number): number {
  if (!res || res.consumedPoints <= points) return 0;
  return res.msBeforeNext;
}

/** Throws a 429 DomainError when this address must wait before trying this account again. */
export async function assertLoginAllowed(email: string, address: string) {
  const l = limiters();
  const [wait, addr] = await Promise.all([l.pairWait.get(pairKey(email, address)), l.address.get(address)]);
  const ms = Math.max(wait && wait.consumedPoints > 0 ? wait.msBeforeNext : 0, blocked(addr, ADDRESS_FAILURES));
  if (ms > 0) tooMany(ms);
}

export async function recordLoginFailure(email: string, address: string) {
  const l = limiters();
  const key = pairKey(email, address);
  const [count] = await Promise.allSettled([l.pairCount.consume(key), l.address.consume(address)]);
  const failures = count.status === "fulfilled" ? count.value.consumedPoints : FREE_FAILURES;
  const wait = waitAfter(failures);
  if (wait > 0) await l.pairWait.set(key, 1, wait);
}

/** A correct password clears that pair's count (other addresses keep theirs). */
export async function recordLoginSuccess(email: string, address: string) {
  const l = limiters();
  const key = pairKey(email, address);
  await Promise.all([l.pairCount.delete(key), l.pairWait.delete(key)]);
}

/**
 * Before a form that sends an email to `email` (sign-up, reset, change of address):
 * counts against both the target and the sender's address; throws a 429 when either is
 * spent. Applied the same whether or not an account uses `email`.
 */
export async function consumeEmailForm(email: string, address: string) {
  const l = limiters();
  const [target, sender] = await Promise.allSettled([l.target.consume(emailKey(email)), l.sender.consume(address)]);
  for (const r of [target, sender]) if (r.status === "rejected") tooMany((r.reason as RateLimiterRes).msBeforeNext ?? 60_000);
}
