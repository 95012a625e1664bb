import { describe, expect, it } from "vitest";
import { RULES, allocate, compareRules } from "../../../app/lib/pb/index";
import { load } from "./fixtures";

describe("what-if across rules", () => {
  it("runs every rule and lists exactly the projects on which they disagree", () => {
    const e = load("Netherlands_Assen_2024.pb");
    const w = compareRules(e, { explain: false });
    expect(w.outcomes.map((o) => o.rule)).toEqual([...RULES]);
    for (const o of w.outcomes) expect(o.selected).toEqual(allocate(e, o.rule, { explain: false }).selected);
    const union = new Set(w.outcomes.flatMap((o) => o.selected));
    expect(new Set([...w.common, ...w.differing.map((d) => d.projectId)])).toEqual(union);
    for (const d of w.differing) {
      expect(d.selectedBy.length).toBeGreaterThan(0);
      expect(d.selectedBy.length).toBeLessThan(RULES.length);
      for (const o of w.outcomes) expect(o.selected.includes(d.projectId)).toBe(d.selectedBy.includes(o.rule));
    }
    expect(w.common).toEqual(["3", "9", "2", "11", "13", "14"]);
    expect(w.differing.map((d) => [d.projectId, d.selectedBy])).toEqual([
      ["8", ["greedy"]],
      ["5", ["mes-add1", "mes-add1u"]],
      ["6", ["mes-add1", "mes-add1u"]],
      ["7", ["mes-add1u"]],
      ["12", ["mes", "mes-add1", "mes-add1u"]],
    ]);
  });

  it("can restrict the rules", () => {
    const w = compareRules(load("synthetic/tie_greedy.pb"), { rules: ["greedy", "mes"], explain: false });
    expect(w.outcomes.map((o) => [o.rule, o.selected])).toEqual([
      ["greedy", ["10", "3"]],
      ["mes", []],
    ]);
    expect(w.differing.map((d) => d.projectId)).toEqual(["10", "3"]);
  });
});
