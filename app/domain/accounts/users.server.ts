/**
 * Accounts: sign-up with email verification, log-in, password reset, change of password and
 * of email. The first account ever created becomes the town's admin (that is how a town
 * started with SEED=none gets its administrator).
 *
 * No account enumeration: sign-up and "forgotten password" answer the same page whether
 * or not the address has an account, do the same work (a password hash, one outbox row),
 * and are limited per address and per target email. The owner of a taken address gets an
 * email saying someone tried to sign up with it.
 */
import { count, eq } from "drizzle-orm";
import { generateIdFromEntropySize } from "lucia";
import { db, type Tx } from "#db/client.server";
import { roleAssignments, roleChanges, towns, users } from "#db/schema";
import { DomainError } from "../errors";
import { enqueueAccountMessage } from "../notifications/outbox.server";
import { ensurePreferences } from "../notifications/preferences.server";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { assertStrongPassword } from "./password-strength.server";
import { assertCanAs, type MaybeActor } from "./policy";
import type { ChangeEmailInput, ChangePasswordInput, LogInInput, ResetPasswordInput, SignUpInput } from "./schemas";
import { endSessionsOf } from "./session.server";
import { assertLoginAllowed, consumeEmailForm, recordLoginFailure, recordLoginSuccess } from "./throttle.server";
import { peekToken, spendToken } from "./tokens.server";

type Opts = { now?: Date; address?: string; locale?: "fr" | "en" };
const iso = (o: Opts) => (o.now ?? new Date()).toISOString();

function userByEmail(tx: Tx, email: string) {
  return tx.select().from(users).where(eq(users.email, email)).get() ?? null;
}

function townName(tx: Tx) {
  return tx.select({ n: towns.name }).from(towns).get()?.n ?? "";
}

export function emailTaken(email: string): boolean {
  return !!userByEmail(db, email);
}

/**
 * Sign-up. Same answer whatever the address: a new account gets a verification email; a
 * taken address's owner gets "you already have an account". No session starts here: the
 * verification link starts it.
 */
export async function signUp(input: SignUpInput, opts: Opts = {}): Promise<void> {
  assertStrongPassword(input.password, [input.email, input.displayName, townName(db)]);
  await consumeEmailForm(input.email, opts.address ?? "unknown");
  // Hashed whether or not the account exists: the same work, the same time.
  const passwordHash = await hashPassword(input.password);
  const at = iso(opts);
  db.transaction((tx) => {
    const existing = userByEmail(tx, input.email);
    if (existing) {
      enqueueAccountMessage(tx, existing.id, { template: "signupExisting" }, at);
      return;
    }
    const userId = generateIdFromEntropySize(10);
    const first = (tx.select({ n: count() }).from(users).get()?.n ?? 0) === 0;
    tx.insert(users).values({ id: userId, email: input.email, displayName: input.displayName, passwordHash, locale: opts.locale ?? null, createdAt: at }).run();
    ensurePreferences(tx, userId, at);
    if (first) {
      tx.insert(roleAssignments).values({ userId, role: "admin", councilId: null }).run();
      tx.insert(roleChanges).values({ actorId: null, userId, change: "grant", role: "admin", councilId: null }).run();
    }
    enqueueAccountMessage(tx, userId, { template: "verifyEmail" }, at);
  });
}

/** Follows the link of the verification email: the address is proved; returns who to log in. */
export function verifyEmail(token: string, opts: Opts = {}): string {
  const now = opts.now ?? new Date();
  return db.transaction((tx) => {
    const t = spendToken(tx, token, "verifyEmail", now);
    tx.update(users).set({ emailVerifiedAt: now.toISOString() }).where(eq(users.id, t.userId)).run();
    return t.userId;
  });
}

/**
 * Checks the credentials; one generic error for unknown email and wrong password alike.
 * Slowed down per (account, address). An unverified account with the right password gets
 * a new verification email and a message saying so (whoever knows the password may know
 * the account exists).
 */
export async function logIn(input: Pick<LogInInput, "email" | "password">, address: string, opts: Opts = {}): Promise<string> {
  await assertLoginAllowed(input.email, address);
  const user = userByEmail(db, input.email);
  const ok = user && !user.deletedAt ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !ok) {
    await recordLoginFailure(input.email, address);
    throw new DomainError("errors.loginFailed", 400);
  }
  await recordLoginSuccess(input.email, address);
  if (!user.emailVerifiedAt) {
    await consumeEmailForm(input.email, address);
    db.transaction((tx) => enqueueAccountMessage(tx, user.id, { template: "verifyEmail" }, iso(opts)));
    throw new DomainError("errors.emailNotVerified", 400);
  }
  return user.id;
}

