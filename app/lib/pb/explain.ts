/**
 * Explanations as data: for every project, what a one-sentence explanation needs, with exact
 * money. Greedy: rank, approvals, money left when its turn came, whether it fit. Equal Shares:
 * the round a project was funded in, how many supporters paid the full price share and how many
 * paid less (or nothing) because they had less left; for a project not funded, what its
 * supporters had left between them against its cost and which funded projects their money
 * went to. Completion steps (mes-add1u) are marked as such. No wording here (see render.ts).
 */
import type { GreedyResult } from "./greedy";
import type { ReplayData } from "./mes-engine";
import type { Profile } from "./profile";
import { Rational } from "./rational";

interface Base {
  projectId: string;
  /** `name` column of the file, when present. */
  name?: string;
  cost: Rational;
  /** Number of ballots approving the project. */
  approvals: number;
  funded: boolean;
}

/** Greedy rule, or the greedy completion step of mes-add1u (kind "completion"). */
export interface GreedyExplanation extends Base {
  kind: "greedy" | "completion";
  /** 1-based position in the order by approvals (ties: smaller id as a string). */
  rank: number;
  /** Budget left when its turn came. */
  moneyLeft: Rational;
  fit: boolean;
}

export interface MesFundedExplanation extends Base {
  kind: "mes-funded";
  /** 1-based round of Equal Shares. */
  round: number;
  /** Price share: what each supporter who could afford it paid. */
  maxPayment: Rational;
  /** Supporters who paid maxPayment. */
  paidMax: number;
  /** Supporters who paid less (all they had left). */
  paidLess: number;
  /** What those paid in total (paidMax · maxPayment + lessTotal = cost, exactly). */
  lessTotal: Rational;
  /** Supporters who had nothing left. */
  paidNothing: number;
}

export interface MoneyDestination {
  projectId: string;
  name?: string;
  amount: Rational;
}

export interface MesNotFundedExplanation extends Base {
  kind: "mes-not-funded";
  /** Why Equal Shares left it out. */
  reason: "no-supporters" | "zero-cost" | "too-expensive";
  /** What its supporters had left between them at the end (per-voter endowment units). */
  leftover: Rational;
  /** Funded projects their money went to, largest amounts first (top few). */
  spentOn: MoneyDestination[];
  /** How many funded projects received money from its supporters (spentOn may list fewer). */
  destinationCount: number;
  /** mes-add1u: it was also walked in the completion step and did not fit. */
  completion?: { rank: number; moneyLeft: Rational };
}

/** A project left out before the rule ran: fewer approvals than the minimum (eligible.ts). */
export interface BelowMinimumExplanation extends Base {
  kind: "below-minimum";
  minimum: number;
}

export type ProjectExplanation = GreedyExplanation | MesFundedExplanation | MesNotFundedExplanation | BelowMinimumExplanation;

function base(profile: Profile, j: number, funded: boolean): Base {
  const name = profile.election.projects[j]!.fields["name"];
  return {
    projectId: profile.ids[j]!,
    ...(name !== undefined && name !== "" ? { name } : {}),
    cost: profile.costs[j]!,
    approvals: profile.approvals[j]!,
    funded,
  };
}

/** Greedy explanations, selected projects first (in selection order), then the others. */
export function explainGreedy(profile: Profile, result: GreedyResult): GreedyExplanation[] {
  const out = result.steps.map((s) => ({
    ...base(profile, s.project, s.fit),
    kind: "greedy" as const,
    rank: s.rank,
    moneyLeft: s.moneyLeft,
    fit: s.fit,
  }));
  return [...out.filter((x) => x.funded), ...out.filter((x) => !x.funded)];
}

/**
 * Equal Shares explanations from an exact replay of the returned run, plus (mes-add1u) the
 * greedy completion walked on top of it. `topDestinations`: how many funded projects to list
 * for a project left out.
 */
