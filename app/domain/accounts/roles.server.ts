/**
 * Role assignments (resident / facilitator / official / admin, per council or town-wide)
 * and their audit trail: every grant and revoke is written to role_changes with who did
 * it and when, in the same transaction.
 */
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "#db/client.server";
import { councils, roleAssignments, roleChanges, users } from "#db/schema";
import { DomainError, NotFoundError } from "../errors";
import { assertCan, type MaybeActor } from "./policy";
import type { GrantRoleInput } from "./schemas";

export function grantRole(actor: MaybeActor, input: GrantRoleInput) {
  assertCan(actor, "role.manage");
  return db.transaction((tx) => {
    const user = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
    if (!user) throw new DomainError("errors.userUnknown", 400, "email");
    if (input.councilId !== null && !tx.select({ id: councils.id }).from(councils).where(eq(councils.id, input.councilId)).get()) {
      throw new DomainError("errors.councilUnknown", 400, "councilId");
    }
    const exists = tx
      .select({ id: roleAssignments.id })
      .from(roleAssignments)
      .where(
        and(
          eq(roleAssignments.userId, user.id),
          eq(roleAssignments.role, input.role),
          input.councilId === null ? isNull(roleAssignments.councilId) : eq(roleAssignments.councilId, input.councilId),
        ),
      )
      .get();
    if (exists) throw new DomainError("errors.roleAlreadyHeld", 400, "role");
    tx.insert(roleAssignments).values({ userId: user.id, role: input.role, councilId: input.councilId, grantedBy: actor!.userId }).run();
    tx.insert(roleChanges).values({ actorId: actor!.userId, userId: user.id, change: "grant", role: input.role, councilId: input.councilId }).run();
    return { userId: user.id };
  });
}

export function revokeRole(actor: MaybeActor, assignmentId: number) {
  assertCan(actor, "role.manage");
  return db.transaction((tx) => {
    const a = tx.select().from(roleAssignments).where(eq(roleAssignments.id, assignmentId)).get();
    if (!a) throw new NotFoundError();
    if (a.role === "admin" && a.councilId === null) {
      const admins = tx
        .select({ n: sql<number>`count(*)` })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.role, "admin"), isNull(roleAssignments.councilId)))
        .get();
      if ((admins?.n ?? 0) <= 1) throw new DomainError("errors.lastAdmin", 400);
    }
    tx.delete(roleAssignments).where(eq(roleAssignments.id, assignmentId)).run();
    tx.insert(roleChanges).values({ actorId: actor!.userId, userId: a.userId, change: "revoke", role: a.role, councilId: a.councilId }).run();
  });
}

/** Every assignment with the holder's name and the council's name, for the admin page. */
export function listAssignments() {
  return db
    .select({
      id: roleAssignments.id,
      role: roleAssignments.role,
      councilId: roleAssignments.councilId,
      councilName: councils.name,
      userId: users.id,
      displayName: users.displayName,
      email: users.email,
      grantedAt: roleAssignments.grantedAt,
    })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .leftJoin(councils, eq(councils.id, roleAssignments.councilId))
    .orderBy(users.displayName, roleAssignments.role)
    .all();
}

export function listRoleChanges(limit = 50) {
  const actorUser = alias(users, "actor_user");
  return db
    .select({
      id: roleChanges.id,
      at: roleChanges.at,
      change: roleChanges.change,
      role: roleChanges.role,
      councilName: councils.name,
      userName: users.displayName,
      actorName: actorUser.displayName,
    })
    .from(roleChanges)
    .leftJoin(users, eq(users.id, roleChanges.userId))
    .leftJoin(actorUser, eq(actorUser.id, roleChanges.actorId))
    .leftJoin(councils, eq(councils.id, roleChanges.councilId))
    .orderBy(desc(roleChanges.id))
    .limit(limit)
    .all();
}
