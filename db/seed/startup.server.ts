/**
 * What runs once when the server starts: open the database (which applies pending
 * migrations), then seed. SEED=demo (default) seeds the demo town when the database has
 * no town yet; SEED=none creates an empty town (its first account becomes admin).
 */
import { sqlite } from "../client.server";
import { seedDemo, seedEmptyTown } from "./seed.server";
import { publicOrigin } from "~/config/site.server";
import { townExists } from "~/domain/town/town.server";

export async function startup() {
  publicOrigin(); // a malformed PUBLIC_URL stops the server here, with a clear message
  sqlite(); // opens the handle: pragmas and migrations
  if (townExists()) return { seeded: false };
  if ((process.env.SEED ?? "demo") === "none") {
    seedEmptyTown(process.env.TOWN_NAME || "Ma commune");
    return { seeded: false };
  }
  await seedDemo();
  console.log("Demo town seeded.");
  return { seeded: true };
}
