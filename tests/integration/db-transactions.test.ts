/**
 * Transactions take the write lock first (BEGIN IMMEDIATE): another connection writing in
 * the middle of one (the outbox worker, a second process, a test writing its data) cannot
 * make it fail with SQLITE_BUSY after it has read.
 */
import Database from "better-sqlite3";
import { count } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { databasePath, db, sqlite } from "#db/client.server";
import { councils } from "#db/schema";

describe("transactions", () => {
  it("a transaction that reads, then writes, survives another connection's write attempt", () => {
    sqlite(); // open and migrate
    const other = new Database(databasePath());
    other.pragma("busy_timeout = 0");
    let otherError: unknown = null;
    db.transaction((tx) => {
      const before = tx.select({ n: count() }).from(councils).get()!.n;
      try {
        other.prepare("INSERT INTO councils (slug, name) VALUES ('autre-connexion', 'Autre')").run();
      } catch (e) {
        otherError = e;
      }
      tx.insert(councils).values({ slug: `apres-lecture-${before}`, name: "Après lecture" }).run();
    });
    other.close();
    // the other connection had to wait (refused here, with no wait allowed); ours committed
    expect(String(otherError)).toMatch(/locked|busy/i);
    expect(db.select().from(councils).all().map((c) => c.name)).toContain("Après lecture");
  });
});
