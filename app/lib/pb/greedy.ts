/**
 * Greedy by approvals (exact arithmetic): walk the projects by approvals descending, ties by the
 * smaller id as a string, and take each one that still fits. Also the greedy completion used by
 * mes-add1u (the same walk on top of an existing outcome). Records, for every project walked,
 * its rank, approvals, the money left when its turn came and whether it fit.
 */
import type { Profile } from "./profile";
import { Rational } from "./rational";

export interface GreedyStep {
  project: number;
  /** 1-based position in the greedy order. */
  rank: number;
  approvals: number;
  /** Budget minus what was spent before its turn. */
  moneyLeft: Rational;
  fit: boolean;
}

export interface GreedyResult {
  selected: number[];
  spent: Rational;
  /** One step per project walked (projects already in `start` are not walked). */
  steps: GreedyStep[];
}

/**
 * Greedy walk. `start` (for completion) is an outcome already selected: its projects are
 * skipped and its cost counts as spent.
 */
export function greedyWalk(profile: Profile, start: readonly number[] = []): GreedyResult {
  const taken = new Uint8Array(profile.P);
  let spent = Rational.ZERO;
  for (const j of start) {
    taken[j] = 1;
    spent = spent.add(profile.costs[j]!);
  }
  const selected: number[] = [];
  const steps: GreedyStep[] = [];
  profile.greedyOrder.forEach((j, pos) => {
    if (taken[j]) return;
    const cost = profile.costs[j]!;
    const moneyLeft = profile.budget.sub(spent);
    const fit = cost.le(moneyLeft);
    steps.push({ project: j, rank: pos + 1, approvals: profile.approvals[j]!, moneyLeft, fit });
    if (fit) {
      selected.push(j);
      spent = spent.add(cost);
    }
  });
  return { selected, spent, steps };
}
