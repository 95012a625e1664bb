/**
 * Crash safety (issue #13): SIGKILL in the middle of the work, restart on the same database,
 * and prove nothing acknowledged was lost and nothing was done twice.
 *
 *   npm run build && npm run bench:crash -- [--voters 20000] [--connections 64] [--messages 600]
 *        [--port 4320] [--smtp-port 4321] [--seed N] [--out bench-results/crash.json]
 *
 * 1. Ballots. A storm of distinct verified voters casting budget baskets over HTTP (as in
 *    bench:ballots); the server is killed with SIGKILL at a random moment (2-8 s in), then
 *    restarted on the same file. The voters whose cast got no answer (in flight at the kill)
 *    cast again: each must get either a receipt (their first cast was lost with the process,
 *    before its commit) or "already voted" (it was committed). A second storm of fresh voters
 *    runs on the restarted server. Then: every acknowledged voter has exactly one
 *    participation and their receipt's ballot; ballots = participations; nothing stored for
 *    a voter who never sent a cast; integrity_check and foreign_key_check clean.
 * 2. Outbox. One immediate email per account queued through notify(); the server's outbox
 *    worker sends them to a real SMTP server started here; the server is killed twice:
 *    a) at a random moment while messages are going out; b) when the SMTP server holds a
 *       whole message and has counted it as accepted, before the worker can read the 250
 *       and record it as sent — the worst moment.
 *    The server is restarted each time (OUTBOX_LEASE_MS=3000, so the message a dead worker
 *    held is claimed again after 3 s rather than 2 minutes). Then: every message reached the
 *    SMTP server (no loss), and a message seen twice must be one the killed worker held
 *    (`sending`) at the kill, with the same Message-ID (docs/decisions/011: the one window
 *    SMTP cannot close).
 * Prints a table and writes JSON; exits 1 if a guarantee is broken.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { checkStormDb, outboxState, repo, startBuiltServer, startCountingSmtp, storm, type CastOutcome } from "./storm-client";

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1]! : dflt;
};
const VOTERS = Number(opt("--voters", "20000"));
const CONNECTIONS = Number(opt("--connections", "64"));
const MESSAGES = Number(opt("--messages", "600"));
const PORT = Number(opt("--port", "4320"));
const SMTP_PORT = Number(opt("--smtp-port", "4321"));
const SEED = Number(opt("--seed", String(Date.now() % 100_000)));
const OUT = path.resolve(repo, opt("--out", "bench-results/crash.json"));

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-crash-"));
const file = path.join(dir, "crash.db");
process.env.DATABASE_PATH = file;

async function waitFor(cond: () => boolean, ms: number, what: string) {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function sqliteChecks() {
  const d = new Database(file, { readonly: true });
  try {
    return {
      integrity: (d.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[]).map((r) => r.integrity_check).join("; "),
      foreignKeyProblems: d.prepare("PRAGMA foreign_key_check").all().length,
    };
  } finally {
    d.close();
  }
}

async function ballotsPart(fixture: Awaited<ReturnType<typeof import("./storm-fixture").buildStormFixture>>, baskets: string[][], rand: () => number) {
  const killAfterMs = 2000 + Math.floor(rand() * 6000);
  // the outbox worker is off here: the outbox has its own part below
  const env = { OUTBOX_WORKER: "off" };
  let server = await startBuiltServer({ db: file, port: PORT, env });
  const killed = new Promise<void>((resolve) =>
    setTimeout(async () => {
      await server.kill();
      resolve();
    }, killAfterMs),
  );
  const first = await storm({ url: server.url, fixture, voters: fixture.voters, baskets, connections: CONNECTIONS, seconds: 60 });
  await killed;
  const inFlight = first.outcomes.filter((o) => !o.receipt && o.status === 0).map((o) => o.voter);
  const ackedBeforeKill = first.outcomes.filter((o) => o.receipt).length;

  server = await startBuiltServer({ db: file, port: PORT, env });
  // the voters left without an answer try again: a receipt, or "already voted"
  const retry = await storm({ url: server.url, fixture, voters: inFlight.map((i) => fixture.voters[i]!), baskets: inFlight.map((i) => baskets[i]!), connections: Math.min(CONNECTIONS, Math.max(1, inFlight.length)), seconds: 60 });
  const retryOutcomes: CastOutcome[] = retry.outcomes.map((o) => ({ ...o, voter: inFlight[o.voter]! }));
  const nextVoter = Math.max(...first.outcomes.map((o) => o.voter)) + 1;
  const second = await storm({ url: server.url, fixture, voters: fixture.voters, baskets, connections: CONNECTIONS, seconds: 3, from: nextVoter });
  const code = await server.stop();

  const all = [...first.outcomes, ...retryOutcomes, ...second.outcomes];
  const acked = new Map<number, string>();
  for (const o of all) if (o.receipt) acked.set(o.voter, o.receipt);
  const sent = new Set(all.map((o) => o.voter));
  const check = checkStormDb(file, fixture, acked, sent);
  const retried = { receipt: retryOutcomes.filter((o) => o.receipt).length, alreadyVoted: retryOutcomes.filter((o) => o.status === 409).length, other: retryOutcomes.filter((o) => !o.receipt && o.status !== 409).length };
  const ok =
    check.ackedMissing === 0 &&
    check.receiptsMissing === 0 &&
    check.ballots === check.participations &&
    // a cast committed whose answer died with the process: stored, and its retry said "already voted"
    check.participations === acked.size + retried.alreadyVoted &&
    check.unacknowledgedStored === retried.alreadyVoted &&
    check.distinctPersons === check.participations &&
    check.duplicateBallotKeys === 0 &&
    check.neverSentStored === 0 &&
    retried.other === 0 &&
    check.integrity === "ok";
  return { killAfterMs, ackedBeforeKill, inFlightAtKill: inFlight.length, retried, ackedAfterRestart: second.outcomes.filter((o) => o.receipt).length, acknowledged: acked.size, serverExit: code, db: check, ok };
}

async function outboxRound(mode: "random" | "after-accept", rand: () => number) {
  const total = outboxState(file).length;
  const before = new Map(outboxState(file).map((r) => [r.messageId, r.status]));
  const remaining = [...before.values()].filter((s) => s !== "sent").length;
  let server: Awaited<ReturnType<typeof startBuiltServer>> | null = null;
  const killAt = Math.max(1, Math.floor(remaining * (0.1 + rand() * 0.4)));
  let killed = false;
  let killedAfter: string | null = null;
  const smtp = await startCountingSmtp({
    port: SMTP_PORT,
    delayMs: 2,
    beforeAnswer: async (id, n) => {
      if (mode === "after-accept" && !killed && n >= killAt && server) {
        killed = true;
        killedAfter = id;
        await server.kill();
      }
    },
  });
  const env = { SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: "50", OUTBOX_LEASE_MS: "3000" };
  server = await startBuiltServer({ db: file, port: PORT, env });
  if (mode === "random") {
    // a random moment while messages are going out
    await waitFor(() => smtp.accepted() >= killAt, 600_000, "the first messages");
    await new Promise((r) => setTimeout(r, Math.floor(rand() * 50)));
    killed = true;
  } else {
    await waitFor(() => killed, 600_000, "the kill before the 250");
  }
  await server.kill();
  const atKill = outboxState(file);
  const holding = atKill.filter((r) => r.status === "sending").map((r) => r.messageId);
  const acceptedAtKill = smtp.accepted();
  server = await startBuiltServer({ db: file, port: PORT, env });
  await waitFor(() => outboxState(file).every((r) => r.status === "sent" || r.status === "failed" || r.status === "cancelled"), 900_000, "every message sent after the restart");
  await server.stop();
  await smtp.close();
  const after = outboxState(file);
  // what the SMTP server saw in this round, for the messages not sent before it
  const pendingIds = after.filter((r) => before.get(r.messageId) !== "sent").map((r) => r.messageId);
  const lost = pendingIds.filter((id) => !smtp.seen.has(id));
  const twice = pendingIds.filter((id) => (smtp.seen.get(id) ?? 0) > 1);
  const unexplained = twice.filter((id) => !holding.includes(id));
  return {
    mode,
    messages: total,
    sentThisRound: pendingIds.length,
    acceptedBeforeKill: acceptedAtKill,
    heldBySendingWorkerAtKill: holding.length,
    killedRightAfter250For: killedAfter,
    lost: lost.length,
    seenTwice: twice.length,
    seenTwiceNotHeldAtKill: unexplained.length,
    seenMoreThanTwice: pendingIds.filter((id) => (smtp.seen.get(id) ?? 0) > 2).length,
    notSent: after.filter((r) => r.status !== "sent").length,
    ok: lost.length === 0 && unexplained.length === 0 && twice.length <= holding.length && after.every((r) => r.status === "sent"),
  };
}

async function main() {
  const { buildStormFixture, queueNotifications, randomBasket, rng } = await import("./storm-fixture");
  const { closeDatabase } = await import("#db/client.server");
  const rand = rng(SEED);
  console.log(`building the town: ${VOTERS} voters (seed ${SEED})…`);
  const fixture = await buildStormFixture({ voters: VOTERS });
  const baskets = fixture.voters.map(() => randomBasket(fixture, rand));
  // the outbox's emails are queued after the ballot part (its servers have no SMTP_URL)
  closeDatabase();

  console.log("1. ballots: storm, SIGKILL at a random moment, restart…");
  const ballots = await ballotsPart(fixture, baskets, rand);

  console.log(`2. outbox: ${MESSAGES} emails, SIGKILL while sending, restart…`);
  const queued = queueNotifications(fixture.voters.slice(0, MESSAGES).map((v) => v.userId));
  closeDatabase();
  const randomKill = await outboxRound("random", rand);
  const queued2 = queueNotifications(fixture.voters.slice(0, MESSAGES).map((v) => v.userId));
  closeDatabase();
  const worstKill = await outboxRound("after-accept", rand);
  const sqlite = sqliteChecks();

  const result = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, loadavg: os.loadavg(), node: process.version },
    seed: SEED,
    voters: VOTERS,
    connections: CONNECTIONS,
    ballots,
    outbox: { queued: [queued, queued2], randomKill, worstKill },
    sqlite,
    ok: ballots.ok && randomKill.ok && worstKill.ok && sqlite.integrity === "ok" && sqlite.foreignKeyProblems === 0,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, JSON.stringify(result, null, 2) + "\n");
  const b = ballots;
  const rows: [string, string | number][] = [
    ["ballots: killed after (ms)", b.killAfterMs],
    ["acknowledged before the kill", b.ackedBeforeKill],
    ["in flight at the kill (no answer)", b.inFlightAtKill],
    ["  retried: receipt / already voted / other", `${b.retried.receipt} / ${b.retried.alreadyVoted} / ${b.retried.other}`],
    ["acknowledged after the restart (fresh voters)", b.ackedAfterRestart],
    ["acknowledged in all", b.acknowledged],
    ["ballots / participations / distinct persons", `${b.db.ballots} / ${b.db.participations} / ${b.db.distinctPersons}`],
    ["acked voters without exactly 1 participation", b.db.ackedMissing],
    ["acked receipts without their ballot", b.db.receiptsMissing],
    ["stored, answer lost at the kill (retry: already voted)", b.db.unacknowledgedStored],
    ["stored for a voter who never sent a cast", b.db.neverSentStored],
    ["duplicate ballot keys", b.db.duplicateBallotKeys],
    ["ballots: guarantees hold", b.ok ? "yes" : "NO"],
    ...([randomKill, worstKill] as const).flatMap((o): [string, string | number][] => [
      [`outbox (${o.mode} kill): messages this round`, o.sentThisRound],
      ["  accepted by SMTP before the kill", o.acceptedBeforeKill],
      ["  held (sending) by the killed worker", o.heldBySendingWorkerAtKill],
      ["  lost / seen twice / twice but not held", `${o.lost} / ${o.seenTwice} / ${o.seenTwiceNotHeldAtKill}`],
      ["  guarantees hold", o.ok ? "yes" : "NO"],
    ]),
    ["integrity_check / foreign_key_check", `${sqlite.integrity} / ${sqlite.foreignKeyProblems}`],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  console.log(`\ncrash safety — ${result.when}, ${os.cpus().length} CPUs, load ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  for (const [k, v] of rows) console.log(`${k.padEnd(w)}  ${v}`);
  console.log(`\nJSON: ${path.relative(process.cwd(), OUT)}`);
  fs.rmSync(dir, { recursive: true, force: true });
  if (!result.ok) process.exitCode = 1;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
