/**
 * The Method of Equal Shares engine (cost utilities), on voter types with typed arrays.
 * Owns: one MES run at a given per-voter endowment, with a float fast path whose every
 * decision is guarded by a tolerance; decisions inside the tolerance (near-ties between the
 * best and runner-up ρ, affordability near the boundary, a voter's budget near the price) are
 * taken exactly ("exact mode", with BigInt rationals); the "ρ never decreases" lazy scan; forced
 * replays of a known selection sequence (for explanations, with exact prices); and the
 * certification run used by Add1 to prove that a whole range of endowments gives the same
 * outcome (see docs/decisions/003-allocation-engine.md).
 *
 * Exact bookkeeping: under MES a voter type's budget after some rounds is exactly
 * max(0, e − Σ q_r) over the rounds r whose project it approves (q_r = that round's price), so
 * exact budgets and sums are integer combinations of e and the exact prices q_r.
 */
import type { Profile } from "./profile";
import { Rational } from "./rational";

/** Relative tolerance of float decisions; see the ADR for the error analysis. */
export const TOL = 1e-9;

export interface MesRun {
  /** Selected project indices, in selection order. */
  seq: number[];
  /** Float ρ (price per unit of utility) of seq[r] at its round. */
  rho: number[];
  /** Tolerance on rho[r]. */
  tol: number[];
  /** True when some decision had to be taken exactly. */
  exact: boolean;
}

export interface ReplayData {
  /** Exact price (max payment per voter) of each round. */
  q: Rational[];
  /** Round in which each type's budget reached exactly 0 (-1: never). */
  zeroRound: Int32Array;
  /** 1 when, in zeroRound, the type paid strictly less than the price. */
  paidLess: Uint8Array;
  /** Round of each project (-1: not selected). */
  roundOf: Int32Array;
  endowment: Rational;
}

export interface EngineStats {
  runs: number;
  exactRuns: number;
  certifications: number;
  failedCertifications: number;
  waterLevels: number;
  /** Single-pass "certainly worse" tests (see worseThan). */
  quickTests: number;
  exactWaterLevels: number;
  fullExactFallbacks: number;
}

const UNAFFORDABLE = 0;
const AFFORDABLE = 1;
const AMBIGUOUS = 2;

export class MesEngine {
  readonly pr: Profile;
  readonly stats: EngineStats = {
    runs: 0,
    exactRuns: 0,
    certifications: 0,
    failedCertifications: 0,
    waterLevels: 0,
    quickTests: 0,
    exactWaterLevels: 0,
    fullExactFallbacks: 0,
  };
  private readonly b: Float64Array;
  private readonly zero: Uint8Array;
  private readonly zeroRound: Int32Array;
  private readonly paidLess: Uint8Array;
  private readonly roundOf: Int32Array;
  private readonly lastRho: Float64Array;
  private readonly lastQ: Float64Array;
  private readonly amb: Uint8Array;
  /** Project whose supporters can all pay cost/W (clear margin): ρ = 1/W exactly. */
  private readonly flat: Uint8Array;
  private readonly alive: Uint8Array;
  private readonly cands: Int32Array;
  private nc = 0;
  private readonly computed: Int32Array;
  private readonly sb: Float64Array;
  private readonly sw: Float64Array;
  private readonly positive: Uint8Array;
  private e = 0;
  private E: Rational = Rational.ZERO;
  private qx: Rational[] = [];
  private exactMode = false;
  private wq = 0;
  private wflat = false;
  private wbound = 0;

  constructor(profile: Profile) {
    this.pr = profile;
    const { T, P } = profile;
    this.b = new Float64Array(T);
    this.zero = new Uint8Array(T);
    this.zeroRound = new Int32Array(T);
    this.paidLess = new Uint8Array(T);
    this.roundOf = new Int32Array(P);
    this.lastRho = new Float64Array(P);
    this.lastQ = new Float64Array(P);
    this.amb = new Uint8Array(P);
    this.flat = new Uint8Array(P);
    this.alive = new Uint8Array(P);
    this.cands = new Int32Array(P);
    this.computed = new Int32Array(P);
    this.sb = new Float64Array(profile.maxK);
    this.sw = new Float64Array(profile.maxK);
    this.positive = Uint8Array.from(profile.costs, (c) => (c.sign() > 0 ? 1 : 0));
  }

