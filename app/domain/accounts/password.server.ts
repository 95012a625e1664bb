/** Password hashing: argon2id (OWASP's minimum parameters: 19 MiB, 2 passes). */
import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 exports `Algorithm` as a const enum, which isolatedModules cannot read;
// 2 is Algorithm.Argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A real hash to verify against when the email is unknown, so that the response time
// does not reveal whether an account exists.
let dummy: Promise<string> | undefined;
export async function verifyAgainstDummy(password: string) {
  dummy ??= hashPassword("not-a-real-password-" + Math.random());
  await verifyPassword(await dummy, password);
  return false;
}
