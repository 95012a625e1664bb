/**
 * CPU per request of the built Remix request handler, called in-process (no HTTP, no
 * Express, no page cache, no gzip): GET /ideas and GET / as a signed-in resident (document
 * requests), and the budget ballot as the page's JavaScript sends it (POST
 * /budgets/ID/vote.data, one distinct voter per request). Written to measure the route
 * matching memoisation of patches/@remix-run+router+*.patch (docs/decisions/015).
 *
 *   npm run build && npx tsx scripts/bench/route-matching.ts [--n 300] [--rounds 3] [--label patched]
 *
 * Prints one JSON line: CPU ms (user + system of this process) and wall ms per request for
 * each kind, the median of `--rounds` rounds of `--n` sequential requests. `--only "GET /ideas"`
 * runs one kind (e.g. under `node --cpu-prof --import tsx`).
 *
 *   npx tsx scripts/bench/route-matching.ts --http [--port 4601] [--seconds 15] [--connections 16]
 *
 * instead starts the built server (`node server.mjs`) and sends GET /ideas with a session
 * cookie (so the anonymous page cache does not answer) with autocannon; prints requests/s,
 * latency percentiles and the server's CPU ms per request.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { cpuMs, repo, SESSION_COOKIE, startBuiltServer } from "./storm-client";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
};
const N = Number(opt("--n", "300"));
const ROUNDS = Number(opt("--rounds", "3"));
const LABEL = opt("--label", "");
const WARM = 50;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-routes-"));
process.env.DATABASE_PATH = path.join(dir, "routes.db");
process.env.NODE_ENV = "production";
process.env.LOG_LEVEL = "silent";
process.env.SEED = "none";
process.env.PUBLIC_URL = "http://localhost:4600";
process.env.MAIL_DIR = path.join(dir, "mail");
process.env.SMS_DIR = path.join(dir, "sms");
process.env.OUTBOX_WORKER = "off";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const r2 = (x: number) => Math.round(x * 100) / 100;

async function http() {
  const { buildStormFixture } = await import("./storm-fixture");
  const { closeDatabase } = await import("#db/client.server");
  const fixture = await buildStormFixture({ voters: 20 });
  closeDatabase();
  const server = await startBuiltServer({ db: process.env.DATABASE_PATH!, port: Number(opt("--port", "4601")) });
  try {
    const cookie = `${SESSION_COOKIE}=${fixture.voters[0]!.sessionId}`;
    const cannon = (seconds: number) => {
      const r = spawnSync(path.join(repo, "node_modules/.bin/autocannon"), ["-j", "-c", opt("--connections", "16"), "-d", String(seconds), "-H", `cookie=${cookie}`, "-H", "accept-language=fr-FR", "-H", "accept-encoding=gzip", `${server.url}/ideas`], { encoding: "utf8", maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout);
    };
    cannon(3); // warm-up
    const cpu0 = cpuMs(server.pid);
    const r = cannon(Number(opt("--seconds", "15")));
    const cpu = cpuMs(server.pid) - cpu0;
    const n = r.requests.total as number;
    console.log(JSON.stringify({ label: LABEL, http: "/ideas", load: os.loadavg()[0]!.toFixed(1), requests: n, non2xx: r.non2xx, rps: r2(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, serverCpuMsPerRequest: r2(cpu / n) }));
  } finally {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  if (args.includes("--http")) return http();
  const { buildStormFixture, randomBasket, rng } = await import("./storm-fixture");
  const { closeDatabase } = await import("#db/client.server");
  const voters = WARM + N * ROUNDS + 10;
  const fixture = await buildStormFixture({ voters });
  closeDatabase();
  const rand = rng(15);

  const built = await import(path.join(repo, "build/index.js"));
  await built.entry.module.startup();
  const build = built.entry.module.guardRouteModules(built);
  const { createRequestHandler } = await import("@remix-run/node");
  const handler = createRequestHandler(build, "production");
  const origin = process.env.PUBLIC_URL!;
  const ctx = () => ({ ip: "127.0.0.1", cspNonce: "bench", onceToken: undefined });
  const headers = (i: number) => ({ cookie: `${SESSION_COOKIE}=${fixture.voters[i]!.sessionId}`, "accept-language": "fr-FR,fr;q=0.9", accept: "text/html" });

  let nextVoter = 0;
  const kinds: Record<string, (i: number) => Request> = {
    "GET /ideas": (i) => new Request(`${origin}/ideas`, { headers: headers(i % 50) }),
    "GET /": (i) => new Request(`${origin}/`, { headers: headers(i % 50) }),
    "POST vote.data": () => {
      const v = nextVoter++;
      const body = new URLSearchParams([...randomBasket(fixture, rand).map((c) => ["choices", c] as [string, string]), ["step", "cast"], ["_once", `bench${v}`]]);
      return new Request(`${origin}/budgets/${fixture.budgetId}/vote.data`, {
        method: "POST",
        headers: { ...headers(v), origin, host: new URL(origin).host, "content-type": "application/x-www-form-urlencoded" },
        body: body.toString(),
      });
    },
  };
  const run = async (kind: string, n: number) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const res = await handler(kinds[kind]!(i), ctx());
      await res.text();
      if (res.status >= 400) throw new Error(`${kind}: ${res.status}`);
    }
    const c = process.cpuUsage(c0);
    return { cpu: (c.user + c.system) / 1000 / n, wall: (performance.now() - t0) / n };
  };
  const only = opt("--only", "");
  if (only) for (const k of Object.keys(kinds)) if (k !== only) delete kinds[k];
  for (const kind of Object.keys(kinds)) await run(kind, WARM);
  const out: Record<string, { cpuMs: number; wallMs: number }> = {};
  const rounds: Record<string, { cpu: number; wall: number }[]> = {};
  for (let r = 0; r < ROUNDS; r++) for (const kind of Object.keys(kinds)) (rounds[kind] ??= []).push(await run(kind, N));
  for (const [kind, rs] of Object.entries(rounds)) out[kind] = { cpuMs: r2(median(rs.map((x) => x.cpu))), wallMs: r2(median(rs.map((x) => x.wall))) };
  console.log(JSON.stringify({ label: LABEL, n: N, rounds: ROUNDS, load: os.loadavg()[0]!.toFixed(1), ...out }));
  built.entry.module.closeDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
