/**
 * Entry point of the allocation rules: `allocate(election, rule, options)` runs greedy, mes,
 * mes-add1 or mes-add1u and returns the selected project ids in selection order, the exact
 * total cost, the Equal Shares endowment and Add1 step count where relevant, and the
 * per-project explanations (as data).
 */
import { mesAdd1 } from "./add1";
import { explainGreedy, explainMes, type ProjectExplanation } from "./explain";
import { greedyWalk, type GreedyResult } from "./greedy";
import { MesEngine, type EngineStats } from "./mes-engine";
import { mesAdd1Reference, mesReference } from "./mes-reference";
import { eligibleElection } from "./eligible";
import { compile, costOf, type Profile } from "./profile";
import { Rational } from "./rational";
import type { Election, RuleName } from "./types";

export interface AllocateOptions {
  /** Add1 endowment step, in currency units (default 1). */
  increment?: Rational | string | number;
  /** Build explanations (default true). */
  explain?: boolean;
  /** Run every Add1 step instead of skipping certified ranges (for checking; slower). */
  noSkip?: boolean;
  /** Use the slow, literal reference implementation (for checking; no explanations). */
  reference?: boolean;
  /**
   * mes-add1u only: reuse a mes-add1 allocation computed on the same election with the same
   * increment (the what-if does this) instead of running Add1 again.
   */
  add1From?: Pick<Allocation, "rule" | "selected" | "endowment" | "add1Steps" | "increment">;
  /**
   * Approvals a project needs to take part (Pabulib META `min_project_score_threshold`); projects
   * below are removed before the rule runs (eligible.ts). Default 0: every project takes part.
   * Only `allocate` and `compareRules` apply it (`allocateProfile` runs on the profile given).
   */
  minApprovals?: number;
}

/** One round of Equal Shares: the project chosen and its exact price (the most a supporter paid). */
export interface MesRound {
  projectId: string;
  price: Rational;
}

export interface Allocation {
  rule: RuleName;
  /** Selected project ids, in selection order (mes-add1u: Add1 outcome, then completion). */
  selected: string[];
  /** Exact total cost of the selected projects. */
  cost: Rational;
  budget: Rational;
  /** Number of ballots (empty ones included). */
  voters: number;
  /** Equal Shares rules: per-voter endowment of the run returned. */
  endowment?: Rational;
  /** Add1 rules: increment used and number of increments from B/n. */
  increment?: Rational;
  add1Steps?: number;
  /** mes-add1u: ids added by the greedy completion. */
  completion?: string[];
  /** Equal Shares rules, with explanations: the rounds of the returned run, exact prices. */
  rounds?: MesRound[];
  /** One per project: selected first (in selection order), then the others. */
  explanations?: ProjectExplanation[];
  /** Engine counters (runs, certification runs, exact fallbacks). */
  stats?: EngineStats & { add1Runs?: number; add1Certifications?: number };
}

export function parseIncrement(x: Rational | string | number | undefined): Rational {
  if (x === undefined) return Rational.ONE;
  const r = x instanceof Rational ? x : Rational.parse(String(x));
  if (r === null || r.sign() <= 0) throw new RangeError(`increment must be a positive number, got "${String(x)}"`);
  return r;
}

export function allocate(election: Election, rule: RuleName, options: AllocateOptions = {}): Allocation {
  const minimum = options.minApprovals ?? 0;
  const { election: eligible, excluded } = eligibleElection(election, minimum);
  const a = allocateProfile(compile(eligible), rule, options);
  return excluded.size ? withExcluded(a, election, excluded, minimum) : a;
}

