import { describe, expect, it } from "vitest";
import {
  Rational,
  allocate,
  compile,
  createElection,
  formatMoney,
  ordinal,
  renderExplanation,
  type MesFundedExplanation,
  type MesNotFundedExplanation,
  type GreedyExplanation,
  type ProjectExplanation,
} from "../../../app/lib/pb/index";
import { PB_FILES, load } from "./fixtures";

const R = (x: string) => Rational.parse(x)!;
const NBSP = "\u00a0";
const NNBSP = "\u202f";

const funded = (over: Partial<MesFundedExplanation> = {}): MesFundedExplanation => ({
  kind: "mes-funded",
  projectId: "L1",
  cost: R("49938"),
  approvals: 812,
  funded: true,
  round: 3,
  maxPayment: R("61.5"),
  paidMax: 812,
  paidLess: 0,
  lessTotal: Rational.ZERO,
  paidNothing: 0,
  ...over,
});
const notFunded = (over: Partial<MesNotFundedExplanation> = {}): MesNotFundedExplanation => ({
  kind: "mes-not-funded",
  projectId: "L2",
  cost: R("45000"),
  approvals: 230,
  funded: false,
  reason: "too-expensive",
  leftover: R("9800"),
  spentOn: [],
  destinationCount: 0,
  ...over,
});
const greedy = (over: Partial<GreedyExplanation> = {}): GreedyExplanation => ({
  kind: "greedy",
  projectId: "7",
  cost: R("45000"),
  approvals: 1234,
  funded: true,
  rank: 3,
  moneyLeft: R("150000"),
  fit: true,
  ...over,
});
const fr = (x: ProjectExplanation, currency?: string) => renderExplanation(x, { lang: "fr", ...(currency ? { currency } : {}) });
const en = (x: ProjectExplanation, currency?: string) => renderExplanation(x, { lang: "en", ...(currency ? { currency } : {}) });

describe("sentences (the issue's examples)", () => {
  it("funded in round 3, everybody paid the same", () => {
    expect(fr(funded())).toBe(`Financé au 3e tour${NBSP}: ses 812 soutiens ont payé 61,50${NBSP}€ chacun.`);
    expect(en(funded())).toBe("Funded in round 3: its 812 supporters paid €61.50 each.");
  });
  it("not funded: what its supporters had left against its cost", () => {
    expect(en(notFunded())).toBe("Not funded: its supporters had €9,800 left between them; it costs €45,000.");
    expect(fr(notFunded())).toBe(
      `Non financé${NBSP}: ses soutiens n’avaient plus que 9${NNBSP}800${NBSP}€ à eux tous${NBSP}; il coûte 45${NNBSP}000${NBSP}€.`,
    );
  });
});

