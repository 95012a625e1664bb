/**
 * Append-only tables refuse every way of rewriting a stored row: UPDATE, DELETE,
 * INSERT OR REPLACE, REPLACE INTO and upserts, on the primary key and on each unique key
 * (migrations 0003, 0007, 0008). The rows are the test's own, written with plain SQL.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { sqlite } from "#db/client.server";

type Row = Record<string, string | number | null>;
interface Table {
  name: string;
  pk: string;
  /** The stored row. */
  row: Row;
  /** A column to try to change, and the new value. */
  change: [string, string | number];
  /** Columns of a UNIQUE key other than the primary key, if any. */
  unique?: string[];
}

const T0 = "2026-02-01T10:00:00.000Z";
let tables: Table[];

beforeAll(() => {
  const db = sqlite();
  db.prepare("INSERT INTO users (id, email, display_name, password_hash) VALUES ('ao-u1', 'ao1@test.fr', 'Autrice', 'h'), ('ao-u2', 'ao2@test.fr', 'Partant', 'h')").run();
  const council = Number(db.prepare("INSERT INTO councils (slug, name) VALUES ('ao-nord', 'Nord (test)')").run().lastInsertRowid);
  const meeting = Number(
    db
      .prepare("INSERT INTO meetings (council_id, title, starts_at, ends_at, place_name, created_at, updated_at) VALUES (?, 'Réunion test', ?, ?, 'Salle', ?, ?)")
      .run(council, T0, T0, T0, T0).lastInsertRowid,
  );
  tables = [
    {
      name: "decisions",
      pk: "seq",
      row: {
        seq: 9001, recorded_at: T0, author_id: "ao-u1", author_name: "Autrice", author_role: "official", council_id: council, council_name: "Nord (test)",
        subject_kind: "council_decision", subject_id: null, subject_title: "Bancs", outcome: "adopted", explanation: "Texte publié.", rule_version_id: null,
        rule_version_label: null, evidence: "[]", supersedes_seq: null, prev_hash: "0".repeat(64), hash: "a".repeat(64),
      },
      change: ["explanation", "Texte réécrit."],
      unique: ["hash"],
    },
    {
      name: "rule_versions",
      pk: "id",
      row: { id: 9001, scope: "test:ao", number: 1, title: "Charte", body: "Corps publié.", params: "{}", published_at: T0, published_by: "ao-u1", decision_seq: 9001 },
      change: ["body", "Corps réécrit."],
      unique: ["scope", "number"],
    },
    {
      name: "minutes_versions",
      pk: "id",
      row: { id: 9001, meeting_id: meeting, version: 1, body: "Compte rendu publié.", attendance_count: 12, change_note: null, published_at: T0, published_by_id: "ao-u1", published_by_name: "Autrice" },
      change: ["body", "Compte rendu réécrit."],
      unique: ["meeting_id", "version"],
    },
    {
      name: "role_changes",
      pk: "id",
      row: { id: 9001, at: T0, actor_id: "ao-u1", user_id: "ao-u1", change: "grant", role: "facilitator", council_id: council },
      change: ["role", "admin"],
    },
  ];
  for (const t of tables) insert(t.name, t.row);
});

function insert(table: string, row: Row, verb = "INSERT", tail = "") {
  const cols = Object.keys(row);
  return sqlite()
    .prepare(`${verb} INTO ${table} (${cols.join(", ")}) VALUES (${cols.map((c) => `@${c}`).join(", ")}) ${tail}`)
    .run(row);
}

const stored = (t: Table) => sqlite().prepare(`SELECT * FROM ${t.name} WHERE ${t.pk} = ?`).get(t.row[t.pk]);
const countRows = (t: Table) => (sqlite().prepare(`SELECT count(*) AS n FROM ${t.name}`).get() as { n: number }).n;