/** Adds the explanations of the projects left out for lack of approvals. */
export function withExcluded(a: Allocation, election: Election, excluded: Set<string>, minimum: number): Allocation {
  if (!a.explanations) return a;
  const counts = new Map<string, number>();
  for (const b of election.ballots) for (const id of b.vote) if (excluded.has(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const extra: ProjectExplanation[] = election.projects
    .filter((p) => excluded.has(p.id))
    .map((p) => ({
      kind: "below-minimum" as const,
      projectId: p.id,
      ...(p.fields["name"] ? { name: p.fields["name"] } : {}),
      cost: p.cost,
      approvals: counts.get(p.id) ?? 0,
      funded: false,
      minimum,
    }));
  return { ...a, explanations: [...a.explanations, ...extra] };
}

export function allocateProfile(profile: Profile, rule: RuleName, options: AllocateOptions = {}): Allocation {
  const wantExplain = options.explain !== false && !options.reference;
  const ids = (seq: readonly number[]) => seq.map((j) => profile.ids[j]!);
  const head = { rule, budget: profile.budget, voters: profile.n };

  if (rule === "greedy") {
    const g = greedyWalk(profile);
    return {
      ...head,
      selected: ids(g.selected),
      cost: g.spent,
      ...(wantExplain ? { explanations: explainGreedy(profile, g) } : {}),
    };
  }

  const increment = parseIncrement(options.increment);
  const E0 = profile.n === 0 ? Rational.ZERO : profile.budget.divInt(profile.n);

  if (options.reference) {
    const seq = rule === "mes" ? mesReference(profile, E0) : mesAdd1Reference(profile, increment);
    let all = seq;
    let completion: number[] = [];
    if (rule === "mes-add1u") {
      completion = greedyWalk(profile, seq).selected;
      all = [...seq, ...completion];
    }
    return {
      ...head,
      selected: ids(all),
      cost: costOf(profile, all),
      ...(rule === "mes-add1u" ? { completion: ids(completion) } : {}),
    };
  }

  const engine = new MesEngine(profile);
  let seq: number[];
  let endowment = E0;
  let add1: { steps: number; runs: number; certifications: number } | null = null;
  const reuse = options.add1From;
  if (rule === "mes") {
    seq = engine.run(E0).seq;
  } else if (
    rule === "mes-add1u" &&
    reuse?.rule === "mes-add1" &&
    reuse.endowment !== undefined &&
    reuse.add1Steps !== undefined &&
    reuse.increment?.eq(increment)
  ) {
    seq = reuse.selected.map((id) => {
      const j = profile.index.get(id);
      if (j === undefined) throw new Error(`add1From: unknown project ${id}`);
      return j;
    });
    endowment = reuse.endowment;
    add1 = { steps: reuse.add1Steps, runs: 0, certifications: 0 };
  } else {
    const r = mesAdd1(profile, engine, { increment, noSkip: options.noSkip === true });
    seq = r.seq;
    endowment = r.endowment;
    add1 = r;
  }
  let completion: GreedyResult | null = null;
  let all = seq;
  if (rule === "mes-add1u") {
    completion = greedyWalk(profile, seq);
    all = [...seq, ...completion.selected];
  }
  let explanations: ProjectExplanation[] | undefined;
  let rounds: MesRound[] | undefined;
  if (wantExplain) {
    const { run, data } = engine.replay(endowment);
    if (run.seq.length !== seq.length || run.seq.some((j, i) => j !== seq[i])) {
      throw new Error("internal error: the exact replay differs from the outcome");
    }
    explanations = explainMes(profile, seq, data, completion);
    rounds = seq.map((j, r) => ({ projectId: profile.ids[j]!, price: data.q[r]! }));
  }
  return {
    ...head,
    selected: ids(all),
    cost: costOf(profile, all),
    endowment,
    ...(add1 ? { increment, add1Steps: add1.steps } : {}),
    ...(completion ? { completion: ids(completion.selected) } : {}),
    ...(rounds ? { rounds } : {}),
    ...(explanations ? { explanations } : {}),
    stats: { ...engine.stats, ...(add1 ? { add1Runs: add1.runs, add1Certifications: add1.certifications } : {}) },
  };
}
