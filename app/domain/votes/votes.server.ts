/**
 * Proposal votes (consultations): an official asks a question of a council's verified
 * residents or of the whole town, within a window, advisory or binding as the rulebook in
 * force allows. The question, options, electorate and rules live in the vote's ballot box
 * (app/domain/ballot-box/), frozen when it opens. After the count, an official publishes
 * the decision that follows; a binding vote's decision must match the result.
 */
import { and, asc, desc, eq, gt, isNull, lte, or, type SQL } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import type { DecisionOutcome } from "#db/enums";
import { ballotBoxes, councils, follows, residencyVerifications, votes } from "#db/schema";
import { notify } from "../notifications/notify.server";
import { actingRole, assertCanAs, type MaybeActor } from "../accounts/policy";
import { boxState, createBox, getBox, turnout, updateBox, type Box } from "../ballot-box/boxes.server";
import { countAndPublish, results, suppressedChannels } from "../ballot-box/count.server";
import { YES_NO_ABSTAIN, type ChoiceSpec } from "../ballot-box/spec";
import { recordDecision } from "../decisions/record.server";
import { DomainError, NotFoundError } from "../errors";
import { electorateSize } from "../residency/census.server";
import { rulesInForce } from "../rules/in-force.server";
import { resolveLocal } from "~/lib/time";
import { optionLines, type VoteInput } from "./schemas";

export type VoteRow = typeof votes.$inferSelect;
type Clock = { now?: Date };

function utc(local: string, field: "opensAt" | "closesAt") {
  const r = resolveLocal(local);
  if (r.ok) return r.utc;
  throw new DomainError(r.problem === "missing" ? "errors.timeMissing" : r.problem === "ambiguous" ? "errors.timeAmbiguous" : "errors.dateTimeInvalid", 400, field);
}

function specOf(input: VoteInput, minVotingAge: number): ChoiceSpec {
  if (input.form === "yes_no") {
    return { type: "choice", question: input.question, options: YES_NO_ABSTAIN, min: 1, max: 1, minVotingAge };
  }
  const options = optionLines(input.options).map((label, i) => ({ id: `o${i + 1}`, label }));
  return { type: "choice", question: input.question, options, min: input.minChoices ?? 1, max: input.maxChoices ?? 1, minVotingAge };
}

function assertCouncil(councilId: number | null) {
  if (councilId !== null && !db.select({ id: councils.id }).from(councils).where(eq(councils.id, councilId)).get()) {
    throw new DomainError("errors.councilUnknown", 400, "councilId");
  }
}

/**
 * Creates a vote and its box, with a register entry (the description is the explanation of
 * why the question is asked). Errors: errors.bindingNotAllowed (the rulebook in force makes
 * votes advisory), errors.voteOpensInPast, time and council errors, 403 outside their scope.
 */
export function createVote(actor: MaybeActor, input: VoteInput, opts: Clock = {}) {
  const now = opts.now ?? new Date();
  const a = assertCanAs(actor, "vote.create", { councilId: input.councilId });
  assertCouncil(input.councilId);
  const opensAt = utc(input.opensAt, "opensAt");
  const closesAt = utc(input.closesAt, "closesAt");
  if (opensAt < now.toISOString()) throw new DomainError("errors.voteOpensInPast", 400, "opensAt");
  const rules = rulesInForce("town", now);
  if (input.binding && !rules.params.votesBinding) throw new DomainError("errors.bindingNotAllowed", 400, "binding");
  return db.transaction((tx) => {
    const box = createBox(tx, { kind: "vote", title: input.question, councilId: input.councilId, opensAt, closesAt, spec: specOf(input, rules.params.minVotingAge), ruleVersionId: rules.version?.id ?? null }, now);
    const vote = tx
      .insert(votes)
      .values({ boxId: box.id, councilId: input.councilId, question: input.question, description: input.description, form: input.form, binding: input.binding, createdById: a.userId, createdAt: now.toISOString() })
      .returning()
      .get();
    recordDecision(tx, a, {
      councilId: input.councilId,
      subject: { kind: "vote", id: String(vote.id), title: input.question },
      outcome: "scheduled",
      explanation: input.description,
      explanationField: "description",
      evidence: [{ label: input.question, url: `/votes/${vote.id}` }],
      authorRole: actingRole(a, "vote.create", { councilId: input.councilId }) ?? "official",
      at: now,
    });
    return vote;
  });
}

