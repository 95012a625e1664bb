/**
 * A database created by an older version is migrated at start-up without losing rows:
 * build a database with only the first migration, fill it, then open it with all of them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, openDatabase } from "#db/client.server";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "conseil-migr-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function migrationsUpTo(n: number) {
  const dir = path.join(tmp, `m${n}`);
  fs.mkdirSync(path.join(dir, "meta"), { recursive: true });
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8"));
  journal.entries = journal.entries.slice(0, n);
  fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

describe("migrations", () => {
  const all = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")).entries.length;

  it("has committed migrations", () => {
    expect(all).toBeGreaterThanOrEqual(2);
  });

  it("upgrades a database from the first version without losing rows", () => {
    const file = path.join(tmp, "old.db");
    const old = openDatabase(file, migrationsUpTo(1));
    old.sqlite.prepare("INSERT INTO towns (id, name) VALUES (1, 'Vieilleville')").run();
    old.sqlite.prepare("INSERT INTO users (id, email, display_name, password_hash) VALUES ('u1', 'a@b.fr', 'Ancien', 'h')").run();
    old.sqlite.prepare("INSERT INTO councils (slug, name) VALUES ('nord', 'Nord')").run();
    old.sqlite.prepare("INSERT INTO role_assignments (user_id, role, council_id) VALUES ('u1', 'admin', NULL)").run();
    old.sqlite.close();

    const upgraded = openDatabase(file);
    const applied = upgraded.sqlite.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number };
    expect(applied.n).toBe(all);
    expect(upgraded.sqlite.prepare("SELECT name FROM towns").get()).toEqual({ name: "Vieilleville" });
    expect(upgraded.sqlite.prepare("SELECT display_name FROM users WHERE id='u1'").get()).toEqual({ display_name: "Ancien" });
    expect(upgraded.sqlite.prepare("SELECT name FROM councils").all()).toEqual([{ name: "Nord" }]);
    // a later migration's constraint is in force: a second town-wide admin role for u1 is refused
    expect(() => upgraded.sqlite.prepare("INSERT INTO role_assignments (user_id, role, council_id) VALUES ('u1', 'admin', NULL)").run()).toThrow(/UNIQUE/);
    upgraded.sqlite.close();
  });

  it("carries the former `resident` role assignments over as residency verifications", () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8")).entries as { tag: string }[];
    const before = journal.findIndex((e) => e.tag.includes("residency_ballot_box_votes"));
    expect(before).toBeGreaterThan(0);
    const file = path.join(tmp, "residents.db");
    const old = openDatabase(file, migrationsUpTo(before));
    old.sqlite.prepare("INSERT INTO towns (id, name) VALUES (1, 'Vieilleville')").run();
    old.sqlite.prepare("INSERT INTO councils (slug, name) VALUES ('nord', 'Nord')").run();
    for (const u of ["r1", "r2", "f1"]) old.sqlite.prepare("INSERT INTO users (id, email, display_name, password_hash) VALUES (?, ?, ?, 'h')").run(u, `${u}@b.fr`, u);
    old.sqlite.prepare("INSERT INTO role_assignments (user_id, role, council_id, granted_by, granted_at) VALUES ('r1', 'resident', 1, 'f1', '2026-01-02T10:00:00.000Z')").run();
    old.sqlite.prepare("INSERT INTO role_assignments (user_id, role, council_id) VALUES ('r2', 'resident', NULL)").run();
    old.sqlite.prepare("INSERT INTO role_assignments (user_id, role, council_id) VALUES ('f1', 'facilitator', 1)").run();
    old.sqlite.close();
    const upgraded = openDatabase(file);
    expect(upgraded.sqlite.prepare("SELECT user_id, role FROM role_assignments ORDER BY user_id").all()).toEqual([{ user_id: "f1", role: "facilitator" }]);
    expect(upgraded.sqlite.prepare("SELECT user_id, council_id, method, verified_by_id, verified_at, census_entry_id FROM residency_verifications ORDER BY user_id").all()).toEqual([
      { user_id: "r1", council_id: 1, method: "migrated", verified_by_id: "f1", verified_at: "2026-01-02T10:00:00.000Z", census_entry_id: null },
      { user_id: "r2", council_id: null, method: "migrated", verified_by_id: null, verified_at: expect.any(String), census_entry_id: null },
    ]);
    upgraded.sqlite.close();
  });

  it("opens with WAL, foreign keys and a busy timeout", () => {
    const h = openDatabase(path.join(tmp, "pragmas.db"));
    expect(h.sqlite.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(h.sqlite.pragma("foreign_keys", { simple: true })).toBe(1);
    expect(h.sqlite.pragma("busy_timeout", { simple: true })).toBe(5000);
    h.sqlite.close();
    expect(Database).toBeTypeOf("function");
  });
});
