import { describe, expect, it } from "vitest";
import { Rational } from "../../../app/lib/pb/rational";

describe("Rational", () => {
  it("parses decimal text exactly", () => {
    expect(Rational.parseDecimal("400000.0")!.toFraction()).toBe("400000");
    expect(Rational.parseDecimal("2081866.72")!.toFraction()).toBe("52046668/25");
    expect(Rational.parseDecimal(" -0.125 ")!.toFraction()).toBe("-1/8");
    expect(Rational.parseDecimal("1e3")!.toFraction()).toBe("1000");
    expect(Rational.parseDecimal(".5")!.toFraction()).toBe("1/2");
    for (const bad of ["", "abc", "1,5", "1.2.3", "0x10", "NaN", "--1", "."]) expect(Rational.parseDecimal(bad)).toBeNull();
    expect(Rational.parse("6/4")!.toFraction()).toBe("3/2");
    expect(Rational.parse("1/0")).toBeNull();
  });

  it("does exact arithmetic where floats fail", () => {
    const a = Rational.parseDecimal("0.1")!;
    const b = Rational.parseDecimal("0.2")!;
    expect(a.add(b).eq(Rational.parseDecimal("0.3")!)).toBe(true);
    const third = Rational.of(1n, 3n);
    expect(third.mulInt(3).eq(Rational.ONE)).toBe(true);
    expect(third.cmp(Rational.parseDecimal("0.3333333333333333333")!)).toBe(1);
    expect(Rational.of(10n, -4n).toFraction()).toBe("-5/2");
    expect(Rational.of(7n, 2n).div(Rational.of(7n, 4n)).toFraction()).toBe("2");
  });

  it("prints exact decimals and rounds half away from zero", () => {
    expect(Rational.parseDecimal("2081866.720")!.toString()).toBe("2081866.72");
    expect(Rational.of(1n, 3n).toString()).toBe("1/3");
    expect(Rational.of(1n, 8n).toFixed(2)).toBe("0.13");
    expect(Rational.of(-1n, 8n).toFixed(2)).toBe("-0.13");
    expect(Rational.of(123n, 2n).toFixed(0)).toBe("62");
    expect(Rational.of(-1n, 1000n).toFixed(2)).toBe("0.00");
  });

  it("converts to the nearest double, also for huge terms", () => {
    expect(Rational.of(1n, 3n).toNumber()).toBe(1 / 3);
    const huge = Rational.of(10n ** 40n + 1n, 3n * 10n ** 38n);
    expect(huge.toNumber()).toBeCloseTo(100 / 3, 12);
  });
});
