/**
 * Drives the fuzz: the route modules found in app/routes, their URL paths, the arbitraries
 * of form bodies, URL parameters and query strings built from the table (routes.ts), and one
 * property per route that checks every call (invariants.ts).
 */
import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import type { ZodTypeAny } from "zod";
import { hostile, fieldValue, onceToken, params as fcParams, SEED, urlValue } from "./hostile";
import { call, type Change, dbDiff, guardedRows, guardProblems, locationProblem, responseProblems, snapshot, storedProblems, type CallResult } from "./invariants";
import { ROUTES, type Ctx, type FormSpec, type Pools, type RouteSpec } from "./routes";
import type { FuzzRole, World } from "./world";

export const ROUTES_DIR = path.resolve(__dirname, "../../../app/routes");

/** Every route module file in app/routes. */
export function routeFiles(): string[] {
  return fs
    .readdirSync(ROUTES_DIR)
    .filter((f) => /\.(tsx|ts)$/.test(f))
    .sort();
}

export type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };
export const importRoute = (file: string): Promise<RouteModule> => import(/* @vite-ignore */ path.join(ROUTES_DIR, file));

/** "meetings.$id_.minutes.diff.tsx" with { id: "3" } → "/meetings/3/minutes/diff". */
export function routePath(file: string, params: Record<string, string>): string {
  const base = file.replace(/\.(tsx|ts)$/, "").replace(/\[\.\]/g, "\u0001");
  const segs = base
    .split(".")
    .map((s) => s.replace(/\u0001/g, "."))
    .filter((s) => s !== "_index")
    .map((s) => {
      const seg = s.replace(/_$/, "");
      if (seg === "$") return (params["*"] ?? "").split("/").map(enc).join("/");
      return seg.replace(/^\$([A-Za-z]+)(.*)$/, (_m, name: string, rest: string) => enc(params[name] ?? "") + rest);
    });
  return "/" + segs.join("/");
}

const well = (s: string) => (s as string & { toWellFormed(): string }).toWellFormed();
const enc = (s: string) => encodeURIComponent(well(s));

/** The field names of a zod object schema, through effects, pipes and defaults. */
export function schemaFields(schema: ZodTypeAny | undefined): string[] {
  let t = schema as unknown as { _def: Record<string, unknown>; shape?: Record<string, unknown> } | undefined;
  for (let i = 0; t && i < 12; i++) {
    const def = t._def;
    if (def.typeName === "ZodObject") return Object.keys((t as unknown as { shape: Record<string, unknown> }).shape);
    t = (def.schema ?? def.in ?? def.innerType) as typeof t;
  }
  return [];
}

export function formFields(f: FormSpec, c: Ctx): string[] {
  const listed = typeof f.fields === "function" ? f.fields(c) : (f.fields ?? []);
  return [...new Set([...schemaFields(f.schema), ...listed])];
}

const ID_FIELD = /(^id$|Id$|Ids$|^sheet$|^seq$|^supersedes$|^cites$|^ruleVersion$|^version$)/;

type Entry = [string, string];

function roleArb(as: FuzzRole[]): fc.Arbitrary<FuzzRole> {
  return fc.oneof({ weight: 6, arbitrary: fc.constant(as[0]!) }, ...as.slice(1).map((r) => ({ weight: 2, arbitrary: fc.constant(r) })));
}

function fieldArb(name: string, valid: string | string[] | undefined, pool: string[]): fc.Arbitrary<Entry[]> {
  const validList = valid === undefined ? [] : Array.isArray(valid) ? valid : [valid];
  const one = fieldValue(validList, pool);
  const parts: fc.WeightedArbitrary<Entry[]>[] = [
    { weight: 1, arbitrary: fc.constant([]) },
    { weight: 7, arbitrary: one.map((v) => [[name, v]] as Entry[]) },
    { weight: 1, arbitrary: fc.array(one, { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => [name, v] as Entry)) },
  ];
  if (Array.isArray(valid)) parts.push({ weight: 3, arbitrary: fc.constant(valid.map((v) => [name, v] as Entry)) });
  return fc.oneof(...parts);
}