describe("sentences (variants)", () => {
  it("some supporters paid less, some had nothing left", () => {
    const x = funded({ round: 1, paidMax: 700, paidLess: 100, paidNothing: 12 });
    expect(fr(x)).toBe(
      `Financé au 1er tour${NBSP}: 700 de ses 812 soutiens ont payé 61,50${NBSP}€ chacun, les 112 autres ont payé moins car il leur restait moins (12 n’avaient plus rien).`,
    );
    expect(en(x)).toBe(
      "Funded in round 1: 700 of its 812 supporters paid €61.50 each; the other 112 paid less because they had less left (12 had nothing left).",
    );
    const one = funded({ paidMax: 811, paidLess: 1 });
    expect(en(one)).toBe("Funded in round 3: 811 of its 812 supporters paid €61.50 each; the other one paid less because they had less left.");
    expect(fr(one)).toContain("l’autre a payé moins car il lui restait moins.");
  });
  it("a single supporter", () => {
    const x = funded({ approvals: 1, paidMax: 1, maxPayment: R("1234.5") });
    expect(en(x)).toBe("Funded in round 3: its only supporter paid €1,234.50.");
    expect(fr(x)).toBe(`Financé au 3e tour${NBSP}: son unique soutien a payé 1${NNBSP}234,50${NBSP}€.`);
  });
  it("where the money went", () => {
    const x = notFunded({
      spentOn: [
        { projectId: "L010", amount: R("12000") },
        { projectId: "L126", amount: R("8000.456") },
      ],
      destinationCount: 5,
    });
    expect(en(x)).toBe(
      "Not funded: its supporters had €9,800 left between them; it costs €45,000; their money went mostly to projects L010 (€12,000) and L126 (€8,000.46).",
    );
    expect(fr(x)).toBe(
      `Non financé${NBSP}: ses soutiens n’avaient plus que 9${NNBSP}800${NBSP}€ à eux tous${NBSP}; il coûte 45${NNBSP}000${NBSP}€${NBSP}; leur argent est allé surtout aux projets L010 (12${NNBSP}000${NBSP}€) et L126 (8${NNBSP}000,46${NBSP}€).`,
    );
    const single = notFunded({ spentOn: [{ projectId: "9", amount: R("60") }], destinationCount: 1 });
    expect(en(single)).toBe("Not funded: its supporters had €9,800 left between them; it costs €45,000; their money went to project 9 (€60).");
    const labelled = renderExplanation(single, { lang: "en", label: (d) => `“${d.projectId}”` });
    expect(labelled).toContain("went to project “9” (€60)");
  });
  it("no supporters, completion step, greedy", () => {
    expect(en(notFunded({ reason: "no-supporters", approvals: 0 }))).toBe("Not funded: nobody voted for it.");
    expect(fr(notFunded({ reason: "no-supporters", approvals: 0 }))).toBe(`Non financé${NBSP}: personne ne l’a soutenu.`);
    const late = notFunded({ completion: { rank: 4, moneyLeft: R("7988") } });
    expect(en(late)).toMatch(/; it did not fit in the remaining budget either \(€7,988 left\)\.$/);
    const added: GreedyExplanation = greedy({ kind: "completion", rank: 40, approvals: 2551, moneyLeft: R("126988"), cost: R("119000") });
    expect(en(added)).toBe("Added in the completion step: ranked 40th with 2,551 votes; €126,988 was left and it costs €119,000.");
    expect(fr(added)).toBe(
      `Ajouté lors de la complétion${NBSP}: classé 40e avec 2${NNBSP}551 voix${NBSP}; il restait 126${NNBSP}988${NBSP}€ et il coûte 119${NNBSP}000${NBSP}€.`,
    );
    expect(en(greedy())).toBe("Funded: ranked 3rd with 1,234 votes; €150,000 was left when its turn came and it costs €45,000.");
    expect(fr(greedy({ fit: false, funded: false, rank: 1, approvals: 1, moneyLeft: R("40000.5") }))).toBe(
      `Non financé${NBSP}: classé 1er avec 1 voix${NBSP}; il ne restait que 40${NNBSP}000,50${NBSP}€ à son tour et il coûte 45${NNBSP}000${NBSP}€.`,
    );
    expect(en(greedy({ approvals: 1 }))).toContain("with 1 vote;");
  });
  it("currency and unit are parameters", () => {
    expect(en(funded(), "PLN")).toBe(`Funded in round 3: its 812 supporters paid PLN${NBSP}61.50 each.`);
    expect(fr(funded(), "PLN")).toBe(`Financé au 3e tour${NBSP}: ses 812 soutiens ont payé 61,50${NBSP}PLN chacun.`);
    expect(formatMoney(R("1500"), "en", "points")).toBe(`1,500${NBSP}points`);
    expect(formatMoney(R("1/3"), "fr")).toBe(`0,33${NBSP}€`);
    expect(formatMoney(R("2.999"), "en")).toBe("€3");
  });
  it("ordinals", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map((n) => ordinal(n, "en"))).toEqual([
      "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st",
    ]);
    expect([1, 2, 3, 10].map((n) => ordinal(n, "fr"))).toEqual(["1er", "2e", "3e", "10e"]);
  });
});

