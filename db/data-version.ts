/**
 * The public data version: one integer that every change to data a public page can show
 * increments, inside the transaction that makes the change (row triggers). The page cache
 * (app/utils/page-cache.server.ts) serves a stored page only while this number is the one
 * it was rendered at, so a cached page can never outlive the data it shows.
 *
 * The triggers are (re)created when the database opens, for every table except those whose
 * rows never reach a page a visitor sees (sessions, tokens, the outbox, private logs, the
 * ballots themselves before the count — the count is written to ballot_boxes). A table added
 * later is covered without anyone remembering to: tests/integration/page-cache.test.ts
 * checks that every table is either versioned or listed here.
 */
import type Database from "better-sqlite3";

/** Tables whose changes never alter what an anonymous visitor can see. */
export const UNVERSIONED_TABLES = new Set([
  "__drizzle_migrations",
  "data_version",
  "sessions",
  "login_throttles",
  "once_tokens",
  "account_tokens",
  "outbox_messages",
  "deliveries",
  "delivery_attempts",
  "notification_preferences",
  "notifications",
  "residency_claims",
  "secrets",
  "ballots",
  // turnout changes with every participation: public pages show it "as of" a minute and
  // expire at the next minute while a box is open (transitions.server.ts), so a ballot
  // storm does not empty the page cache a thousand times a second
  "participations",
  "paper_ballot_entries",
  "role_changes",
]);

export function versionedTables(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .all() as { name: string; sql: string | null }[];
  // FTS5 virtual tables and their shadow tables cannot carry triggers; the tables they index do
  const virtual = rows.filter((r) => /CREATE VIRTUAL TABLE/i.test(r.sql ?? "")).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((n) => !UNVERSIONED_TABLES.has(n) && !virtual.some((v) => n === v || n.startsWith(`${v}_`)))
    .sort();
}

/** Creates the version row and one trigger per table and operation (idempotent). */
export function ensureDataVersion(sqlite: Database.Database) {
  sqlite.exec("CREATE TABLE IF NOT EXISTS data_version (id INTEGER PRIMARY KEY CHECK (id = 1), v INTEGER NOT NULL)");
  sqlite.exec("INSERT OR IGNORE INTO data_version (id, v) VALUES (1, 0)");
  const tables = versionedTables(sqlite);
  const existing = new Set((sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dv\\_%' ESCAPE '\\'").all() as { name: string }[]).map((r) => r.name));
  const create = sqlite.transaction(() => {
    for (const t of tables) {
      for (const op of ["INSERT", "UPDATE", "DELETE"]) {
        const name = `dv_${t}_${op.toLowerCase()}`;
        if (existing.has(name)) continue;
        sqlite.exec(`CREATE TRIGGER "${name}" AFTER ${op} ON "${t}" BEGIN UPDATE data_version SET v = v + 1 WHERE id = 1; END`);
      }
    }
  });
  create();
}

/** Drops the version triggers (bulk loads such as seed:city) — call ensureDataVersion after. */
export function dropDataVersionTriggers(sqlite: Database.Database) {
  const names = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dv\\_%' ESCAPE '\\'").all() as { name: string }[]).map((r) => r.name);
  for (const n of names) sqlite.exec(`DROP TRIGGER IF EXISTS "${n}"`);
}

const readers = new WeakMap<Database.Database, Database.Statement>();
/** The current data version (one prepared statement per connection, ~2 µs). */
export function readDataVersion(sqlite: Database.Database): number {
  let stmt = readers.get(sqlite);
  if (!stmt) {
    stmt = sqlite.prepare("SELECT v FROM data_version WHERE id = 1").pluck();
    readers.set(sqlite, stmt);
  }
  return (stmt.get() as number | undefined) ?? 0;
}
