/**
 * The ballot storm (issue #13): distinct verified voters casting budget baskets through the
 * real HTTP form post of the vote page, from many concurrent connections, against the built
 * production server; then the database is checked: ballots = participations = acknowledged
 * casts, one participation per acknowledged voter, every receipt's ballot present, no
 * duplicate, integrity_check ok.
 *
 *   npm run build && npm run bench:ballots -- [--voters 60000] [--seconds 60] [--connections 64]
 *        [--port 4300] [--with-page] [--js] [--cpu-prof] [--out bench-results/ballots.json]
 *
 * Target: >= 1,000 ballots/s sustained with p99 < 100 ms (2-core machine). The load
 * generator runs on the same machine and takes part of its CPU.
 * `--with-page`: each voter also loads the vote page first (two requests per voter).
 * `--js`: the request a browser running the page's JavaScript sends (single-fetch data
 *   request, no page rendered), followed by the loaders' revalidation GET.
 * `--cpu-prof`: the server runs with `node --cpu-prof`; the profile lands in bench-results/.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkStormDb, cpuMs, percentile, repo, rssSampler, startBuiltServer, storm } from "./storm-client";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
};
const VOTERS = Number(opt("--voters", "60000"));
const SECONDS = Number(opt("--seconds", "60"));
const CONNECTIONS = Number(opt("--connections", "64"));
const PORT = Number(opt("--port", "4300"));
const OUT = path.resolve(repo, opt("--out", "bench-results/ballots.json"));
const WITH_PAGE = args.includes("--with-page");
const JS = args.includes("--js");
const CPU_PROF = args.includes("--cpu-prof");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-ballots-"));
const file = path.join(dir, "storm.db");
process.env.DATABASE_PATH = file;

const ms = (x: number) => Math.round(x * 10) / 10;

async function main() {
  const { buildStormFixture, randomBasket, rng } = await import("./storm-fixture");
  const { closeDatabase } = await import("#db/client.server");
  console.log(`building the town: ${VOTERS} voters…`);
  const fixture = await buildStormFixture({ voters: VOTERS });
  closeDatabase();
  console.log(`  census ${fixture.timings.census} s, accounts/verifications/sessions ${fixture.timings.accounts} s, budget ${fixture.timings.budget} s`);
  const rand = rng(13);
  const baskets = fixture.voters.map(() => randomBasket(fixture, rand));

  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  const server = await startBuiltServer({ db: file, port: PORT, nodeArgs: CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.dirname(OUT)}`] : [] });
  const rss = rssSampler(server.pid);
  const cpu0 = cpuMs(server.pid);
  console.log(`storm: ${CONNECTIONS} connections, ${SECONDS} s${WITH_PAGE ? ", page loaded before each cast" : ""}${JS ? ", JavaScript's data requests" : ""}…`);
  const r = await storm({ url: server.url, fixture, voters: fixture.voters, baskets, connections: CONNECTIONS, seconds: SECONDS, withPage: WITH_PAGE, js: JS });
  const rssMax = rss.stop();
  const serverCpuMs = cpuMs(server.pid) - cpu0;
  const code = await server.stop();
  if (code !== 0) console.error(`server exited with ${code}:\n${server.output()}`);

  const elapsed = (r.endedAt - r.startedAt) / 1000;
  const acked = new Map(r.outcomes.filter((o) => o.receipt).map((o) => [o.voter, o.receipt!] as const));
  const sent = new Set(r.outcomes.map((o) => o.voter));
  const lat = Float64Array.from(r.outcomes.filter((o) => o.status > 0).map((o) => o.ms)).sort();
  const statuses: Record<string, number> = {};
  for (const o of r.outcomes) statuses[o.status || o.error || "error"] = (statuses[o.status || o.error || "error"] ?? 0) + 1;
  const check = checkStormDb(file, fixture, acked, sent);
  // sustained: the median second, leaving out the first and last (warm-up, tail)
  const inner = r.perSecond.slice(1, -1).sort((a, b) => a - b);
  const result = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, loadavg: os.loadavg(), node: process.version },
    voters: VOTERS,
    seconds: SECONDS,
    connections: CONNECTIONS,
    withPage: WITH_PAGE,
    mode: JS ? "js (POST .data + revalidation GET)" : "no JavaScript (document POST, receipt page rendered)",
    elapsedSeconds: Math.round(elapsed * 100) / 100,
    sent: sent.size,
    acknowledged: acked.size,
    statuses,
    ballotsPerSecond: Math.round(acked.size / elapsed),
    medianSecond: inner.length ? inner[inner.length >> 1] : null,
    worstSecond: inner.length ? inner[0] : null,
    latencyMs: { p50: ms(percentile(lat, 50)), p95: ms(percentile(lat, 95)), p99: ms(percentile(lat, 99)), max: ms(lat.at(-1) ?? NaN) },
    rssMaxMB: Math.round(rssMax / 1048576),
    /** Server CPU time over the storm, per acknowledged cast (ms): what a cast costs whatever else the machine runs. */
    serverCpuMsPerCast: Math.round((serverCpuMs / Math.max(1, acked.size)) * 100) / 100,
    serverCpuShare: Math.round((serverCpuMs / (elapsed * 1000)) * 100) / 100,
    db: check,
    consistent:
      check.ballots === acked.size &&
      check.participations === acked.size &&
      check.distinctPersons === acked.size &&
      check.ackedMissing === 0 &&
      check.receiptsMissing === 0 &&
      check.duplicateBallotKeys === 0 &&
      check.unacknowledgedStored === 0 &&
      check.neverSentStored === 0 &&
      check.integrity === "ok",
    targets: { ballotsPerSecond: 1000, p99Ms: 100 },
    perSecond: r.perSecond,
  };
  fs.writeFileSync(OUT, JSON.stringify(result, null, 2) + "\n");
  const rows: [string, string | number][] = [
    ["voters (fixture)", VOTERS],
    ["connections", CONNECTIONS],
    ["request", result.mode],
    ["seconds (run)", result.elapsedSeconds],
    ["casts sent", sent.size],
    ["acknowledged (2xx/3xx + receipt)", acked.size],
    ["statuses", Object.entries(statuses).map(([k, v]) => `${k}:${v}`).join(" ")],
    ["ballots/s (whole run)", result.ballotsPerSecond],
    ["ballots/s (median second, worst)", `${result.medianSecond}, ${result.worstSecond}`],
    ["cast latency p50 / p95 / p99 / max (ms)", `${result.latencyMs.p50} / ${result.latencyMs.p95} / ${result.latencyMs.p99} / ${result.latencyMs.max}`],
    ["server RSS max (MB)", result.rssMaxMB],
    ["server CPU per cast (ms), CPU share", `${result.serverCpuMsPerCast}, ${result.serverCpuShare}`],
    ["ballots in the box", check.ballots],
    ["participations", check.participations],
    ["distinct persons", check.distinctPersons],
    ["acked voters without exactly 1 participation", check.ackedMissing],
    ["acked receipts without their ballot", check.receiptsMissing],
    ["stored but never acknowledged", check.unacknowledgedStored + check.neverSentStored],
    ["duplicate ballot keys", check.duplicateBallotKeys],
    ["integrity_check", check.integrity],
    ["ballots = participations = acknowledged", result.consistent ? "yes" : "NO"],
    ["target (>= 1000/s, p99 < 100 ms)", result.ballotsPerSecond >= 1000 && result.latencyMs.p99 < 100 ? "met" : "not met"],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log(`\nballot storm — ${new Date().toISOString()}, ${os.cpus().length} CPUs, load ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  console.log(`\nJSON: ${path.relative(process.cwd(), OUT)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  if (!result.consistent) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