/** Independent exact simulation of the payments along a selection order (README rule, rationals). */
function simulate(file: string, seq: string[], E: Rational) {
  const e = load(file);
  const p = compile(e);
  const budgets = new Map<number, Rational>();
  const paid = new Map<string, Map<number, Rational>>(); // project -> voter -> amount
  e.ballots.forEach((_, v) => budgets.set(v, E));
  const supporters = (id: string) => e.ballots.flatMap((b, v) => (b.vote.includes(id) ? [v] : []));
  for (const id of seq) {
    const cost = p.costs[p.index.get(id)!]!;
    const vs = supporters(id).sort((a, b) => budgets.get(a)!.cmp(budgets.get(b)!));
    let k = vs.length;
    let acc = Rational.ZERO;
    let q = Rational.ZERO;
    for (const v of vs) {
      q = cost.sub(acc).divInt(k);
      if (q.gt(budgets.get(v)!)) {
        acc = acc.add(budgets.get(v)!);
        k--;
      } else break;
    }
    const m = new Map<number, Rational>();
    for (const v of vs) {
      const b = budgets.get(v)!;
      const pay = Rational.min(b, q);
      m.set(v, pay);
      budgets.set(v, b.sub(pay));
    }
    paid.set(id, m);
  }
  return { budgets, paid, supporters };
}

