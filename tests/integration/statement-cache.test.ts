/**
 * The compiled-statement cache drizzle sees (db/client.server.ts): a query compiled once is
 * reused, a statement drizzle switched to array rows comes back as object rows, and the
 * cache stays within its size.
 */
import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, withStatementCache } from "#db/client.server";
import { towns } from "#db/schema";
import { emptyTown } from "../support/fixtures";

describe("statement cache", () => {
  it("hands out the same compiled statement for the same SQL, and keeps at most `size`", () => {
    const raw = new Database(":memory:");
    const cached = withStatementCache(raw, 3);
    const q = (i: number) => `SELECT ${i} AS n`;
    const first = cached.prepare(q(1));
    expect(cached.prepare(q(1))).toBe(first);
    cached.prepare(q(2));
    cached.prepare(q(3));
    cached.prepare(q(1)); // used again: now the most recent
    cached.prepare(q(4)); // evicts q(2), the least recently used
    expect(cached.prepare(q(1))).toBe(first);
    const two = cached.prepare(q(2));
    expect(cached.prepare(q(2))).toBe(two);
    expect(cached.prepare(q(5))).not.toBe(cached.prepare(q(6)));
    // the raw handle itself is untouched: its statements are its own
    expect(raw.prepare(q(1))).not.toBe(first);
    raw.close();
  });

  it("a statement drizzle left in array mode returns objects to the next caller of the same SQL", () => {
    emptyTown("Ville du cache");
    // drizzle names the columns: it reads array rows (raw mode) from the statement
    const typed = db.select({ name: towns.name }).from(towns).get();
    expect(typed).toEqual({ name: "Ville du cache" });
    // the same SQL text without column mapping: must get object rows from the same statement
    const text = db.select({ name: towns.name }).from(towns).toSQL().sql;
    expect(db.all(sql.raw(text))).toEqual([{ name: "Ville du cache" }]);
    expect(db.select({ name: towns.name }).from(towns).get()).toEqual({ name: "Ville du cache" });
  });
});