  private init(E: Rational, exact: boolean): void {
    const pr = this.pr;
    this.E = E;
    this.e = E.toNumber();
    this.exactMode = exact;
    this.qx = [];
    this.b.fill(this.e);
    this.zero.fill(0);
    this.zeroRound.fill(-1);
    this.paidLess.fill(0);
    this.roundOf.fill(-1);
    this.amb.fill(0);
    this.nc = 0;
    for (let j = 0; j < pr.P; j++) {
      const ok = this.positive[j] === 1 && pr.projWeight[j]! > 0 && this.e > 0;
      this.alive[j] = ok ? 1 : 0;
      if (ok) {
        this.lastRho[j] = 1 / pr.projWeight[j]!;
        this.cands[this.nc++] = j;
      }
    }
    this.sortCands();
  }

  /** Insertion sort of the live candidates by (last ρ, id rank); drops dead ones. */
  private sortCands(): void {
    const { cands, lastRho, alive } = this;
    const idRank = this.pr.idRank;
    let k = 0;
    for (let i = 0; i < this.nc; i++) {
      const c = cands[i]!;
      if (alive[c]) cands[k++] = c;
    }
    this.nc = k;
    for (let i = 1; i < k; i++) {
      const c = cands[i]!;
      const r = lastRho[c]!;
      const ir = idRank[c]!;
      let j = i - 1;
      while (j >= 0) {
        const d = cands[j]!;
        const rd = lastRho[d]!;
        if (rd > r || (rd === r && idRank[d]! > ir)) {
          cands[j + 1] = d;
          j--;
        } else break;
      }
      cands[j + 1] = c;
    }
  }

  private tolRho(c: number, rho: number): number {
    return TOL * (rho + this.e / this.pr.costF[c]!);
  }

  /** Bound used to stop a lazy scan: candidates whose last ρ exceeds it cannot compete with `r`. */
  private scanBound(r: number): number {
    return r * (1 + 4 * TOL) + (4 * TOL * this.e) / this.pr.minPositiveCost;
  }

  /**
   * Float water level of project c for the current budgets: q with Σ w·min(b, q) = cost.
   * Returns UNAFFORDABLE, AFFORDABLE, or AMBIGUOUS (sum of budgets within tolerance of the
   * cost); sets this.wq. With sumOnly, stops after the affordability test.
   */
  private water(c: number, sumOnly = false): number {
    this.stats.waterLevels++;
    const pr = this.pr;
    const { b, sb, sw } = this;
    const w = pr.typeWeight;
    const types = pr.projTypes;
    const start = pr.projStart[c]!;
    const end = pr.projStart[c + 1]!;
    const cost = pr.costF[c]!;
    const W = pr.projWeight[c]!;
    let sum = 0;
    let minb = Infinity;
    let maxb = 0;
    for (let i = start; i < end; i++) {
      const t = types[i]!;
      const bt = b[t]!;
      sum += w[t]! * bt;
      if (bt < minb) minb = bt;
      if (bt > maxb) maxb = bt;
    }
    this.wflat = false;
    const tolA = TOL * (cost + W * this.e);
    if (sum < cost - tolA) return UNAFFORDABLE;
    const status = sum <= cost + tolA ? AMBIGUOUS : AFFORDABLE;
    if (sumOnly) return status;
    let q = cost / W;
    if (q <= minb) {
      this.wq = q;
      this.wflat = q < minb - TOL * this.e;
      return status;
    }
    let sumF = 0;
    let WF = 0;
    let len = 0;
    for (let i = start; i < end; i++) {
      const t = types[i]!;
      const bt = b[t]!;
      if (bt < q) {
        sumF += w[t]! * bt;
        WF += w[t]!;
      } else {
        sb[len] = bt;
        sw[len] = w[t]!;
        len++;
      }
    }
    for (;;) {
      const rest = W - WF;
      if (rest <= 0 || len === 0) {
        q = maxb;
        break;
      }
      const q2 = (cost - sumF) / rest;
      let k = 0;
      for (let j = 0; j < len; j++) {
        const bj = sb[j]!;
        if (bj < q2) {
          sumF += sw[j]! * bj;
          WF += sw[j]!;
        } else {
          sb[k] = bj;
          sw[k] = sw[j]!;
          k++;
        }
      }
      q = q2;
      if (k === len) break;
      len = k;
    }
    this.wq = q;
    return status;
  }

