/** The town this instance serves: its name, accent colour, time zone, currency, demo flag. */
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { towns } from "#db/schema";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "#db/seed/demo-town";
import { z } from "zod";
import { contrastRatio, HEX_COLOUR } from "~/lib/contrast";
import { msg } from "~/lib/messages";
import { assertCan, type MaybeActor } from "../accounts/policy";

export type Town = typeof towns.$inferSelect;

const FALLBACK: Town = {
  id: 1,
  name: "Conseil Ouvert",
  accentColor: "#1d5fa8",
  timeZone: "Europe/Paris",
  currency: "EUR",
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

/** The accent colour is used for text on white and for white text on it: both need 4.5:1. */
export const TownSchema = z.object({
  name: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(120, msg("errors.tooLong", { max: 120 })),
  accentColor: z
    .string({ required_error: "errors.required" })
    .trim()
    .regex(HEX_COLOUR, "errors.colourInvalid")
    .refine((c) => !HEX_COLOUR.test(c) || contrastRatio(c, "#ffffff") >= 4.5, "errors.colourContrast"),
});

export function updateTown(actor: MaybeActor, input: z.infer<typeof TownSchema>) {
  assertCan(actor, "town.edit");
  db.update(towns).set({ name: input.name, accentColor: input.accentColor.toLowerCase() }).where(eq(towns.id, 1)).run();
}
