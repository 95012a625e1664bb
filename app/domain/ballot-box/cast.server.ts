/**
 * Casting: one person, one vote, across channels. A cast writes, in one transaction, the
 * participation (who took part, keyed by the census identity, with the channel, who
 * recorded it and the day) and the ballot (what was chosen, under a random key, with no
 * link to the participation). The participation's primary key (box, person) makes a second
 * attempt fail whatever the channel; a trigger refuses INSERT OR REPLACE.
 *
 * Receipts: a random code (20 characters of Crockford base32, 100 bits) shown once to the
 * voter; each ballot's key is the hex SHA-256 of "<code>:<box id>", so the published board
 * lets the voter find their line and nothing stored links the code to them.
 *
 * Channels: online (the voter's own session), desk (a facilitator found the resident in the
 * census and the resident chose on the desk's screen; the facilitator is recorded on the
 * participation, not on the ballot), paper (the desk records the participation on the day;
 * the sheet is typed in after the close, see paper.server.ts).
 */
import { createHash, randomBytes } from "node:crypto";
import { db, type Tx } from "#db/client.server";
import type { BallotChannel } from "#db/enums";
import { ballots, participations } from "#db/schema";
import { assertCanAs, type MaybeActor } from "../accounts/policy";
import { DomainError } from "../errors";
import { boxState, hasParticipated, ineligibility, personOfCensusEntry, personOfResidency, requireBox, townDay, type Box, type Person } from "./boxes.server";
import { ballotProblem, canonical } from "./spec";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** A new receipt code: "XXXXX-XXXXX-XXXXX-XXXXX" (100 random bits). */
export function newReceiptCode(): string {
  const bytes = randomBytes(20);
  let s = "";
  for (let i = 0; i < 20; i++) s += CROCKFORD[bytes[i]! % 32];
  return `${s.slice(0, 5)}-${s.slice(5, 10)}-${s.slice(10, 15)}-${s.slice(15, 20)}`;
}

/** The code as typed by a person: case, spaces and dashes ignored, O→0, I/L→1. */
export function normalizeReceiptCode(code: string): string | null {
  const s = code.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{20}$/.test(s)) return null;
  return `${s.slice(0, 5)}-${s.slice(5, 10)}-${s.slice(10, 15)}-${s.slice(15, 20)}`;
}

/** The ballot key a receipt code gives in a box (what the board lists). */
export function receiptHash(code: string, boxId: number): string {
  return createHash("sha256").update(`${code}:${boxId}`).digest("hex");
}

export interface Cast {
  boxId: number;
  /** Chosen option or project ids. */
  choices: string[];
}

/** The form's error for a ballot refused by the box's rules (400, field "choices"). */
function refuse(key: string, params?: Record<string, string | number>, status = 400, field = "choices"): never {
  throw new DomainError(key, status, field, params);
}

/** Checks a cast without writing anything: the same errors as casting. */
function checkCasts(tx: Tx, person: Person, casts: Cast[], now: Date): Box[] {
  const boxes: Box[] = [];
  for (const c of casts) {
    const box = requireBox(tx, c.boxId);
    const state = boxState(box, now);
    if (state !== "open") refuse(state === "scheduled" ? "errors.boxNotYetOpen" : "errors.boxClosed", undefined, 409, "");
    const why = ineligibility(box, person);
    if (why) refuse(why, undefined, 403, "");
    const problem = ballotProblem(box.spec, c.choices);
    if (problem) refuse(problem.key, problem.params);
    if (hasParticipated(box.id, person.key, tx)) refuse("errors.alreadyVoted", undefined, 409, "");
    boxes.push(box);
  }
  return boxes;
}

function castInTx(tx: Tx, person: Person, casts: Cast[], channel: Exclude<BallotChannel, "paper">, recordedById: string | null, now: Date, code: string) {
  const boxes = checkCasts(tx, person, casts, now);
  const day = townDay(now);
  for (const [i, c] of casts.entries()) {
    const box = boxes[i]!;
    try {
      tx.insert(participations).values({ boxId: box.id, personKey: person.key, channel, recordedById, day }).run();
    } catch (e) {
      // another process won the race between the check and the insert
      if (String((e as Error).message).includes("already voted") || (e as { code?: string }).code?.startsWith("SQLITE_CONSTRAINT")) refuse("errors.alreadyVoted", undefined, 409, "");
      throw e;
    }
    tx.insert(ballots).values({ boxId: box.id, id: receiptHash(code, box.id), channel, content: canonical(c.choices) }).run();
  }
}

/**
 * A verified resident votes online in one box, or in several at once (a budget's town and
 * neighbourhood envelopes), all or nothing. Returns the receipt code (shown once).
 * Errors (DomainError): 403 errors.notVerified / errors.notInElectorate / errors.tooYoung;
 * 409 errors.boxNotYetOpen / errors.boxClosed / errors.alreadyVoted; 400 ballot rules
 * (errors.ballotTooMany, errors.ballotOverBudget, errors.ballotUnknownChoice…).
 */
