/**
 * The city seed's named accounts (db/seed/city.server.ts), for signed-in benchmarks: plain
 * data, so bench scripts can read it without opening the app's database.
 */

/** The password of every named city account. */
export const CITY_PASSWORD = "conseil-city-2026";

/** Named accounts: a verified resident of the first council who has not voted in the open budget, its facilitator, an official, an administrator. */
export const CITY_ACCOUNTS = {
  resident: "habitant@grande-ville.example",
  facilitator: "animation@grande-ville.example",
  official: "elu@grande-ville.example",
  admin: "admin@grande-ville.example",
} as const;