/** Every statement that could rewrite the stored row. */
function attempts(t: Table): [string, () => unknown][] {
  const [col, value] = t.change;
  const changed = { ...t.row, [col]: value };
  const list: [string, () => unknown][] = [
    ["UPDATE", () => sqlite().prepare(`UPDATE ${t.name} SET ${col} = ? WHERE ${t.pk} = ?`).run(value, t.row[t.pk])],
    ["DELETE", () => sqlite().prepare(`DELETE FROM ${t.name} WHERE ${t.pk} = ?`).run(t.row[t.pk])],
    ["INSERT OR REPLACE", () => insert(t.name, changed, "INSERT OR REPLACE")],
    ["REPLACE INTO", () => insert(t.name, changed, "REPLACE")],
    ["INSERT OR IGNORE then nothing", () => insert(t.name, changed, "INSERT OR IGNORE")],
    ["ON CONFLICT DO UPDATE (primary key)", () => insert(t.name, changed, "INSERT", `ON CONFLICT(${t.pk}) DO UPDATE SET ${col} = excluded.${col}`)],
    ["ON CONFLICT DO NOTHING", () => insert(t.name, changed, "INSERT", "ON CONFLICT DO NOTHING")],
  ];
  if (t.unique) {
    // Same unique key, new primary key: REPLACE would delete the stored row to make room.
    const other = { ...changed, [t.pk]: Number(t.row[t.pk]) + 1 };
    list.push(
      ["INSERT OR REPLACE (unique key)", () => insert(t.name, other, "INSERT OR REPLACE")],
      ["REPLACE INTO (unique key)", () => insert(t.name, other, "REPLACE")],
      ["ON CONFLICT DO UPDATE (unique key)", () => insert(t.name, other, "INSERT", `ON CONFLICT(${t.unique!.join(", ")}) DO UPDATE SET ${col} = excluded.${col}`)],
    );
  }
  return list;
}

describe("append-only tables", () => {
  it.each(["decisions", "rule_versions", "minutes_versions", "role_changes"])("%s: every rewriting statement is refused and the row is unchanged", (name) => {
    const t = tables.find((x) => x.name === name)!;
    const before = stored(t);
    const n = countRows(t);
    expect(before).toBeTruthy();
    for (const [label, attempt] of attempts(t)) {
      expect(attempt, `${name}: ${label}`).toThrow(/append-only|never|cannot/);
      expect(stored(t), `${name}: ${label}`).toEqual(before);
      expect(countRows(t), `${name}: ${label}`).toBe(n);
    }
  });

  it("refuses a rewrite with recursive_triggers on as well", () => {
    const db = sqlite();
    db.pragma("recursive_triggers = ON");
    try {
      for (const t of tables) expect(() => insert(t.name, { ...t.row, [t.change[0]]: t.change[1] }, "INSERT OR REPLACE")).toThrow();
    } finally {
      db.pragma("recursive_triggers = OFF");
    }
  });

  it("still appends new rows", () => {
    const t = tables.find((x) => x.name === "minutes_versions")!;
    expect(() => insert(t.name, { ...t.row, id: 9100, version: 2, change_note: "Correction" })).not.toThrow();
  });

  it("role_changes: deleting an account anonymises its audit lines instead of failing", () => {
    const db = sqlite();
    const t = tables.find((x) => x.name === "role_changes")!;
    insert("role_changes", { ...t.row, id: 9200, actor_id: "ao-u1", user_id: "ao-u2" });
    db.prepare("DELETE FROM users WHERE id = 'ao-u2'").run();
    expect(db.prepare("SELECT * FROM role_changes WHERE id = 9200").get()).toEqual({ ...t.row, id: 9200, actor_id: "ao-u1", user_id: null });
    // but a NULL cannot be filled in again, nor another user put in its place
    expect(() => db.prepare("UPDATE role_changes SET user_id = 'ao-u1' WHERE id = 9200").run()).toThrow(/append-only/);
  });
});