export function castOnline(actor: MaybeActor, casts: Cast[], opts: { now?: Date } = {}): { receipt: string } {
  if (!casts.length) refuse("errors.ballotEmpty");
  const now = opts.now ?? new Date();
  const code = newReceiptCode();
  db.transaction((tx) => {
    for (const c of casts) {
      const box = requireBox(tx, c.boxId);
      assertCanAs(actor, "vote.cast", { councilId: box.councilId });
    }
    const person = personOfResidency(actor!.residency);
    if (!person) refuse("errors.notVerified", undefined, 403, "");
    castInTx(tx, person, casts, "online", null, now, code);
  });
  return { receipt: code };
}

/**
 * The review step: would this online cast be accepted now? Throws what `castOnline` would
 * throw; stores nothing.
 */
export function checkOnline(actor: MaybeActor, casts: Cast[], opts: { now?: Date } = {}): void {
  if (!casts.length) refuse("errors.ballotEmpty");
  const now = opts.now ?? new Date();
  for (const c of casts) assertCanAs(actor, "vote.cast", { councilId: requireBox(db, c.boxId).councilId });
  const person = personOfResidency(actor!.residency);
  if (!person) refuse("errors.notVerified", undefined, 403, "");
  checkCasts(db, person, casts, now);
}

/** The desk's review step: would this cast for this census person be accepted now? */
export function checkAtDesk(actor: MaybeActor, input: { censusEntryId: number; casts: Cast[] }, opts: { now?: Date } = {}): void {
  if (!input.casts.length) refuse("errors.ballotEmpty");
  const now = opts.now ?? new Date();
  for (const c of input.casts) assertCanAs(actor, "vote.desk", { councilId: requireBox(db, c.boxId).councilId });
  checkCasts(db, personOfCensusEntry(db, input.censusEntryId), input.casts, now);
}

/**
 * At the desk: a facilitator found the resident in the census (they may have no account);
 * the resident chooses on the desk's screen. The participation records the facilitator and
 * the desk channel; the ballot records neither. Returns the receipt code for the resident.
 */
export function castAtDesk(actor: MaybeActor, input: { censusEntryId: number; casts: Cast[] }, opts: { now?: Date } = {}): { receipt: string } {
  if (!input.casts.length) refuse("errors.ballotEmpty");
  const now = opts.now ?? new Date();
  const code = newReceiptCode();
  db.transaction((tx) => {
    let facilitator: { userId: string } | null = null;
    for (const c of input.casts) {
      const box = requireBox(tx, c.boxId);
      facilitator = assertCanAs(actor, "vote.desk", { councilId: box.councilId });
    }
    const person = personOfCensusEntry(tx, input.censusEntryId);
    castInTx(tx, person, input.casts, "desk", facilitator!.userId, now, code);
  });
  return { receipt: code };
}

/**
 * Paper, on the day: the resident (found in the census) put a paper ballot in the box; the
 * desk records the participation so they cannot also vote online or at the desk. The sheet
 * itself is typed in after the close (paper.server.ts).
 */
export function recordPaperParticipation(actor: MaybeActor, input: { boxId: number; censusEntryId: number }, opts: { now?: Date } = {}) {
  recordPaperParticipations(actor, { boxIds: [input.boxId], censusEntryId: input.censusEntryId }, opts);
}

/**
 * Paper in several boxes at once, all or nothing: a budget's paper ballot covers the town's
 * envelope and the resident's neighbourhood envelope. Errors as castAtDesk (403 eligibility,
 * 409 box not open or already voted in any of them, 404 errors.censusEntryUnknown).
 */
export function recordPaperParticipations(actor: MaybeActor, input: { boxIds: number[]; censusEntryId: number }, opts: { now?: Date; townBoxesAtResidentsDesk?: boolean } = {}) {
  if (!input.boxIds.length) refuse("errors.ballotEmpty", undefined, 400, "");
  const now = opts.now ?? new Date();
  db.transaction((tx) => {
    const rows: { boxId: number; recordedById: string }[] = [];
    const boxes = input.boxIds.map((id) => requireBox(tx, id));
    const person = personOfCensusEntry(tx, input.censusEntryId);
    // A town-wide box is the town desk's; with townBoxesAtResidentsDesk (a budget's paper
    // ballot, which covers the town envelope and the resident's neighbourhood's), the desk of
    // the resident's own council may record it too.
    for (const box of boxes) {
      const councilId = box.councilId ?? (opts.townBoxesAtResidentsDesk ? person.councilId : null);
      rows.push({ boxId: box.id, recordedById: assertCanAs(actor, "vote.desk", { councilId }).userId });
    }
    for (const box of boxes) {
      if (boxState(box, now) !== "open") refuse(boxState(box, now) === "scheduled" ? "errors.boxNotYetOpen" : "errors.boxClosed", undefined, 409, "");
      const why = ineligibility(box, person);
      if (why) refuse(why, undefined, 403, "");
      if (hasParticipated(box.id, person.key, tx)) refuse("errors.alreadyVoted", undefined, 409, "");
    }
    for (const r of rows) tx.insert(participations).values({ boxId: r.boxId, personKey: person.key, channel: "paper", recordedById: r.recordedById, day: townDay(now) }).run();
  });
}
