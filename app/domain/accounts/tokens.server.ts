/**
 * Single-use account tokens: email verification, password reset, change of email.
 * Owns: issuing (a random 256-bit token; only its SHA-256 is stored), checking and
 * spending. A token is spent by its first use, in the transaction of the change it allows,
 * and every other live token of the same purpose for that person is spent with it.
 * Tokens are minted when the email is sent (outbox worker), so the database never holds
 * one that works.
 */
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import type { TOKEN_PURPOSES } from "#db/enums";
import { accountTokens } from "#db/schema";
import { DomainError } from "../errors";

export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

/** How long a link works. Short: a mailbox read later should ask for a new one. */
export const TOKEN_TTL_MS: Record<TokenPurpose, number> = {
  verifyEmail: 24 * 3600_000,
  resetPassword: 30 * 60_000,
  changeEmail: 60 * 60_000,
};

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** A new token for `purpose`; returns the token itself (to put in the email, never stored). */
export function issueToken(tx: Tx, userId: string, purpose: TokenPurpose, opts: { newEmail?: string | null; now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  tx.insert(accountTokens)
    .values({
      userId,
      purpose,
      tokenHash: hashToken(token),
      newEmail: opts.newEmail ?? null,
      expiresAt: new Date(now.getTime() + TOKEN_TTL_MS[purpose]).toISOString(),
      createdAt: now.toISOString(),
    })
    .run();
  return token;
}

const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** The live token row, without spending it (pages that show a form before the change). */
export function peekToken(token: string | null | undefined, purpose: TokenPurpose, now = new Date(), tx: Tx = db) {
  if (!token || !TOKEN_RE.test(token)) return null;
  return (
    tx
      .select()
      .from(accountTokens)
      .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, now.toISOString())))
      .get() ?? null
  );
}

/**
 * Spends the token (first use wins, even between concurrent requests: the UPDATE is the
 * check) and every other live token of the same purpose for that person. Throws a 400
 * DomainError when it is unknown, expired or already used.
 */
export function spendToken(tx: Tx, token: string | null | undefined, purpose: TokenPurpose, now = new Date()) {
  const at = now.toISOString();
  if (!token || !TOKEN_RE.test(token)) throw new DomainError("errors.tokenInvalid", 400);
  const row = tx
    .update(accountTokens)
    .set({ usedAt: at })
    .where(and(eq(accountTokens.tokenHash, hashToken(token)), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt), gt(accountTokens.expiresAt, at)))
    .returning()
    .get();
  if (!row) throw new DomainError("errors.tokenInvalid", 400);
  tx.update(accountTokens)
    .set({ usedAt: at })
    .where(and(eq(accountTokens.userId, row.userId), eq(accountTokens.purpose, purpose), isNull(accountTokens.usedAt)))
    .run();
  return row;
}
