/** Start-up seeding: the demo town on an empty database, once; SEED=none gives an empty town. */
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { councils, residencyVerifications, roleAssignments, users } from "#db/schema";
import { startup } from "#db/seed/startup.server";
import { demoLogin, getTown } from "~/domain/town/town.server";

describe("startup", () => {
  it("seeds the demo town on an empty database, with every role, and only once", async () => {
    expect((await startup()).seeded).toBe(true);
    expect(getTown()).toMatchObject({ name: "Montclair-sur-Ardonne", demo: true });
    expect(db.select({ n: count() }).from(councils).get()!.n).toBeGreaterThanOrEqual(6);
    const roles = new Set(db.select({ role: roleAssignments.role }).from(roleAssignments).all().map((r) => r.role));
    expect([...roles].sort()).toEqual(["admin", "facilitator", "official"]);
    // residency is a verification record, not a role: the demo has verified residents
    expect(db.select({ n: count() }).from(residencyVerifications).get()!.n).toBeGreaterThan(10);
    expect(demoLogin()?.accounts).toHaveLength(4);
    const usersBefore = db.select({ n: count() }).from(users).get()!.n;
    expect((await startup()).seeded).toBe(false);
    expect(db.select({ n: count() }).from(users).get()!.n).toBe(usersBefore);
  });
});
