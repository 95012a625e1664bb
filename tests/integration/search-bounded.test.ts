/**
 * Search ranks at bounded cost (issue #13): bm25 orders at most SEARCH_CANDIDATES matches,
 * the most recent, and the count stops there, saying "more than" — while a rare word is
 * still counted exactly and its best match ranked first.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { ideas } from "#db/schema";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { PAGE_SIZE, search, SEARCH_CANDIDATES } from "~/domain/search/search.server";
import * as searchRoute from "~/routes/search";
import { makeUser } from "../support/fixtures";
import { makeCouncil, makeTown } from "../support/own-data";
import { getRequest, run } from "../support/http";

let councilId: number;
let titled: number;
let newest: number;

beforeAll(async () => {
  makeTown();
  councilId = makeCouncil().id;
  const resident = await makeUser();
  const now = new Date().toISOString();
  // many matches for a common word, written directly (the search triggers index them)
  const rows = Array.from({ length: SEARCH_CANDIDATES + 50 }, (_, i) => ({
    councilId,
    authorId: resident.userId,
    title: `Proposition ${i}`,
    body: `Un lampadaire de plus dans la rue numéro ${i}, et des bancs.`,
    theme: "public_space" as const,
    submittedAt: now,
    dueAt: now,
    answerDelayDays: 45,
  }));
  for (let i = 0; i < rows.length; i += 200) db.insert(ideas).values(rows.slice(i, i + 200)).run();
  titled = submitIdea(resident, { title: "Lampadaire solaire au square", body: "Un lampadaire qui se recharge le jour.", theme: "public_space", councilId, place: "" }).id;
  newest = submitIdea(resident, { title: "Des glycines rares", body: "Une pergola de glycines près de l'école.", theme: "environment", councilId, place: "" }).id;
});

describe("bounded search", () => {
  it("stops counting past the candidate bound and says so", () => {
    const r = search({ q: "lampadaire" });
    expect(r.capped).toBe(true);
    expect(r.total).toBe(SEARCH_CANDIDATES);
    expect(r.pages).toBe(Math.ceil(SEARCH_CANDIDATES / PAGE_SIZE));
    expect(r.hits).toHaveLength(PAGE_SIZE);
  });

  it("ranks the candidates: the recent title match comes first", () => {
    expect(search({ q: "lampadaire" }).hits[0]!.refId).toBe(titled);
  });

  it("counts a rare word exactly", () => {
    const r = search({ q: "glycines" });
    expect(r).toMatchObject({ capped: false, total: 1, pages: 1 });
    expect(r.hits.map((h) => h.refId)).toEqual([newest]);
  });

  it("the page says 'more than' when capped, in French and English", async () => {
    const fr = await run(searchRoute.loader, getRequest("/search?q=lampadaire"));
    expect(fr.data).toMatchObject({ capped: true, total: SEARCH_CANDIDATES });
    const { tSync } = await import("~/i18next.server");
    expect(tSync("fr")("search.countMoreThan", { count: 1000, q: "x" })).toContain("Plus de 1000 résultats");
    expect(tSync("en")("search.countMoreThan", { count: 1000, q: "x" })).toContain("More than 1000 results");
  });
});
