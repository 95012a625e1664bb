/**
 * The memo in front of the shared server translation instances (app/i18next.server.ts):
 * every key, with and without a count and interpolation values, translates exactly as a
 * fresh, unmemoised i18next instance does, on the first call and on the memoised second.
 */
import { createInstance } from "i18next";
import { describe, expect, it } from "vitest";
import { i18nConfig } from "~/i18n";
import { i18nFor, resources, translationMemoKey, tSync } from "~/i18next.server";

function keysOf(o: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === "object" ? keysOf(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k.replace(/_(zero|one|two|few|many|other)$/, "")}`]));
}

describe("memoised translations", () => {
  for (const lng of ["fr", "en"] as const) {
    it(`${lng}: every key gives what an unmemoised instance gives, twice`, () => {
      const plain = createInstance();
      void plain.init({ ...i18nConfig, lng, ns: ["common"], resources, initImmediate: false });
      const ref = plain.getFixedT(lng, "common");
      // as react-i18next's useTranslation makes it (lng null: the instance's language)
      const hooked = i18nFor(lng).getFixedT(null as never, "common");
      const hookedRef = plain.getFixedT(null as never, "common");
      const t = tSync(lng);
      const keys = [...new Set(keysOf(resources[lng].common as Record<string, unknown>))];
      expect(keys.length).toBeGreaterThan(100);
      const calls: [string, Record<string, unknown> | undefined][] = keys.flatMap((k) => [
        [k, undefined],
        [k, { count: 0, name: "Zoé", n: "3", title: "« Bancs »" }],
        [k, { count: 1, name: "Zoé", n: "3", title: "« Bancs »" }],
        [k, { count: 7, name: "Élie", n: "12", title: "Vélos" }],
        [k, { lng: lng === "fr" ? "en" : "fr", count: 2 }],
      ]);
      for (let round = 0; round < 2; round++) {
        for (const [k, o] of calls) {
          expect(t(k, o as never), `${k} ${JSON.stringify(o)}`).toBe(ref(k, o as never));
          expect(hooked(k, o as never), `${k} ${JSON.stringify(o)}`).toBe(hookedRef(k, o as never));
        }
      }
    });
  }

  it("keys tell counts and their types apart, and refuse what cannot be compared", () => {
    expect(translationMemoKey("a", { count: 1 })).not.toBe(translationMemoKey("a", { count: "1" }));
    expect(translationMemoKey("a", { count: 1 })).not.toBe(translationMemoKey("a", { count: 2 }));
    expect(translationMemoKey("a", undefined)).toBe("a");
    expect(translationMemoKey("a", { lngs: ["fr", "en"] })).not.toBeNull();
    // what react-i18next's useTranslation passes on every call
    expect(translationMemoKey("a", { lng: undefined, lngs: null, ns: "common", keyPrefix: undefined })).not.toBeNull();
    expect(translationMemoKey("a", { replace: { x: 1 } })).toBeNull();
    expect(translationMemoKey("a", { postProcess: () => "" })).toBeNull();
    expect(translationMemoKey(["a", "b"], undefined)).toBeNull();
  });
});
