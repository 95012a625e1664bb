/** SEED=none: an empty town, no demo accounts, no demo logins shown. */
import { count } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { councils, users } from "#db/schema";
import { startup } from "#db/seed/startup.server";
import { demoLogin, getTown } from "~/domain/town/town.server";

describe("startup with SEED=none", () => {
  const saved = { seed: process.env.SEED, name: process.env.TOWN_NAME };
  afterAll(() => {
    process.env.SEED = saved.seed;
    process.env.TOWN_NAME = saved.name;
  });
  it("creates an empty town", async () => {
    process.env.SEED = "none";
    process.env.TOWN_NAME = "Saint-Essai";
    await startup();
    expect(getTown()).toMatchObject({ name: "Saint-Essai", demo: false });
    expect(db.select({ n: count() }).from(users).get()!.n).toBe(0);
    expect(db.select({ n: count() }).from(councils).get()!.n).toBe(0);
    expect(demoLogin()).toBeNull();
  });
});