/** A form body for one form of the table: real field names, valid and hostile values mixed. */
export function bodyArb(c: Ctx, f: FormSpec, intent: string | undefined): fc.Arbitrary<Entry[]> {
  const valid = f.valid?.(c) ?? {};
  const pools = f.pools?.(c) ?? {};
  const poolFor = (name: string) => [...(pools[name] ?? []), ...(ID_FIELD.test(name) ? c.w.pools.ids : []), ...(/email/i.test(name) ? c.w.pools.emails : [])];
  const fields = formFields(f, c).filter((n) => n !== "intent" || intent === undefined);
  const head: fc.Arbitrary<Entry[]>[] = [];
  if (intent !== undefined) {
    head.push(
      fc.oneof(
        { weight: 12, arbitrary: fc.constant([["intent", intent]] as Entry[]) },
        { weight: 1, arbitrary: hostile.map((v) => [["intent", v]] as Entry[]) },
        { weight: 1, arbitrary: fc.constant([] as Entry[]) },
        { weight: 1, arbitrary: fc.constant([["intent", intent], ["intent", "nothing"]] as Entry[]) },
      ),
    );
    const targets = f.targets?.(c) ?? [""];
    head.push(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom(...targets).map((t) => [["target", t]] as Entry[]) },
        { weight: 2, arbitrary: hostile.map((v) => [["target", v]] as Entry[]) },
        { weight: 1, arbitrary: fc.constant([] as Entry[]) },
      ),
    );
  }
  // Either one or two fields are fuzzed and the others keep their valid value (so that the
  // hostile value gets past the other checks and reaches the domain), or every field is.
  const fuzzed = fc.tuple(...fields.map((n) => fieldArb(n, valid[n], poolFor(n))));
  const which = fields.length
    ? fc.oneof(
        { weight: 3, arbitrary: fc.subarray(fields.map((_, i) => i), { minLength: 1, maxLength: Math.min(2, fields.length) }) },
        { weight: 2, arbitrary: fc.constant(fields.map((_, i) => i)) },
      )
    : fc.constant([] as number[]);
  const asValid = (n: string): Entry[] => (valid[n] === undefined ? [] : [valid[n]].flat().map((v) => [n, v] as Entry));
  const body = fc.tuple(fuzzed, which).map(([f, sel]) => fields.flatMap((n, i) => (sel.includes(i) ? f[i]! : asValid(n))));
  const once = onceToken.map((t) => [["_once", t ?? ""]] as Entry[]);
  const extra = fc.option(fc.tuple(fc.constantFrom("__proto__", "constructor", "intent", "_data", "x", ...fields), hostile), { freq: 6 }).map((e) => (e ? [e as Entry] : []));
  return fc.tuple(...head, body, once, extra).map((parts) => parts.flat());
}

/** URL parameters: mostly the table's real values, sometimes hostile. */
export function paramsArb(pools: Pools, validWeight = 4): fc.Arbitrary<Record<string, string>> {
  const rec: Record<string, fc.Arbitrary<string>> = {};
  for (const [k, list] of Object.entries(pools)) {
    rec[k] = fc.oneof({ weight: validWeight, arbitrary: fc.constantFrom(...list) }, { weight: 1, arbitrary: hostile.map(well) });
  }
  return fc.record(rec);
}