describe("explanation data", () => {
  it("covers every project once; payments add up to the cost exactly; leftovers are below the cost", () => {
    for (const f of PB_FILES.filter((x) => !/Budapest/.test(x))) {
      const e = load(f);
      for (const rule of ["greedy", "mes", "mes-add1", "mes-add1u"] as const) {
        const a = allocate(e, rule);
        const xs = a.explanations!;
        expect(xs.map((x) => x.projectId).sort(), `${f} ${rule}`).toEqual(e.projects.map((p) => p.id).sort());
        expect(xs.filter((x) => x.funded).map((x) => x.projectId), `${f} ${rule}`).toEqual(a.selected);
        for (const x of xs) {
          if (x.kind === "mes-funded") {
            expect(x.paidMax + x.paidLess + x.paidNothing).toBe(x.approvals);
            expect(x.maxPayment.mulInt(x.paidMax).add(x.lessTotal).eq(x.cost), `${f} ${rule} ${x.projectId}`).toBe(true);
          } else if (x.kind === "mes-not-funded" && x.reason === "too-expensive") {
            expect(x.leftover.lt(x.cost), `${f} ${rule} ${x.projectId}`).toBe(true);
          } else if (x.kind === "greedy" || x.kind === "completion") {
            expect(x.cost.le(x.moneyLeft)).toBe(x.fit);
          }
          expect(renderExplanation(x, { lang: "fr" })).toMatch(/^(Financé|Non financé|Ajouté)/);
          expect(renderExplanation(x, { lang: "en" })).toMatch(/^(Funded|Not funded|Added)/);
        }
        if (rule === "mes-add1u") {
          expect(xs.filter((x) => x.kind === "completion").map((x) => x.projectId)).toEqual(a.completion);
        }
      }
    }
  });

  it("agrees with an independent exact simulation of the payments", () => {
    for (const f of ["Netherlands_Assen_2024.pb", "Poland_Czestochowa_2024_Mirow.pb", "synthetic/tie_mes.pb", "synthetic/tie_greedy.pb"]) {
      for (const rule of ["mes", "mes-add1"] as const) {
        const a = allocate(load(f), rule);
        const sim = simulate(f, a.selected, a.endowment!);
        for (const x of a.explanations!) {
          if (x.kind === "mes-funded") {
            const pays = [...sim.paid.get(x.projectId)!.values()];
            expect(pays.filter((v) => v.eq(x.maxPayment)).length).toBe(x.paidMax);
            expect(pays.filter((v) => v.sign() > 0 && v.lt(x.maxPayment)).length).toBe(x.paidLess);
            expect(pays.filter((v) => v.isZero()).length).toBe(x.paidNothing);
          }
          if (x.kind === "mes-not-funded" && x.reason === "too-expensive") {
            const vs = sim.supporters(x.projectId);
            const left = vs.reduce((acc, v) => acc.add(sim.budgets.get(v)!), Rational.ZERO);
            expect(x.leftover.eq(left), `${f} ${rule} ${x.projectId}`).toBe(true);
            for (const d of x.spentOn) {
              const m = sim.paid.get(d.projectId)!;
              const amount = vs.reduce((acc, v) => acc.add(m.get(v) ?? Rational.ZERO), Rational.ZERO);
              expect(d.amount.eq(amount), `${f} ${rule} ${x.projectId} -> ${d.projectId}`).toBe(true);
            }
          }
        }
      }
    }
  });

  it("explains the tie case in both languages", () => {
    const a = allocate(load("synthetic/tie_mes.pb"), "mes");
    const lines = a.explanations!.map((x) => `${x.projectId}: ${en(x)}`);
    expect(lines).toEqual([
      "11: Funded in round 1: its 2 supporters paid €25 each.",
      "5: Funded in round 2: its 2 supporters paid €15 each.",
      "2: Not funded: its supporters had €0 left between them; it costs €40; their money went to project 11 (€50).",
    ]);
    expect(fr(a.explanations![0]!)).toBe(`Financé au 1er tour${NBSP}: ses 2 soutiens ont payé 25${NBSP}€ chacun.`);
  });

  it("greedy explanation of the string-id tie", () => {
    const a = allocate(load("synthetic/tie_greedy.pb"), "greedy");
    expect(a.explanations!.map((x) => en(x))).toEqual([
      "Funded: ranked 1st with 2 votes; €100 was left when its turn came and it costs €60.",
      "Funded: ranked 3rd with 1 vote; €40 was left when its turn came and it costs €30.",
      "Not funded: ranked 2nd with 2 votes; only €40 was left when its turn came and it costs €60.",
    ]);
  });

  it("partial payments in a small hand-made election", () => {
    // e = 100/4 = 25; A (cost 60, voters 1-3): 20 each. B (cost 45, voters 1 and 4): voter 1 has 5 left, so voter 4 pays 40.
    const e = createElection({
      budget: 100,
      projects: [
        { id: "A", cost: 60 },
        { id: "B", cost: 45 },
      ],
      ballots: [["A", "B"], ["A"], ["A"], ["B"]],
    });
    const a = allocate(e, "mes");
    expect(a.selected).toEqual(["A"]);
    const b = a.explanations!.find((x) => x.projectId === "B") as MesNotFundedExplanation;
    expect(b.leftover.toString()).toBe("30");
    expect(b.spentOn).toEqual([{ projectId: "A", amount: R("20") }]);
    const a1 = allocate(e, "mes-add1");
    expect(a1.selected).toEqual(["A"]);
    // e = 120/4 = 30: A (cost 75, voters 1-3) 25 each, ρ = 1/3; then B (cost 34, voters 1 and 4):
    // voter 1 has 5 left and pays it, voter 4 pays 29.
    const c = createElection({
      budget: 120,
      projects: [
        { id: "A", cost: 75 },
        { id: "B", cost: 34 },
      ],
      ballots: [["A", "B"], ["A"], ["A"], ["B"]],
    });
    const m = allocate(c, "mes");
    expect(m.selected).toEqual(["A", "B"]);
    const xb = m.explanations![1] as MesFundedExplanation;
    expect(xb).toMatchObject({ round: 2, paidMax: 1, paidLess: 1, paidNothing: 0 });
    expect(xb.maxPayment.toString()).toBe("29");
    expect(xb.lessTotal.toString()).toBe("5");
    expect(en(xb)).toBe("Funded in round 2: 1 of its 2 supporters paid €29; the other one paid less because they had less left.");
  });
});