/** "Forgotten password": the same answer whether or not the address has an account. */
export async function requestPasswordReset(email: string, opts: Opts = {}): Promise<void> {
  await consumeEmailForm(email, opts.address ?? "unknown");
  const at = iso(opts);
  db.transaction((tx) => {
    const user = userByEmail(tx, email);
    if (user && !user.deletedAt) enqueueAccountMessage(tx, user.id, { template: "resetPassword" }, at);
  });
}

/**
 * A new password from the reset link. Proves the address too (it came by email). Every
 * session ends; the caller starts a fresh one. Returns the user id.
 */
export async function resetPassword(input: ResetPasswordInput, opts: Opts = {}): Promise<string> {
  const now = opts.now ?? new Date();
  // Checked (not spent) first, so that a weak password does not burn the link.
  const live = peekToken(input.token, "resetPassword", now);
  if (!live) throw new DomainError("errors.tokenInvalid", 400);
  const owner = db.select({ email: users.email, name: users.displayName }).from(users).where(eq(users.id, live.userId)).get();
  assertStrongPassword(input.password, [owner?.email ?? "", owner?.name ?? "", townName(db)]);
  const passwordHash = await hashPassword(input.password);
  return db.transaction((tx) => {
    const t = spendToken(tx, input.token, "resetPassword", now);
    const verified = tx.select({ v: users.emailVerifiedAt }).from(users).where(eq(users.id, t.userId)).get()?.v;
    tx.update(users)
      .set({ passwordHash, emailVerifiedAt: verified ?? now.toISOString() })
      .where(eq(users.id, t.userId))
      .run();
    endSessionsOf(t.userId, null, tx);
    return t.userId;
  });
}

/** Change of password: the current one is required; every other session ends; a notice is sent. */
export async function changePassword(actor: MaybeActor, input: ChangePasswordInput, opts: Opts & { keepSession: string | null }) {
  const a = assertCanAs(actor, "account.view");
  const user = db.select().from(users).where(eq(users.id, a.userId)).get()!;
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) throw new DomainError("errors.passwordWrong", 400, "currentPassword");
  assertStrongPassword(input.newPassword, [user.email, user.displayName, townName(db)], "newPassword");
  const passwordHash = await hashPassword(input.newPassword);
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, a.userId)).run();
    endSessionsOf(a.userId, opts.keepSession, tx);
    enqueueAccountMessage(tx, a.userId, { template: "passwordChanged" }, iso(opts));
  });
}

/**
 * Change of email, step 1: the password is required; a link goes to the new address. If
 * that address already has an account, its owner is told instead (same answer here).
 */
export async function requestEmailChange(actor: MaybeActor, input: ChangeEmailInput, opts: Opts = {}) {
  const a = assertCanAs(actor, "account.view");
  const user = db.select().from(users).where(eq(users.id, a.userId)).get()!;
  if (!(await verifyPassword(user.passwordHash, input.password))) throw new DomainError("errors.passwordWrong", 400, "password");
  if (input.newEmail === user.email) throw new DomainError("errors.sameEmail", 400, "newEmail");
  await consumeEmailForm(input.newEmail, opts.address ?? "unknown");
  const at = iso(opts);
  db.transaction((tx) => {
    const other = userByEmail(tx, input.newEmail);
    if (other) enqueueAccountMessage(tx, other.id, { template: "signupExisting" }, at);
    else enqueueAccountMessage(tx, a.userId, { template: "changeEmail", to: input.newEmail }, at);
  });
}

/** Change of email, step 2 (the link): the new address replaces the old; other sessions end. */
export function confirmEmailChange(token: string, opts: Opts & { keepSession?: string | null } = {}) {
  const now = opts.now ?? new Date();
  return db.transaction((tx) => {
    const t = spendToken(tx, token, "changeEmail", now);
    if (!t.newEmail || userByEmail(tx, t.newEmail)) throw new DomainError("errors.tokenInvalid", 400);
    const old = tx.select({ email: users.email }).from(users).where(eq(users.id, t.userId)).get()!;
    tx.update(users).set({ email: t.newEmail, emailVerifiedAt: now.toISOString() }).where(eq(users.id, t.userId)).run();
    endSessionsOf(t.userId, opts.keepSession ?? null, tx);
    enqueueAccountMessage(tx, t.userId, { template: "emailChanged", to: old.email }, now.toISOString());
    return { userId: t.userId, email: t.newEmail };
  });
}

export function findUserByEmail(email: string) {
  return db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .get();
}

export function accountSummary(userId: string) {
  return db.select({ email: users.email, displayName: users.displayName, emailVerifiedAt: users.emailVerifiedAt, createdAt: users.createdAt }).from(users).where(eq(users.id, userId)).get() ?? null;
}
