/**
 * Margins of the projects a rule left out: what would have changed the outcome, everything
 * else being equal (Boehmer, Faliszewski, Janeczko, Peters, Pierczyński, Schierreich, Skowron,
 * Szufa, "Evaluation of Project Performance in Participatory Budgeting", IJCAI 2024):
 *  - approvals: the fewest extra ballots choosing only this project that fund it (the paper's
 *    "add-singletons"; under greedy this is the same as extra approvals from any voters);
 *  - cost: the smallest reduction of its cost (in whole `unit`s) that funds it;
 *  - Equal Shares: its effective support, the largest share of its cost that its supporters
 *    could have covered, at some round, at the price per euro that won that round (at the end,
 *    with no competitor left: what they had left). 100 % or more means it would have won.
 * See docs/decisions/013-budget-results-and-margins.md for the methods and their limits:
 *  - greedy: both margins in closed form (the walk before its turn does not depend on it);
 *  - mes: the cost margin in closed form from the rounds (a project's cost changes nothing
 *    until it is chosen, so it is funded iff its cost is at most the largest cost that would
 *    have won some round); the approvals margin by search;
 *  - mes-add1, mes-add1u: both by search with the whole rule (galloping, then bisection), the
 *    result checked on both sides: funded with the margin, not funded with one unit less. Add1
 *    is not monotone, so in rare cases a smaller change also funds the project (the ADR gives
 *    the rate measured against brute force).
 * Pure and exact (rationals); searches rerun the engine without explanations.
 */
import { approvalCounts, eligibleElection } from "./eligible";
import { compile, type Profile } from "./profile";
import { Rational } from "./rational";
import { allocate, type Allocation } from "./rules";
import type { Election, RuleName } from "./types";

export interface ProjectMargin {
  projectId: string;
  /** Fewest extra ballots choosing only this project that fund it; null: no number would. */
  approvals: number | null;
  /** Smallest reduction of its cost (a multiple of `unit`) that funds it; null: no positive cost would. */
  cost: Rational | null;
  /** Equal Shares rules (projects that took part): its effective support, a ratio. */
  effectiveSupport?: Rational;
  /** How the two margins were found: "exact" (closed form) or "search" (rule rerun, checked both sides). */
  method: { approvals: "exact" | "search"; cost: "exact" | "search" };
}

export interface MarginOptions {
  minApprovals?: number;
  increment?: Rational;
  /** Smallest amount of money considered (default: 1 when every cost and the budget are whole, else 0.01). */
  unit?: Rational;
  /** The allocation already computed with explanations (saves a run). */
  allocation?: Allocation;
  /** Upper bound on the approvals searched (default 100·(n + 1)). */
  maxExtra?: number;
}

const CENT = Rational.of(1, 100);

export function defaultUnit(election: Election): Rational {
  return election.budget.isInteger() && election.projects.every((p) => p.cost.isInteger()) ? Rational.ONE : CENT;
}

function withCost(e: Election, id: string, cost: Rational): Election {
  return { ...e, projects: e.projects.map((p) => (p.id === id ? { ...p, cost } : p)) };
}

function withSupporters(e: Election, id: string, k: number): Election {
  const extra = Array.from({ length: k }, (_, i) => ({ voterId: `+${i + 1}`, vote: [id], fields: {} }));
  return { ...e, ballots: [...e.ballots, ...extra] };
}

/** Largest multiple of unit that is ≤ c (or < c when strict); null when it would be < 1 unit. */
function unitsBelow(c: Rational, unit: Rational, strict: boolean): Rational | null {
  const q = c.div(unit);
  let k = q.n / q.d; // floor for non-negative q
  if (q.sign() < 0) return null;
  if (strict && q.isInteger()) k -= 1n;
  return k >= 1n ? unit.mulInt(k) : null;
}