  /**
   * One pass instead of a water level: is c's price per unit certainly above `rhoBound`?
   * Returns UNAFFORDABLE, AFFORDABLE (= certainly worse: its supporters cannot cover the cost
   * when each pays at most rhoBound·cost), or AMBIGUOUS (undecided: compute the water level).
   * When AFFORDABLE, this.wbound is the best lower bound of ρ proven by the same pass (probes
   * at 1, 1.25, 1.6 and 2.5 times rhoBound), so the candidate is not re-examined too soon.
   */
  private worseThan(c: number, rhoBound: number): number {
    this.stats.quickTests++;
    const pr = this.pr;
    const b = this.b;
    const w = pr.typeWeight;
    const types = pr.projTypes;
    const cost = pr.costF[c]!;
    const q1 = rhoBound * cost;
    const q2 = q1 * 1.25;
    const q3 = q1 * 1.6;
    const q4 = q1 * 2.5;
    let sum = 0;
    let c1 = 0;
    let c2 = 0;
    let c3 = 0;
    let c4 = 0;
    for (let i = pr.projStart[c]!; i < pr.projStart[c + 1]!; i++) {
      const t = types[i]!;
      const bt = b[t]!;
      const wt = w[t]!;
      sum += wt * bt;
      c1 += wt * (bt < q1 ? bt : q1);
      c2 += wt * (bt < q2 ? bt : q2);
      c3 += wt * (bt < q3 ? bt : q3);
      c4 += wt * (bt < q4 ? bt : q4);
    }
    const tolA = TOL * (cost + pr.projWeight[c]! * this.e);
    if (sum < cost - tolA) return UNAFFORDABLE;
    if (sum > cost + tolA && c1 < cost - tolA) {
      const lim = cost - tolA;
      this.wbound = c4 < lim ? q4 / cost : c3 < lim ? q3 / cost : c2 < lim ? q2 / cost : rhoBound;
      return AFFORDABLE;
    }
    return AMBIGUOUS;
  }

  /** Smallest ρ that is certainly not a near-tie of a best candidate (ρ = r, tolerance tb). */
  private notNear(c: number, r: number, tb: number): number {
    return (r + tb + (TOL * this.e) / this.pr.costF[c]!) / (1 - TOL) * (1 + TOL);
  }

  /** Float payment of project c at price q (exact classification in exact mode). */
  private pay(c: number, q: number, qExact: Rational | null, round: number): void {
    const pr = this.pr;
    const { b, zero } = this;
    const types = pr.projTypes;
    const end = pr.projStart[c + 1]!;
    if (!this.exactMode || qExact === null) {
      for (let i = pr.projStart[c]!; i < end; i++) {
        const t = types[i]!;
        const bt = b[t]!;
        b[t] = bt > q ? bt - q : 0;
      }
    } else {
      const tolQ = TOL * this.e;
      for (let i = pr.projStart[c]!; i < end; i++) {
        const t = types[i]!;
        if (zero[t]) continue;
        const bt = b[t]!;
        if (bt < q - tolQ) {
          zero[t] = 1;
          this.zeroRound[t] = round;
          this.paidLess[t] = 1;
          b[t] = 0;
        } else if (bt > q + tolQ) {
          b[t] = bt - q;
        } else {
          const bx = this.exactBudget(t);
          const cmp = bx.cmp(qExact);
          if (cmp <= 0) {
            zero[t] = 1;
            this.zeroRound[t] = round;
            this.paidLess[t] = cmp < 0 ? 1 : 0;
            b[t] = 0;
          } else {
            b[t] = bx.sub(qExact).toNumber();
          }
        }
      }
    }
    this.roundOf[c] = round;
    this.alive[c] = 0;
  }

  // ---------------------------------------------------------------- exact helpers

  /** Exact current budget of type t (exact mode only). */
  private exactBudget(t: number): Rational {
    if (this.zero[t]) return Rational.ZERO;
    const pr = this.pr;
    let s = this.E;
    for (let i = pr.typeStart[t]!; i < pr.typeStart[t + 1]!; i++) {
      const r = this.roundOf[pr.typeProj[i]!]!;
      if (r >= 0) s = s.sub(this.qx[r]!);
    }
    return s;
  }

