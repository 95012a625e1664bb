/**
 * Ballot boxes: creation by a vote or a budget, their state in time, their frozen rules,
 * eligibility, and the live turnout (counted from participations — never a tally before the
 * count). The only module, with the rest of app/domain/ballot-box/, that reads or writes
 * `ballot_boxes`, `participations`, `ballots` and `paper_ballot_entries`
 * (tests/unit/ballot-box-ownership.test.ts fails otherwise).
 *
 * States: scheduled (before opens_at: the spec may still change) → open (opens_at ≤ now <
 * closes_at: spec frozen, ballots accepted) → counting (closes_at ≤ now: paper ballots are
 * typed in, nothing else) → closed (the count is published with its certificate).
 * See docs/decisions/008-secret-ballot-box.md.
 */
import { and, count, eq, inArray } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import type { BallotChannel, BoxKind } from "#db/enums";
import { ballotBoxes, censusEntries, participations } from "#db/schema";
import type { MaybeActor, Residency } from "../accounts/policy";
import { DomainError, NotFoundError } from "../errors";
import { bornOnOrBefore } from "../residency/census.server";
import type { BallotSpec } from "./spec";

export type BoxRow = typeof ballotBoxes.$inferSelect;
export type BoxState = "scheduled" | "open" | "counting" | "closed";

export interface Box extends Omit<BoxRow, "spec"> {
  spec: BallotSpec;
}

export function parseBox(row: BoxRow): Box {
  return { ...row, spec: JSON.parse(row.spec) as BallotSpec };
}

export function boxState(box: Pick<BoxRow, "opensAt" | "closesAt" | "closedAt">, now = new Date()): BoxState {
  if (box.closedAt) return "closed";
  const t = now.toISOString();
  if (t < box.opensAt) return "scheduled";
  if (t < box.closesAt) return "open";
  return "counting";
}

export function getBox(id: number, tx: Tx = db): Box | null {
  const row = tx.select().from(ballotBoxes).where(eq(ballotBoxes.id, id)).get();
  return row ? parseBox(row) : null;
}

export function requireBox(tx: Tx, id: number): Box {
  const b = getBox(id, tx);
  if (!b) throw new NotFoundError();
  return b;
}

export function getBoxes(ids: number[]): Box[] {
  if (!ids.length) return [];
  return db.select().from(ballotBoxes).where(inArray(ballotBoxes.id, ids)).all().map(parseBox);
}

export interface BoxInput {
  kind: BoxKind;
  title: string;
  councilId: number | null;
  /** UTC ISO strings. */
  opensAt: string;
  closesAt: string;
  spec: BallotSpec;
  ruleVersionId: number | null;
}

/** A new box, inside the caller's transaction (the vote or budget that owns it). */
export function createBox(tx: Tx, input: BoxInput, now = new Date()): Box {
  if (input.closesAt <= input.opensAt) throw new DomainError("errors.endBeforeStart", 400, "closesAt");
  const row = tx
    .insert(ballotBoxes)
    .values({ ...input, spec: JSON.stringify(input.spec), createdAt: now.toISOString() })
    .returning()
    .get();
  return parseBox(row);
}

/**
 * Changes a box before it opens. Once open its question, options, electorate, type and rule
 * version are frozen: errors.boxFrozen (409) here, and a trigger refuses it in the database
 * whatever code tries (CONSUL let the ballot type change mid-vote, consul#5321).
 */
export function updateBox(tx: Tx, id: number, changes: Partial<Omit<BoxInput, "kind">>, now = new Date()): Box {
  const box = requireBox(tx, id);
  if (boxState(box, now) !== "scheduled") throw new DomainError("errors.boxFrozen", 409);
  const opensAt = changes.opensAt ?? box.opensAt;
  const closesAt = changes.closesAt ?? box.closesAt;
  if (closesAt <= opensAt) throw new DomainError("errors.endBeforeStart", 400, "closesAt");
  const { spec, ...rest } = changes;
  const row = tx
    .update(ballotBoxes)
    .set({ ...rest, ...(spec ? { spec: JSON.stringify(spec) } : {}) })
    .where(eq(ballotBoxes.id, id))
    .returning()
    .get();
  return parseBox(row);
}

