/**
 * What a ballot box asks, and what a valid ballot is — pure and client-safe (the ballot
 * page uses it to keep a running total with JavaScript, the server to refuse a tampered
 * form). Shared by proposal votes and participatory budgets.
 *
 * Shapes:
 *  - `choice`: options (yes/no/abstain, or several), choose between `min` and `max`.
 *  - `approval-budget`: projects with a cost in whole euros; the chosen total must be
 *    ≤ `budget` (and ≥ `minSpendShare` × budget when set). Pabulib vote_type "approval"
 *    with a budget limit.
 *  - `approval-k`: projects; choose between `kMin` and `kMax` of them (Pabulib
 *    "approval" with min_length / max_length).
 * A ballot's content is the sorted list of chosen ids; `canonical` writes it as JSON.
 * Errors are translation keys with parameters (`msg`).
 */
import { msg } from "~/lib/messages";

export interface Option {
  id: string;
  label: string;
}
export interface Project extends Option {
  /** Whole euros. */
  cost: number;
}

interface Common {
  /** Minimum age on the closing day, from the rulebook version in force when the box opened. */
  minVotingAge: number;
}
export type ChoiceSpec = Common & { type: "choice"; question: string; options: Option[]; min: number; max: number };
export type BudgetSpec = Common & { type: "approval-budget"; projects: Project[]; budget: number; minSpendShare: number };
export type KSpec = Common & { type: "approval-k"; projects: Project[]; kMin: number; kMax: number };
export type BallotSpec = ChoiceSpec | BudgetSpec | KSpec;

export const YES_NO_ABSTAIN: Option[] = [
  { id: "yes", label: "yes" },
  { id: "no", label: "no" },
  { id: "abstain", label: "abstain" },
];

/** The ids a ballot may contain. */
export function choicesOf(spec: BallotSpec): Option[] {
  return spec.type === "choice" ? spec.options : spec.projects;
}

/** The canonical stored form of a ballot: sorted, unique ids, as JSON. */
export function canonical(ids: readonly string[]): string {
  return JSON.stringify([...new Set(ids)].sort());
}

export function parseContent(content: string): string[] {
  const v = JSON.parse(content) as unknown;
  if (!Array.isArray(v) || !v.every((x) => typeof x === "string")) throw new Error("not a ballot");
  return v;
}

export type BallotProblem = { key: string; params?: Record<string, string | number> };

/** Total cost (whole euros) of the chosen projects. */
export function basketTotal(spec: BudgetSpec | KSpec, ids: readonly string[]): number {
  const cost = new Map(spec.projects.map((p) => [p.id, p.cost]));
  return [...new Set(ids)].reduce((s, id) => s + (cost.get(id) ?? 0), 0);
}

/**
 * Why a ballot is not valid for this box, or null. Checks: every id is one of the box's
 * (a tampered form names another), no id twice, the number of choices, the budget limit.
 */
export function ballotProblem(spec: BallotSpec, ids: readonly string[]): BallotProblem | null {
  const known = new Set(choicesOf(spec).map((o) => o.id));
  if (ids.some((id) => !known.has(id))) return { key: "errors.ballotUnknownChoice" };
  if (new Set(ids).size !== ids.length) return { key: "errors.ballotDuplicate" };
  const n = ids.length;
  switch (spec.type) {
    case "choice":
      if (n < spec.min) return spec.min === 1 ? { key: "errors.ballotChooseOne" } : { key: "errors.ballotTooFew", params: { min: spec.min } };
      if (n > spec.max) return spec.max === 1 ? { key: "errors.ballotOnlyOne" } : { key: "errors.ballotTooMany", params: { max: spec.max } };
      return null;
    case "approval-k":
      if (n < spec.kMin) return { key: "errors.ballotTooFew", params: { min: spec.kMin } };
      if (n > spec.kMax) return { key: "errors.ballotTooMany", params: { max: spec.kMax } };
      return null;
    case "approval-budget": {
      const total = basketTotal(spec, ids);
      if (total > spec.budget) return { key: "errors.ballotOverBudget", params: { total, budget: spec.budget } };
      const min = Math.ceil(spec.budget * spec.minSpendShare);
      if (spec.minSpendShare > 0 && total < min) return { key: "errors.ballotUnderMinimum", params: { total, min } };
      return null;
    }
  }
}

/** `ballotProblem` as a message string for forms (key::params). */
export function ballotMessage(p: BallotProblem): string {
  return msg(p.key, p.params);
}

/** The tally of a list of ballots: approvals (or votes) per id, in the spec's order. */
export function countChoices(spec: BallotSpec, contents: readonly string[][]): { id: string; count: number }[] {
  const counts = new Map(choicesOf(spec).map((o) => [o.id, 0]));
  for (const ids of contents) for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return choicesOf(spec).map((o) => ({ id: o.id, count: counts.get(o.id) ?? 0 }));
}
