/**
 * Growth benchmark (issue #13): the same pages on the demo town and on the city database,
 * measured alternately page by page, with the city/demo throughput ratio (target ≥ 0.8:
 * no page's server time should grow with the size of the database).
 *
 *   npm run build
 *   npm run bench:growth -- --city data/city.db [--demo path] [--seconds 10] [--connections 50]
 *                           [--port 4200] [--only REGEX] [--out bench-results/growth.json]
 *
 * The demo database is created by the normal start-up seeding (SEED=demo) into a temporary
 * file unless --demo names one. Both servers run side by side (ports port and port+2); only
 * one is under load at a time. Pages and signed-in accounts as in pages.ts (lib.ts).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { accountsFor } from "./accounts";
import { argsOf, loadOptions, BROWSER_HEADERS, load, login, machine, pagesOf, rawRequest, requireBuild, rssSampler, startServer, table, writeJson, type Load } from "./lib";

const a = argsOf();
const city = a.get("city") ?? a.get("db");
if (!city) {
  console.error("Usage: npm run bench:growth -- --city data/city.db [--demo path] [--seconds 10] [--connections 50] [--port 4200] [--only REGEX]");
  process.exit(2);
}
requireBuild();
const { seconds, connections, port, only, out } = loadOptions(a, "growth", city);

let demo = a.get("demo");
let tmp: string | null = null;
if (!demo) {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "bench-growth-"));
  demo = path.join(tmp, "demo.db");
}
const t0 = Date.now();
const demoServer = await startServer(path.resolve(demo), port);
console.log(`demo server on ${demoServer.origin} (start-up with seeding ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
const cityServer = await startServer(path.resolve(city), port + 2);
console.log(`city server on ${cityServer.origin}`);
const servers = { demo: demoServer, city: cityServer };
const rss = { demo: rssSampler(demoServer.proc.pid!), city: rssSampler(cityServer.proc.pid!) };
const pages = { demo: pagesOf(path.resolve(demo)), city: pagesOf(path.resolve(city)) };
const cookies: Record<string, Record<string, string>> = {};
for (const k of ["demo", "city"] as const) {
  const creds = accountsFor(path.resolve(k === "demo" ? demo : city));
  cookies[k] = { resident: await login(servers[k].origin, creds.resident, creds.password), official: await login(servers[k].origin, creds.official, creds.password) };
}

const rows: { page: string; as: string; demo?: Load & { path: string; status: number }; city?: Load & { path: string; status: number }; ratio?: number }[] = [];
for (const p of pages.city.filter((x) => !only || only.test(x.name))) {
  const row: (typeof rows)[number] = { page: p.name, as: p.as ?? "anonymous" };
  for (const k of ["demo", "city"] as const) {
    const page = pages[k].find((x) => x.name === p.name)!;
    const headers: Record<string, string> = { ...BROWSER_HEADERS, ...(page.as ? { cookie: cookies[k]![page.as]! } : {}) };
    const url = servers[k].origin + page.path;
    await rawRequest(url, { headers });
    const raw = await rawRequest(url, { headers });
    if (raw.status !== 200) {
      console.log(`${p.name} (${k}): status ${raw.status}, not measured`);
      continue;
    }
    row[k] = { ...(await load(url, headers, seconds, connections)), path: page.path, status: raw.status };
  }
  if (row.demo && row.city) row.ratio = row.city.rps / row.demo.rps;
  rows.push(row);
  console.log(`${p.name.padEnd(32)} demo ${row.demo?.rps.toFixed(0).padStart(6) ?? "     -"} req/s   city ${row.city?.rps.toFixed(0).padStart(6) ?? "     -"} req/s   city/demo ${row.ratio?.toFixed(3) ?? "-"}`);
}
const maxRss = { demo: rss.demo.max, city: rss.city.max };
rss.demo.stop();
rss.city.stop();
await demoServer.stop();
await cityServer.stop();
if (tmp) fs.rmSync(tmp, { recursive: true, force: true });

const n = (x: number | undefined, d = 0) => (x === undefined ? "" : Number(x.toFixed(d)));
console.log(`\n${table(
  ["page", "as", "demo req/s", "demo p95 ms", "city req/s", "city p95 ms", "city/demo"],
  rows.map((r) => [r.page, r.as, n(r.demo?.rps), n(r.demo?.p95, 1), n(r.city?.rps), n(r.city?.p95, 1), r.ratio !== undefined ? r.ratio.toFixed(3) : ""]),
)}`);
console.log(`\nmax RSS: demo ${maxRss.demo.toFixed(0)} MB, city ${maxRss.city.toFixed(0)} MB; ${seconds} s per page and database at ${connections} connections`);
const below = rows.filter((r) => r.ratio !== undefined && r.ratio < 0.8);
console.log(`pages below the 0.8 target: ${below.length ? below.map((r) => `${r.page} (${r.ratio!.toFixed(2)})`).join(", ") : "none"}`);
writeJson(out, { city: path.resolve(city), seconds, connections, at: new Date().toISOString(), machine: machine(), maxRssMB: maxRss, pages: rows });
process.exit(0);