  /** coefE·E − Σ coef[r]·q_r, exactly. */
  private combo(coefE: number, coef: Float64Array): Rational {
    let acc = this.E.mulInt(BigInt(coefE));
    for (let r = 0; r < coef.length; r++) {
      const k = coef[r]!;
      if (k !== 0) acc = acc.sub(this.qx[r]!.mulInt(BigInt(k)));
    }
    return acc;
  }

  /**
   * Exact water level of c for the current budgets (exact mode), guided by the float level
   * qGuide: returns the exact price, or null when c is not affordable.
   */
  private exactWater(c: number, qGuide: number): Rational | null {
    this.stats.exactWaterLevels++;
    const pr = this.pr;
    const m = this.qx.length;
    const coefAll = new Float64Array(m);
    const coefF = new Float64Array(m);
    let eAll = 0;
    let eF = 0;
    let WF = 0;
    const amb: number[] = [];
    const tolQ = TOL * this.e;
    const costX = pr.costs[c]!;
    const W = pr.projWeight[c]!;
    let maxb = 0;
    for (let i = pr.projStart[c]!; i < pr.projStart[c + 1]!; i++) {
      const t = pr.projTypes[i]!;
      const w = pr.typeWeight[t]!;
      if (this.zero[t]) {
        WF += w;
        continue;
      }
      const bt = this.b[t]!;
      if (bt > maxb) maxb = bt;
      const inF = bt < qGuide - tolQ;
      const ambiguous = !inF && bt <= qGuide + tolQ;
      eAll += w;
      if (inF) {
        eF += w;
        WF += w;
      }
      for (let k = pr.typeStart[t]!; k < pr.typeStart[t + 1]!; k++) {
        const r = this.roundOf[pr.typeProj[k]!]!;
        if (r >= 0) {
          coefAll[r]! += w;
          if (inF) coefF[r]! += w;
        }
      }
      if (ambiguous) amb.push(t);
    }
    const total = this.combo(eAll, coefAll);
    const cmpTotal = total.cmp(costX);
    if (cmpTotal < 0) return null;
    if (cmpTotal === 0) {
      // Everybody pays everything: the walk stops at the richest supporter.
      let best = Rational.ZERO;
      for (let i = pr.projStart[c]!; i < pr.projStart[c + 1]!; i++) {
        const t = pr.projTypes[i]!;
        if (!this.zero[t] && this.b[t]! >= maxb - tolQ) best = Rational.max(best, this.exactBudget(t));
      }
      return best;
    }
    let acc = this.combo(eF, coefF);
    let Wacc = WF;
    const A = amb.map((t) => ({ t, w: pr.typeWeight[t]!, bx: this.exactBudget(t) })).sort((x, y) => x.bx.cmp(y.bx));
    for (let j = 0; j <= A.length; j++) {
      const rest = W - Wacc;
      if (rest > 0) {
        const qj = costX.sub(acc).divInt(BigInt(rest));
        const lowOK = j === 0 || A[j - 1]!.bx.le(qj);
        const highOK = j === A.length || A[j]!.bx.ge(qj);
        if (lowOK && highOK && Math.abs(qj.toNumber() - qGuide) <= tolQ / 2) return qj;
      }
      if (j < A.length) {
        acc = acc.add(A[j]!.bx.mulInt(BigInt(A[j]!.w)));
        Wacc += A[j]!.w;
      }
    }
    return this.exactWaterFull(c);
  }

  /** Exact water level by the README walk on exact budgets (fallback, slow). */
  private exactWaterFull(c: number): Rational | null {
    this.stats.fullExactFallbacks++;
    const pr = this.pr;
    const xs: { bx: Rational; w: number }[] = [];
    let total = Rational.ZERO;
    let k = 0;
    for (let i = pr.projStart[c]!; i < pr.projStart[c + 1]!; i++) {
      const t = pr.projTypes[i]!;
      const bx = this.exactBudget(t);
      const w = pr.typeWeight[t]!;
      xs.push({ bx, w });
      total = total.add(bx.mulInt(BigInt(w)));
      k += w;
    }
    const cost = pr.costs[c]!;
    if (total.lt(cost)) return null;
    xs.sort((x, y) => x.bx.cmp(y.bx));
    let paid = Rational.ZERO;
    for (const { bx, w } of xs) {
      // w voters with the same budget: if the first pays fully, all of them do.
      const maxPay = cost.sub(paid).divInt(BigInt(k));
      if (maxPay.gt(bx)) {
        paid = paid.add(bx.mulInt(BigInt(w)));
        k -= w;
      } else return maxPay;
    }
    return xs.length ? xs[xs.length - 1]!.bx : Rational.ZERO;
  }

