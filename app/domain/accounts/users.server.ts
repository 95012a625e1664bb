/**
 * Accounts: sign-up and log-in. The first account ever created becomes the town's admin
 * (that is how a town started with SEED=none gets its administrator).
 */
import { count, eq } from "drizzle-orm";
import { generateIdFromEntropySize } from "lucia";
import { db } from "#db/client.server";
import { roleAssignments, roleChanges, users } from "#db/schema";
import { DomainError } from "../errors";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { SignUpSchema, type LogInInput, type SignUpInput } from "./schemas";
import { assertLoginAllowed, recordLoginFailure, recordLoginSuccess } from "./throttle.server";

export function emailTaken(email: string): boolean {
  return !!db.select({ id: users.id }).from(users).where(eq(users.email, email)).get();
}

export async function signUp(input: SignUpInput): Promise<{ userId: string; madeAdmin: boolean }> {
  const data = SignUpSchema.parse(input);
  if (emailTaken(data.email)) throw new DomainError("errors.emailTaken", 400, "email");
  const passwordHash = await hashPassword(data.password);
  const userId = generateIdFromEntropySize(10);
  return db.transaction((tx) => {
    // Checked again inside the transaction: two sign-ups may race on the same email.
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, data.email)).get()) {
      throw new DomainError("errors.emailTaken", 400, "email");
    }
    const first = (tx.select({ n: count() }).from(users).get()?.n ?? 0) === 0;
    tx.insert(users).values({ id: userId, email: data.email, displayName: data.displayName, passwordHash }).run();
    if (first) {
      tx.insert(roleAssignments).values({ userId, role: "admin", councilId: null }).run();
      tx.insert(roleChanges).values({ actorId: null, userId, change: "grant", role: "admin", councilId: null }).run();
    }
    return { userId, madeAdmin: first };
  });
}

/**
 * Checks the credentials; one generic error for unknown email and wrong password alike
 * (no account enumeration). Slowed down per account and per address.
 */
export async function logIn(input: Pick<LogInInput, "email" | "password">, address: string): Promise<string> {
  await assertLoginAllowed(input.email, address);
  const user = db
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, input.email))
    .get();
  const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
  if (!user || !ok) {
    await recordLoginFailure(input.email, address);
    throw new DomainError("errors.loginFailed", 400);
  }
  await recordLoginSuccess(input.email);
  return user.id;
}


export function findUserByEmail(email: string) {
  return db
    .select({ id: users.id, email: users.email, displayName: users.displayName })
    .from(users)
    .where(eq(users.email, email.trim().toLowerCase()))
    .get();
}
