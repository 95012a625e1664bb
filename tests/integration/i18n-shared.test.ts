/**
 * Translations use one shared i18next instance per language (issue #13: creating one per
 * request was 13 % of busy time). Concurrent requests in French and English must each get
 * their own language, in loaders and in the rendered page, and nothing a request does may
 * change another language's instance.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getFixedT, i18nFor, tSync } from "~/i18next.server";
import { emptyTown } from "../support/fixtures";
import { getRequest } from "../support/http";
import { startServer, type TestServer } from "../support/server";

let srv: TestServer;
beforeAll(async () => {
  emptyTown();
  srv = await startServer({ PAGE_CACHE: "off" });
}, 60_000);
afterAll(async () => {
  await srv?.stop();
});

describe("shared translation instances", () => {
  it("one instance per language, each fixed in its language", () => {
    expect(i18nFor("fr")).toBe(i18nFor("fr"));
    expect(i18nFor("fr")).not.toBe(i18nFor("en"));
    expect(i18nFor("fr").language).toBe("fr");
    expect(i18nFor("en").language).toBe("en");
    expect(tSync("fr")("ideas.title")).toBe("Idées des habitants");
    expect(tSync("en")("ideas.title")).toBe("Residents' ideas");
  });

  it("interleaved requests get their own language in loaders", async () => {
    const ts = await Promise.all(Array.from({ length: 20 }, (_, i) => getFixedT(getRequest("/", { lang: i % 2 ? "en" : "fr" }))));
    ts.forEach((t, i) => expect(t("ideas.title")).toBe(i % 2 ? "Residents' ideas" : "Idées des habitants"));
    expect(i18nFor("fr").language).toBe("fr");
  });

  it("concurrent pages over HTTP are rendered each in its own language", async () => {
    const langs = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? "en" : "fr"));
    const pages = await Promise.all(
      langs.map(async (lang) => {
        const res = await fetch(`${srv.url}/ideas`, { headers: { "Accept-Language": lang } });
        return { lang, contentLanguage: res.headers.get("Content-Language"), html: await res.text() };
      }),
    );
    for (const p of pages) {
      expect(p.contentLanguage).toBe(p.lang);
      expect(p.html).toContain(`<html lang="${p.lang}"`);
      expect(p.html).toContain(p.lang === "en" ? "Residents&#x27; ideas" : "Idées des habitants");
      expect(p.html).not.toContain(p.lang === "en" ? "Idées des habitants" : "Residents&#x27; ideas");
    }
  });
});