  // ---------------------------------------------------------------- runs

  /**
   * One MES run at per-voter endowment E. Float decisions; when one falls within tolerance,
   * the run is repeated in exact mode (unless `exact` already). Returns the selection order.
   */
  run(E: Rational, exact = false): MesRun {
    this.stats.runs++;
    if (E.sign() <= 0) return { seq: [], rho: [], tol: [], exact };
    const res = this.runMode(E, exact);
    if (res) return res;
    this.stats.exactRuns++;
    return this.runMode(E, true)!;
  }

  /** Replays run(E) in exact mode and returns the exact prices and payment records. */
  replay(E: Rational): { run: MesRun; data: ReplayData } {
    const run = E.sign() <= 0 ? { seq: [], rho: [], tol: [], exact: true } : this.runMode(E, true)!;
    return {
      run,
      data: {
        q: this.qx.slice(),
        zeroRound: this.zeroRound.slice(),
        paidLess: this.paidLess.slice(),
        roundOf: this.roundOf.slice(),
        endowment: E,
      },
    };
  }

  private runMode(E: Rational, exact: boolean): MesRun | null {
    this.init(E, exact);
    const pr = this.pr;
    const { lastRho, lastQ, alive, cands, computed, amb } = this;
    const idRank = pr.idRank;
    const seq: number[] = [];
    const rho: number[] = [];
    const tol: number[] = [];
    let usedExact = false;
    for (let round = 0; ; round++) {
      let chosen = -1;
      let qExact: Rational | null = null;
      for (;;) {
        // Lazy scan in order of last round's ρ (a lower bound of this round's ρ).
        let best = -1;
        let bestR = Infinity;
        let bound = Infinity;
        let nComputed = 0;
        for (let i = 0; i < this.nc; i++) {
          const c = cands[i]!;
          if (!alive[c]) continue;
          if (lastRho[c]! > bound) break;
          if (best >= 0) {
            // Cheap test first: certainly worse than the best so far (and not a near-tie)?
            const nn = this.notNear(c, bestR, this.tolRho(best, bestR));
            const quick = this.worseThan(c, nn);
            if (quick === UNAFFORDABLE) {
              alive[c] = 0;
              continue;
            }
            if (quick === AFFORDABLE) {
              if (lastRho[c]! < this.wbound) lastRho[c] = this.wbound;
              continue;
            }
          }
          const st = this.water(c);
          if (st === UNAFFORDABLE) {
            alive[c] = 0;
            continue;
          }
          const r = this.wq / pr.costF[c]!;
          lastRho[c] = r;
          lastQ[c] = this.wq;
          amb[c] = st === AMBIGUOUS ? 1 : 0;
          this.flat[c] = this.wflat ? 1 : 0;
          computed[nComputed++] = c;
          if (r < bestR || (r === bestR && idRank[c]! < idRank[best]!)) {
            best = c;
            bestR = r;
            bound = this.scanBound(r);
          }
        }
        if (best < 0) {
          this.sortCands();
          return { seq, rho, tol, exact: usedExact };
        }
        const near: number[] = [];
        const tb = this.tolRho(best, bestR);
        for (let i = 0; i < nComputed; i++) {
          const c = computed[i]!;
          if (c !== best && lastRho[c]! - bestR <= tb + this.tolRho(c, lastRho[c]!)) near.push(c);
        }
        if (near.length === 0 && !amb[best]) {
          chosen = best;
          break;
        }
        if (!amb[best] && this.flat[best] && near.every((c) => this.flat[c] && !amb[c])) {
          // Every supporter pays cost/W on all sides: ρ = 1/W exactly, decided on integers.
          chosen = best;
          for (const c of near) {
            const wc = pr.projWeight[c]!;
            const wb = pr.projWeight[chosen]!;
            if (wc > wb || (wc === wb && idRank[c]! < idRank[chosen]!)) chosen = c;
          }
          break;
        }
        if (!exact) return null;
        usedExact = true;
        // Decide exactly among the best and its near-ties.
        let dropped = false;
        let win = -1;
        let winQ: Rational | null = null;
        for (const c of [best, ...near]) {
          const qc = this.exactWater(c, lastQ[c]!);
          if (qc === null) {
            alive[c] = 0;
            dropped = true;
            continue;
          }
          if (win < 0) {
            win = c;
            winQ = qc;
            continue;
          }
          // ρ_c < ρ_win  ⇔  q_c · cost_win < q_win · cost_c
          const cmp = qc.mul(pr.costs[win]!).cmp(winQ!.mul(pr.costs[c]!));
          if (cmp < 0 || (cmp === 0 && idRank[c]! < idRank[win]!)) {
            win = c;
            winQ = qc;
          }
        }
        if (dropped) {
          this.sortCands();
          continue;
        }
        chosen = win;
        qExact = winQ;
        break;
      }
      if (exact && qExact === null) {
        qExact = this.exactWater(chosen, lastQ[chosen]!);
        if (qExact === null) throw new Error("MES engine: chosen project not affordable in exact mode");
      }
      seq.push(chosen);
      rho.push(lastRho[chosen]!);
      tol.push(this.tolRho(chosen, lastRho[chosen]!));
      this.pay(chosen, lastQ[chosen]!, qExact, round);
      if (exact) this.qx.push(qExact!);
      this.sortCands();
    }
  }

