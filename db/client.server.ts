/**
 * The single better-sqlite3 handle and its drizzle wrapper.
 * Owns: opening the file (DATABASE_PATH, default data/conseil.db), the pragmas (WAL,
 * foreign keys, busy timeout) and applying committed migrations at start-up.
 * Everything that reads or writes the database goes through `db` (domain code only).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { ensureDataVersion } from "./data-version";
import * as schema from "./schema";

export type DB = BetterSQLite3Database<typeof schema>;
/** What a domain function receives when it runs inside someone else's transaction. */
export type Tx = Parameters<Parameters<DB["transaction"]>[0]>[0] | DB;

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "db/migrations");

export function databasePath(): string {
  return process.env.DATABASE_PATH || path.resolve(process.cwd(), "data/conseil.db");
}

export function openDatabase(file: string, migrationsFolder = MIGRATIONS_DIR) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  ensureDataVersion(sqlite);
  return { sqlite, db };
}

type Handle = ReturnType<typeof openDatabase>;
// One handle per process, kept across dev rebuilds (as indie-stack's singleton does).
const g = globalThis as unknown as { __conseilDb?: Handle };

function handle(): Handle {
  g.__conseilDb ??= openDatabase(databasePath());
  return g.__conseilDb;
}

/**
 * Every transaction starts with BEGIN IMMEDIATE: it takes the write lock first, waiting up to
 * busy_timeout for it. A deferred transaction that reads and then writes fails at once with
 * SQLITE_BUSY when another connection (the outbox worker, `npm run worker`, a backup, a test
 * writing its data) committed in between — SQLite cannot retry it. Nested calls are
 * savepoints (better-sqlite3), whatever the behaviour.
 */
export const db: DB = new Proxy({} as DB, {
  get(_t, prop) {
    const real = handle().db as unknown as Record<string | symbol, unknown>;
    if (prop === "transaction") {
      const tx = real.transaction as (fn: unknown, config?: { behavior?: string }) => unknown;
      return (fn: unknown, config?: { behavior?: string }) => tx.call(real, fn, { behavior: "immediate", ...config });
    }
    const v = real[prop];
    return typeof v === "function" ? (v as Function).bind(real) : v;
  },
});

export function sqlite(): Database.Database {
  return handle().sqlite;
}

export function closeDatabase() {
  if (g.__conseilDb) {
    g.__conseilDb.sqlite.close();
    g.__conseilDb = undefined;
  }
}
