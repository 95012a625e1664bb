/**
 * What-if: the same election under every rule (or a chosen list), with the projects on which
 * the rules disagree. Pure data; the command line prints it as a table.
 */
import { eligibleElection } from "./eligible";
import { compile } from "./profile";
import type { Rational } from "./rational";
import { allocateProfile, withExcluded, type AllocateOptions, type Allocation } from "./rules";
import { RULES, type Election, type RuleName } from "./types";

export interface RuleOutcome {
  rule: RuleName;
  selected: string[];
  count: number;
  cost: Rational;
  allocation: Allocation;
}

export interface DifferingProject {
  projectId: string;
  name?: string;
  cost: Rational;
  approvals: number;
  /** The rules that select it (some, not all). */
  selectedBy: RuleName[];
}

export interface WhatIf {
  outcomes: RuleOutcome[];
  /** Ids selected by every rule, in file order. */
  common: string[];
  /** Projects selected by some rules but not all, by approvals descending. */
  differing: DifferingProject[];
}

export function compareRules(
  election: Election,
  options: AllocateOptions & { rules?: readonly RuleName[] } = {},
): WhatIf {
  const minimum = options.minApprovals ?? 0;
  const { election: eligible, excluded } = eligibleElection(election, minimum);
  const profile = compile(eligible);
  const rules = options.rules ?? RULES;
  const done = new Map<RuleName, Allocation>();
  // mes-add1u is mes-add1 plus a completion: run Add1 once when both are asked for.
  const order = rules.includes("mes-add1") ? ["mes-add1" as RuleName, ...rules.filter((r) => r !== "mes-add1")] : [...rules];
  for (const rule of order) {
    const add1 = done.get("mes-add1");
    const a = allocateProfile(profile, rule, rule === "mes-add1u" && add1 ? { ...options, add1From: add1 } : options);
    done.set(rule, excluded.size ? withExcluded(a, election, excluded, minimum) : a);
  }
  const outcomes = rules.map((rule) => {
    const allocation = done.get(rule)!;
    return { rule, selected: allocation.selected, count: allocation.selected.length, cost: allocation.cost, allocation };
  });
  const sets = outcomes.map((o) => new Set(o.selected));
  const common: string[] = [];
  const differing: DifferingProject[] = [];
  for (const j of profile.greedyOrder) {
    const id = profile.ids[j]!;
    const by = outcomes.filter((_, i) => sets[i]!.has(id)).map((o) => o.rule);
    if (by.length === 0) continue;
    if (by.length === outcomes.length) common.push(id);
    else {
      const name = eligible.projects[j]!.fields["name"];
      differing.push({
        projectId: id,
        ...(name ? { name } : {}),
        cost: profile.costs[j]!,
        approvals: profile.approvals[j]!,
        selectedBy: by,
      });
    }
  }
  const position = new Map(election.projects.map((p, i) => [p.id, i]));
  common.sort((a, b) => position.get(a)! - position.get(b)!);
  return { outcomes, common, differing };
}
