/**
 * Which named accounts a benchmark signs in with: the city's (db/seed/city-accounts.ts) when the database has them, otherwise the demo town's (db/seed/demo-town.ts).
 * Plain data: no database handle of the app is opened here.
 */
import Database from "better-sqlite3";
import { CITY_ACCOUNTS, CITY_PASSWORD } from "../../db/seed/city-accounts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../db/seed/demo-town";

const CITY = { resident: CITY_ACCOUNTS.resident, official: CITY_ACCOUNTS.official, password: CITY_PASSWORD };

export function accountsFor(dbFile: string): { resident: string; official: string; password: string } {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const city = db.prepare("SELECT 1 FROM users WHERE email = ?").get(CITY.resident);
  db.close();
  if (city) return CITY;
  const email = (key: string) => DEMO_ACCOUNTS.find((x) => x.key === key)!.email;
  return { resident: email("resident"), official: email("official"), password: DEMO_PASSWORD };
}
