/**
 * Benchmark of the public statistics page on a city-scale database.
 *
 *   npm run bench:stats                       builds a synthetic city in a temp file, then measures
 *   npm run bench:stats -- --db data/city.db  measures an existing database (e.g. the one
 *                                             `npm run seed:city` builds; BENCH_DB=path also works)
 *   options: --runs 20, --port 4250, --out bench-results/statistics.json
 *
 * The synthetic city: 30 councils, 60,000 accounts, 200,000 ideas over three years (two thirds
 * answered, at various delays), 4,000 meetings of which 3,600 held, most with minutes.
 * Measured: `statistics()` alone (the live queries and their assembly), and a full
 * GET /statistics from the built server (npm run build first): median, min and max of 20
 * requests after 3 warm-ups, rendered each time (a cookie other than the language one
 * bypasses the page cache), and the same served to anonymous visitors (page cache). The page
 * must render in under 100 ms. Prints a table and writes JSON.
 */
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const IDEAS = Number(process.env.BENCH_IDEAS || 200_000);
const USERS = 60_000;
const COUNCILS = 30;
const MEETINGS = 4_000;
const argv = process.argv.slice(2);
const opt = (name: string) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : undefined);
const RUNS = Number(opt("runs") ?? 20);

function median(xs: number[]) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

async function build(file: string) {
  process.env.DATABASE_PATH = file;
  const { sqlite } = await import("../../db/client.server");
  const { seedEmptyTown } = await import("../../db/seed/seed.server");
  seedEmptyTown("Grande-Ville");
  const db = sqlite();
  const DAY = 86_400_000;
  const now = Date.now();
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  db.transaction(() => {
    const c = db.prepare("INSERT INTO councils (slug, name) VALUES (?, ?)");
    for (let i = 1; i <= COUNCILS; i++) c.run(`quartier-${i}`, `Quartier ${i}`);
    const u = db.prepare("INSERT INTO users (id, email, display_name, password_hash) VALUES (?, ?, ?, '!')");
    for (let i = 0; i < USERS; i++) u.run(`u${i}`, `habitant${i}@ville.example`, `Habitant ${i}`);
    const idea = db.prepare(
      "INSERT INTO ideas (council_id, author_id, title, body, theme, status, submitted_at, due_at, answer_delay_days, answered_at, answered_in_time) VALUES (?, ?, ?, '…', 'mobility', ?, ?, ?, 30, ?, ?)",
    );
    for (let i = 0; i < IDEAS; i++) {
      const submitted = now - rnd() * 3 * 365 * DAY;
      const due = submitted + 30 * DAY;
      const answered = rnd() < 0.66 ? Math.min(now, submitted + rnd() * 60 * DAY) : null;
      idea.run(
        1 + Math.floor(rnd() * COUNCILS),
        `u${Math.floor(rnd() * USERS)}`,
        `Idée ${i}`,
        answered ? "accepted" : "submitted",
        new Date(submitted).toISOString(),
        new Date(due).toISOString(),
        answered ? new Date(answered).toISOString() : null,
        answered ? (answered <= due ? 1 : 0) : null,
      );
    }
    const m = db.prepare(
      "INSERT INTO meetings (council_id, title, starts_at, ends_at, place_name, status, held_at, minutes_due_at, minutes_delay_days, created_at, updated_at) VALUES (?, ?, ?, ?, 'Salle', ?, ?, ?, 15, ?, ?)",
    );
    const v = db.prepare("INSERT INTO minutes_versions (meeting_id, version, body, attendance_count, published_at, published_by_name) VALUES (?, 1, '…', 20, ?, 'Animateur')");
    for (let i = 0; i < MEETINGS; i++) {
      const start = now - rnd() * 3 * 365 * DAY;
      const held = i < MEETINGS * 0.9;
      const iso = new Date(start).toISOString();
      const r = m.run(1 + (i % COUNCILS), `Réunion ${i}`, iso, new Date(start + 2 * 3600_000).toISOString(), held ? "held" : "scheduled", held ? iso : null, held ? new Date(start + 15 * DAY).toISOString() : null, iso, iso);
      if (held && rnd() < 0.85) v.run(r.lastInsertRowid, new Date(start + rnd() * 25 * DAY).toISOString());
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
}

async function main() {
  const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");
  const given = opt("db") ? path.resolve(opt("db")!) : process.env.BENCH_DB;
  const file = given ?? path.join(os.tmpdir(), `conseil-bench-stats-${process.pid}.db`);
  if (!given) {
    const t = performance.now();
    execFileSync(process.execPath, [...process.execArgv, new URL(import.meta.url).pathname, "--build", file], { stdio: "inherit", cwd: root });
    console.log(`built a synthetic city (${IDEAS.toLocaleString("en")} ideas) in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  // statistics() alone, in this process
  process.env.DATABASE_PATH = file;
  const { statistics } = await import("../../app/domain/stats/statistics.server");
  for (let i = 0; i < 3; i++) statistics();
  const domain: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    statistics();
    domain.push(performance.now() - t);
  }
  // the whole page from the built server
  const port = Number(opt("port") ?? 4250);
  const srv = spawn(process.execPath, ["server.mjs"], { cwd: root, env: { ...process.env, PORT: String(port), DATABASE_PATH: file, NODE_ENV: "production", OUTBOX_WORKER: "off", LOG_LEVEL: "silent", PUBLIC_URL: `http://localhost:${port}` }, stdio: "ignore" });
  const url = `http://localhost:${port}/statistics`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const page: number[] = [];
  const cached: number[] = [];
  for (const [into, headers] of [[page, { cookie: "bench=1" }], [cached, {}]] as const) {
    for (let i = 0; i < RUNS + 3; i++) {
      const t = performance.now();
      const r = await fetch(url, { headers: { "accept-language": "fr", ...headers } });
      await r.text();
      if (i >= 3) into.push(performance.now() - t);
    }
  }
  srv.kill("SIGTERM");
  const row = (name: string, xs: number[]) => `${name.padEnd(28)} median ${median(xs).toFixed(1).padStart(6)} ms   min ${Math.min(...xs).toFixed(1).padStart(6)}   max ${Math.max(...xs).toFixed(1).padStart(6)}`;
  console.log(row("statistics() (queries)", domain));
  console.log(row("GET /statistics (rendered)", page));
  console.log(row("GET /statistics (page cache)", cached));
  const out = opt("out") ?? path.join(root, "bench-results", `statistics-${given ? path.basename(given, ".db") : "synthetic"}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const summary = (xs: number[]) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs.length });
  fs.writeFileSync(out, JSON.stringify({ db: given ?? "synthetic", at: new Date().toISOString(), statistics: summary(domain), pageRendered: summary(page), pageCached: summary(cached), target: 100 }, null, 2));
  console.log(`JSON: ${out}`);
  const ok = median(page) < 100;
  console.log(ok ? "OK: under 100 ms" : "TOO SLOW: the page must render in under 100 ms");
  if (!given) for (const s of ["", "-wal", "-shm"]) fs.rmSync(file + s, { force: true });
  process.exit(ok ? 0 : 1);
}

if (process.argv[2] === "--build") await build(process.argv[3]!);
else await main();
