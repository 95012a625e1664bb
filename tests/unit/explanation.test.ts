import { describe, expect, it } from "vitest";
import { explanationProblem } from "~/lib/explanation";

const real =
  "Les comptages réalisés en avril montrent que 38 % des véhicules dépassent 30 km/h devant l'école aux heures d'entrée et de sortie.";

describe("explanationProblem", () => {
  it("accepts a real explanation of the required length", () => {
    expect(explanationProblem(real, 100)).toBeNull();
  });
  it("refuses blank text, including markdown that renders to nothing", () => {
    expect(explanationProblem("", 10)?.key).toBe("errors.explanationBlank");
    expect(explanationProblem("   \n\n  ", 10)?.key).toBe("errors.explanationBlank");
    expect(explanationProblem("<!-- -->", 10)?.key).not.toBeUndefined();
  });
  it("counts characters without markdown and says how many are missing", () => {
    expect(explanationProblem("**court**", 50)).toEqual({ key: "errors.explanationShort", params: { min: 50, length: 5 } });
    expect(explanationProblem(real, 500)?.params).toEqual({ min: 500, length: [...real].length });
  });
  it("refuses repeated filler", () => {
    expect(explanationProblem("ok ".repeat(80), 100)?.key).toBe("errors.explanationFiller");
    expect(explanationProblem("a".repeat(200), 100)?.key).toBe("errors.explanationFiller");
    expect(explanationProblem("c'est bien. ".repeat(30), 100)?.key).toBe("errors.explanationFiller");
    expect(explanationProblem("......................................................................................................", 50)?.key).toBe("errors.explanationFiller");
  });
});