/** Changes a vote that has not opened yet (errors.boxFrozen once open). */
export function editVote(actor: MaybeActor, id: number, input: VoteInput, opts: Clock = {}) {
  const now = opts.now ?? new Date();
  const vote = requireVote(id);
  assertCanAs(actor, "vote.create", { councilId: vote.councilId });
  if (boxState(vote.box, now) !== "scheduled") throw new DomainError("errors.boxFrozen", 409);
  assertCanAs(actor, "vote.create", { councilId: input.councilId });
  assertCouncil(input.councilId);
  const rules = rulesInForce("town", now);
  if (input.binding && !rules.params.votesBinding) throw new DomainError("errors.bindingNotAllowed", 400, "binding");
  const opensAt = utc(input.opensAt, "opensAt");
  const closesAt = utc(input.closesAt, "closesAt");
  if (opensAt < now.toISOString()) throw new DomainError("errors.voteOpensInPast", 400, "opensAt");
  return db.transaction((tx) => {
    updateBox(tx, vote.boxId, { title: input.question, councilId: input.councilId, opensAt, closesAt, spec: specOf(input, rules.params.minVotingAge), ruleVersionId: rules.version?.id ?? null }, now);
    return tx
      .update(votes)
      .set({ councilId: input.councilId, question: input.question, description: input.description, form: input.form, binding: input.binding })
      .where(eq(votes.id, id))
      .returning()
      .get();
  });
}

export function getVote(id: number): (VoteRow & { box: Box; councilName: string | null; councilSlug: string | null }) | null {
  const row = db
    .select({ vote: votes, councilName: councils.name, councilSlug: councils.slug })
    .from(votes)
    .leftJoin(councils, eq(councils.id, votes.councilId))
    .where(eq(votes.id, id))
    .get();
  if (!row) return null;
  return { ...row.vote, box: getBox(row.vote.boxId)!, councilName: row.councilName, councilSlug: row.councilSlug };
}

export function requireVote(id: number) {
  const v = getVote(id);
  if (!v) throw new NotFoundError();
  return v;
}

export type VoteListKind = "open" | "upcoming" | "closed";

/** Votes by state: open now, upcoming, or past (counting or counted); optionally for one council. */
export function listVotes(kind: VoteListKind, opts: { councilId?: number; now?: Date; limit?: number } = {}) {
  const t = (opts.now ?? new Date()).toISOString();
  const where: SQL[] = [];
  if (kind === "open") where.push(lte(ballotBoxes.opensAt, t), gt(ballotBoxes.closesAt, t), isNull(ballotBoxes.closedAt));
  if (kind === "upcoming") where.push(gt(ballotBoxes.opensAt, t));
  if (kind === "closed") where.push(lte(ballotBoxes.closesAt, t));
  if (opts.councilId !== undefined) where.push(eq(votes.councilId, opts.councilId));
  return db
    .select({
      id: votes.id,
      question: votes.question,
      councilId: votes.councilId,
      councilName: councils.name,
      binding: votes.binding,
      boxId: votes.boxId,
      opensAt: ballotBoxes.opensAt,
      closesAt: ballotBoxes.closesAt,
      closedAt: ballotBoxes.closedAt,
      decisionSeq: votes.decisionSeq,
    })
    .from(votes)
    .innerJoin(ballotBoxes, eq(ballotBoxes.id, votes.boxId))
    .leftJoin(councils, eq(councils.id, votes.councilId))
    .where(and(...where))
    .orderBy(kind === "closed" ? desc(ballotBoxes.closesAt) : asc(kind === "open" ? ballotBoxes.closesAt : ballotBoxes.opensAt))
    .limit(opts.limit ?? 50)
    .all();
}

