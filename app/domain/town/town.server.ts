/** The town this instance serves: its name, accent colour, time zone, currency, demo flag. */
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { towns } from "#db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "#db/seed/demo-town";
import { assertCan, type MaybeActor } from "../accounts/policy";
import type { TownInput } from "./schemas";

export type Town = typeof towns.$inferSelect;

const FALLBACK: Town = {
  id: 1,
  name: "Conseil Ouvert",
  accentColor: "#1d5fa8",
  timeZone: "Europe/Paris",
  currency: "EUR",
  deskInfo: "",
  demo: false,
  createdAt: new Date(0).toISOString(),
};

export function getTown(): Town {
  return db.select().from(towns).where(eq(towns.id, 1)).get() ?? FALLBACK;
}

export function townExists(): boolean {
  return !!db.select({ id: towns.id }).from(towns).where(eq(towns.id, 1)).get();
}

/** Demo accounts to show on the login page, only while the town is in demo mode. */
export function demoLogin() {
  if (!getTown().demo) return null;
  return {
    password: DEMO_PASSWORD,
    accounts: DEMO_ACCOUNTS.map((a) => ({ key: a.key, displayName: a.displayName, email: a.email })),
  };
}

export function updateTown(actor: MaybeActor, input: TownInput) {
  assertCan(actor, "town.edit");
  db.update(towns).set({ name: input.name, accentColor: input.accentColor.toLowerCase(), deskInfo: input.deskInfo }).where(eq(towns.id, 1)).run();
}
