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

/** Compiled statements kept for drizzle per connection (distinct SQL texts; least recently used dropped first). */
export const STATEMENT_CACHE_SIZE = 1000;

/**
 * The connection as drizzle sees it, keeping each compiled statement for reuse: drizzle
 * calls `prepare(sql)` on every query, and compiling the SQL again (sqlite3_prepare) was the
 * largest single cost of a ballot cast (docs/decisions/015-ballot-storm.md). Queries with
 * the same shape have the same SQL text (values are bound as parameters). A statement is
 * reset to object rows before it is handed out again, because drizzle switches it to array
 * rows (`raw()`) for the queries that name their columns. Only drizzle gets the cache: code
 * that prepares on the raw handle keeps its own statements and their modes (`pluck`).
 * Safe because better-sqlite3 is synchronous and drizzle never holds a statement after its
 * query returns (nothing here uses drizzle's `.prepare()` or `iterate()`).
 */
export function withStatementCache(sqlite: Database.Database, size = STATEMENT_CACHE_SIZE): Database.Database {
  const cache = new Map<string, Database.Statement>();
  const prepare = (source: string) => {
    let stmt = cache.get(source);
    if (stmt) {
      cache.delete(source);
      if (stmt.reader) stmt.raw(false);
    } else {
      stmt = sqlite.prepare(source);
      if (cache.size >= size) cache.delete(cache.keys().next().value!);
    }
    cache.set(source, stmt);
    return stmt;
  };
  return new Proxy(sqlite, {
    get(target, prop) {
      if (prop === "prepare") return prepare;
      const v = Reflect.get(target, prop, target);
      return typeof v === "function" ? v.bind(target) : v;
    },
  });
}

export function openDatabase(file: string, migrationsFolder = MIGRATIONS_DIR) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(withStatementCache(sqlite), { schema });
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

/**
 * A drizzle query compiled once per connection (`.prepare()` with `sql.placeholder`s), for
 * the queries every signed-in request runs (the session, the actor, the residency): building
 * the SQL text through drizzle costs more than running it (docs/decisions/016). The query
 * must select named fields (drizzle then reads rows with `raw()` itself, whatever mode the
 * shared statement was left in by the statement cache above).
 * Usage: `const byId = preparedQuery((d) => d.select({...}).from(t).where(eq(t.id, sql.placeholder("id"))).prepare());`
 * then `byId().get({ id })`.
 */
export function preparedQuery<Q>(build: (d: DB) => Q): () => Q {
  const perConnection = new WeakMap<Database.Database, Q>();
  return () => {
    const h = handle();
    let q = perConnection.get(h.sqlite);
    if (!q) {
      q = build(h.db);
      perConnection.set(h.sqlite, q);
    }
    return q;
  };
}

export function closeDatabase() {
  if (g.__conseilDb) {
    g.__conseilDb.sqlite.close();
    g.__conseilDb = undefined;
  }
}