/** What the public sees of a vote's result, or null before the count (embargo). */
export function voteResults(vote: { box: Box; form: VoteRow["form"] }) {
  const r = results(vote.box.id);
  if (!r) return null;
  const spec = vote.box.spec as ChoiceSpec;
  const day = vote.box.closesAt.slice(0, 10);
  const electorate = electorateSize(vote.box.councilId, spec.minVotingAge, day);
  const counts = r.tally.counts.map((c) => ({ ...c, label: spec.options.find((o) => o.id === c.id)?.label ?? c.id }));
  // per-channel tallies only where they cannot reveal a few people's votes, even by
  // subtracting the shown channels from the total (suppressedChannels)
  const hidden = suppressedChannels({ online: r.tally.byChannel.online.ballots, desk: r.tally.byChannel.desk.ballots, paper: r.tally.byChannel.paper.ballots });
  const channels = (["online", "desk", "paper"] as const).map((ch) => {
    const t = r.tally.byChannel[ch];
    return { channel: ch, ballots: t.ballots, participations: r.certificate.participations[ch], counts: hidden.has(ch) ? null : t.counts };
  });
  // never the raw tally: its byChannel holds the hidden channels' counts
  return { tally: { ballots: r.tally.ballots }, certificate: r.certificate, counts, channels, electorate, winners: winners(vote.form, counts) };
}

/** The winning option ids: yes/no compares yes and no (abstentions do not count); options: most votes (ties: all tied). */
export function winners(form: VoteRow["form"], counts: { id: string; count: number }[]): string[] {
  if (form === "yes_no") {
    const yes = counts.find((c) => c.id === "yes")?.count ?? 0;
    const no = counts.find((c) => c.id === "no")?.count ?? 0;
    return yes > no ? ["yes"] : ["no"];
  }
  const top = Math.max(0, ...counts.map((c) => c.count));
  return top === 0 ? [] : counts.filter((c) => c.count === top).map((c) => c.id);
}

/** Counts the vote once its window has passed and publishes the result (register entry), telling those who follow. */
export function countVote(actor: MaybeActor, id: number, input: { explanation?: string }, opts: Clock = {}) {
  const vote = requireVote(id);
  const now = opts.now ?? new Date();
  return countAndPublish(
    actor,
    { boxId: vote.boxId, subject: { kind: "vote", id: String(vote.id), title: vote.question }, explanation: input.explanation, then: (tx) => announceResults(tx, vote, now) },
    { now },
  );
}

/**
 * The official decision that follows a counted vote, with its explanation, in the register.
 * `outcome`: "adopted" / "rejected" for a yes/no question, an option id for several options.
 * A binding vote's decision must follow the result (errors.bindingMismatch).
 */
export function decideVote(actor: MaybeActor, id: number, input: { outcome: string; explanation: string }, opts: Clock = {}) {
  const now = opts.now ?? new Date();
  const vote = requireVote(id);
  const a = assertCanAs(actor, "vote.decide", { councilId: vote.councilId });
  if (vote.decisionSeq) throw new DomainError("errors.voteAlreadyDecided", 409);
  const res = voteResults(vote);
  if (!res) throw new DomainError(boxState(vote.box, now) === "closed" ? "errors.notFound" : "errors.voteNotCounted", 409);
  const spec = vote.box.spec as ChoiceSpec;
  let outcome: DecisionOutcome;
  let title = vote.question;
  if (vote.form === "yes_no") {
    if (input.outcome !== "adopted" && input.outcome !== "rejected") throw new DomainError("errors.choose", 400, "outcome");
    outcome = input.outcome;
    if (vote.binding && (outcome === "adopted") !== res.winners.includes("yes")) throw new DomainError("errors.bindingMismatch", 400, "outcome");
  } else {
    const option = spec.options.find((o) => o.id === input.outcome);
    if (!option) throw new DomainError("errors.choose", 400, "outcome");
    outcome = "option_chosen";
    title = `${vote.question} — ${option.label}`;
    if (vote.binding && !res.winners.includes(option.id)) throw new DomainError("errors.bindingMismatch", 400, "outcome");
  }
  return db.transaction((tx) => {
    const entry = recordDecision(tx, a, {
      councilId: vote.councilId,
      subject: { kind: "vote", id: String(vote.id), title },
      outcome,
      explanation: input.explanation,
      evidence: [{ label: vote.question, url: `/votes/${vote.id}#results` }],
      authorRole: actingRole(a, "vote.decide", { councilId: vote.councilId }) ?? "official",
      at: now,
    });
    tx.update(votes).set({ decisionSeq: entry.seq }).where(eq(votes.id, vote.id)).run();
    return entry;
  });
}

