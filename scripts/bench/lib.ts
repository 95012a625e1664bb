/**
 * Shared pieces of the page benchmarks (pages.ts, growth.ts): starting the built server on a
 * database, signing in through the real login form, the list of pages to measure (ids read
 * from the database), one autocannon run with per-request latencies, a bare node:http
 * server (a child process) replaying a page's exact bytes and headers, and RSS sampling.
 * Times are milliseconds; throughput is requests per second.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Database from "better-sqlite3";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const require = createRequire(import.meta.url);

// autocannon ships no types; the part used here
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (
  opts: { url: string; connections: number; duration: number; headers?: Record<string, string>; timeout?: number },
) => { on(ev: "response", fn: (client: unknown, status: number, bytes: number, ms: number) => void): void } & PromiseLike<AutocannonResult>;
const autocannon = require("autocannon") as Autocannon;

export function argsOf(argv = process.argv.slice(2)) {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return { get, has: (name: string) => argv.includes(`--${name}`) };
}

/**
 * The load options the page benchmarks share: --seconds (10), --connections (50), --port
 * (4200), --only REGEX on page names, and --out (default bench-results/KIND-DB-TIME.json).
 */
export function loadOptions(a: ReturnType<typeof argsOf>, kind: string, dbFile: string) {
  return {
    seconds: Number(a.get("seconds") ?? 10),
    connections: Number(a.get("connections") ?? 50),
    port: Number(a.get("port") ?? 4200),
    only: a.get("only") ? new RegExp(a.get("only")!, "i") : null,
    out: a.get("out") ?? path.join(repo, "bench-results", `${kind}-${path.basename(dbFile, ".db")}-${new Date().toISOString().replace(/[:.]/g, "-")}.json`),
  };
}

export function requireBuild() {
  if (!fs.existsSync(path.join(repo, "build/index.js"))) {
    console.error("Run `npm run build` first: the benchmark starts the built server (node server.mjs).");
    process.exit(2);
  }
}

// ------------------------------------------------------------------ the server

export interface Server {
  proc: ChildProcess;
  port: number;
  origin: string;
  stop(): Promise<void>;
}

