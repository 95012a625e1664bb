/**
 * The budget's voting desk, on the vote days: a facilitator finds a resident in the census
 * (they may have no account), checks their identity, and records that they put a paper
 * ballot in the box. One paper ballot covers the envelopes the resident votes in (the town's
 * and their neighbourhood's), so the participation is recorded in each of those boxes at once,
 * all or nothing; the resident can then no longer vote online. The town desk may record
 * anyone; a neighbourhood's desk (a council facilitator) records its own council's residents,
 * for the town envelope too. The sheets are typed in twice
 * after the close (/budgets/<id>/paper, app/domain/ballot-box/paper.server.ts).
 */
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { censusEntries } from "#db/schema";
import type { MaybeActor } from "../accounts/policy";
import { getBox, hasParticipated, ineligibility, personOfEntry, type Box } from "../ballot-box/boxes.server";
import { recordPaperParticipations } from "../ballot-box/cast.server";
import { DomainError, NotFoundError } from "../errors";
import { envelopesOf, getBudget } from "./budgets.server";

/** The boxes a census person votes in for this budget: the town envelope's and their council's. */
function boxesFor(budgetId: number, councilId: number | null): Box[] {
  return envelopesOf(budgetId)
    .filter((e) => e.boxId !== null && (e.councilId === null || e.councilId === councilId))
    .map((e) => getBox(e.boxId!)!)
    .filter(Boolean);
}

/**
 * What the desk sees of a census person for this budget: identity to check, whether they
 * already took part (in any of their envelopes, any channel), why they may not vote, and the
 * names of the envelopes their ballot covers. null when the entry is unknown or inactive, or
 * outside `scope` (the desk's councils; null = the town desk, everyone).
 */
export function budgetDeskPerson(budgetId: number, censusEntryId: number, scope: number[] | null = null) {
  const e = db.select().from(censusEntries).where(eq(censusEntries.id, censusEntryId)).get();
  if (!e || !e.active) return null;
  // a neighbourhood's desk sees only its own residents
  if (scope !== null && (e.councilId === null || !scope.includes(e.councilId))) return null;
  const person = personOfEntry(e);
  const boxes = boxesFor(budgetId, e.councilId);
  return {
    id: e.id,
    name: `${e.givenNames} ${e.familyName}`,
    birthDate: e.birthDate,
    address: e.address,
    voted: boxes.some((b) => hasParticipated(b.id, person.key)),
    ineligible: boxes.length ? boxes.map((b) => ineligibility(b, person)).find((x) => x) ?? null : "errors.notInElectorate",
    envelopes: boxes.map((b) => b.title),
  };
}

/**
 * Records a paper participation for this census person in every envelope of theirs.
 * Errors: NotFoundError (budget, person); 409 errors.boxClosed outside the vote phase or
 * errors.alreadyVoted; 403 eligibility; policy refusal without vote.desk for the
 * resident's council (or the town).
 */
export function recordBudgetPaper(actor: MaybeActor, budgetId: number, censusEntryId: number, opts: { now?: Date } = {}) {
  const b = getBudget(budgetId);
  if (!b) throw new NotFoundError();
  if (b.phase !== "vote") throw new DomainError("errors.boxClosed", 409);
  const e = db.select({ councilId: censusEntries.councilId, active: censusEntries.active }).from(censusEntries).where(eq(censusEntries.id, censusEntryId)).get();
  if (!e || !e.active) throw new NotFoundError("errors.censusEntryUnknown");
  const boxes = boxesFor(budgetId, e.councilId);
  if (!boxes.length) throw new DomainError("errors.notInElectorate", 403);
  recordPaperParticipations(actor, { boxIds: boxes.map((x) => x.id), censusEntryId }, { ...opts, townBoxesAtResidentsDesk: true });
}
