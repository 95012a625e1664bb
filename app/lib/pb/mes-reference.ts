/**
 * Reference implementation of MES and Add1, written as literally as possible from the rules in
 * tests/fixtures/pabulib/README.md, with exact rationals everywhere and no speed-ups beyond voter
 * types. Slow (every ρ recomputed every round, every Add1 step run from scratch); it exists to
 * check the fast engine in tests, and as the readable definition of the rules.
 */
import type { Profile } from "./profile";
import { Rational } from "./rational";

/** Price for project c given exact type budgets (the README walk), or null if unaffordable. */
function walk(profile: Profile, c: number, budgets: Rational[]): Rational | null {
  const cost = profile.costs[c]!;
  const xs: { b: Rational; w: number }[] = [];
  let total = Rational.ZERO;
  let k = 0;
  for (let i = profile.projStart[c]!; i < profile.projStart[c + 1]!; i++) {
    const t = profile.projTypes[i]!;
    const w = profile.typeWeight[t]!;
    xs.push({ b: budgets[t]!, w });
    total = total.add(budgets[t]!.mulInt(w));
    k += w;
  }
  if (total.lt(cost)) return null;
  xs.sort((x, y) => x.b.cmp(y.b));
  let paid = Rational.ZERO;
  for (const { b, w } of xs) {
    // A group of w voters with the same budget: if the first pays fully, all of them do.
    const maxPay = cost.sub(paid).divInt(k);
    if (maxPay.gt(b)) {
      paid = paid.add(b.mulInt(w));
      k -= w;
    } else return maxPay;
  }
  return xs.length ? xs[xs.length - 1]!.b : Rational.ZERO;
}

/** MES with per-voter endowment E; returns the selected projects in order. */
export function mesReference(profile: Profile, E: Rational): number[] {
  const budgets: Rational[] = new Array<Rational>(profile.T).fill(E);
  let cands: number[] = [];
  for (let j = 0; j < profile.P; j++) if (profile.costs[j]!.sign() > 0 && profile.projWeight[j]! > 0) cands.push(j);
  const seq: number[] = [];
  if (E.sign() <= 0) return seq;
  for (;;) {
    let best = -1;
    let bestRho: Rational | null = null;
    let bestQ: Rational | null = null;
    const keep: number[] = [];
    for (const c of cands) {
      const q = walk(profile, c, budgets);
      if (q === null) continue;
      keep.push(c);
      const rho = q.div(profile.costs[c]!);
      const cmp = bestRho === null ? -1 : rho.cmp(bestRho);
      if (cmp < 0 || (cmp === 0 && profile.idRank[c]! < profile.idRank[best]!)) {
        best = c;
        bestRho = rho;
        bestQ = q;
      }
    }
    if (best < 0) return seq;
    seq.push(best);
    for (let i = profile.projStart[best]!; i < profile.projStart[best + 1]!; i++) {
      const t = profile.projTypes[i]!;
      const b = budgets[t]!;
      budgets[t] = b.le(bestQ!) ? Rational.ZERO : b.sub(bestQ!);
    }
    cands = keep.filter((c) => c !== best);
  }
}

function isExhaustive(profile: Profile, seq: number[], spent: Rational): boolean {
  const inside = new Set(seq);
  const left = profile.budget.sub(spent);
  for (let j = 0; j < profile.P; j++) {
    if (inside.has(j) || profile.costs[j]!.sign() <= 0 || profile.approvals[j]! === 0) continue;
    if (profile.costs[j]!.le(left)) return false;
  }
  return true;
}

/** Add1 by the book: endowments B/n, B/n + inc, … each run from scratch. */
export function mesAdd1Reference(profile: Profile, increment: Rational = Rational.ONE, maxSteps = 1_000_000): number[] {
  if (profile.n === 0) return [];
  let E = profile.budget.divInt(profile.n);
  let prev: number[] | null = null;
  for (let step = 0; step <= maxSteps; step++) {
    const seq = mesReference(profile, E);
    let spent = Rational.ZERO;
    for (const j of seq) spent = spent.add(profile.costs[j]!);
    if (spent.gt(profile.budget)) return prev ?? seq;
    if (isExhaustive(profile, seq, spent)) return seq;
    prev = seq;
    E = E.add(increment);
  }
  throw new Error("mesAdd1Reference: too many steps");
}
