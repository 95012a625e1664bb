/**
 * Participatory-budget results at city scale (issue #13).
 *
 *   npm run build
 *   npm run bench:results -- --db data/city.db [--budget ID] [--rules greedy,mes,mes-add1,mes-add1u]
 *                            [--limit 120] [--runs 20] [--port 4260] [--out bench-results/results.json]
 *
 * 1. Computing an envelope's results the way the count does (computeResults on the stored
 *    Pabulib file: allocation, each project's margin, the what-if under every rule), for the
 *    largest envelope (the town's) and the smallest, under each rule. Each computation runs
 *    in a child process stopped after --limit seconds (MES and its completions take minutes
 *    already at a few thousand voters).
 * 2. The results view the page's loader builds (in this process, French).
 * 3. GET /budgets/ID/results from the built server: the first request, then the median of
 *    --runs requests rendered each time (a cookie other than the language one bypasses the
 *    page cache), and the median served to anonymous visitors (page cache).
 * Times in ms. The database is only read (the server writes nothing for these pages).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import Database from "better-sqlite3";
import { argsOf, BROWSER_HEADERS, machine, rawRequest, repo, requireBuild, startServer, table, writeJson } from "./lib";

const a = argsOf();

if (a.has("child")) {
  // one computation: --child DB ENVELOPE RULE → prints {"ms": …, "voters": …, "funded": …}
  const [db, envelope, rule] = process.argv.slice(process.argv.indexOf("--child") + 1);
  const sq = new Database(db!, { readonly: true });
  const pb = sq.prepare("SELECT pb FROM budget_envelopes WHERE id = ?").pluck().get(Number(envelope)) as string;
  process.env.DATABASE_PATH = db;
  const { computeResults } = await import("../../app/domain/budgets/results.server");
  const t = performance.now();
  const r = computeResults(pb, rule as "greedy", { minApprovals: 1 });
  process.stdout.write(JSON.stringify({ ms: performance.now() - t, voters: r.voters, funded: r.projects.filter((p) => p.funded).length }));
  process.exit(0);
}

const dbFile = a.get("db");
if (!dbFile) {
  console.error("Usage: npm run bench:results -- --db data/city.db [--budget ID] [--rules greedy,mes] [--limit 120] [--runs 20]");
  process.exit(2);
}
requireBuild();
const file = path.resolve(dbFile);
const limit = Number(a.get("limit") ?? 120);
const runs = Number(a.get("runs") ?? 20);
const port = Number(a.get("port") ?? 4260);
const rules = (a.get("rules") ?? "greedy,mes,mes-add1,mes-add1u").split(",");
const out = a.get("out") ?? path.join(repo, "bench-results", `results-${path.basename(dbFile, ".db")}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);

const sq = new Database(file, { readonly: true, fileMustExist: true });
const budgetId = Number(a.get("budget") ?? sq.prepare("SELECT b.id FROM budgets b WHERE b.imported = 0 AND EXISTS (SELECT 1 FROM budget_envelopes e WHERE e.budget_id = b.id AND e.results IS NOT NULL) ORDER BY b.id LIMIT 1").pluck().get());
if (!budgetId) throw new Error("no counted budget in this database");
const envelopes = sq
  .prepare("SELECT e.id, e.council_id AS councilId, (SELECT count(*) FROM ballots x WHERE x.box_id = e.box_id) AS ballots, (SELECT count(*) FROM budget_projects p WHERE p.envelope_id = e.id) AS projects FROM budget_envelopes e WHERE e.budget_id = ? AND e.pb IS NOT NULL ORDER BY ballots DESC")
  .all(budgetId) as { id: number; councilId: number | null; ballots: number; projects: number }[];
const declared = JSON.parse(sq.prepare("SELECT settings FROM budgets WHERE id = ?").pluck().get(budgetId) as string).allocationRule as string;
sq.close();
const chosen = [envelopes[0]!, envelopes.at(-1)!].filter((e, i, xs) => xs.findIndex((x) => x.id === e.id) === i);

function child(envelope: number, rule: string): Promise<{ ms: number; voters: number; funded: number } | { stopped: number }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, "--child", file, String(envelope), rule], { cwd: repo, stdio: ["ignore", "pipe", "inherit"] });
    let outText = "";
    p.stdout.on("data", (c) => (outText += c));
    const timer = setTimeout(() => p.kill("SIGKILL"), limit * 1000);
    p.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (signal === "SIGKILL") resolve({ stopped: limit });
      else if (code === 0) resolve(JSON.parse(outText));
      else reject(new Error(`child exited ${code}`));
    });
  });
}

const compute: { envelope: number; council: number | null; ballots: number; projects: number; rule: string; ms?: number; stoppedAfterS?: number }[] = [];
for (const e of chosen) {
  for (const rule of rules) {
    const r = await child(e.id, rule);
    compute.push({ envelope: e.id, council: e.councilId, ballots: e.ballots, projects: e.projects, rule, ...("ms" in r ? { ms: r.ms } : { stoppedAfterS: r.stopped }) });
    console.log(`envelope ${e.id} (${e.councilId === null ? "town" : `council ${e.councilId}`}, ${e.ballots} ballots, ${e.projects} projects) ${rule}: ${"ms" in r ? `${r.ms.toFixed(0)} ms` : `stopped after ${limit} s`}`);
  }
}

// the results view, in process
process.env.DATABASE_PATH = file;
const { getBudget } = await import("../../app/domain/budgets/budgets.server");
const { resultsView } = await import("../../app/domain/budgets/views.server");
const i18next = (await import("i18next")).default;
const fs = await import("node:fs");
const fr = JSON.parse(fs.readFileSync(path.join(repo, "app/locales/fr.json"), "utf8"));
const inst = i18next.createInstance();
await inst.init({ lng: "fr", resources: { fr: { common: fr } }, defaultNS: "common", interpolation: { escapeValue: false } });
const budget = getBudget(budgetId)!;
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[xs.length >> 1]!;
const viewTimes: number[] = [];
for (let i = 0; i < runs + 3; i++) {
  const t = performance.now();
  resultsView(budget, "fr", inst.t);
  if (i >= 3) viewTimes.push(performance.now() - t);
}

// the page over HTTP
const server = await startServer(file, port);
const url = `${server.origin}/budgets/${budgetId}/results`;
let t = performance.now();
const first = await rawRequest(url, { headers: { ...BROWSER_HEADERS, cookie: "bench=1" } });
const firstMs = performance.now() - t;
const rendered: number[] = [];
const cached: number[] = [];
for (let i = 0; i < runs; i++) {
  t = performance.now();
  await rawRequest(url, { headers: { ...BROWSER_HEADERS, cookie: "bench=1" } });
  rendered.push(performance.now() - t);
}
for (let i = 0; i < runs + 1; i++) {
  t = performance.now();
  const r = await rawRequest(url, { headers: BROWSER_HEADERS });
  if (i > 0) cached.push(performance.now() - t);
  void r;
}
await server.stop();

console.log(`\nBudget ${budgetId} (declared rule ${declared}): computing one envelope's results (allocation, margins, what-if under every rule)`);
console.log(table(
  ["envelope", "ballots", "projects", "rule", "compute ms"],
  compute.map((c) => [`${c.envelope} (${c.council === null ? "town" : `council ${c.council}`})`, c.ballots, c.projects, c.rule, c.ms !== undefined ? Math.round(c.ms) : `> ${c.stoppedAfterS! * 1000} (stopped)`]),
));
console.log(`\n${table(
  ["measure", "ms"],
  [
    [`results view in process (median of ${runs})`, Number(median(viewTimes).toFixed(1))],
    [`GET results, first request (status ${first.status}, ${Math.round(first.body.length / 1024)} KB compressed)`, Number(firstMs.toFixed(1))],
    [`GET results, rendered (median of ${runs})`, Number(median(rendered).toFixed(1))],
    [`GET results, anonymous (page cache, median of ${runs})`, Number(median(cached).toFixed(1))],
  ],
)}`);
writeJson(out, { db: file, budgetId, declared, at: new Date().toISOString(), machine: machine(), compute, viewMs: median(viewTimes), page: { status: first.status, bytes: first.body.length, firstMs, renderedMedianMs: median(rendered), cachedMedianMs: median(cached) } });
process.exit(0);
