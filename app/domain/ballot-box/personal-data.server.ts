/**
 * What the ballot box holds about a person, for "download my data" and "delete my account"
 * (through app/domain/residency/personal-data.server.ts). Never what anyone chose: nothing
 * links a ballot to a person. A voter's participations stay after deletion (keyed by the
 * census identity, so votes already cast are unaffected); staff references become NULL,
 * the one change the append-only triggers allow.
 */
import { count, desc, eq } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import { ballotBoxes, budgetEnvelopes, paperBallotEntries, participations, votes } from "#db/schema";

export function ballotBoxDataOf(userId: string, personKey: string | null) {
  return {
    votesTakenPartIn: personKey
      ? db.select({ boxId: participations.boxId, channel: participations.channel, day: participations.day }).from(participations).where(eq(participations.personKey, personKey)).all()
      : [],
    participationsIRecorded: db
      .select({ boxId: participations.boxId, channel: participations.channel, n: count() })
      .from(participations)
      .where(eq(participations.recordedById, userId))
      .groupBy(participations.boxId, participations.channel)
      .all(),
    paperSheetsIEntered: db.select({ boxId: paperBallotEntries.boxId, sheet: paperBallotEntries.sheet, pass: paperBallotEntries.pass }).from(paperBallotEntries).where(eq(paperBallotEntries.enteredById, userId)).all(),
    boxesICounted: db.select({ id: ballotBoxes.id }).from(ballotBoxes).where(eq(ballotBoxes.closedById, userId)).all().map((r) => r.id),
  };
}

export function eraseBallotBoxStaffRefs(tx: Tx, userId: string) {
  tx.update(participations).set({ recordedById: null }).where(eq(participations.recordedById, userId)).run();
  tx.update(paperBallotEntries).set({ enteredById: null }).where(eq(paperBallotEntries.enteredById, userId)).run();
  tx.update(ballotBoxes).set({ closedById: null }).where(eq(ballotBoxes.closedById, userId)).run();
}

/**
 * The votes and budgets a person took part in, newest first, for "my space": the box's
 * title, its page, the channel (online, desk, paper) and the coarse day the participation
 * holds. Never what was chosen, and never a receipt: nothing stored links one to a voter.
 */
export function boxesTakenPartIn(personKey: string) {
  return db
    .select({ boxId: participations.boxId, title: ballotBoxes.title, channel: participations.channel, day: participations.day, voteId: votes.id, budgetId: budgetEnvelopes.budgetId })
    .from(participations)
    .innerJoin(ballotBoxes, eq(ballotBoxes.id, participations.boxId))
    .leftJoin(votes, eq(votes.boxId, participations.boxId))
    .leftJoin(budgetEnvelopes, eq(budgetEnvelopes.boxId, participations.boxId))
    .where(eq(participations.personKey, personKey))
    .orderBy(desc(participations.day), desc(participations.boxId))
    .all()
    .map((r) => ({ ...r, href: r.voteId !== null ? `/votes/${r.voteId}` : `/budgets/${r.budgetId}` }));
}
