/**
 * A participatory budget's phases and the allowed moves between them. Pure and client-safe
 * (the budget page asks it which move to offer), like the ideas lifecycle:
 * draft → collection → review → vote → results → implementation → closed.
 * Each move is a register entry (budgets.server.ts `changePhase`); entering `vote` opens the
 * envelopes' ballot boxes and freezes the budget's rulebook version, entering `results`
 * counts them and computes the results.
 */
import type { BudgetPhase } from "#db/enums";
import { BUDGET_PHASES } from "#db/enums";

export { BUDGET_PHASES };

export const PHASE_MOVES: Record<BudgetPhase, readonly BudgetPhase[]> = {
  draft: ["collection"],
  collection: ["review"],
  review: ["vote"],
  vote: ["results"],
  results: ["implementation"],
  implementation: ["closed"],
  closed: [],
};

export function canMovePhase(from: BudgetPhase, to: BudgetPhase): boolean {
  return PHASE_MOVES[from].includes(to);
}

export function nextPhase(from: BudgetPhase): BudgetPhase | null {
  return PHASE_MOVES[from][0] ?? null;
}

/** Settings (rule, envelopes, tie-break…) can change until the vote opens, never after. */
export function settingsEditable(phase: BudgetPhase): boolean {
  return phase === "draft" || phase === "collection" || phase === "review";
}

/** Phases in which the budget's results exist (computed from the counted ballots). */
export function hasResults(phase: BudgetPhase): boolean {
  return phase === "results" || phase === "implementation" || phase === "closed";
}