/** node server.mjs on `db`, production, silent logs, no outbox worker. */
export async function startServer(db: string, port: number, extraEnv: Record<string, string> = {}): Promise<Server> {
  const origin = `http://localhost:${port}`;
  const proc = spawn(process.execPath, ["server.mjs"], {
    cwd: repo,
    env: { ...process.env, NODE_ENV: "production", DATABASE_PATH: db, PORT: String(port), PUBLIC_URL: origin, LOG_LEVEL: "silent", OUTBOX_WORKER: "off", SEED: "demo", ...extraEnv },
    stdio: ["ignore", "inherit", "inherit"],
  });
  const started = Date.now();
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}`);
    try {
      const r = await fetch(`${origin}/health`);
      if (r.ok) break;
    } catch {
      /* starting */
    }
    if (Date.now() - started > 180_000) throw new Error("server did not start in 180 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    proc,
    port,
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once("exit", () => resolve());
        proc.kill("SIGTERM");
        setTimeout(() => proc.exitCode === null && proc.kill("SIGKILL"), 10_000);
      }),
  };
}

/** Signs in through the login form (Origin = the public URL) and returns the session cookie. */
export async function login(origin: string, email: string, password: string): Promise<string> {
  const body = new URLSearchParams({ email, password }).toString();
  const res = await rawRequest(`${origin}/login`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", origin, "content-length": String(Buffer.byteLength(body)) }, body });
  const cookies = ([] as string[]).concat(res.headers["set-cookie"] ?? []);
  const session = cookies.map((c) => c.split(";")[0]!).find((c) => c.startsWith("conseil_session="));
  if (!session || session === "conseil_session=") throw new Error(`login failed for ${email}: status ${res.status}`);
  return session;
}

export interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** One request, body kept as sent (still compressed). */
export function rawRequest(url: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: opts.method ?? "GET", headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

// ------------------------------------------------------------------ pages

export interface Page {
  name: string;
  path: string;
  /** "resident" | "official" for signed-in pages */
  as?: "resident" | "official";
}

/** What an anonymous browser sends (the page cache keys on Accept-Language). */
export const BROWSER_HEADERS = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "gzip, deflate, br",
  "accept-language": "fr-FR,fr;q=0.9,en;q=0.5",
  "user-agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
};

/** Every public page and the main signed-in ones, with ids read from the database. */
export function pagesOf(dbFile: string): Page[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  const one = <T>(sql: string) => db.prepare(sql).pluck().get() as T | undefined;
  const hotIdea = one<number>("SELECT id FROM ideas WHERE hidden_at IS NULL ORDER BY comment_count DESC LIMIT 1");
  const council = one<string>("SELECT c.slug FROM councils c ORDER BY (SELECT count(*) FROM ideas i WHERE i.council_id = c.id) DESC, c.id LIMIT 1");
  const meeting = one<number>("SELECT meeting_id FROM minutes_versions ORDER BY published_at DESC LIMIT 1");
  const vote = one<number>("SELECT v.id FROM votes v JOIN ballot_boxes b ON b.id = v.box_id ORDER BY (b.closed_at IS NOT NULL) DESC, (SELECT count(*) FROM ballots x WHERE x.box_id = b.id) DESC LIMIT 1");
  const counted = one<number>("SELECT b.id FROM budgets b WHERE b.imported = 0 AND EXISTS (SELECT 1 FROM budget_envelopes e WHERE e.budget_id = b.id AND e.results IS NOT NULL) ORDER BY b.id LIMIT 1")
    ?? one<number>("SELECT budget_id FROM budget_envelopes WHERE results IS NOT NULL LIMIT 1");
  const open = one<number>("SELECT id FROM budgets WHERE phase = 'vote' ORDER BY id LIMIT 1");
  const seq = one<number>("SELECT max(seq) FROM decisions");
  db.close();
  const pages: Page[] = [
    { name: "home", path: "/" },
    { name: "ideas", path: "/ideas" },
    { name: "ideas most supported", path: "/ideas?sort=supported" },
    { name: "ideas overdue", path: "/ideas?overdue=1" },
    { name: "ideas by council", path: `/ideas?council=${council}` },
    { name: "ideas accepted", path: "/ideas?status=accepted&sort=discussed" },
    { name: "ideas theme, page 3", path: "/ideas?theme=mobility&page=3" },
    { name: "idea, most comments", path: `/ideas/${hotIdea}` },
    { name: "councils", path: "/councils" },
    { name: "council", path: `/councils/${council}` },
    { name: "meetings", path: "/meetings" },
    { name: "meeting", path: `/meetings/${meeting}` },
    { name: "decisions", path: "/decisions" },
    { name: "decision", path: `/decisions/${seq}` },
    { name: "decisions/verify", path: "/decisions/verify" },
    { name: "search common word", path: "/search?q=parc" },
    { name: "open-data", path: "/open-data" },
    { name: "ideas.csv", path: "/open-data/ideas.csv" },
    { name: "register.json", path: "/open-data/register.json" },
    { name: "meetings.csv", path: "/open-data/meetings.csv" },
    { name: "votes.csv", path: "/open-data/votes.csv" },
    { name: "decisions.atom", path: "/decisions.atom" },
    { name: "council atom", path: `/councils/${council}/decisions.atom` },
    { name: "meetings.ics", path: "/meetings.ics" },
    { name: "statistics", path: "/statistics" },
    { name: "votes", path: "/votes" },
    { name: "vote", path: `/votes/${vote}` },
    { name: "budgets", path: "/budgets" },
    { name: "budget", path: `/budgets/${counted}` },
    { name: "budget results", path: `/budgets/${counted}/results` },
    { name: "rules", path: "/rules" },
    { name: "receipts", path: "/receipts" },
    { name: "resident: home", path: "/", as: "resident" },
    { name: "resident: ideas", path: "/ideas", as: "resident" },
    { name: "resident: idea, most comments", path: `/ideas/${hotIdea}`, as: "resident" },
    { name: "resident: my space", path: "/account/space", as: "resident" },
    { name: "resident: budget vote", path: `/budgets/${open ?? counted}/vote`, as: "resident" },
    { name: "official: dashboard", path: "/dashboard", as: "official" },
  ];
  return pages;
}

// ------------------------------------------------------------------ load

export interface Load {
  rps: number;
  requests: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
}

function pct(sorted: Float64Array, p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** autocannon for `seconds` at `connections`, latencies from every response. */
export async function load(url: string, headers: Record<string, string>, seconds: number, connections: number): Promise<Load> {
  const times: number[] = [];
  const inst = autocannon({ url, connections, duration: seconds, headers, timeout: 30 });
  inst.on("response", (_c, _s, _b, ms) => times.push(ms));
  const res = await inst;
  const sorted = Float64Array.from(times).sort();
  // responses received during the run over its duration (autocannon's per-second average
  // drops partial seconds, and reads 0 when every response takes longer than a second)
  return {
    rps: times.length / seconds,
    requests: times.length,
    p50: pct(sorted, 50),
    p95: pct(sorted, 95),
    p99: pct(sorted, 99),
    non2xx: res.non2xx,
    errors: res.errors + res.timeouts,
  };
}

// ------------------------------------------------------------------ the bare server

const BARE = `
const http = require("node:http");
let current = { status: 200, headers: {}, body: Buffer.alloc(0) };
process.on("message", (m) => {
  current = { status: m.status, headers: m.headers, body: Buffer.from(m.body, "base64") };
  process.send("ok");
});
http.createServer((req, res) => {
  req.resume();
  res.writeHead(current.status, current.headers);
  res.end(current.body);
}).listen(Number(process.env.BARE_PORT), "127.0.0.1", () => process.send("listening"));
`;

export interface Bare {
  url: string;
  serve(raw: Raw): Promise<void>;
  stop(): void;
}

/** A bare node:http server in its own process, sending whatever bytes it is given. */
export async function startBare(port: number): Promise<Bare> {
  const proc = spawn(process.execPath, ["-e", BARE], { env: { ...process.env, BARE_PORT: String(port) }, stdio: ["ignore", "inherit", "inherit", "ipc"] });
  await new Promise<void>((resolve, reject) => {
    proc.once("message", () => resolve());
    proc.once("exit", (c) => reject(new Error(`bare server exited ${c}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    serve: (raw) =>
      new Promise<void>((resolve) => {
        const headers: Record<string, string | string[]> = {};
        for (const [k, v] of Object.entries(raw.headers)) {
          if (v === undefined || ["date", "connection", "keep-alive", "transfer-encoding", "content-length"].includes(k)) continue;
          headers[k] = v;
        }
        headers["content-length"] = String(raw.body.length);
        proc.once("message", () => resolve());
        proc.send({ status: raw.status, headers, body: raw.body.toString("base64") });
      }),
    stop: () => void proc.kill("SIGTERM"),
  };
}

