/** Every interface string exists in French and English, with the same interpolations. */
import { describe, expect, it } from "vitest";
import en from "~/locales/en.json";
import fr from "~/locales/fr.json";

function flatten(o: unknown, prefix = ""): Record<string, string> {
  const out: Record<string, string> = {};
  if (Array.isArray(o)) {
    o.forEach((v, i) => Object.assign(out, flatten(v, `${prefix}${i}.`)));
  } else if (o && typeof o === "object") {
    for (const [k, v] of Object.entries(o)) Object.assign(out, flatten(v, `${prefix}${k}.`));
  } else {
    out[prefix.slice(0, -1)] = String(o);
  }
  return out;
}

const vars = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe("locales", () => {
  const f = flatten(fr);
  const e = flatten(en);
  it("have the same keys", () => {
    expect(Object.keys(e).sort()).toEqual(Object.keys(f).sort());
  });
  it("use the same interpolation variables", () => {
    for (const k of Object.keys(f)) expect(vars(e[k] ?? ""), k).toEqual(vars(f[k]!));
  });
  it("have no empty strings", () => {
    for (const [k, v] of Object.entries({ ...f, ...e })) expect(v.trim(), k).not.toBe("");
  });
});
