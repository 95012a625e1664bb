/**
 * Add1 completion of Equal Shares: run MES with per-voter endowment B/n, B/n + inc, B/n + 2·inc…
 * (exact fractions); return the previous outcome as soon as one costs more than B, or the first
 * exhaustive one. Owns the step loop and the skipping: a certification run (MesEngine.certify)
 * proves that every endowment in [e, e + s·inc] yields the same outcome, so those s steps are
 * skipped; the stride doubles after each success and halves after each failure. Skipping never
 * changes the result: it only jumps over endowments whose outcome is proven identical.
 */
import type { MesEngine, MesRun } from "./mes-engine";
import { costOf, type Profile } from "./profile";
import { Rational } from "./rational";

export interface Add1Options {
  /** Endowment step (default 1 currency unit). */
  increment?: Rational;
  /** Disable the certified skipping (every step is run). Default false. */
  noSkip?: boolean;
  /** Give up after this many steps (default unlimited). */
  maxSteps?: number;
}

export interface Add1Result {
  seq: number[];
  /** Endowment of the returned run. */
  endowment: Rational;
  /** Number of increments from B/n to that endowment. */
  steps: number;
  /** MES runs actually computed (plain runs, certification runs). */
  runs: number;
  certifications: number;
}

/** No project outside `seq` with cost > 0 and an approver fits in what is left of B. */
export function isExhaustive(profile: Profile, seq: readonly number[], spent: Rational): boolean {
  const inside = new Uint8Array(profile.P);
  for (const j of seq) inside[j] = 1;
  const left = profile.budget.sub(spent);
  for (let j = 0; j < profile.P; j++) {
    if (inside[j] || profile.costs[j]!.sign() <= 0 || profile.approvals[j]! === 0) continue;
    if (profile.costs[j]!.le(left)) return false;
  }
  return true;
}

function sameSeq(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function mesAdd1(profile: Profile, engine: MesEngine, options: Add1Options = {}): Add1Result {
  const inc = options.increment ?? Rational.ONE;
  if (inc.sign() <= 0) throw new RangeError("Add1 increment must be positive");
  const maxSteps = options.maxSteps ?? Number.MAX_SAFE_INTEGER;
  if (profile.n === 0) return { seq: [], endowment: Rational.ZERO, steps: 0, runs: 0, certifications: 0 };
  const E0 = profile.budget.divInt(profile.n);
  const at = (k: number) => E0.add(inc.mulInt(BigInt(k)));
  let runs = 1;
  let certifications = 0;
  let cur: { run: MesRun; k: number } = { run: engine.run(E0), k: 0 };
  let prev: { run: MesRun; k: number } | null = null;
  let stride = 1;
  for (;;) {
    const spent = costOf(profile, cur.run.seq);
    if (spent.gt(profile.budget)) {
      const res = prev ?? cur;
      return { seq: res.run.seq, endowment: at(res.k), steps: res.k, runs, certifications };
    }
    if (isExhaustive(profile, cur.run.seq, spent)) {
      return { seq: cur.run.seq, endowment: at(cur.k), steps: cur.k, runs, certifications };
    }
    if (cur.k >= maxSteps) throw new Error(`Add1 did not finish within ${maxSteps} steps`);
    let advanced = false;
    while (!options.noSkip && stride >= 2) {
      const k1 = cur.k + stride;
      certifications++;
      const c = engine.certify(at(k1), cur.run.seq, cur.run.rho, cur.run.tol);
      if (c) {
        cur = { run: { seq: cur.run.seq, rho: c.rho, tol: c.tol, exact: false }, k: k1 };
        stride *= 2;
        advanced = true;
        break;
      }
      stride = Math.floor(stride / 2);
    }
    if (advanced) continue;
    prev = cur;
    runs++;
    cur = { run: engine.run(at(cur.k + 1)), k: cur.k + 1 };
    stride = sameSeq(prev.run.seq, cur.run.seq) ? 2 : 1;
  }
}