// ------------------------------------------------------------------ memory

/** Samples a process's VmRSS (/proc) every 200 ms; `max` in MB, and a per-window max. */
export function rssSampler(pid: number) {
  let max = 0;
  let window = 0;
  const read = () => {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) {
        const mb = Number(m[1]) / 1024;
        max = Math.max(max, mb);
        window = Math.max(window, mb);
      }
    } catch {
      /* exited */
    }
  };
  read();
  const timer = setInterval(read, 200);
  return {
    get max() {
      return max;
    },
    /** the maximum since the last call */
    takeWindow() {
      read();
      const w = window;
      window = 0;
      return w;
    },
    stop: () => clearInterval(timer),
  };
}

// ------------------------------------------------------------------ output

export function table(headers: string[], rows: (string | number)[][]): string {
  const cells = rows.map((r) => r.map((c) => (typeof c === "number" ? (Number.isInteger(c) ? c.toLocaleString("en") : c.toFixed(c < 10 ? 2 : 1)) : c)));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((r) => String(r[i]).length)));
  const line = (r: (string | number)[]) => "| " + r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join(" | ") + " |";
  return [line(headers), "|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|", ...cells.map(line)].join("\n");
}

export function writeJson(file: string, data: unknown) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
  console.log(`\nJSON: ${file}`);
}

export function machine() {
  const os = require("node:os") as typeof import("node:os");
  return { cpus: os.cpus().length, cpu: os.cpus()[0]?.model ?? "", memGB: Math.round(os.totalmem() / 1e9), node: process.version, load: os.loadavg() };
}
