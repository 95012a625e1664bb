/**
 * The ballot box: secrecy by construction, one person one vote across channels, receipts on
 * the board, per-channel tally, paper double entry and reconciliation, frozen rules and
 * append-only tables.
 */
import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { ballotBoxes, ballots, participations } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { getBox } from "~/domain/ballot-box/boxes.server";
import { castAtDesk, castOnline, recordPaperParticipation } from "~/domain/ballot-box/cast.server";
import { board, findReceipt, results } from "~/domain/ballot-box/count.server";
import { enterPaperSheet, paperStatus } from "~/domain/ballot-box/paper.server";
import { DomainError } from "~/domain/errors";
import { countVote, editVote, getVote } from "~/domain/votes/votes.server";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { entryId, importPeople, makeVote, people, verifiedResident, type CensusPerson } from "../support/voting";

const HOUR = 3600_000;
let official: Actor;
let facilitator: Actor;
let facilitator2: Actor;
let citizens: CensusPerson[];
let slug: string;
let councilId: number;

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? `${e.status} ${e.key}` : String(e);
  }
  return "ok";
};

beforeAll(async () => {
  emptyTown();
  const c = makeCouncil("Les Tilleuls");
  slug = c.slug;
  councilId = c.id;
  citizens = people(60, slug);
  await importPeople(citizens);
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: null }] });
  facilitator2 = await makeUser({ roles: [{ role: "facilitator", councilId: null }] });
});

describe("secrecy by construction", () => {
  it("no column or key links a ballot to a voter, and ballots carry no time", () => {
    const cols = (t: string) => (sqlite().prepare(`PRAGMA table_info(${t})`).all() as { name: string }[]).map((c) => c.name).sort();
    expect(cols("ballots")).toEqual(["box_id", "channel", "content", "id"]);
    const ddl = (sqlite().prepare("SELECT sql FROM sqlite_master WHERE name = 'ballots'").get() as { sql: string }).sql;
    expect(ddl).toMatch(/WITHOUT ROWID/);
    expect(ddl).not.toMatch(/AUTOINCREMENT/i);
    expect(cols("participations")).toEqual(["box_id", "channel", "day", "person_key", "recorded_by_id"]);
    expect((sqlite().prepare("SELECT sql FROM sqlite_master WHERE name = 'participations'").get() as { sql: string }).sql).toMatch(/WITHOUT ROWID/);
    // no foreign key from ballots to anything but the box, none from participations to ballots
    const fks = (t: string) => (sqlite().prepare(`PRAGMA foreign_key_list(${t})`).all() as { table: string }[]).map((f) => f.table);
    expect(fks("ballots")).toEqual(["ballot_boxes"]);
    expect(fks("participations").sort()).toEqual(["ballot_boxes", "users"]);
    // ballots have no rowid to sort by
    expect(() => sqlite().prepare("SELECT rowid FROM ballots").all()).toThrow(/rowid/);
  });

  it("ballots are read in random order, unrelated to the order they were cast", async () => {
    const start = new Date(Date.now() - 3 * HOUR);
    const vote = makeVote(official, {}, start);
    const voters = await Promise.all(citizens.slice(0, 30).map(verifiedResident));
    const during = new Date(start.getTime() + 5 * 60_000);
    const receipts = voters.map((v, i) => castOnline(v, [{ boxId: vote.boxId, choices: [i % 2 ? "yes" : "no"] }], { now: during }).receipt);
    expect(() => board(vote.boxId)).toThrow(DomainError); // embargo before the count
    countVote(facilitator, vote.id, {}, { now: new Date(start.getTime() + 2 * HOUR) });
    const lines = board(vote.boxId);
    expect(lines).toHaveLength(30);
    const ids = lines.map((l) => l.id);
    expect(ids).toEqual([...ids].sort()); // the board's order is the random keys' order
    const castOrder = receipts.map((r) => findReceipt(r)[0]!.ballotId);
    expect(castOrder).not.toEqual(ids); // 1 chance in 30! of failing by accident
    // and the storage order is the same random key order (WITHOUT ROWID)
    const stored = (sqlite().prepare("SELECT id FROM ballots WHERE box_id = ?").all(vote.boxId) as { id: string }[]).map((r) => r.id);
    expect(stored).toEqual(ids);
  });
});

