/** The shared input rules: strict ids and numbers, normalised and bounded text. */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { idField, intField, optionalTextField, parseId, textField } from "~/lib/fields";
import { msg } from "~/lib/messages";

const errorsOf = (schema: z.ZodTypeAny, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe("ids", () => {
  it("accepts decimal digits only", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("37")).toBe(37);
    expect(parseId("9007199254740991")).toBe(null); // 16 digits: beyond the id syntax
    for (const bad of ["0x10", "1e1", "1.0", "010", "0", "-1", "+1", " 1", "1 ", "１", "1\u0000", "", "٣", "Infinity", "NaN", "1_000"]) {
      expect(parseId(bad), JSON.stringify(bad)).toBe(null);
    }
    expect(parseId(undefined)).toBe(null);
    expect(parseId(12)).toBe(null);
  });

  it("idField refuses what Number() would accept", () => {
    expect(idField().parse("12")).toBe(12);
    expect(errorsOf(idField(), "0x10")).toEqual(["errors.choose"]);
    expect(errorsOf(idField(), "1e1")).toEqual(["errors.choose"]);
  });
});

describe("whole numbers", () => {
  const n = intField(0, 100);
  it("reads digits, and only digits", () => {
    expect(n.parse("21")).toBe(21);
    expect(n.parse(" 21 ")).toBe(21);
    expect(n.parse(21)).toBe(21); // stored JSON
    expect(errorsOf(n, "abc")).toEqual(["errors.number"]);
    expect(errorsOf(n, "0x10")).toEqual(["errors.number"]);
    expect(errorsOf(n, "1e1")).toEqual(["errors.number"]);
    expect(errorsOf(n, "2.5")).toEqual(["errors.integer"]);
    expect(errorsOf(n, "101")).toEqual(['errors.numberMax::{"max":100}']);
    expect(errorsOf(n, "-1")).toEqual(["errors.number"]);
    expect(errorsOf(n, "")).toEqual(["errors.required"]);
  });
});

describe("text", () => {
  const title = textField({ min: 5, max: 20, singleLine: true });
  it("normalises before checking: NFC, controls and bidi overrides removed", () => {
    expect(title.parse("Cafe\u0301 du coin")).toBe("Café du coin");
    expect(title.parse("Bancs \u000b place")).toBe("Bancs place");
    expect(title.parse("  Deux\nlignes  ")).toBe("Deux lignes");
    expect(title.parse("Nul\u0000 byte ok")).toBe("Nul byte ok");
    expect(title.parse("\u202eabcdef")).toBe("abcdef");
  });
  it("refuses text with nothing visible", () => {
    expect(errorsOf(title, "\u202e\u200b\u200b\u200b\u200b\u200b\u200b")).toEqual(["errors.invisibleText"]);
    expect(errorsOf(title, "\u200b\u200c\u200d\u2060\ufeff\u00ad\u3164x")).toEqual(['errors.tooShort::{"min":5}']);
    expect(errorsOf(title, "   ")).toEqual(["errors.required"]);
  });
  it("bounds the length", () => {
    expect(errorsOf(title, "x".repeat(21))).toEqual(['errors.tooLong::{"max":20}']);
  });
  it("optional text is empty when blank, and bounded", () => {
    const place = optionalTextField(10);
    expect(place.parse(undefined)).toBe("");
    expect(place.parse("  ")).toBe("");
    expect(errorsOf(place, "\u200b\u200b")).toEqual(["errors.invisibleText"]);
    expect(errorsOf(place, "x".repeat(11))).toEqual(['errors.tooLong::{"max":10}']);
  });
});

describe("messages never quote what was typed", () => {
  it("zod's own checks give translation keys", () => {
    // a schema without messages of its own, as many have (z.enum, z.literal)
    const schema = z.object({ kind: z.enum(["idea", "comment"]), ok: z.literal("on"), n: z.string() });
    const r = schema.safeParse({ kind: "a\u0000<b>", ok: "nope" });
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => i.message);
    expect(messages).toEqual(["errors.choose", "errors.choose", "errors.required"]);
  });

  it("message parameters are shown without control characters", () => {
    expect(msg("errors.censusLine", { value: "a\u0000b\u001b", line: 3 })).toBe('errors.censusLine::{"value":"ab","line":3}');
  });
});