  /**
   * Certification for Add1: given the outcome `seq` at endowment E0 with its float ρ and
   * tolerances, checks at E1 > E0 that every other candidate is strictly worse than seq[r]
   * was at E0 (or unaffordable) in every round, and that nothing is affordable at the end.
   * Budgets along a fixed sequence grow with the endowment and ρ falls with budgets, so this
   * proves that every endowment in [E0, E1] gives the outcome `seq`. Returns the float ρ and
   * tolerances at E1, or null when the check fails.
   */
  certify(E1: Rational, seq: readonly number[], rhoStar: readonly number[], tolStar: readonly number[]): { rho: number[]; tol: number[] } | null {
    this.stats.certifications++;
    this.init(E1, false);
    const pr = this.pr;
    const { lastRho, alive, cands } = this;
    const rho: number[] = [];
    const tol: number[] = [];
    const fail = () => {
      this.stats.failedCertifications++;
      return null;
    };
    for (let r = 0; r < seq.length; r++) {
      const s = seq[r]!;
      if (!alive[s]) return fail();
      if (this.water(s) !== AFFORDABLE) return fail();
      const qS = this.wq;
      const rhoS = qS / pr.costF[s]!;
      lastRho[s] = rhoS;
      const T = rhoStar[r]! + tolStar[r]!;
      const bound = this.scanBound(T);
      for (let i = 0; i < this.nc; i++) {
        const c = cands[i]!;
        if (c === s || !alive[c]) continue;
        if (lastRho[c]! > bound) break;
        const nn = (T + (TOL * this.e) / pr.costF[c]!) / (1 - TOL) * (1 + TOL);
        const quick = this.worseThan(c, nn);
        if (quick === UNAFFORDABLE) {
          alive[c] = 0;
          continue;
        }
        if (quick === AFFORDABLE) {
          if (lastRho[c]! < this.wbound) lastRho[c] = this.wbound;
          continue;
        }
        const st = this.water(c);
        if (st === UNAFFORDABLE) {
          alive[c] = 0;
          continue;
        }
        if (st === AMBIGUOUS) return fail();
        const rc = this.wq / pr.costF[c]!;
        lastRho[c] = rc;
        if (rc - this.tolRho(c, rc) <= T) return fail();
      }
      rho.push(rhoS);
      tol.push(this.tolRho(s, rhoS));
      this.pay(s, qS, null, r);
      this.sortCands();
    }
    for (let i = 0; i < this.nc; i++) {
      const c = cands[i]!;
      if (alive[c] && this.water(c, true) !== UNAFFORDABLE) return fail();
    }
    return { rho, tol };
  }
}
