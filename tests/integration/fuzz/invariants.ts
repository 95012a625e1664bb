/**
 * What every fuzzed call must respect, and the means to check it:
 *  - `call`: runs a loader or action the way the production server does (a thrown
 *    DomainError or ZodError becomes its 4xx through `refusalResponse`, as
 *    `guardRouteModules` does); whatever still throws is a 5xx;
 *  - `snapshot` / `dbDiff`: every row of every table (by primary key, content hashed), to
 *    see what a call changed;
 *  - `storedProblems`: no NUL in any stored text, and no stored text that would reach a page
 *    as script (rendered through app/lib/markdown.ts, every tag and attribute allowed);
 *  - guards: rows a call must not touch (the register except appends, the other council's
 *    records, the bystander's account rows…).
 */
import { createHash } from "node:crypto";
import { sqlite } from "#db/client.server";
import { renderMarkdown } from "~/lib/markdown";
import { guardRoute } from "~/utils/request-guard.server";
import { run } from "../../support/http";
import type { World } from "./world";

export interface CallResult {
  status: number;
  data?: unknown;
  location?: string | null;
  error?: unknown;
}

/**
 * A loader or action as the production server runs it (`guardRoute`, which
 * `guardRouteModules` applies to every route: refusals become their 4xx through
 * `refusalResponse`); what still throws is a 5xx, carried with what was thrown.
 */
export async function call(fn: (args: never) => unknown, request: Request, params: Record<string, string>): Promise<CallResult> {
  try {
    return await run(guardRoute(fn) as never, request, params);
  } catch (e) {
    return { status: 500, error: e };
  }
}

// ------------------------------------------------------------------ snapshots

const SKIP_TABLES = /^(__drizzle_migrations|sqlite_sequence|search_index.*)$/;
type Snapshot = Map<string, Map<string, string>>;