describe("one person, one vote", () => {
  it("100 parallel attempts by one voter store exactly one ballot", async () => {
    const start = new Date(Date.now() - 3 * HOUR);
    const vote = makeVote(official, {}, start);
    const voter = await verifiedResident(citizens[30]!);
    const during = new Date(start.getTime() + 5 * 60_000);
    const attempts = await Promise.allSettled(Array.from({ length: 100 }, async () => castOnline(voter, [{ boxId: vote.boxId, choices: ["yes"] }], { now: during })));
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === "rejected");
    expect(refused).toHaveLength(99);
    expect(new Set(refused.map((r) => (r.reason as DomainError).key))).toEqual(new Set(["errors.alreadyVoted"]));
    expect(db.select({ n: count() }).from(ballots).where(eq(ballots.boxId, vote.boxId)).get()!.n).toBe(1);
    expect(db.select({ n: count() }).from(participations).where(eq(participations.boxId, vote.boxId)).get()!.n).toBe(1);
  });

  it("online, desk and paper attempts by one person store one participation", async () => {
    const start = new Date(Date.now() - 3 * HOUR);
    const during = new Date(start.getTime() + 5 * 60_000);
    const p = citizens[31]!;
    // desk first (the resident has no account yet), then online, then paper
    const vote = makeVote(official, {}, start);
    castAtDesk(facilitator, { censusEntryId: entryId(p.reference), casts: [{ boxId: vote.boxId, choices: ["no"] }] }, { now: during });
    const online = await verifiedResident(p);
    expect(code(() => castOnline(online, [{ boxId: vote.boxId, choices: ["yes"] }], { now: during }))).toBe("409 errors.alreadyVoted");
    expect(code(() => recordPaperParticipation(facilitator, { boxId: vote.boxId, censusEntryId: entryId(p.reference) }, { now: during }))).toBe("409 errors.alreadyVoted");
    // and the other way round: paper first, then desk and online are refused
    const vote2 = makeVote(official, {}, start);
    recordPaperParticipation(facilitator, { boxId: vote2.boxId, censusEntryId: entryId(p.reference) }, { now: during });
    expect(code(() => castOnline(online, [{ boxId: vote2.boxId, choices: ["yes"] }], { now: during }))).toBe("409 errors.alreadyVoted");
    expect(code(() => castAtDesk(facilitator2, { censusEntryId: entryId(p.reference), casts: [{ boxId: vote2.boxId, choices: ["yes"] }] }, { now: during }))).toBe("409 errors.alreadyVoted");
    for (const v of [vote, vote2]) {
      expect(db.select().from(participations).where(eq(participations.boxId, v.boxId)).all()).toHaveLength(1);
    }
    const desk = db.select().from(participations).where(eq(participations.boxId, vote.boxId)).get()!;
    expect(desk).toMatchObject({ channel: "desk", recordedById: facilitator.userId, personKey: `census:${entryId(p.reference)}` });
    expect(desk.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("refuses outside the window, outside the electorate, and tampered ballots, storing nothing", async () => {
    const start = new Date(Date.now() - 3 * HOUR);
    const vote = makeVote(official, { councilId }, start);
    const other = makeCouncil("Le Port");
    const outsider = await (async () => {
      const [q] = people(1, other.slug);
      await importPeople([...citizens, q!]);
      return verifiedResident(q!);
    })();
    const voter = await verifiedResident(citizens[32]!);
    const notVerified = await makeUser();
    const during = new Date(start.getTime() + 5 * 60_000);
    const before = new Date(start.getTime() - 60_000);
    const after = new Date(start.getTime() + 2 * HOUR);
    expect(code(() => castOnline(voter, [{ boxId: vote.boxId, choices: ["yes"] }], { now: before }))).toBe("409 errors.boxNotYetOpen");
    expect(code(() => castOnline(voter, [{ boxId: vote.boxId, choices: ["yes"] }], { now: after }))).toBe("409 errors.boxClosed");
    expect(code(() => castOnline(outsider, [{ boxId: vote.boxId, choices: ["yes"] }], { now: during }))).toBe("403 errors.forbidden");
    expect(code(() => castOnline(notVerified, [{ boxId: vote.boxId, choices: ["yes"] }], { now: during }))).toBe("403 errors.forbidden");
    expect(code(() => castOnline(voter, [{ boxId: vote.boxId, choices: ["maybe"] }], { now: during }))).toBe("400 errors.ballotUnknownChoice");
    expect(code(() => castOnline(voter, [{ boxId: vote.boxId, choices: ["yes", "no"] }], { now: during }))).toBe("400 errors.ballotOnlyOne");
    expect(code(() => castOnline(voter, [{ boxId: vote.boxId, choices: [] }], { now: during }))).toBe("400 errors.ballotChooseOne");
    expect(db.select({ n: count() }).from(participations).where(eq(participations.boxId, vote.boxId)).get()!.n).toBe(0);
    expect(db.select({ n: count() }).from(ballots).where(eq(ballots.boxId, vote.boxId)).get()!.n).toBe(0);
  });
});

describe("count, receipts, channels and paper", () => {
  it("a receipt is found on the board; the tally is per channel; paper is entered twice and reconciled", async () => {
    const start = new Date(Date.now() - 3 * HOUR);
    const vote = makeVote(official, {}, start);
    const during = new Date(start.getTime() + 5 * 60_000);
    const after = new Date(start.getTime() + 2 * HOUR);
    const online = await Promise.all(citizens.slice(40, 46).map(verifiedResident));
    const receipts = online.map((v, i) => castOnline(v, [{ boxId: vote.boxId, choices: [i < 4 ? "yes" : "no"] }], { now: during }).receipt);
    const deskReceipt = castAtDesk(facilitator, { censusEntryId: entryId(citizens[10]!.reference), casts: [{ boxId: vote.boxId, choices: ["abstain"] }] }, { now: during }).receipt;
    for (const p of citizens.slice(11, 14)) recordPaperParticipation(facilitator, { boxId: vote.boxId, censusEntryId: entryId(p.reference) }, { now: during });

    // a receipt before the count: the ballot is in the box, its content is not shown
    const early = findReceipt(receipts[0]!);
    expect(early).toEqual([expect.objectContaining({ boxId: vote.boxId, counted: false, choices: null })]);
    // nothing can be typed in while the box is open, and it cannot be counted
    expect(code(() => enterPaperSheet(facilitator, { boxId: vote.boxId, sheet: 1, choices: ["yes"] }, { now: during }))).toBe("409 errors.boxNotCounting");
    expect(code(() => countVote(facilitator, vote.id, {}, { now: during }))).toBe("409 errors.boxStillOpen");

    // three paper sheets; sheet 2 is typed differently, sheet 3 is spoiled
    enterPaperSheet(facilitator, { boxId: vote.boxId, sheet: 1, choices: ["yes"] }, { now: after });
    expect(code(() => enterPaperSheet(facilitator, { boxId: vote.boxId, sheet: 1, choices: ["yes"] }, { now: after }))).toBe("409 errors.samePersonTwice");
    enterPaperSheet(facilitator2, { boxId: vote.boxId, sheet: 1, choices: ["yes"] }, { now: after });
    enterPaperSheet(facilitator, { boxId: vote.boxId, sheet: 2, choices: ["no"] }, { now: after });
    enterPaperSheet(facilitator2, { boxId: vote.boxId, sheet: 2, choices: ["yes"] }, { now: after });
    enterPaperSheet(facilitator, { boxId: vote.boxId, sheet: 3, choices: null }, { now: after });
    expect(code(() => enterPaperSheet(facilitator2, { boxId: vote.boxId, sheet: 3, choices: ["yes", "no"] }, { now: after }))).toBe("400 errors.ballotOnlyOne");
    // not yet: sheet 3 entered once, sheet 2 differs
    expect(paperStatus(vote.boxId)).toMatchObject({ pending: [3], differing: [2] });
    expect(code(() => countVote(facilitator, vote.id, {}, { now: after }))).toBe("409 errors.paperPending");
    enterPaperSheet(facilitator2, { boxId: vote.boxId, sheet: 3, choices: null }, { now: after });
    expect(code(() => countVote(facilitator, vote.id, {}, { now: after }))).toBe("409 errors.paperPending");
    enterPaperSheet(official, { boxId: vote.boxId, sheet: 2, choices: ["no"] }, { now: after }); // settled
    expect(paperStatus(vote.boxId)).toMatchObject({ pending: [], differing: [], counted: 3, spoiled: 1 });

    const counted = countVote(facilitator, vote.id, {}, { now: after });
    expect(counted.tally.counts).toEqual([
      { id: "yes", count: 5 },
      { id: "no", count: 3 },
      { id: "abstain", count: 1 },
    ]);
    expect(counted.tally.byChannel.online.counts).toEqual([{ id: "yes", count: 4 }, { id: "no", count: 2 }, { id: "abstain", count: 0 }]);
    expect(counted.tally.byChannel.desk).toEqual({ ballots: 1, counts: [{ id: "yes", count: 0 }, { id: "no", count: 0 }, { id: "abstain", count: 1 }] });
    expect(counted.tally.byChannel.paper.counts).toEqual([{ id: "yes", count: 1 }, { id: "no", count: 1 }, { id: "abstain", count: 0 }]);
    expect(counted.certificate).toMatchObject({
      participations: { online: 6, desk: 1, paper: 3, total: 10 },
      ballots: { online: 6, desk: 1, paper: 2, total: 9 },
      paper: { sheets: 3, counted: 2, spoiled: 1, difference: 0 },
    });

    // every receipt is on the board with its choice; the board recounts to the tally
    const lines = board(vote.boxId);
    for (const [i, r] of receipts.entries()) {
      const found = findReceipt(r);
      expect(found).toHaveLength(1);
      expect(found[0]!.choices).toEqual([i < 4 ? "yes" : "no"]);
      expect(lines.find((l) => l.id === found[0]!.ballotId)?.choices).toEqual([i < 4 ? "yes" : "no"]);
    }
    expect(findReceipt(deskReceipt)[0]!.choices).toEqual(["abstain"]);
    const recount = new Map<string, number>();
    for (const l of lines) for (const c of l.choices) recount.set(c, (recount.get(c) ?? 0) + 1);
    expect(Object.fromEntries(recount)).toEqual({ yes: 5, no: 3, abstain: 1 });
    expect(results(vote.boxId)!.tally).toEqual(counted.tally);
    // a counted box never changes
    expect(() => sqlite().prepare("UPDATE ballot_boxes SET tally = '{}' WHERE id = ?").run(vote.boxId)).toThrow(/counted/);
  });

  it("a difference between paper sheets and paper participations blocks the count until explained", async () => {
    const start = new Date(Date.now() - 3 * HOUR);
    const vote = makeVote(official, {}, start);
    const during = new Date(start.getTime() + 5 * 60_000);
    const after = new Date(start.getTime() + 2 * HOUR);
    recordPaperParticipation(facilitator, { boxId: vote.boxId, censusEntryId: entryId(citizens[20]!.reference) }, { now: during });
    for (const sheet of [1, 2]) {
      enterPaperSheet(facilitator, { boxId: vote.boxId, sheet, choices: ["yes"] }, { now: after });
      enterPaperSheet(facilitator2, { boxId: vote.boxId, sheet, choices: ["yes"] }, { now: after });
    }
    expect(code(() => countVote(facilitator, vote.id, {}, { now: after }))).toBe("400 errors.paperDifferenceExplain");
    expect(getBox(vote.boxId)!.closedAt).toBeNull();
    const why =
      "Deux feuilles papier pour une seule participation enregistrée : l'assesseure a constaté qu'une électrice du bureau de la mairie annexe a été inscrite sur la liste papier sans être saisie au guichet.";
    const counted = countVote(facilitator, vote.id, { explanation: why }, { now: after });
    expect(counted.certificate.paper.difference).toBe(1);
    expect(counted.certificate.explanationSeq).toBe(counted.decisionSeq);
  });
});

describe("frozen rules and append-only tables", () => {
  it("the question, options, electorate and type cannot change once the box is open", async () => {
    const start = new Date(Date.now() - 3 * HOUR);
    const vote = makeVote(official, {}, start);
    const v = getVote(vote.id)!;
    const input = { councilId: null, question: "Une autre question ?", description: v.description, form: "options" as const, options: "A\nB", minChoices: 1, maxChoices: 2, opensAt: "2099-01-01T10:00", closesAt: "2099-01-02T10:00", binding: false };
    expect(code(() => editVote(official, vote.id, input))).toBe("409 errors.boxFrozen");
    // and whatever code tries, the database refuses
    for (const sql of [
      "UPDATE ballot_boxes SET spec = '{}' WHERE id = ?",
      "UPDATE ballot_boxes SET council_id = NULL, title = 'x' WHERE id = ?",
      "UPDATE ballot_boxes SET kind = 'budget' WHERE id = ?",
      "UPDATE ballot_boxes SET closes_at = '2000-01-01T00:00:00.000Z' WHERE id = ?",
      "DELETE FROM ballot_boxes WHERE id = ?",
    ]) {
      expect(() => sqlite().prepare(sql).run(vote.boxId), sql).toThrow(/frozen|cannot be deleted/);
    }
    // a vote not yet open can still change
    const later = makeVote(official);
    const changed = editVote(official, later.id, { ...input, opensAt: "2099-01-01T10:00" });
    expect(getBox(changed.boxId)!.spec).toMatchObject({ type: "choice", options: [{ id: "o1", label: "A" }, { id: "o2", label: "B" }], max: 2 });
  });

  it("participations and ballots refuse UPDATE, DELETE and replacement by any statement", async () => {
    const start = new Date(Date.now() - 3 * HOUR);
    const vote = makeVote(official, {}, start);
    const voter = await verifiedResident(citizens[35]!);
    castOnline(voter, [{ boxId: vote.boxId, choices: ["yes"] }], { now: new Date(start.getTime() + 5 * 60_000) });
    const b = db.select().from(ballots).where(eq(ballots.boxId, vote.boxId)).get()!;
    const p = db.select().from(participations).where(eq(participations.boxId, vote.boxId)).get()!;
    const attempts: [string, unknown[]][] = [
      ["UPDATE ballots SET content = '[\"no\"]' WHERE box_id = ?", [vote.boxId]],
      ["DELETE FROM ballots WHERE box_id = ?", [vote.boxId]],
      ["INSERT OR REPLACE INTO ballots (box_id, id, channel, content) VALUES (?, ?, 'online', '[\"no\"]')", [vote.boxId, b.id]],
      ["REPLACE INTO ballots (box_id, id, channel, content) VALUES (?, ?, 'online', '[\"no\"]')", [vote.boxId, b.id]],
      ["INSERT INTO ballots (box_id, id, channel, content) VALUES (?, ?, 'online', '[\"no\"]') ON CONFLICT DO UPDATE SET content = excluded.content", [vote.boxId, b.id]],
      ["UPDATE participations SET channel = 'paper' WHERE box_id = ?", [vote.boxId]],
      ["DELETE FROM participations WHERE box_id = ?", [vote.boxId]],
      ["INSERT OR REPLACE INTO participations (box_id, person_key, channel, day) VALUES (?, ?, 'desk', '2000-01-01')", [vote.boxId, p.personKey]],
      ["INSERT OR IGNORE INTO participations (box_id, person_key, channel, day) VALUES (?, ?, 'desk', '2000-01-01')", [vote.boxId, p.personKey]],
    ];
    for (const [sql, args] of attempts) {
      try {
        sqlite().prepare(sql).run(...args);
      } catch {
        /* refused: what we want */
      }
    }
    expect(db.select().from(ballots).where(eq(ballots.boxId, vote.boxId)).all()).toEqual([b]);
    expect(db.select().from(participations).where(eq(participations.boxId, vote.boxId)).all()).toEqual([p]);
    expect(db.select().from(ballotBoxes).where(eq(ballotBoxes.id, vote.boxId)).get()!.closedAt).toBeNull();
  });

  it("only app/domain/ballot-box/ touches participations, ballots and paper entries", () => {
    const root = path.resolve(__dirname, "../../app");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && !p.includes(`${path.sep}domain${path.sep}ballot-box${path.sep}`)) {
          const src = fs.readFileSync(p, "utf8");
          const m = /import\s*\{([^}]*)\}\s*from\s*["']#db\/schema["']/g;
          for (const imp of src.matchAll(m)) {
            const names = imp[1]!.split(",").map((n) => n.trim().split(/\s+as\s+/)[0]);
            if (names.some((n) => n === "participations" || n === "ballots" || n === "paperBallotEntries")) offenders.push(path.relative(root, p));
          }
          if (/from\s*["']#db\/schema["']/.test(src) && /\bschema\.(participations|ballots|paperBallotEntries)\b/.test(src)) offenders.push(path.relative(root, p));
          if (/\b(FROM|INTO|UPDATE)\s+["'`]?(participations|ballots|paper_ballot_entries)\b/i.test(src)) offenders.push(path.relative(root, p));
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
