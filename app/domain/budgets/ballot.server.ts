/**
 * The budget ballot: a verified resident's basket in the town envelope and in their own
 * council's envelope, checked against each envelope's frozen rules (spec.ts) and cast in all
 * of them at once through the ballot box, with one receipt. Without JavaScript the page sends
 * the basket back ("review") and this module says the running totals and what is wrong; the
 * basket is kept either way. Nothing here touches ballots: the ballot box does.
 */
import type { MaybeActor } from "../accounts/policy";
import { castOnline } from "../ballot-box/cast.server";
import { getBox } from "../ballot-box/boxes.server";
import { ballotProblem, basketTotal, type BallotProblem, type BallotSpec } from "../ballot-box/spec";
import { DomainError } from "../errors";
import { getBudget, voterEnvelopes, type BudgetRow } from "./budgets.server";

export interface BasketEnvelope {
  envelopeId: number;
  councilName: string | null;
  amount: number;
  boxId: number;
  spec: BallotSpec;
  chosen: string[];
  total: number;
  problem: BallotProblem | null;
}

/** Splits "<envelope id>:<ballot id>" values; a choice outside the voter's envelopes is refused. */
export function readBasket(b: BudgetRow, actor: MaybeActor, choices: readonly string[]): BasketEnvelope[] {
  const { envelopes } = voterEnvelopes(b, actor);
  const by = new Map<number, string[]>();
  for (const c of choices) {
    const [env, id] = c.split(":") as [string, string];
    const envelopeId = Number(env);
    if (!envelopes.some((e) => e.id === envelopeId)) throw new DomainError("errors.basketOtherEnvelope", 400, "choices");
    by.set(envelopeId, [...(by.get(envelopeId) ?? []), id]);
  }
  return envelopes.map((e) => {
    const spec = getBox(e.boxId!)!.spec;
    const chosen = by.get(e.id) ?? [];
    const known = new Set(spec.type === "choice" ? [] : spec.projects.map((p) => p.id));
    // a project that is not (or no longer) in this envelope: a tampered or stale form
    if (chosen.some((id) => !known.has(id))) throw new DomainError("errors.ballotUnknownChoice", 400, "choices");
    return {
      envelopeId: e.id,
      councilName: e.councilName,
      amount: e.amount,
      boxId: e.boxId!,
      spec,
      chosen,
      total: spec.type === "choice" ? 0 : basketTotal(spec, chosen),
      problem: ballotProblem(spec, chosen),
    };
  });
}

/**
 * Casts the basket in every envelope of the voter at once (one receipt). Errors:
 * errors.budgetNotVoting (409, outside the vote phase), errors.notVerified (403),
 * errors.basketOtherEnvelope (400), errors.basketEnvelope (400, an envelope's rule broken,
 * naming it), and the ballot box's (alreadyVoted 409, boxClosed 409…).
 */
export function castBasket(actor: MaybeActor, budgetId: number, choices: readonly string[], opts: { now?: Date } = {}) {
  const b = getBudget(budgetId);
  if (!b) throw new DomainError("errors.notFound", 404);
  if (b.phase !== "vote") throw new DomainError("errors.budgetNotVoting", 409);
  if (!actor?.residency) throw new DomainError("errors.notVerified", 403);
  const basket = readBasket(b, actor, choices);
  if (basket.length === 0) throw new DomainError("errors.notInElectorate", 403);
  for (const e of basket) {
    if (e.problem) throw new DomainError(e.problem.key, 400, "choices", { ...e.problem.params, envelope: e.councilName ?? "" });
  }
  return castOnline(actor, basket.map((e) => ({ boxId: e.boxId, choices: e.chosen })), opts);
}