export function explainMes(
  profile: Profile,
  seq: readonly number[],
  replay: ReplayData,
  completion: GreedyResult | null,
  topDestinations = 3,
): ProjectExplanation[] {
  const { q, zeroRound, paidLess, roundOf, endowment: E } = replay;
  const m = q.length;
  const qf = q.map((x) => x.toNumber());
  const ef = E.toNumber();
  const pr = profile;

  // Rounds of each type's selected projects, ascending (the rounds it paid in).
  const typeRounds: Int32Array[] = [];
  for (let t = 0; t < pr.T; t++) {
    const rs: number[] = [];
    for (let i = pr.typeStart[t]!; i < pr.typeStart[t + 1]!; i++) {
      const r = roundOf[pr.typeProj[i]!]!;
      if (r >= 0) rs.push(r);
    }
    typeRounds.push(Int32Array.from(rs.sort((a, b) => a - b)));
  }
  const combo = (coefE: number, coef: Float64Array) => {
    let acc = E.mulInt(BigInt(coefE));
    for (let r = 0; r < m; r++) if (coef[r] !== 0) acc = acc.sub(q[r]!.mulInt(BigInt(coef[r]!)));
    return acc;
  };

  const out: ProjectExplanation[] = [];
  seq.forEach((j, r) => {
    let full = 0;
    let less = 0;
    let nothing = 0;
    const coefLess = new Float64Array(m);
    for (let i = pr.projStart[j]!; i < pr.projStart[j + 1]!; i++) {
      const t = pr.projTypes[i]!;
      const w = pr.typeWeight[t]!;
      const z = zeroRound[t]!;
      if (z >= 0 && z < r) nothing += w;
      else if (z === r && paidLess[t]) {
        less += w;
        for (const r2 of typeRounds[t]!) if (r2 < r) coefLess[r2]! += w;
      } else full += w;
    }
    out.push({
      ...base(pr, j, true),
      kind: "mes-funded",
      round: r + 1,
      maxPayment: q[r]!,
      paidMax: full,
      paidLess: less,
      lessTotal: combo(less, coefLess),
      paidNothing: nothing,
    });
  });

  const completionStep = new Map<number, { rank: number; moneyLeft: Rational; fit: boolean }>();
  for (const s of completion?.steps ?? []) completionStep.set(s.project, s);
  if (completion) {
    for (const j of completion.selected) {
      const s = completionStep.get(j)!;
      out.push({ ...base(pr, j, true), kind: "completion", rank: s.rank, moneyLeft: s.moneyLeft, fit: true });
    }
  }
  const inOutcome = new Uint8Array(pr.P);
  for (const j of seq) inOutcome[j] = 1;
  for (const j of completion?.selected ?? []) inOutcome[j] = 1;

  const amountF = new Float64Array(pr.P);
  const others = [...pr.greedyOrder].filter((j) => !inOutcome[j]);
  for (const j of others) {
    const reason = pr.approvals[j] === 0 ? "no-supporters" : pr.costs[j]!.sign() <= 0 ? "zero-cost" : "too-expensive";
    let leftover = Rational.ZERO;
    const spentOn: MoneyDestination[] = [];
    let destinationCount = 0;
    if (reason === "too-expensive") {
      // Leftover: Σ over supporters still holding money of (E − Σ prices paid).
      const coef = new Float64Array(m);
      let coefE = 0;
      amountF.fill(0);
      for (let i = pr.projStart[j]!; i < pr.projStart[j + 1]!; i++) {
        const t = pr.projTypes[i]!;
        const w = pr.typeWeight[t]!;
        const rs = typeRounds[t]!;
        const z = zeroRound[t]!;
        if (z < 0) {
          coefE += w;
          for (const r of rs) coef[r]! += w;
        }
        let before = ef;
        for (const r of rs) {
          if (z >= 0 && r > z) break;
          const pay = r === z && paidLess[t] ? before : qf[r]!;
          amountF[seq[r]!]! += w * pay;
          before -= qf[r]!;
        }
      }
      leftover = combo(coefE, coef);
      const paidTo = seq.filter((p) => amountF[p]! > 0);
      destinationCount = paidTo.length;
      const top = paidTo
        .sort((a, b) => amountF[b]! - amountF[a]! || pr.idRank[a]! - pr.idRank[b]!)
        .slice(0, topDestinations);
      for (const p of top) {
        // Exact amount paid by j's supporters for p.
        const rp = roundOf[p]!;
        const c2 = new Float64Array(m);
        let cE = 0;
        for (let i = pr.projStart[j]!; i < pr.projStart[j + 1]!; i++) {
          const t = pr.projTypes[i]!;
          const rs = typeRounds[t]!;
          if (!rs.includes(rp)) continue;
          const w = pr.typeWeight[t]!;
          const z = zeroRound[t]!;
          if (z >= 0 && z < rp) continue;
          if (z === rp && paidLess[t]) {
            cE += w;
            for (const r of rs) if (r < rp) c2[r]! += w;
          } else c2[rp]! -= w;
        }
        const name = pr.election.projects[p]!.fields["name"];
        spentOn.push({ projectId: pr.ids[p]!, ...(name ? { name } : {}), amount: combo(cE, c2) });
      }
    }
    const cs = completionStep.get(j);
    out.push({
      ...base(pr, j, false),
      kind: "mes-not-funded",
      reason,
      leftover,
      spentOn,
      destinationCount,
      ...(cs ? { completion: { rank: cs.rank, moneyLeft: cs.moneyLeft } } : {}),
    });
  }
  return out;
}
