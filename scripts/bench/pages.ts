/**
 * Page benchmark against a bare server (issue #13).
 *
 *   npm run build
 *   npm run bench:pages -- --db data/city.db [--seconds 10] [--connections 50] [--port 4200]
 *                          [--only REGEX] [--out bench-results/pages.json] [--page-cache off]
 *
 * Starts the built server (node server.mjs, production, LOG_LEVEL=silent, OUTBOX_WORKER=off)
 * on the database, and for every public page and the main signed-in pages (pagesOf in
 * lib.ts): takes one response as an anonymous browser sends it (Accept-Encoding gzip/br,
 * Accept-Language fr — the page cache keys on it; signed-in pages carry the session cookie
 * from the real login form), then runs autocannon at 50 connections for N seconds against
 * the app, then against a bare node:http server (its own process, port+1) sending those
 * exact bytes and headers. Anonymous pages are measured as visitors get them: the first
 * request fills the page cache (X-Page-Cache), the load then reads from it where it applies.
 * Reports requests/s, p50/p95/p99 (ms, from every response), the ratio to the bare server,
 * and the server's RSS (VmRSS sampled every 200 ms): per page and the maximum of the run.
 * Signed-in accounts: the city's (db/seed/city.server.ts) or the demo town's, whichever the
 * database has.
 */
import path from "node:path";
import { accountsFor } from "./accounts";
import { argsOf, loadOptions, BROWSER_HEADERS, load, login, machine, pagesOf, rawRequest, requireBuild, rssSampler, startBare, startServer, table, writeJson } from "./lib";

const a = argsOf();
const dbFile = a.get("db");
if (!dbFile) {
  console.error("Usage: npm run bench:pages -- --db data/city.db [--seconds 10] [--connections 50] [--port 4200] [--only REGEX] [--out FILE.json]");
  process.exit(2);
}
requireBuild();
const { seconds, connections, port, only, out } = loadOptions(a, "pages", dbFile);

const pages = pagesOf(path.resolve(dbFile)).filter((p) => !only || only.test(p.name));
const tStart = Date.now();
const server = await startServer(path.resolve(dbFile), port, a.get("page-cache") === "off" ? { PAGE_CACHE: "off" } : {});
console.log(`server on ${server.origin} (started in ${((Date.now() - tStart) / 1000).toFixed(1)} s), ${pages.length} pages, ${seconds} s each at ${connections} connections`);
const rss = rssSampler(server.proc.pid!);
const bare = await startBare(port + 1);
const creds = accountsFor(path.resolve(dbFile));
const cookies: Record<string, string> = {};
for (const who of ["resident", "official"] as const) cookies[who] = await login(server.origin, creds[who], creds.password);

const rows: Record<string, unknown>[] = [];
for (const p of pages) {
  const headers: Record<string, string> = { ...BROWSER_HEADERS, ...(p.as ? { cookie: cookies[p.as]! } : {}) };
  const url = server.origin + p.path;
  const t = performance.now();
  const first = await rawRequest(url, { headers });
  const firstMs = performance.now() - t;
  const raw = await rawRequest(url, { headers });
  const row: Record<string, unknown> = {
    page: p.name,
    path: p.path,
    as: p.as ?? "anonymous",
    status: raw.status,
    bytes: raw.body.length,
    encoding: raw.headers["content-encoding"] ?? "",
    pageCache: String(raw.headers["x-page-cache"] ?? ""),
    firstMs,
  };
  if (raw.status !== 200 || first.status !== 200) {
    console.log(`${p.name}: status ${first.status}/${raw.status}, not measured`);
    rows.push(row);
    continue;
  }
  rss.takeWindow();
  const app = await load(url, headers, seconds, connections);
  row.rssMB = rss.takeWindow();
  await bare.serve(raw);
  const b = await load(bare.url + p.path, headers, seconds, connections);
  Object.assign(row, { app, bare: b, ratio: app.rps / b.rps });
  rows.push(row);
  console.log(
    `${p.name.padEnd(32)} ${app.rps.toFixed(0).padStart(6)} req/s  p50 ${app.p50.toFixed(0).padStart(5)}  p95 ${app.p95.toFixed(0).padStart(5)}  p99 ${app.p99.toFixed(0).padStart(5)} ms   bare ${b.rps.toFixed(0).padStart(6)}  ratio ${(app.rps / b.rps).toFixed(4)}  ${row.pageCache}  ${(row.rssMB as number).toFixed(0)} MB${app.non2xx || app.errors ? `  non-2xx ${app.non2xx} errors ${app.errors}` : ""}`,
  );
}
rss.stop();
const maxRss = rss.max;
bare.stop();
await server.stop();

const fmt = (x: unknown) => (typeof x === "number" ? x : "");
console.log(`\n${table(
  ["page", "as", "KB", "cache", "req/s", "p50 ms", "p95 ms", "p99 ms", "bare req/s", "ratio", "RSS MB"],
  rows.map((r) => {
    const app = r.app as { rps: number; p50: number; p95: number; p99: number } | undefined;
    const b = r.bare as { rps: number } | undefined;
    return [
      String(r.page),
      String(r.as),
      Number(((r.bytes as number) / 1024).toFixed(1)),
      String(r.pageCache || (r.status !== 200 ? `status ${r.status}` : "")),
      app ? Math.round(app.rps) : "",
      app ? Number(app.p50.toFixed(1)) : "",
      app ? Number(app.p95.toFixed(1)) : "",
      app ? Number(app.p99.toFixed(1)) : "",
      b ? Math.round(b.rps) : "",
      r.ratio !== undefined ? (r.ratio as number).toFixed(4) : "",
      fmt(r.rssMB) !== "" ? Math.round(r.rssMB as number) : "",
    ];
  }),
)}`);
console.log(`\nmax server RSS: ${maxRss.toFixed(0)} MB; ${seconds} s per page at ${connections} connections; machine ${JSON.stringify(machine())}`);
const slow = rows.filter((r) => r.app).sort((x, y) => (x.app as { rps: number }).rps - (y.app as { rps: number }).rps).slice(0, 5);
console.log(`slowest: ${slow.map((r) => `${r.page} (${(r.app as { rps: number }).rps.toFixed(1)} req/s)`).join(", ")}`);
writeJson(out, { db: path.resolve(dbFile), seconds, connections, at: new Date().toISOString(), machine: machine(), maxRssMB: maxRss, pages: rows });
process.exit(0);
