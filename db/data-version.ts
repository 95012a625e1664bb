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

/**
 * Columns whose updates never alter what a visitor sees (bookkeeping): an update that
 * changes only these leaves the version alone. `votes.open_announced_at` marks that the
 * "vote opened" notification went out; the page turned "open" by the clock, not by it.
 */
export const UNVERSIONED_COLUMNS: Record<string, string[]> = {
  votes: ["open_announced_at"],
};

function updateTriggerSql(sqlite: Database.Database, table: string, name: string): string {
  const skip = UNVERSIONED_COLUMNS[table];
  if (!skip) return `CREATE TRIGGER "${name}" AFTER UPDATE ON "${table}" BEGIN UPDATE data_version SET v = v + 1 WHERE id = 1; END`;
  const cols = (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name).filter((c) => !skip.includes(c));
  return `CREATE TRIGGER "${name}" AFTER UPDATE OF ${cols.map((c) => `"${c}"`).join(", ")} ON "${table}" BEGIN UPDATE data_version SET v = v + 1 WHERE id = 1; END`;
}

/** Creates the version row and one trigger per table and operation (idempotent; an update trigger that no longer matches its table's columns is recreated). */
export function ensureDataVersion(sqlite: Database.Database) {
  sqlite.exec("CREATE TABLE IF NOT EXISTS data_version (id INTEGER PRIMARY KEY CHECK (id = 1), v INTEGER NOT NULL)");
  sqlite.exec("INSERT OR IGNORE INTO data_version (id, v) VALUES (1, 0)");
  const tables = versionedTables(sqlite);
  const existing = new Map((sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dv\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[]).map((r) => [r.name, r.sql]));
  const create = sqlite.transaction(() => {
    for (const t of tables) {
      for (const op of ["INSERT", "UPDATE", "DELETE"]) {
        const name = `dv_${t}_${op.toLowerCase()}`;
        const want = op === "UPDATE" ? updateTriggerSql(sqlite, t, name) : `CREATE TRIGGER "${name}" AFTER ${op} ON "${t}" BEGIN UPDATE data_version SET v = v + 1 WHERE id = 1; END`;
        const have = existing.get(name);
        if (have === want) continue;
        if (have !== undefined) sqlite.exec(`DROP TRIGGER "${name}"`);
        sqlite.exec(want);
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

/**
 * A value read from versioned tables only (never from UNVERSIONED_TABLES, never depending on
 * the clock unless the clock is in `key`), kept until the data version moves: for counts
 * over thousands of rows that every request of a list or dashboard repeats. One map per
 * use; at most `limit` keys, oldest dropped first.
 */
export function keptPerDataVersion<T>(sqlite: Database.Database, cache: Map<string, T>, key: string, compute: () => T, limit = 500): T {
  const full = `${readDataVersion(sqlite)}|${key}`;
  const hit = cache.get(full);
  if (hit !== undefined) return hit;
  const value = compute();
  if (cache.size >= limit) cache.delete(cache.keys().next().value!);
  cache.set(full, value);
  return value;
}