/** A query string: each key absent, real, hostile or repeated; sometimes an unknown key. */
export function queryArb(pools: Pools): fc.Arbitrary<Entry[]> {
  const keys = Object.entries(pools).map(([k, list]) =>
    fc.oneof(
      { weight: 2, arbitrary: fc.constant([] as Entry[]) },
      { weight: 3, arbitrary: urlValue(list).map((v) => [[k, v]] as Entry[]) },
      { weight: 1, arbitrary: fc.array(urlValue(list), { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v) => [k, v] as Entry)) },
    ),
  );
  const extra = fc.option(fc.tuple(fc.constantFrom("_data", "index", "x", "page", "q"), hostile), { freq: 4 }).map((e) => (e ? [e as Entry] : []));
  return fc.tuple(...keys, extra).map((parts) => parts.flat());
}

const LANGS = ["fr", "en", "en-GB,en;q=0.9", "de", "*", "xx-YY", "fr;q=abc", ";;;,,,", "en;q=0.5, fr;q=0.9", "zz".repeat(500)];
const langArb = fc.option(fc.constantFrom(...LANGS), { freq: 3 });

function queryString(entries: Entry[]): string {
  if (!entries.length) return "";
  return "?" + new URLSearchParams(entries.map(([k, v]) => [well(k), well(v)])).toString();
}

function postRequest(url: string, entries: Entry[], opts: { cookie?: string; lang?: string | null; multipart: boolean }): Request {
  const headers = new Headers();
  if (opts.cookie) headers.set("Cookie", opts.cookie);
  if (opts.lang) headers.set("Accept-Language", opts.lang);
  const once = entries.filter(([k, v]) => k !== "_once" || v !== "");
  if (opts.multipart) {
    const fd = new FormData();
    for (const [k, v] of once) {
      if (k === "file") fd.append(k, new File([v], "recensement.csv", { type: "text/csv" }));
      else if (k === "photo") fd.append(k, new File([v], "photo.jpg", { type: "image/jpeg" }));
      else fd.append(k, v);
    }
    return new Request(url, { method: "POST", body: fd, headers });
  }
  headers.set("Content-Type", "application/x-www-form-urlencoded");
  return new Request(url, { method: "POST", body: new URLSearchParams(once), headers });
}

function getReq(url: string, opts: { cookie?: string; lang?: string | null }): Request {
  const headers = new Headers();
  if (opts.cookie) headers.set("Cookie", opts.cookie);
  if (opts.lang) headers.set("Accept-Language", opts.lang);
  return new Request(url, { headers });
}

const short = (v: unknown) => {
  const s = JSON.stringify(v, (_k, x) => (typeof x === "string" && x.length > 160 ? `${x.slice(0, 120)}…(${x.length} chars)` : x));
  return s.length > 2000 ? s.slice(0, 2000) + "…" : s;
};

function failure(what: string, input: unknown, res: CallResult, problems: string[]): Error {
  const err = res.error instanceof Error ? `\n${res.error.stack}` : res.error ? `\n${String(res.error)}` : "";
  return new Error(`${what} (seed ${SEED}): ${problems.join("; ")}\ninput: ${short(input)}${err}`);
}

/** Per-call checks shared by loaders and actions. */
function callProblems(res: CallResult): string[] {
  const out: string[] = [];
  if (res.status >= 500) out.push(`status ${res.status}`);
  const loc = locationProblem(res.location);
  if (loc) out.push(loc);
  out.push(...responseProblems(res.data));
  return out;
}

/** Role → account (fresh per route) and cookie. */
async function actorsFor(w: World, roles: FuzzRole[]) {
  const out: Partial<Record<FuzzRole, { actor: { userId: string; email: string } | null; cookie: string | undefined }>> = {};
  for (const r of new Set(roles)) out[r] = await w.actorFor(r);
  return out;
}

const BASE = "http://localhost";