/** Bisection on whole numbers: lo fails, hi succeeds → the smallest success above lo. */
function bisect(lo: bigint, hi: bigint, ok: (k: bigint) => boolean): bigint {
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

interface Budget {
  b: Rational;
  w: number;
}

/**
 * Largest cost c at which a project whose supporters hold `budgets` would beat a round won at
 * price per euro ρ. Its own price per euro ρ(c) = q(c)/c (q: the water level, Σ w·min(b, q) = c)
 * never decreases with c, and ρ(c) ≤ ρ ⇔ Σ w·min(b, ρc) ≥ c, a concave function of c minus c,
 * zero at 0: the answer is its positive root. With no competitor (ρ null): what the supporters
 * hold between them. `below` says whether the costs under the root beat the round strictly
 * ("win") or only tie (slope 0 at the origin: ρ = 1/W exactly); `atRoot` likewise for the root
 * itself (a strict win only when every supporter pays all they have, below the price).
 */
function winningCost(budgets: Budget[], rho: Rational | null): { c: Rational; below: "win" | "tie" | "none"; atRoot: "win" | "tie" } {
  const total = budgets.reduce((s, x) => s.add(x.b.mulInt(x.w)), Rational.ZERO);
  if (rho === null) return { c: total, below: "win", atRoot: "win" };
  const sorted = [...budgets].sort((x, y) => x.b.cmp(y.b));
  const W = sorted.reduce((s, x) => s + x.w, 0);
  const slope0 = rho.mulInt(W).sub(Rational.ONE);
  if (slope0.sign() < 0 || W === 0) return { c: Rational.ZERO, below: "none", atRoot: "tie" };
  const below = slope0.sign() === 0 ? "tie" : "win";
  const maxB = sorted[sorted.length - 1]!.b;
  const result = (c: Rational) => ({ c, below, atRoot: c.eq(total) && maxB.lt(rho.mul(total)) ? ("win" as const) : ("tie" as const) }) as const;
  let S = Rational.ZERO; // Σ w·b of the capped supporters (b ≤ ρc)
  let Wc = 0;
  for (let j = 0; j < sorted.length; j++) {
    const slope = rho.mulInt(W - Wc).sub(Rational.ONE);
    const end = sorted[j]!.b.div(rho);
    // g(end) = S + slope·end; once negative, the root is in this segment (slope < 0 there)
    if (S.add(slope.mul(end)).sign() < 0) return result(S.neg().div(slope));
    S = S.add(sorted[j]!.b.mulInt(sorted[j]!.w));
    Wc += sorted[j]!.w;
  }
  return result(S);
}

/** Exact budgets of a project's supporter types before each round (and after the last). */
function supporterBudgets(profile: Profile, j: number, allocation: Allocation): { perRound: Budget[][]; rho: (Rational | null)[]; winnerRank: number[] } {
  const rounds = allocation.rounds ?? [];
  const e = allocation.endowment ?? Rational.ZERO;
  const roundOf = new Map<number, number>();
  rounds.forEach((r, i) => roundOf.set(profile.index.get(r.projectId)!, i));
  const types: { t: number; w: number; rs: number[] }[] = [];
  for (let i = profile.projStart[j]!; i < profile.projStart[j + 1]!; i++) {
    const t = profile.projTypes[i]!;
    const rs: number[] = [];
    for (let k = profile.typeStart[t]!; k < profile.typeStart[t + 1]!; k++) {
      const r = roundOf.get(profile.typeProj[k]!);
      if (r !== undefined) rs.push(r);
    }
    types.push({ t, w: profile.typeWeight[t]!, rs: rs.sort((a, b) => a - b) });
  }
  const spent = types.map(() => Rational.ZERO);
  const perRound: Budget[][] = [];
  const rho: (Rational | null)[] = [];
  const winnerRank: number[] = [];
  for (let r = 0; r <= rounds.length; r++) {
    perRound.push(types.map((x, i) => ({ b: Rational.max(Rational.ZERO, e.sub(spent[i]!)), w: x.w })));
    if (r === rounds.length) {
      rho.push(null);
      winnerRank.push(-1);
      break;
    }
    const win = profile.index.get(rounds[r]!.projectId)!;
    rho.push(rounds[r]!.price.div(profile.costs[win]!));
    winnerRank.push(profile.idRank[win]!);
    types.forEach((x, i) => {
      if (x.rs.includes(r)) spent[i] = spent[i]!.add(rounds[r]!.price);
    });
  }
  return { perRound, rho, winnerRank };
}

/** Margins of every project the allocation left out (keyed by project id). */
export function projectMargins(election: Election, rule: RuleName, options: MarginOptions = {}): Map<string, ProjectMargin> {
  const minimum = options.minApprovals ?? 0;
  const increment = options.increment;
  const unit = options.unit ?? defaultUnit(election);
  const base = { ...(increment ? { increment } : {}), minApprovals: minimum };
  const allocation = options.allocation ?? allocate(election, rule, base);
  const selected = new Set(allocation.selected);
  const { election: eligible } = eligibleElection(election, minimum);
  const profile = compile(eligible);
  const counts = approvalCounts(election);
  const B = election.budget;
  const n = election.ballots.length;
  const maxExtra = options.maxExtra ?? 100 * (n + 1);
  const funds = (e: Election, id: string) => allocate(e, rule, { ...base, explain: false }).selected.includes(id);
  const out = new Map<string, ProjectMargin>();

  // greedy: the walk over the other eligible projects (the project left out took no money)
  let walk: { id: string; approvals: number; rank: number; spentAfter: Rational }[] = [];
  if (rule === "greedy") {
    let spent = Rational.ZERO;
    walk = [...profile.greedyOrder].map((j) => {
      const cost = profile.costs[j]!;
      if (cost.le(B.sub(spent))) spent = spent.add(cost);
      return { id: profile.ids[j]!, approvals: profile.approvals[j]!, rank: profile.idRank[j]!, spentAfter: spent };
    });
  }
  const idOrder = [...election.projects.map((p) => p.id)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rankOf = new Map(idOrder.map((id, i) => [id, i]));

  for (const p of election.projects) {
    if (selected.has(p.id)) continue;
    const a = counts.get(p.id) ?? 0;
    const j = profile.index.get(p.id);
    const eligibleP = j !== undefined;
    const margin: ProjectMargin = { projectId: p.id, approvals: null, cost: null, method: { approvals: "search", cost: "search" } };

    if (rule === "greedy") {
      margin.method = { approvals: "exact", cost: "exact" };
      // walk without p, in greedy order; p's id rank among all ids decides ties
      const others = walk.filter((x) => x.id !== p.id);
      const rankP = rankOf.get(p.id)!;
      const left = (t: number) => (t === 0 ? B : B.sub(others[t - 1]!.spentAfter));
      if (p.cost.le(B)) {
        let T = 0; // largest position (number of projects ahead) at which p still fits
        while (T < others.length && p.cost.le(left(T + 1))) T++;
        let k = Math.max(0, minimum - a);
        if (T < others.length) {
          const next = others[T]!;
          const rankNext = rankOf.get(next.id)!;
          k = Math.max(k, next.approvals - a + (rankP < rankNext ? 0 : 1));
        }
        margin.approvals = Math.max(1, k);
      }
      if (eligibleP) {
        const ahead = others.filter((x) => x.approvals > a || (x.approvals === a && rankOf.get(x.id)! < rankP)).length;
        const moneyLeft = left(ahead);
        const best = unitsBelow(moneyLeft, unit, false) ?? (moneyLeft.sign() >= 0 ? Rational.ZERO : null);
        if (best !== null && best.lt(p.cost)) margin.cost = p.cost.sub(best);
      }
      out.set(p.id, margin);
      continue;
    }

    // Equal Shares rules: effective support at the rule's endowment; plain mes: cost in closed form
    if (eligibleP && p.cost.sign() > 0 && allocation.rounds && allocation.endowment) {
      const { perRound, rho, winnerRank } = supporterBudgets(profile, j, allocation);
      let support = Rational.ZERO;
      let bestCost: Rational | null = null;
      perRound.forEach((budgets, r) => {
        const price = rho[r] ?? null;
        const cover = budgets.reduce((s, x) => s.add((price === null ? x.b : Rational.min(x.b, price.mul(p.cost))).mulInt(x.w)), Rational.ZERO);
        support = Rational.max(support, cover.div(p.cost));
        const { c, below, atRoot } = winningCost(budgets, price);
        const tieWon = price === null || profile.idRank[j]! < winnerRank[r]!;
        if (below === "none" || (below === "tie" && !tieWon)) return;
        const best = unitsBelow(c, unit, !tieWon && atRoot === "tie");
        if (best && (bestCost === null || best.gt(bestCost))) bestCost = best;
      });
      margin.effectiveSupport = support;
      if (rule === "mes") {
        margin.method.cost = "exact";
        const b = bestCost as Rational | null;
        if (b !== null && b.lt(p.cost)) margin.cost = p.cost.sub(b);
      }
    } else if (rule === "mes") {
      margin.method.cost = "exact"; // not eligible, or zero cost: no cost funds it
    }

    // cost by search (Add1 rules): bisection on whole units in [1 unit, cost)
    if (margin.method.cost === "search" && eligibleP && p.cost.gt(unit)) {
      const top = p.cost.div(unit);
      const hiUnits = top.isInteger() ? top.n : top.n / top.d + 1n; // a cost ≥ the real one: not funded
      const okAt = (k: bigint) => funds(withCost(election, p.id, unit.mulInt(k)), p.id);
      if (okAt(1n)) {
        // largest k with okAt(k): bisection on "not funded" from above
        let lo = 1n;
        let hi = hiUnits;
        while (hi - lo > 1n) {
          const mid = (lo + hi) / 2n;
          if (okAt(mid)) lo = mid;
          else hi = mid;
        }
        margin.cost = p.cost.sub(unit.mulInt(lo));
      }
    }

    // approvals by search (every Equal Shares rule): galloping, then bisection
    if (p.cost.le(B)) {
      const okK = (k: bigint) => funds(withSupporters(election, p.id, Number(k)), p.id);
      let lo = BigInt(Math.max(0, minimum - a - 1));
      let hi = lo + 1n;
      let step = 1n;
      while (!okK(hi)) {
        lo = hi;
        step *= 2n;
        hi = lo + step;
        if (hi > BigInt(maxExtra)) {
          hi = -1n;
          break;
        }
      }
      if (hi > 0n) margin.approvals = Number(bisect(lo, hi, okK));
    }
    out.set(p.id, margin);
  }
  return out;
}