/** Turnout shown live (participations only) with the electorate's size. */
/**
 * Participations so far (no tally: the embargo holds), with the instant they were counted:
 * public pages say "as of 14:05" because a stored page is kept up to a minute while a box
 * is open (docs/decisions/014-page-cache.md).
 */
export function liveTurnout(vote: { box: Box }, now = new Date()) {
  const t = turnout(vote.box.id);
  const electorate = electorateSize(vote.box.councilId, vote.box.spec.minVotingAge, vote.box.closesAt.slice(0, 10));
  return { ...t, electorate, asOf: now.toISOString() };
}

/** The vote a ballot box belongs to (for receipts): its id, form and options. */
export function getVoteByBox(boxId: number) {
  const v = db.select().from(votes).where(eq(votes.boxId, boxId)).get();
  if (!v) return null;
  const box = getBox(boxId)!;
  return { id: v.id, form: v.form, options: (box.spec as ChoiceSpec).options };
}

// ------------------------------------------------------------------ notifications

/**
 * Who hears about a vote: verified residents who may vote in it (its council's, or the
 * town's for a town-wide vote) and who follow its council (any council, for a town vote)
 * or the vote itself.
 */
function voteRecipients(tx: Tx, vote: { id: number; councilId: number | null }): string[] {
  const followed = or(
    and(eq(follows.subjectKind, "vote"), eq(follows.subjectId, vote.id)),
    vote.councilId === null ? eq(follows.subjectKind, "council") : and(eq(follows.subjectKind, "council"), eq(follows.subjectId, vote.councilId)),
  );
  const rows = tx
    .selectDistinct({ u: follows.userId })
    .from(follows)
    .innerJoin(residencyVerifications, and(eq(residencyVerifications.userId, follows.userId), isNull(residencyVerifications.revokedAt)))
    .where(and(followed, vote.councilId === null ? undefined : eq(residencyVerifications.councilId, vote.councilId)))
    .all();
  return rows.map((r) => r.u);
}

/** The "results published" notification, inside the count's transaction. */
function announceResults(tx: Tx, vote: { id: number; councilId: number | null; question: string }, at: Date) {
  notify(tx, { kind: "voteResults", at: at.toISOString(), title: vote.question, link: `/votes/${vote.id}#results`, councilId: vote.councilId, to: voteRecipients(tx, vote) });
}

/**
 * Sends the "vote is open" notification for every vote whose box has opened and was not
 * announced yet (the outbox worker calls this on each pass; each vote once).
 */
export function announceOpenedVotes(now = new Date()): number {
  const t = now.toISOString();
  const due = db
    .select({ id: votes.id, councilId: votes.councilId, question: votes.question })
    .from(votes)
    .innerJoin(ballotBoxes, eq(ballotBoxes.id, votes.boxId))
    .where(and(isNull(votes.openAnnouncedAt), lte(ballotBoxes.opensAt, t), gt(ballotBoxes.closesAt, t)))
    .limit(20)
    .all();
  for (const v of due) {
    db.transaction((tx) => {
      const claimed = tx.update(votes).set({ openAnnouncedAt: t }).where(and(eq(votes.id, v.id), isNull(votes.openAnnouncedAt))).run();
      if (claimed.changes === 0) return;
      notify(tx, { kind: "voteOpened", at: t, title: v.question, link: `/votes/${v.id}`, councilId: v.councilId, to: voteRecipients(tx, v) });
    });
  }
  return due.length;
}
