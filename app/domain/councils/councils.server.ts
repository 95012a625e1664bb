/**
 * Councils (conseils de quartier): the town's neighbourhoods. Owns their list, their page
 * data and their creation and editing by an admin.
 */
import { and, asc, eq, ne } from "drizzle-orm";
import { db } from "#db/client.server";
import { councils, roleAssignments, users } from "#db/schema";
import { assertCan, type MaybeActor } from "../accounts/policy";
import { DomainError, NotFoundError } from "../errors";
import { verifiedCount } from "../residency/residency.server";
import type { CouncilInput } from "./schemas";

export { CouncilSchema, type CouncilInput } from "./schemas";

export function listCouncils() {
  return db.select().from(councils).orderBy(asc(councils.name)).all();
}

export function getCouncilBySlug(slug: string) {
  return db.select().from(councils).where(eq(councils.slug, slug)).get() ?? null;
}

export function getCouncil(id: number) {
  return db.select().from(councils).where(eq(councils.id, id)).get() ?? null;
}

/** People holding a role for this council (facilitators, officials), for its page. */
export function councilPeople(councilId: number) {
  return db
    .select({ role: roleAssignments.role, displayName: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(eq(roleAssignments.councilId, councilId))
    .orderBy(roleAssignments.role, users.displayName)
    .all();
}

/** Verified residents of the council (residency verifications, not roles). */
export function councilMemberCount(councilId: number): number {
  return verifiedCount(councilId);
}

export function createCouncil(actor: MaybeActor, input: CouncilInput) {
  assertCan(actor, "council.create");
  if (getCouncilBySlug(input.slug)) throw new DomainError("errors.slugTaken", 400, "slug");
  return db.insert(councils).values(input).returning().get();
}

export function updateCouncil(actor: MaybeActor, id: number, input: CouncilInput) {
  assertCan(actor, "council.edit", { councilId: id });
  const current = getCouncil(id);
  if (!current) throw new NotFoundError();
  const clash = db.select({ id: councils.id }).from(councils).where(and(eq(councils.slug, input.slug), ne(councils.id, id))).get();
  if (clash) throw new DomainError("errors.slugTaken", 400, "slug");
  return db
    .update(councils)
    .set({ ...input, updatedAt: new Date().toISOString() })
    .where(eq(councils.id, id))
    .returning()
    .get();
}