interface TableInfo {
  name: string;
  key: string;
}
let tables: TableInfo[] | null = null;
function tableList(): TableInfo[] {
  if (tables) return tables;
  const db = sqlite();
  const names = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table'").all() as { name: string; sql: string }[];
  tables = names
    .filter((t) => !SKIP_TABLES.test(t.name) && !/^CREATE VIRTUAL/i.test(t.sql))
    .map((t) => {
      const pk = (db.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk`).all(t.name) as { name: string }[]).map((c) => c.name);
      const key = pk.length ? pk.map((c) => `"${c}"`).join(" || '|' || ") : "rowid";
      return { name: t.name, key };
    });
  return tables;
}

const hash = (row: unknown) => createHash("sha1").update(JSON.stringify(row, (_k, v) => (Buffer.isBuffer(v) ? v.toString("hex") : v))).digest("hex");

/**
 * Every row now. A call that wrote nothing leaves SQLite's `total_changes()` of the one
 * handle where it was (it counts every inserted, updated or deleted row, triggers'
 * included, even when rolled back): the last snapshot is then still the state, and is
 * reused rather than read again — most fuzzed calls are refused before they write.
 */
let last: { changes: number; snap: Snapshot } | null = null;
const totalChanges = () => (sqlite().prepare("SELECT total_changes() AS n").get() as { n: number }).n;

export function snapshot(): Snapshot {
  const changes = totalChanges();
  if (last && last.changes === changes) return last.snap;
  const snap = readAll();
  last = { changes, snap };
  return snap;
}

function readAll(): Snapshot {
  const db = sqlite();
  const out: Snapshot = new Map();
  for (const t of tableList()) {
    const rows = db.prepare(`SELECT ${t.key} AS __key, * FROM "${t.name}"`).all() as Record<string, unknown>[];
    const m = new Map<string, string>();
    for (const r of rows) {
      const k = String(r.__key);
      delete r.__key;
      m.set(k, hash(r));
    }
    out.set(t.name, m);
  }
  return out;
}

export interface Change {
  table: string;
  key: string;
  kind: "added" | "changed" | "removed";
}

export function dbDiff(before: Snapshot, after: Snapshot): Change[] {
  const out: Change[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table) ?? new Map();
    for (const [key, h] of rows) {
      const was = old.get(key);
      if (was === undefined) out.push({ table, key, kind: "added" });
      else if (was !== h) out.push({ table, key, kind: "changed" });
    }
    for (const key of old.keys()) if (!rows.has(key)) out.push({ table, key, kind: "removed" });
  }
  return out;
}

function rowOf(table: string, key: string): Record<string, unknown> | undefined {
  const t = tableList().find((x) => x.name === table)!;
  return sqlite().prepare(`SELECT * FROM "${table}" WHERE ${t.key} = ?`).get(t.key === "rowid" ? Number(key) : key) as Record<string, unknown> | undefined;
}

// ------------------------------------------------------------------ stored text

const ALLOWED_TAGS = new Set(["p", "br", "strong", "em", "del", "code", "pre", "blockquote", "ul", "ol", "li", "h2", "h3", "h4", "h5", "h6", "a", "hr", "table", "thead", "tbody", "tr", "th", "td", "mark"]);
const decode = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);?/gi, (_m, h) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#([0-9]+);?/g, (_m, d) => String.fromCodePoint(Number(d)))
    .replace(/&colon;/gi, ":")
    .replace(/&tab;/gi, "\t")
    .replace(/&newline;/gi, "\n")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
/** A link a browser would follow without running anything: http(s), mailto, or on this site. */
export function unsafeUrl(raw: string): boolean {
  // eslint-disable-next-line no-control-regex
  const u = decode(raw).replace(/[\u0000-\u0020\u007f-\u009f]/g, "").toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(u);
  return scheme !== null && !["http", "https", "mailto"].includes(scheme[1]!);
}

/** Why `html` (produced for a page, to be inserted as HTML) is unsafe, or null. */
export function unsafeHtml(html: string): string | null {
  for (const m of html.matchAll(/<\/?\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const [tag, name, attrs] = m as unknown as [string, string, string];
    if (!ALLOWED_TAGS.has(name.toLowerCase())) return `tag ${tag.slice(0, 80)}`;
    for (const a of attrs.matchAll(/([^\s"'=/]+)\s*(?:=\s*("[^"]*"|'[^']*'|[^\s>]*))?/g)) {
      const attr = a[1]!.toLowerCase();
      const value = (a[2] ?? "").replace(/^["']|["']$/g, "");
      if (attr.startsWith("on")) return `event handler in ${tag.slice(0, 80)}`;
      if (!["href", "title", "rel", "align", "start", "class"].includes(attr)) return `attribute ${attr} in ${tag.slice(0, 80)}`;
      if (attr === "href" && unsafeUrl(value)) return `link ${value.slice(0, 80)}`;
    }
  }
  if (/<\s*script/i.test(html)) return "script";
  return null;
}

const URLISH = /(url|href|link|evidence)/i;

/** Problems of one stored value (column `col`). */
function valueProblems(col: string, v: string): string[] {
  const out: string[] = [];
  if (v.includes("\u0000")) out.push(`NUL in ${col}: ${JSON.stringify(v.slice(0, 120))}`);
  if (v.length > 0 && /[<:[\]&]/.test(v)) {
    const html = renderMarkdown(v);
    const bad = unsafeHtml(html);
    if (bad) out.push(`${col} renders unsafely (${bad}): ${JSON.stringify(v.slice(0, 120))}`);
  }
  if (URLISH.test(col)) {
    const urls: string[] = [];
    try {
      const j = JSON.parse(v) as unknown;
      JSON.stringify(j, (k, x) => (typeof x === "string" && /^(url|href|link)$/i.test(k) ? (urls.push(x), x) : x));
    } catch {
      urls.push(v);
    }
    for (const u of urls) if (unsafeUrl(u.trim())) out.push(`${col} holds a link a page would follow: ${JSON.stringify(u.slice(0, 120))}`);
  }
  return out;
}

/** Stored problems in the rows a call added or changed. */
export function storedProblems(changes: Change[]): string[] {
  const out: string[] = [];
  for (const c of changes) {
    if (c.kind === "removed") continue;
    const row = rowOf(c.table, c.key);
    if (!row) continue;
    for (const [col, v] of Object.entries(row)) {
      if (typeof v === "string") out.push(...valueProblems(`${c.table}.${col}`, v).map((p) => `${p} (row ${c.key})`));
    }
  }
  return out;
}

/**
 * Problems in what a loader or action hands to the page: unsafe `…Html` values, and NUL
 * characters (a page would carry them as NUL bytes, e.g. typed values echoed in a form).
 */
export function responseProblems(data: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, path: string, depth: number) => {
    if (depth > 8 || v == null) return;
    if (typeof v === "string") {
      if (v.includes("\u0000")) out.push(`NUL in ${path}: ${JSON.stringify(v.slice(0, 80))}`);
      return;
    }
    if (Array.isArray(v)) v.slice(0, 200).forEach((x, i) => walk(x, `${path}[${i}]`, depth + 1));
    else if (typeof v === "object") {
      for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
        if (typeof x === "string" && /Html$/.test(k)) {
          const bad = unsafeHtml(x);
          if (bad) out.push(`${path}.${k} is unsafe (${bad})`);
        }
        walk(x, `${path}.${k}`, depth + 1);
      }
    }
  };
  walk(data, "data", 0);
  return out;
}

/** A redirect must stay on this site. */
export function locationProblem(location: string | null | undefined): string | null {
  if (!location) return null;
  if (!location.startsWith("/") || location.startsWith("//") || location.startsWith("/\\")) return `redirect off the site: ${location}`;
  return null;
}

// ------------------------------------------------------------------ guards

/**
 * Rows that no fuzzed call may change or remove (new rows are judged by the stored-text
 * check). Each guard names a set; a route's table entry lists the guards its action may
 * legitimately cross (`may`).
 */
export type Guard = "register" | "appendOnly" | "councilB" | "budgetB" | "bystander" | "bystanderTokens" | "census" | "town" | "councilA";

export function guardedKeys(w: World): Record<Guard, { table: string; where: string }[]> {
  const B = w.B.id;
  const A = w.A.id;
  const by = `'${w.bystander.userId}'`;
  const ideasB = `SELECT id FROM ideas WHERE council_id = ${B}`;
  const meetingsB = `SELECT id FROM meetings WHERE council_id = ${B}`;
  const boxesB = `SELECT box_id FROM votes WHERE council_id = ${B}`;
  const commentsB = `SELECT id FROM comments WHERE idea_id IN (${ideasB})`;
  // council B's envelopes of every budget: their boxes' ballots and participations (the bystander's basket)
  const budgetBoxesB = `SELECT box_id FROM budget_envelopes WHERE council_id = ${B} AND box_id IS NOT NULL`;
  return {
    register: [{ table: "decisions", where: "1" }],
    appendOnly: ["rule_versions", "minutes_versions", "idea_revisions", "role_changes", "census_imports", "register_keys"].map((table) => ({ table, where: "1" })),
    councilB: [
      { table: "councils", where: `id = ${B}` },
      { table: "ideas", where: `council_id = ${B}` },
      { table: "comments", where: `idea_id IN (${ideasB})` },
      { table: "supports", where: `idea_id IN (${ideasB})` },
      { table: "reports", where: `(subject_kind = 'idea' AND subject_id IN (${ideasB})) OR (subject_kind = 'comment' AND subject_id IN (${commentsB}))` },
      { table: "meetings", where: `council_id = ${B}` },
      { table: "meeting_agenda_ideas", where: `meeting_id IN (${meetingsB})` },
      { table: "meeting_attendees", where: `meeting_id IN (${meetingsB})` },
      { table: "minutes_versions", where: `meeting_id IN (${meetingsB})` },
      { table: "votes", where: `council_id = ${B}` },
      { table: "ballot_boxes", where: `id IN (${boxesB})` },
      { table: "ballots", where: `box_id IN (${boxesB})` },
      { table: "participations", where: `box_id IN (${boxesB})` },
      { table: "paper_ballot_entries", where: `box_id IN (${boxesB})` },
      { table: "outbox_messages", where: `council_id = ${B}` },
      { table: "ballots", where: `box_id IN (${budgetBoxesB})` },
      { table: "participations", where: `box_id IN (${budgetBoxesB})` },
    ],
    councilA: [{ table: "councils", where: `id = ${A}` }],
    // council B's projects in every budget: only a phase change, the results decision or an
    // implementation update by a town official may touch them
    budgetB: [
      { table: "budget_projects", where: `envelope_id IN (SELECT id FROM budget_envelopes WHERE council_id = ${B})` },
      { table: "budget_project_updates", where: `project_id IN (SELECT id FROM budget_projects WHERE envelope_id IN (SELECT id FROM budget_envelopes WHERE council_id = ${B}))` },
    ],
    bystander: [
      { table: "users", where: `id = ${by}` },
      { table: "sessions", where: `user_id = ${by}` },
      { table: "notification_preferences", where: `user_id = ${by}` },
      { table: "role_assignments", where: `user_id = ${by}` },
      { table: "residency_verifications", where: `user_id = ${by}` },
      { table: "residency_claims", where: `user_id = ${by}` },
      { table: "follows", where: `user_id = ${by}` },
      { table: "supports", where: `user_id = ${by}` },
      { table: "meeting_attendees", where: `user_id = ${by}` },
    ],
    bystanderTokens: [{ table: "account_tokens", where: `user_id = ${by}` }],
    census: [{ table: "census_entries", where: "1" }],
    town: [{ table: "towns", where: "1" }],
  };
}

export type Guarded = Map<string, { table: string; key: string; hash: string; guard: Guard }>;

/** The guarded rows now (all guards but those in `may`). */
export function guardedRows(w: World, snap: Snapshot, may: Guard[] = []): Guarded {
  const out: Guarded = new Map();
  const defs = guardedKeys(w);
  const db = sqlite();
  for (const [guard, list] of Object.entries(defs) as [Guard, { table: string; where: string }[]][]) {
    if (may.includes(guard)) continue;
    for (const { table, where } of list) {
      const t = tableList().find((x) => x.name === table)!;
      const keys = db.prepare(`SELECT ${t.key} AS k FROM "${table}" WHERE ${where}`).all() as { k: unknown }[];
      for (const { k } of keys) {
        const key = String(k);
        out.set(`${table}:${key}`, { table, key, hash: snap.get(table)!.get(key)!, guard });
      }
    }
  }
  return out;
}

/** Guarded rows that changed or went away. */
export function guardProblems(guarded: Guarded, after: Snapshot): string[] {
  const out: string[] = [];
  for (const g of guarded.values()) {
    const now = after.get(g.table)?.get(g.key);
    if (now === undefined) out.push(`${g.guard}: ${g.table} row ${g.key} was removed`);
    else if (now !== g.hash) out.push(`${g.guard}: ${g.table} row ${g.key} was changed: ${JSON.stringify(rowOf(g.table, g.key)).slice(0, 300)}`);
  }
  return out;
}
