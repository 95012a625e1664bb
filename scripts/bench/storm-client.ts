/**
 * The ballot storm's moving parts, shared by scripts/bench/ballots.ts, scripts/bench/crash.ts
 * and tests/integration/crash.test.ts:
 *  - `startBuiltServer`: the production server (node server.mjs, the Remix build) on a
 *    given database and port, with its pid for RSS sampling and SIGKILL;
 *  - `storm`: many keep-alive connections, each taking the next voter and casting a basket
 *    through the real HTTP form post of the vote page (what a browser without JavaScript
 *    sends: urlencoded `choices`, `step=cast`, `_once`, the session cookie, `Origin`);
 *    a cast is acknowledged when the answer is 2xx/3xx and carries the receipt code;
 *  - `rssSampler`: the server's resident memory from /proc/PID/status;
 *  - `checkStormDb`: what the database holds after the storm (counts, per-voter, receipts,
 *    integrity_check, append-only triggers present).
 *
 * The one-time token: the vote action does not use `_once` (the ballot box's primary key
 * refuses a second cast, and the receipt is shown once), so each post carries a fresh
 * random token, as the page would; `withPage` also fetches the vote page first and sends
 * the token it carries (two requests per voter, as a browser does).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import zlib from "node:zlib";
import Database from "better-sqlite3";
import type { StormFixture, StormVoter } from "./storm-fixture";

/** lucia's session cookie (app/domain/accounts/session.server.ts). */
export const SESSION_COOKIE = "conseil_session";

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface BuiltServer {
  url: string;
  port: number;
  proc: ChildProcess;
  pid: number;
  output: () => string;
  /** SIGTERM, waits for the exit (graceful shutdown). */
  stop: () => Promise<number | null>;
  /** SIGKILL, waits for the exit. */
  kill: () => Promise<void>;
  exited: Promise<number | null>;
}

// Servers started here die with this process, even when it stops on an error.
const live = new Set<ChildProcess>();
process.once("exit", () => {
  for (const p of live) p.kill("SIGKILL");
});

