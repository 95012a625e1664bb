/**
 * Margins of projects left out (app/lib/pb/margins.ts), checked by applying them and
 * recomputing with the same rule: the margin's extra ballots (or cost reduction) fund the
 * project, one ballot (or one unit) less does not; closed forms (greedy, mes cost) agree with
 * a brute-force scan; the minimum number of approvals is honoured everywhere.
 */
import { describe, expect, it } from "vitest";
import { allocate, createElection, projectMargins, Rational, RULES, type Election, type RuleName } from "../../../app/lib/pb/index";
import { load as loadFixture } from "./fixtures";

function withCost(e: Election, id: string, cost: Rational): Election {
  return { ...e, projects: e.projects.map((p) => (p.id === id ? { ...p, cost } : p)) };
}
function withSupporters(e: Election, id: string, k: number): Election {
  return { ...e, ballots: [...e.ballots, ...Array.from({ length: k }, (_, i) => ({ voterId: `x${i}`, vote: [id], fields: {} }))] };
}
const funds = (e: Election, rule: RuleName, id: string, minApprovals = 0) => allocate(e, rule, { explain: false, minApprovals }).selected.includes(id);

/** Applies every margin and recomputes: margin funds it, one less does not. */
function checkMargins(e: Election, rule: RuleName, minApprovals = 0, unit = Rational.ONE) {
  const a = allocate(e, rule, { minApprovals });
  const margins = projectMargins(e, rule, { minApprovals, unit, allocation: a });
  const left = e.projects.filter((p) => !a.selected.includes(p.id));
  expect([...margins.keys()].sort()).toEqual(left.map((p) => p.id).sort());
  let checked = 0;
  for (const p of left) {
    const m = margins.get(p.id)!;
    if (m.approvals !== null) {
      expect(funds(withSupporters(e, p.id, m.approvals), rule, p.id, minApprovals), `${rule} ${p.id} +${m.approvals}`).toBe(true);
      expect(funds(withSupporters(e, p.id, m.approvals - 1), rule, p.id, minApprovals), `${rule} ${p.id} +${m.approvals - 1}`).toBe(false);
      checked++;
    }
    if (m.cost !== null) {
      expect(funds(withCost(e, p.id, p.cost.sub(m.cost)), rule, p.id, minApprovals), `${rule} ${p.id} −${m.cost}`).toBe(true);
      expect(funds(withCost(e, p.id, p.cost.sub(m.cost).add(unit)), rule, p.id, minApprovals), `${rule} ${p.id} −${m.cost} + 1 unit`).toBe(false);
      checked++;
    }
  }
  return { margins, checked };
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomElection(seed: number): Election {
  const r = rng(seed);
  const P = 3 + Math.floor(r() * 5);
  const projects = Array.from({ length: P }, (_, i) => ({ id: String(i + 1), cost: 1 + Math.floor(r() * 30) }));
  const n = 4 + Math.floor(r() * 25);
  const ballots = Array.from({ length: n }, () => projects.filter(() => r() < 0.35).map((p) => p.id));
  const total = projects.reduce((s, p) => s + p.cost, 0);
  return createElection({ budget: Math.max(5, Math.floor(total * (0.3 + r() * 0.4))), projects, ballots });
}

describe("margins on Toulouse 2022 (greedy, as declared in the file)", () => {
  const e = loadFixture("France_Toulouse_2022_8_-_Minimes_Barriere_de_Paris_Ponts-Jumeaux_La_Vache_Raisins_Fondeyre.pb");
  for (const rule of RULES) {
    it(`${rule}: each margin funds the project, one less does not`, () => {
      const { margins, checked } = checkMargins(e, rule, 1);
      expect(margins.size).toBeGreaterThan(0);
      expect(checked).toBeGreaterThan(0);
      for (const m of margins.values()) {
        if (rule === "greedy") expect(m.method).toEqual({ approvals: "exact", cost: "exact" });
        if (rule !== "greedy") expect(m.effectiveSupport, m.projectId).toBeDefined();
      }
    });
  }

  it("greedy: the cost margin is what was missing at its turn (worked example)", () => {
    const m = projectMargins(e, "greedy", { minApprovals: 1 }).get("75")!;
    // 75 (43 votes, 60,000 €) comes after 71, 77, 72, 76 (380,000 € spent) and 79 (too big): 20,000 € left
    expect(m.cost!.toString()).toBe("40000");
    // it must overtake 76 (58 votes, id "76" > "75": 58 − 43 = 15 more votes) for 100,000 € to be left
    expect(m.approvals).toBe(15);
  });
});

describe("margins on random elections", () => {
  const seeds = Array.from({ length: 40 }, (_, i) => 1000 + i);

  it("greedy and mes closed forms equal a brute-force scan", () => {
    for (const seed of seeds) {
      const e = randomElection(seed);
      for (const rule of ["greedy", "mes"] as const) {
        const a = allocate(e, rule, { explain: true });
        const margins = projectMargins(e, rule, { allocation: a, unit: Rational.ONE });
        for (const [id, m] of margins) {
          const p = e.projects.find((x) => x.id === id)!;
          // brute force: the largest whole cost that funds it
          let best: number | null = null;
          for (let c = p.cost.toNumber() - 1; c >= (rule === "mes" ? 1 : 0); c--) {
            if (funds(withCost(e, id, Rational.fromInt(c)), rule, id)) {
              best = c;
              break;
            }
          }
          expect(m.cost === null ? null : p.cost.sub(m.cost).toNumber(), `seed ${seed} ${rule} ${id} cost`).toBe(best);
          if (rule === "greedy") {
            let k = 1;
            while (k <= 200 && !funds(withSupporters(e, id, k), rule, id)) k++;
            expect(m.approvals, `seed ${seed} ${rule} ${id} approvals`).toBe(k > 200 ? null : k);
          }
        }
      }
    }
  });

  it("every rule: margins checked on both sides", () => {
    let total = 0;
    for (const seed of seeds.slice(0, 25)) {
      const e = randomElection(seed);
      for (const rule of RULES) total += checkMargins(e, rule).checked;
    }
    expect(total).toBeGreaterThan(100);
  });

  it("a minimum number of approvals: the project below it needs to reach it", () => {
    const e = createElection({
      budget: 100,
      projects: [
        { id: "a", cost: 40 },
        { id: "b", cost: 30 },
        { id: "c", cost: 10 },
      ],
      ballots: [["a"], ["a", "b"], ["a", "b"], ["c"], []],
    });
    for (const rule of RULES) {
      // c fits and would be funded by everyone, but it has 1 vote and the rules ask for 2
      expect(allocate(e, rule, { minApprovals: 2 }).selected).not.toContain("c");
      const m = projectMargins(e, rule, { minApprovals: 2 }).get("c")!;
      expect(m.approvals, rule).toBe(1);
      expect(m.cost, rule).toBeNull();
      checkMargins(e, rule, 2);
    }
    // and its explanation says so
    const x = allocate(e, "greedy", { minApprovals: 2 }).explanations!.find((y) => y.projectId === "c")!;
    expect(x.kind).toBe("below-minimum");
  });
});