/** FUZZ_STATS=1 prints, per route, how many calls ended with each status (is the fuzz reaching the domain?). */
const STATS = process.env.FUZZ_STATS === "1";
function tally(counts: Map<string, number>, key: string) {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
function printTally(what: string, counts: Map<string, number>) {
  if (STATS) console.log(`${what}: ${[...counts].sort().map(([k, n]) => `${k}×${n}`).join(" ")}`);
}

/** The action property of one route. */
export async function fuzzAction(w: World, file: string, mod: RouteModule, spec: NonNullable<RouteSpec["action"]>) {
  const forms: [string | undefined, FormSpec][] = spec.intents ? Object.entries(spec.intents) : [[undefined, spec.form!]];
  const actors = await actorsFor(w, forms.flatMap(([, f]) => f.as));
  const x = (await spec.setup?.(w, actors)) ?? {};
  const c: Ctx = { w, x };
  const counts = new Map<string, number>();
  const input = fc.record({
    form: fc.oneof(...forms.map(([intent, f]) => fc.record({ intent: fc.constant(intent), role: roleArb(f.as), body: bodyArb(c, f, intent) }))),
    params: paramsArb(spec.params?.(c) ?? {}, 9),
    query: spec.query ? queryArb(spec.query(c)) : fc.constant([] as Entry[]),
    multipart: fc.integer({ min: 0, max: 9 }).map((n) => n < 3),
    lang: langArb,
  });
  try {
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const url = BASE + routePath(file, i.params) + queryString(i.query);
        const request = postRequest(url, i.form.body, { cookie: actors[i.form.role]!.cookie, lang: i.lang, multipart: i.multipart });
        const before = snapshot();
        const guarded = guardedRows(w, before, spec.may);
        const res = await call(mod.action!, request, i.params);
        tally(counts, `${i.form.intent ?? ""}${i.form.intent ? ":" : ""}${res.status}`);
        const after = snapshot();
        const changes = dbDiff(before, after);
        const problems = [...callProblems(res), ...storedProblems(changes), ...guardProblems(guarded, after)];
        if (problems.length) throw failure(`${file} action as ${i.form.role}${i.form.intent ? ` (${i.form.intent})` : ""}`, i, res, problems);
      }),
      fcParams(spec.runs ?? 30),
    );
  } finally {
    spec.after?.(w);
    printTally(`${file} action`, counts);
  }
}

/**
 * What a GET may write: the session (lucia extends it), and the register's checkpoint key,
 * made once on first use (app/domain/decisions/checkpoint.server.ts), with the data version
 * its insert bumps (db/data-version.ts). Nothing else.
 */
function loaderWrites(changes: Change[]): Change[] {
  const keyMade = changes.some((ch) => ch.table === "register_keys" && ch.kind === "added");
  return changes.filter((ch) => !(ch.table === "sessions" || (ch.table === "register_keys" && ch.kind === "added") || (keyMade && ch.table === "data_version")));
}

/** The loader property of one route. */
export async function fuzzLoader(w: World, file: string, mod: RouteModule, spec: NonNullable<RouteSpec["loader"]>) {
  const actors = await actorsFor(w, spec.as);
  const x = (await spec.setup?.(w, actors)) ?? {};
  const c: Ctx = { w, x };
  const counts = new Map<string, number>();
  const input = fc.record({
    role: roleArb(spec.as),
    params: paramsArb(spec.params?.(c) ?? {}),
    query: queryArb(spec.query?.(c) ?? {}),
    lang: langArb,
  });
  await fc.assert(
    fc.asyncProperty(input, async (i) => {
      const url = BASE + routePath(file, i.params) + queryString(i.query);
      const before = snapshot();
      const res = await call(mod.loader!, getReq(url, { cookie: actors[i.role]!.cookie, lang: i.lang }), i.params);
      tally(counts, String(res.status));
      const changes = loaderWrites(dbDiff(before, snapshot()));
      const problems = callProblems(res);
      if (changes.length) problems.push(`a GET changed ${changes.map((ch) => `${ch.table} ${ch.key} (${ch.kind})`).join(", ")}`);
      if (problems.length) throw failure(`${file} loader as ${i.role}`, i, res, problems);
    }),
    fcParams(spec.runs ?? 20),
  );
  printTally(`${file} loader`, counts);
}

export { ROUTES };