/** Starts `node server.mjs` on this database and port and waits for /health. */
export async function startBuiltServer(opts: { db: string; port: number; env?: Record<string, string>; nodeArgs?: string[] }): Promise<BuiltServer> {
  if (!fs.existsSync(path.join(repo, "build/index.js"))) throw new Error("build/index.js is missing: run `npm run build` first");
  const url = `http://localhost:${opts.port}`;
  let out = "";
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), "server.mjs"], {
    cwd: repo,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_PATH: opts.db,
      PORT: String(opts.port),
      PUBLIC_URL: url,
      LOG_LEVEL: "silent",
      SEED: "none",
      // emails and SMS without SMTP_URL go to folders beside the database, never the repository's data/
      MAIL_DIR: path.join(path.dirname(opts.db), "mail"),
      SMS_DIR: path.join(path.dirname(opts.db), "sms"),
      ...opts.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  proc.stdout!.on("data", (d) => (out = (out + d).slice(-20_000)));
  proc.stderr!.on("data", (d) => (out = (out + d).slice(-20_000)));
  live.add(proc);
  const exited = new Promise<number | null>((resolve) =>
    proc.once("exit", (code) => {
      live.delete(proc);
      resolve(code);
    }),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`server exited (${proc.exitCode ?? proc.signalCode}):\n${out}`);
    const ok = await new Promise<boolean>((resolve) => {
      const req = http.get(`${url}/health`, (res) => {
        res.resume();
        resolve((res.statusCode ?? 500) < 500);
      });
      req.on("error", () => resolve(false));
      req.setTimeout(2000, () => req.destroy());
    });
    if (ok) break;
    if (Date.now() > deadline) {
      proc.kill("SIGKILL");
      throw new Error(`server did not start:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    port: opts.port,
    proc,
    pid: proc.pid!,
    output: () => out,
    exited,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
      return exited;
    },
    kill: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGKILL");
      await exited;
    },
  };
}

/** Samples VmRSS of a process every `everyMs`; `max` in bytes (also reads VmHWM at stop). */
export function rssSampler(pid: number, everyMs = 200) {
  let max = 0;
  const read = () => {
    try {
      const s = fs.readFileSync(`/proc/${pid}/status`, "utf8");
      const rss = Number(/VmRSS:\s+(\d+) kB/.exec(s)?.[1] ?? 0) * 1024;
      const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(s)?.[1] ?? 0) * 1024;
      max = Math.max(max, rss, hwm);
    } catch {
      /* the process is gone */
    }
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    stop: () => {
      read();
      clearInterval(timer);
      return max;
    },
  };
}

/** CPU time (user + system) a process has used so far, in ms (/proc/PID/stat, clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

export interface CastOutcome {
  voter: number;
  status: number;
  /** The receipt code shown to the voter, when the cast was acknowledged. */
  receipt: string | null;
  /** ms from sending the cast to the end of the answer. */
  ms: number;
  /** ms since the storm started, when the answer ended. */
  at: number;
  /** Connection error (server killed, reset), when there was no answer. */
  error?: string;
}

export interface StormResult {
  outcomes: CastOutcome[];
  /** Voters whose cast was sent but got no complete answer (in flight when the storm ended or the server died). */
  inFlight: number[];
  startedAt: number;
  endedAt: number;
  /** Acknowledged casts per elapsed second. */
  perSecond: number[];
}

const RECEIPT_RE = /class="receipt-code"[^>]*><code>([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5})<\/code>/;
/** The receipt in a single-fetch answer (turbo-stream: the action's data as a JSON array of values). */
const RECEIPT_DATA_RE = /"receipt","([0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5})"/;
const ONCE_RE = /name="_once" value="([A-Za-z0-9_-]+)"/;

function request(agent: http.Agent, url: URL, method: "GET" | "POST", headers: Record<string, string>, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body !== undefined ? { ...headers, "content-length": String(Buffer.byteLength(body)) } : headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        let buf = Buffer.concat(chunks);
        const enc = res.headers["content-encoding"];
        try {
          if (enc === "gzip") buf = zlib.gunzipSync(buf);
          else if (enc === "br") buf = zlib.brotliDecompressSync(buf);
          else if (enc === "deflate") buf = zlib.inflateSync(buf);
        } catch (e) {
          return reject(e);
        }
        resolve({ status: res.statusCode ?? 0, body: buf.toString("utf8") });
      });
      res.on("error", reject);
      res.on("aborted", () => reject(new Error("aborted")));
    });
    req.on("error", reject);
    req.setTimeout(30_000, () => req.destroy(new Error("timeout")));
    if (body !== undefined) req.write(body);
    req.end();
  });
}

/**
 * Casts baskets for distinct voters from `connections` concurrent keep-alive connections
 * until `seconds` have passed, voters run out, or `stop()` returns true. Each voter casts
 * once. `baskets[i]` is voter i's form values.
 */
export async function storm(opts: {
  url: string;
  fixture: Pick<StormFixture, "budgetId">;
  voters: StormVoter[];
  baskets: string[][];
  connections: number;
  seconds: number;
  withPage?: boolean;
  /**
   * What a browser running the page's JavaScript sends instead: the form posted as a
   * single-fetch data request (`/budgets/ID/vote.data`, the action's data only, no page
   * rendered), then the GET that revalidates the page's loaders. The cast's latency is the
   * POST's; the revalidation is part of the load.
   */
  js?: boolean;
  stop?: () => boolean;
  /** Start at this voter (a second storm after a restart continues with fresh voters). */
  from?: number;
  /** Called with each answer as it arrives. */
  onOutcome?: (o: CastOutcome) => void;
}): Promise<StormResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: opts.connections, maxFreeSockets: opts.connections });
  const url = new URL(`/budgets/${opts.fixture.budgetId}/vote`, opts.url);
  const dataUrl = new URL(`/budgets/${opts.fixture.budgetId}/vote.data`, opts.url);
  const origin = new URL(opts.url).origin;
  const outcomes: CastOutcome[] = [];
  const pending = new Set<number>();
  let next = opts.from ?? 0;
  const startedAt = performance.now();
  const deadline = startedAt + opts.seconds * 1000;
  let dead = false;
  const worker = async () => {
    while (!dead && performance.now() < deadline && next < opts.voters.length && !opts.stop?.()) {
      const i = next++;
      const v = opts.voters[i]!;
      const base = { cookie: `${SESSION_COOKIE}=${v.sessionId}`, "accept-language": "fr-FR,fr;q=0.9", "accept-encoding": "gzip, br", accept: "text/html" };
      let once = randomBytes(16).toString("base64url");
      pending.add(i);
      try {
        if (opts.withPage) {
          const page = await request(agent, url, "GET", base);
          once = ONCE_RE.exec(page.body)?.[1] ?? once;
        }
        const body = new URLSearchParams([...opts.baskets[i]!.map((c) => ["choices", c] as [string, string]), ["step", "cast"], ["_once", once]]).toString();
        const t = performance.now();
        const res = await request(agent, opts.js ? dataUrl : url, "POST", { ...base, origin, referer: url.href, "content-type": "application/x-www-form-urlencoded" }, body);
        const ms = performance.now() - t;
        pending.delete(i);
        const receipt = res.status < 400 ? ((opts.js ? RECEIPT_DATA_RE : RECEIPT_RE).exec(res.body)?.[1] ?? null) : null;
        if (opts.js && receipt) await request(agent, dataUrl, "GET", base);
        const o = { voter: i, status: res.status, receipt, ms, at: performance.now() - startedAt };
        outcomes.push(o);
        opts.onOutcome?.(o);
      } catch (e) {
        // no answer: the cast may or may not have been stored; it stays "in flight"
        const msg = (e as Error).message;
        // the server is gone (killed): stop sending; this voter's cast stays "in flight"
        dead = true;
        outcomes.push({ voter: i, status: 0, receipt: null, ms: 0, at: performance.now() - startedAt, error: msg });
      }
    }
  };
  await Promise.all(Array.from({ length: opts.connections }, worker));
  const endedAt = performance.now();
  agent.destroy();
  const perSecond = Array.from({ length: Math.ceil((endedAt - startedAt) / 1000) }, () => 0);
  for (const o of outcomes) if (o.receipt) perSecond[Math.min(perSecond.length - 1, Math.floor(o.at / 1000))]!++;
  return { outcomes, inFlight: [...pending], startedAt, endedAt, perSecond };
}

export function percentile(sorted: ArrayLike<number>, p: number) {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export const receiptHash = (code: string, boxId: number) => createHash("sha256").update(`${code}:${boxId}`).digest("hex");

export interface DbCheck {
  ballots: number;
  participations: number;
  distinctPersons: number;
  /** Acknowledged voters without exactly one participation. */
  ackedMissing: number;
  /** Acknowledged receipts whose ballot is not in the box. */
  receiptsMissing: number;
  /** Participations of voters whose cast was never acknowledged (sent, answer lost). */
  unacknowledgedStored: number;
  /** Participations of voters whose cast was never sent (must be 0). */
  neverSentStored: number;
  duplicateBallotKeys: number;
  integrity: string;
  appendOnlyTriggers: number;
}

/**
 * Reads the database (read-only) after a storm. `acked`: voter index → receipt code;
 * `sent`: voters whose cast was sent (acknowledged or not).
 */
export function checkStormDb(file: string, fixture: Pick<StormFixture, "boxId" | "voters">, acked: Map<number, string>, sent: Set<number>): DbCheck {
  const d = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const one = <T>(sql: string, ...p: unknown[]) => d.prepare(sql).get(...p) as T;
    const ballots = one<{ n: number }>("SELECT count(*) AS n FROM ballots WHERE box_id = ?", fixture.boxId).n;
    const participations = one<{ n: number }>("SELECT count(*) AS n FROM participations WHERE box_id = ?", fixture.boxId).n;
    const distinctPersons = one<{ n: number }>("SELECT count(DISTINCT person_key) AS n FROM participations WHERE box_id = ?", fixture.boxId).n;
    const duplicateBallotKeys = one<{ n: number }>("SELECT count(*) - count(DISTINCT id) AS n FROM ballots WHERE box_id = ?", fixture.boxId).n;
    const stored = new Map<string, number>();
    for (const r of d.prepare("SELECT person_key AS k, count(*) AS n FROM participations WHERE box_id = ? GROUP BY person_key").all(fixture.boxId) as { k: string; n: number }[]) stored.set(r.k, r.n);
    const hasBallot = d.prepare("SELECT 1 FROM ballots WHERE box_id = ? AND id = ?");
    let ackedMissing = 0;
    let receiptsMissing = 0;
    for (const [i, code] of acked) {
      if (stored.get(fixture.voters[i]!.personKey) !== 1) ackedMissing++;
      if (!hasBallot.get(fixture.boxId, receiptHash(code, fixture.boxId))) receiptsMissing++;
    }
    let unacknowledgedStored = 0;
    let neverSentStored = 0;
    fixture.voters.forEach((v, i) => {
      if (acked.has(i) || !stored.has(v.personKey)) return;
      if (sent.has(i)) unacknowledgedStored++;
      else neverSentStored++;
    });
    const integrity = (d.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    const appendOnlyTriggers = one<{ n: number }>("SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND (tbl_name = 'ballots' OR tbl_name = 'participations')").n;
    return { ballots, participations, distinctPersons, ackedMissing, receiptsMissing, unacknowledgedStored, neverSentStored, duplicateBallotKeys, integrity, appendOnlyTriggers };
  } finally {
    d.close();
  }
}

/**
 * A real SMTP server (the `smtp-server` package) that counts what it accepts by Message-ID.
 * A message counts once the server holds all of it and answers 250 to its DATA, the moment
 * the sender may consider it delivered. `beforeAnswer` runs when the whole message is in,
 * after it is counted and before the 250 goes out: the crash test kills the worker there,
 * so that the server has accepted the message and the worker never records it (the same
 * state as a kill between reading the 250 and recording "sent", made deterministic).
 */
export async function startCountingSmtp(opts: { port?: number; delayMs?: number; beforeAnswer?: (messageId: string, count: number) => Promise<void> | void } = {}) {
  const { SMTPServer } = await import("smtp-server");
  const seen = new Map<string, number>();
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const head = Buffer.concat(chunks).toString("utf8").split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, " ");
        const id = /^Message-ID:\s*(<[^>]+>)/im.exec(head)?.[1] ?? "";
        const answer = async () => {
          accepted++;
          seen.set(id, (seen.get(id) ?? 0) + 1);
          await opts.beforeAnswer?.(id, accepted);
          cb();
        };
        if (opts.delayMs) setTimeout(answer, opts.delayMs);
        else void answer();
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.on("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port));
  });
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    seen,
    accepted: () => accepted,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** Outbox rows of the database (read-only), by status, with Message-IDs. */
export function outboxState(file: string) {
  const d = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return d.prepare("SELECT id, message_id AS messageId, status, attempts FROM outbox_messages WHERE channel = 'email'").all() as { id: number; messageId: string; status: string; attempts: number }[];
  } finally {
    d.close();
  }
}