// ------------------------------------------------------------------ who may vote

/** A voter as the box sees them: a census identity (never an account as such). */
export interface Person {
  key: string;
  councilId: number | null;
  /** YYYY-MM-DD; null for residencies carried over before the census (age not checkable). */
  birthDate: string | null;
  censusEntryId: number | null;
}

export function personOfResidency(r: Residency | null): Person | null {
  return r ? { key: r.personKey, councilId: r.councilId, birthDate: r.birthDate, censusEntryId: r.censusEntryId } : null;
}

/** The voter a census entry stands for (participations are keyed by it, not by the account). */
export function personOfEntry(e: { id: number; councilId: number | null; birthDate: string | null }): Person {
  return { key: `census:${e.id}`, councilId: e.councilId, birthDate: e.birthDate, censusEntryId: e.id };
}

export function personOfCensusEntry(tx: Tx, id: number): Person {
  const e = tx.select().from(censusEntries).where(eq(censusEntries.id, id)).get();
  if (!e || !e.active) throw new NotFoundError("errors.censusEntryUnknown");
  return personOfEntry(e);
}

// Built once: creating an Intl.DateTimeFormat costs more than the rest of a cast's checks.
const TOWN_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" });

/** The town's calendar day (YYYY-MM-DD, Europe/Paris) of an instant. */
export function townDay(d: Date): string {
  return TOWN_DAY.format(d);
}

/**
 * Why this person may not vote in this box, as a translation key, or null.
 * errors.notVerified, errors.notInElectorate (another council), errors.tooYoung (on the
 * closing day, minimum from the rule version frozen in the box).
 */
export function ineligibility(box: Box, person: Person | null): string | null {
  if (!person) return "errors.notVerified";
  if (box.councilId !== null && person.councilId !== box.councilId) return "errors.notInElectorate";
  if (person.birthDate && person.birthDate > bornOnOrBefore(townDay(new Date(box.closesAt)), box.spec.minVotingAge)) return "errors.tooYoung";
  return null;
}

export function hasParticipated(boxId: number, personKey: string, tx: Tx = db): boolean {
  return !!tx.select({ k: participations.personKey }).from(participations).where(and(eq(participations.boxId, boxId), eq(participations.personKey, personKey))).get();
}

/** Live turnout: participations per channel (the only figure shown while a box is open). */
export function turnout(boxId: number): { total: number } & Record<BallotChannel, number> {
  const rows = db.select({ channel: participations.channel, n: count() }).from(participations).where(eq(participations.boxId, boxId)).groupBy(participations.channel).all();
  const by = { online: 0, desk: 0, paper: 0 } as Record<BallotChannel, number>;
  for (const r of rows) by[r.channel] = r.n;
  return { total: by.online + by.desk + by.paper, ...by };
}

/** Boxes this person already took part in, among `boxIds` (for "you have voted"). */
export function participatedIn(personKey: string, boxIds: number[]): Set<number> {
  if (!boxIds.length) return new Set();
  const rows = db
    .select({ boxId: participations.boxId })
    .from(participations)
    .where(and(eq(participations.personKey, personKey), inArray(participations.boxId, boxIds)))
    .all();
  return new Set(rows.map((r) => r.boxId));
}

export type { MaybeActor };

/**
 * What the voting desk sees of a census person for a box: name, birth date and address to
 * check their identity, whether they already took part (any channel), and why they may not
 * vote. null when the entry is unknown or no longer in the census.
 */
export function deskPerson(box: Box, censusEntryId: number) {
  const e = db.select().from(censusEntries).where(eq(censusEntries.id, censusEntryId)).get();
  if (!e || !e.active) return null;
  const person = personOfEntry(e);
  return {
    id: e.id,
    name: `${e.givenNames} ${e.familyName}`,
    birthDate: e.birthDate,
    address: e.address,
    voted: hasParticipated(box.id, person.key),
    ineligible: ineligibility(box, person),
  };
}
