/**
 * Before/after numbers for the pages decision record 015 is about: for each path, the
 * median of 5 sequential single requests (ms, after one warm-up), then autocannon with 50
 * connections for DURATION seconds (requests/s, p50/p99 ms, non-2xx/3xx), and the server's
 * RSS afterwards when PID is given. Prints a table and writes JSON.
 *
 *   BASE=http://localhost:4401 PID=<server pid> npx tsx scripts/bench/perf-pages.ts out.json /ideas /ideas/51 ...
 *
 * Start the server with PAGE_CACHE=off to measure the render rather than the page cache.
 */
import { readFileSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";

const base = process.env.BASE ?? "http://localhost:4401";
const duration = Number(process.env.DURATION ?? 10);
const connections = Number(process.env.CONNECTIONS ?? 50);
const [out, ...paths] = process.argv.slice(2);
if (!out || paths.length === 0) throw new Error("usage: perf-pages.ts out.json /path ...");
const headers: Record<string, string> = { "accept-encoding": process.env.ENCODING ?? "gzip" };
if (process.env.COOKIE) headers.cookie = process.env.COOKIE;

function rssMb(): number | null {
  if (!process.env.PID) return null;
  const status = readFileSync(`/proc/${process.env.PID}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kb / 1024);
}

async function single(path: string) {
  const times: number[] = [];
  let bytes = 0;
  let status = 0;
  for (let i = 0; i < 6; i++) {
    const t = performance.now();
    const res = await fetch(base + path, { headers, redirect: "manual" });
    const body = await res.arrayBuffer();
    if (i > 0) times.push(performance.now() - t);
    bytes = body.byteLength;
    status = res.status;
  }
  times.sort((a, b) => a - b);
  return { ms: Math.round(times[2]! * 10) / 10, bytes, status };
}

/** After an overloaded page the server is still working through its backlog: wait until it answers promptly. */
async function settle() {
  for (let i = 0; i < 240; i++) {
    const t = performance.now();
    const ok = await fetch(base + "/health").then((r) => r.arrayBuffer().then(() => r.ok), () => false);
    if (ok && performance.now() - t < 100) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

const rows = [];
for (const path of paths) {
  await settle();
  const s = await single(path).catch((e: Error) => ({ ms: Number.NaN, bytes: 0, status: 0, error: e.message }));
  const r = await autocannon({ url: base + path, connections, duration, headers });
  const row = {
    path,
    status: s.status,
    bytes: s.bytes,
    singleMs: s.ms,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    rssMb: rssMb(),
  };
  rows.push(row);
  console.log(`${path.padEnd(40)} ${String(row.status).padStart(3)} ${String(row.bytes).padStart(8)} B  single ${String(row.singleMs).padStart(7)} ms  ${String(row.rps).padStart(6)} req/s  p50 ${String(row.p50).padStart(6)}  p99 ${String(row.p99).padStart(6)}  err ${row.errors}  rss ${row.rssMb ?? "-"} MB`);
}
writeFileSync(out, JSON.stringify({ base, duration, connections, at: new Date().toISOString(), rows }, null, 2));
