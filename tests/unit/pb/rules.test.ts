import { describe, expect, it } from "vitest";
import { allocate, compile, createElection, Rational, type Election, type RuleName } from "../../../app/lib/pb/index";
import { mesAdd1Reference, mesReference } from "../../../app/lib/pb/mes-reference";
import { MesEngine } from "../../../app/lib/pb/mes-engine";
import { PB_FILES, expectedCases, expectedFor, load, sorted } from "./fixtures";

describe("every fixture through every rule of its expected file", () => {
  for (const f of PB_FILES) {
    const exp = expectedFor(f);
    for (const c of expectedCases(exp)) {
      it(`${f} ${c.key}`, () => {
        const a = allocate(load(f), c.rule, { increment: c.increment, explain: false });
        expect(sorted(a.selected)).toEqual(sorted(c.ids));
        // Stronger than required: the selection order agrees too.
        expect(a.selected).toEqual(c.ids);
        expect(a.cost.le(a.budget)).toBe(true);
      });
    }
  }
});

describe("synthetic tie cases", () => {
  it("greedy: 10 beats 9 because '10' < '9'; empty ballots count in n", () => {
    const e = load("synthetic/tie_greedy.pb");
    expect(compile(e).n).toBe(4);
    expect(allocate(e, "greedy").selected).toEqual(["10", "3"]);
    expect(allocate(e, "mes").selected).toEqual([]);
    expect(allocate(e, "mes-add1").selected).toEqual(["10"]);
    expect(allocate(e, "mes-add1u").selected).toEqual(["10", "3"]);
  });
  it("mes: the exact three-way tie between 2, 11 and 5 gives {11, 5}", () => {
    const e = load("synthetic/tie_mes.pb");
    expect(allocate(e, "mes").selected).toEqual(["11", "5"]);
    expect(allocate(e, "mes-add1").selected).toEqual(["11", "5"]);
  });
});

describe("the fast engine agrees with the literal reference implementation", () => {
  // The reference Add1 runs every step from scratch with rationals: only on the files where that is quick.
  const small = PB_FILES.filter((f) => !/Lodz|Budapest|Warszawa/.test(f));
  for (const f of small) {
    it(f, () => {
      const e = load(f);
      const slowAdd1 = /Krakow/.test(f);
      for (const rule of ["mes", "mes-add1", "mes-add1u"] as RuleName[]) {
        const fast = allocate(e, rule, { explain: false });
        const check =
          rule !== "mes" && slowAdd1 ? allocate(e, rule, { explain: false, noSkip: true }) : allocate(e, rule, { reference: true });
        expect(fast.selected, rule).toEqual(check.selected);
      }
    });
  }

  it("exact mode and float mode give the same runs on the real files", () => {
    for (const f of PB_FILES) {
      const p = compile(load(f));
      const engine = new MesEngine(p);
      const E = p.budget.divInt(p.n);
      for (const k of [0, 7, 100]) {
        const e = E.add(Rational.fromInt(k));
        expect(engine.replay(e).run.seq, `${f} +${k}`).toEqual(engine.run(e).seq);
      }
    }
  });
});

/** Seeded PRNG (mulberry32). */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Small elections built to be full of exact ties: few distinct costs, ids whose string order is not numeric. */
function randomElection(seed: number, maxVoters = 12): { e: Election; increment: string } {
  const r = rng(seed);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const idPool = ["1", "2", "9", "10", "11", "20", "a", "B", "b10"];
  const nP = 2 + Math.floor(r() * 6);
  const ids = [...idPool].sort(() => r() - 0.5).slice(0, nP);
  const costs = ["10", "20", "30", "40", "60", "12.5", "0"];
  const projects = ids.map((id) => ({ id, cost: pick(costs) }));
  const n = 1 + Math.floor(r() * maxVoters);
  const ballots: string[][] = [];
  const patterns: string[][] = [];
  for (let i = 0; i < n; i++) {
    if (patterns.length > 0 && r() < 0.4) ballots.push([...pick(patterns)]);
    else {
      const b = ids.filter(() => r() < 0.45);
      patterns.push(b);
      ballots.push(b);
    }
  }
  return { e: createElection({ budget: pick(["50", "100", "75.5", "120"]), projects, ballots }), increment: pick(["1", "0.5", "7", "1/3"]) };
}

describe("random tie-heavy elections: fast engine = reference, skipping = every step", () => {
  it("300 small elections, all rules", () => {
    for (let seed = 1; seed <= 300; seed++) {
      const { e, increment } = randomElection(seed);
      const p = compile(e);
      const inc = Rational.parse(increment)!;
      const engine = new MesEngine(p);
      const E = p.budget.divInt(p.n);
      const ids = (s: number[]) => s.map((j) => p.ids[j]!);
      expect(ids(engine.run(E).seq), `seed ${seed} mes`).toEqual(ids(mesReference(p, E)));
      const fast = allocate(e, "mes-add1", { increment: inc, explain: false }).selected;
      expect(fast, `seed ${seed} add1`).toEqual(ids(mesAdd1Reference(p, inc)));
      expect(allocate(e, "mes-add1", { increment: inc, explain: false, noSkip: true }).selected, `seed ${seed}`).toEqual(fast);
      expect(allocate(e, "mes-add1u", { increment: inc, explain: false }).selected).toEqual(
        allocate(e, "mes-add1u", { increment: inc, reference: true }).selected,
      );
    }
  });

  it("60 larger elections with a tiny increment (long certified jumps)", () => {
    for (let seed = 1000; seed < 1060; seed++) {
      const { e } = randomElection(seed, 40);
      const inc = Rational.parse("0.01")!;
      const skip = allocate(e, "mes-add1", { increment: inc, explain: false });
      const every = allocate(e, "mes-add1", { increment: inc, explain: false, noSkip: true });
      expect(skip.selected, `seed ${seed}`).toEqual(every.selected);
      expect(skip.add1Steps, `seed ${seed}`).toBe(every.add1Steps);
      expect(skip.endowment!.eq(every.endowment!)).toBe(true);
    }
  });
});

describe("edge cases", () => {
  it("no ballots: greedy still walks, Equal Shares selects nothing", () => {
    const e = createElection({ budget: 100, projects: [{ id: "a", cost: 10 }], ballots: [] });
    expect(allocate(e, "greedy").selected).toEqual(["a"]);
    expect(allocate(e, "mes").selected).toEqual([]);
    expect(allocate(e, "mes-add1").selected).toEqual([]);
  });
  it("rejects a non-positive increment", () => {
    const e = createElection({ budget: 100, projects: [{ id: "a", cost: 10 }], ballots: [["a"]] });
    expect(() => allocate(e, "mes-add1", { increment: 0 })).toThrow(/increment/);
    expect(() => allocate(e, "mes-add1", { increment: "x" })).toThrow(/increment/);
  });
  it("zero-cost projects: greedy and the completion take them, Equal Shares ignores them", () => {
    const e = createElection({
      budget: 10,
      projects: [
        { id: "free", cost: 0 },
        { id: "a", cost: 10 },
      ],
      ballots: [["free", "a"], ["free"]],
    });
    expect(allocate(e, "greedy").selected).toEqual(["free", "a"]);
    expect(allocate(e, "mes").selected).toEqual([]);
    expect(allocate(e, "mes-add1u").selected).toContain("free");
  });
});
