/**
 * Crash safety at a small scale (the full run is `npm run bench:crash`): the built server is
 * killed with SIGKILL while voters cast budget ballots over HTTP and while the outbox worker
 * sends emails to a real SMTP server, then restarted on the same database file.
 *  - Ballots: every acknowledged cast is stored once with its receipt's ballot; a voter left
 *    without an answer gets, on retry, either a receipt or "already voted", never a second
 *    ballot; ballots = participations; integrity_check is clean.
 *  - Outbox: no message is lost; the one message the killed worker had sent and not yet
 *    recorded goes again with the same Message-ID (the window SMTP cannot close,
 *    docs/decisions/011), and nothing else is sent twice.
 * Needs the production build; builds it first when build/index.js is missing.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, databasePath } from "#db/client.server";
import { buildStormFixture, queueNotifications, randomBasket, rng, type StormFixture } from "../../scripts/bench/storm-fixture";
import { checkStormDb, outboxState, repo, startBuiltServer, startCountingSmtp, storm, type BuiltServer, type CastOutcome } from "../../scripts/bench/storm-client";
import { freePort } from "../support/server";

let fixture: StormFixture;
let baskets: string[][];
let file: string;
const servers: BuiltServer[] = [];
const start = async (env: Record<string, string> = {}) => {
  const s = await startBuiltServer({ db: file, port: await freePort(), env });
  servers.push(s);
  return s;
};

beforeAll(async () => {
  if (!fs.existsSync(path.join(repo, "build/index.js"))) {
    // as `npm run build` does: vitest's NODE_ENV=test would give a development build
    execFileSync(path.join(repo, "node_modules/.bin/remix"), ["build"], { cwd: repo, stdio: "ignore", timeout: 120_000, env: { ...process.env, NODE_ENV: "production" } });
  }
  fixture = await buildStormFixture({ voters: 200 });
  baskets = fixture.voters.map(((r) => () => randomBasket(fixture, r))(rng(7)));
  file = databasePath();
  closeDatabase();
}, 120_000);

afterAll(async () => {
  for (const s of servers) await s.kill();
});

describe("SIGKILL during a ballot storm", () => {
  it("keeps every acknowledged ballot once, and a retry after the restart never casts twice", async () => {
    const env = { OUTBOX_WORKER: "off" };
    let server = await start(env);
    let acks = 0;
    const first = await storm({
      url: server.url,
      fixture,
      voters: fixture.voters.slice(0, 150),
      baskets,
      connections: 12,
      seconds: 60,
      onOutcome: (o) => {
        if (o.receipt && ++acks === 25) void server.kill();
      },
    });
    expect(acks).toBeGreaterThanOrEqual(25);
    await server.exited;
    const inFlight = first.outcomes.filter((o) => o.status === 0).map((o) => o.voter);
    expect(inFlight.length).toBeGreaterThan(0); // the kill did cut requests short

    server = await start(env);
    const retry = await storm({ url: server.url, fixture, voters: inFlight.map((i) => fixture.voters[i]!), baskets: inFlight.map((i) => baskets[i]!), connections: 4, seconds: 60 });
    const retried: CastOutcome[] = retry.outcomes.map((o) => ({ ...o, voter: inFlight[o.voter]! }));
    // each: a receipt (the first cast died before its commit) or "already voted" (it was committed)
    expect(retried.every((o) => o.receipt || o.status === 409)).toBe(true);
    const next = Math.max(...first.outcomes.map((o) => o.voter)) + 1;
    const second = await storm({ url: server.url, fixture, voters: fixture.voters.slice(0, next + 20), baskets, connections: 8, seconds: 60, from: next });
    expect(second.outcomes.filter((o) => o.receipt)).toHaveLength(20);
    expect(await server.stop()).toBe(0);

    const all = [...first.outcomes, ...retried, ...second.outcomes];
    const acked = new Map(all.filter((o) => o.receipt).map((o) => [o.voter, o.receipt!] as const));
    const alreadyVoted = retried.filter((o) => o.status === 409).length;
    const check = checkStormDb(file, fixture, acked, new Set(all.map((o) => o.voter)));
    expect(check).toMatchObject({
      ballots: acked.size + alreadyVoted,
      participations: acked.size + alreadyVoted,
      distinctPersons: acked.size + alreadyVoted,
      ackedMissing: 0,
      receiptsMissing: 0,
      unacknowledgedStored: alreadyVoted,
      neverSentStored: 0,
      duplicateBallotKeys: 0,
      integrity: "ok",
    });
    expect(check.appendOnlyTriggers).toBeGreaterThan(0);
  }, 120_000);
});

describe("SIGKILL while the outbox worker sends", () => {
  it("loses no email, and only the message sent but not recorded goes twice, with its Message-ID", async () => {
    const queued = queueNotifications(fixture.voters.slice(0, 60).map((v) => v.userId));
    closeDatabase();
    expect(queued).toBe(60);
    const before = new Map(outboxState(file).map((r) => [r.messageId, r.status]));
    let server: BuiltServer | null = null;
    let killedAfter: string | null = null;
    const smtp = await startCountingSmtp({
      // the whole message is in and counted; the worker dies before it can read the 250
      beforeAnswer: async (id, n) => {
        if (n === 20 && server) {
          killedAfter = id;
          await server.kill();
        }
      },
    });
    try {
      const env = { SMTP_URL: smtp.url, OUTBOX_INTERVAL_MS: "50", OUTBOX_LEASE_MS: "1500" };
      server = await start(env);
      await server.exited;
      expect(killedAfter).not.toBeNull();
      const atKill = outboxState(file);
      expect(atKill.filter((r) => r.status === "sending").map((r) => r.messageId)).toEqual([killedAfter]);

      server = await start(env);
      const end = Date.now() + 60_000;
      while (!outboxState(file).every((r) => r.status === "sent")) {
        if (Date.now() > end) throw new Error("the outbox did not empty after the restart");
        await new Promise((r) => setTimeout(r, 100));
      }
      expect(await server.stop()).toBe(0);
      const after = outboxState(file);
      const mine = after.filter((r) => before.get(r.messageId) !== "sent");
      expect(mine.length).toBeGreaterThanOrEqual(60);
      // no loss
      expect(mine.filter((r) => !smtp.seen.has(r.messageId))).toEqual([]);
      // exactly one message twice: the one held at the kill, retried under the same Message-ID
      const twice = mine.filter((r) => smtp.seen.get(r.messageId)! > 1);
      expect(twice.map((r) => [r.messageId, smtp.seen.get(r.messageId), r.attempts])).toEqual([[killedAfter, 2, 2]]);
    } finally {
      await smtp.close();
    }
  }, 120_000);
});
