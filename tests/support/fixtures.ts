/** Test data helpers: the demo town, and accounts with given roles. */
import { generateIdFromEntropySize } from "lucia";
import { db } from "#db/client.server";
import { councils, roleAssignments, users } from "#db/schema";
import type { Role } from "#db/enums";
import { seedDemo, seedEmptyTown } from "#db/seed/seed.server";
import { loadActor } from "~/domain/accounts/session.server";
import { hashPassword } from "~/domain/accounts/password.server";
import { townExists } from "~/domain/town/town.server";

export async function demoTown() {
  if (!townExists()) await seedDemo();
}

let cachedHash: string | undefined;
/** An account whose address is confirmed (unless `verified: false`), with the given roles. */
export async function makeUser(opts: { email?: string; name?: string; verified?: boolean; roles?: { role: Role; councilId: number | null }[] } = {}) {
  cachedHash ??= await hashPassword("correct horse battery");
  const id = generateIdFromEntropySize(10);
  const email = opts.email ?? `${id}@test.fr`;
  const verifiedAt = opts.verified === false ? null : new Date().toISOString();
  db.insert(users).values({ id, email, displayName: opts.name ?? `Test ${id.slice(0, 4)}`, passwordHash: cachedHash, emailVerifiedAt: verifiedAt }).run();
  for (const r of opts.roles ?? []) db.insert(roleAssignments).values({ userId: id, role: r.role, councilId: r.councilId }).run();
  return loadActor(id)!;
}

export const TEST_PASSWORD = "correct horse battery";

/** An empty town (no demo content), for tests that create everything they use. */
export function emptyTown(name = "Commune de test") {
  if (!townExists()) seedEmptyTown(name);
}

let councilSeq = 0;
/** A council of the test's own, with a unique slug. */
export function makeCouncil(name?: string) {
  councilSeq++;
  const slug = `conseil-test-${process.pid}-${councilSeq}`;
  return db.insert(councils).values({ slug, name: name ?? `Conseil de test ${councilSeq}`, description: "", territory: "" }).returning().get();
}
