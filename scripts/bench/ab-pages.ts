/**
 * A/B of the same pages on two running servers (before and after a change), measured
 * alternately so that a busy machine weighs on both alike: the median of ROUNDS sequential
 * single requests each, then autocannon (50 connections, DURATION s) on A then B, waiting
 * for each server to answer promptly again before the next run; the RSS of each server
 * (PID_A, PID_B) after each run. Prints a table and writes JSON.
 *
 *   A=http://localhost:4402 B=http://localhost:4404 PID_A=… PID_B=… npx tsx scripts/bench/ab-pages.ts out.json /ideas …
 */
import { readFileSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";

const A = process.env.A!;
const B = process.env.B!;
const rounds = Number(process.env.ROUNDS ?? 7);
const duration = Number(process.env.DURATION ?? 10);
const [out, ...paths] = process.argv.slice(2);
const headers = { "accept-encoding": "gzip, br" };

const rss = (pid?: string) => (pid ? Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024) : null);
async function once(base: string, path: string) {
  const t = performance.now();
  const res = await fetch(base + path, { headers, redirect: "manual" });
  const body = await res.arrayBuffer();
  return { ms: performance.now() - t, status: res.status, bytes: body.byteLength };
}
async function settle(base: string) {
  for (let i = 0; i < 600; i++) {
    const ok = await once(base, "/health").then((r) => r.ms < 150, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const rows = [];
for (const path of paths) {
  await settle(A);
  await settle(B);
  for (let i = 0; i < 2; i++) {
    await once(A, path);
    await once(B, path);
  }
  const a: number[] = [];
  const b: number[] = [];
  let info = { a: { status: 0, bytes: 0 }, b: { status: 0, bytes: 0 } };
  for (let i = 0; i < rounds; i++) {
    const ra = await once(A, path);
    const rb = await once(B, path);
    a.push(ra.ms);
    b.push(rb.ms);
    info = { a: ra, b: rb };
  }
  const load = async (base: string, pid?: string) => {
    // the other server may still be working through the backlog of its own run
    await settle(A);
    await settle(B);
    const r = await autocannon({ url: base + path, connections: 50, duration, headers });
    return { rps: Math.round(r.requests.average * 10) / 10, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts, rssMb: rss(pid) };
  };
  const la = await load(A, process.env.PID_A);
  const lb = await load(B, process.env.PID_B);
  const row = { path, before: { ...info.a, singleMs: Math.round(median(a)), ...la }, after: { ...info.b, singleMs: Math.round(median(b)), ...lb } };
  rows.push(row);
  const f = (x: typeof row.before) => `${String(x.singleMs).padStart(5)} ms ${String(x.bytes).padStart(8)} B ${String(x.rps).padStart(6)} req/s p50 ${String(x.p50).padStart(5)} p99 ${String(x.p99).padStart(5)} err ${x.errors} rss ${x.rssMb}`;
  console.log(`${path.padEnd(28)} before ${f(row.before)} | after ${f(row.after)}`);
}
writeFileSync(out!, JSON.stringify({ A, B, rounds, duration, at: new Date().toISOString(), rows }, null, 2));
