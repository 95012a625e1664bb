/**
 * Search folds ligatures and compatibility characters the same way in the index and in
 * the query: "coeur" finds "Cœur de ville" and "cœur" finds "coeur", "m2" finds "m²".
 * Every character the index folds (SEARCH_INDEX_FOLDS) is checked both ways, results show
 * the original text, and the search-folding migration rebuilds an existing index with the folding.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, openDatabase } from "#db/client.server";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { search } from "~/domain/search/search.server";
import { foldForSearch, SEARCH_INDEX_FOLDS } from "~/lib/text";
import { makeUser } from "../support/fixtures";
import { makeCouncil, makeTown } from "../support/own-data";

const ideas: Record<string, number> = {};
let councilId: number;

beforeAll(async () => {
  makeTown();
  councilId = makeCouncil().id;
  const resident = await makeUser();
  const add = (title: string, body = "Une proposition d'habitant pour le quartier, à discuter en conseil.") =>
    (ideas[title] = submitIdea(resident, { title, body, theme: "public_space", councilId, place: "" }).id);
  add("Cœur de ville piéton");
  add("Ex æquo au concours de façades");
  add("Salle de 200 m² pour les associations");
  add("Ascenseur au 1ᵉʳ étage de la mairie");
  add("Le ﬁnancement participatif des fêtes");
  add("Coeur du parc", "Écrit sans ligature : le cœur vert du quartier.");
  for (const c of Object.keys(SEARCH_INDEX_FOLDS)) add(`Zq${c}zq mot témoin`);
});

const found = (q: string) => search({ q, kind: "idea" }).hits.map((h) => h.refId);

describe("search folding", () => {
  it.each([
    ["coeur", "Cœur de ville piéton"],
    ["CŒUR", "Cœur de ville piéton"],
    ["cœur", "Coeur du parc"],
    ["aequo", "Ex æquo au concours de façades"],
    ["æquo", "Ex æquo au concours de façades"],
    ["m2", "Salle de 200 m² pour les associations"],
    ["m²", "Salle de 200 m² pour les associations"],
    ["1er", "Ascenseur au 1ᵉʳ étage de la mairie"],
    ["financement", "Le ﬁnancement participatif des fêtes"],
    ["ﬁnancement", "Le ﬁnancement participatif des fêtes"],
    ["facade", "Ex æquo au concours de façades"],
  ])("%s finds “%s”", (q, title) => {
    expect(found(q)).toContain(ideas[title]);
  });

  it("folds every character of SEARCH_INDEX_FOLDS identically in the index and the query", () => {
    for (const [c, folded] of Object.entries(SEARCH_INDEX_FOLDS)) {
      expect(foldForSearch(c), c).toBe(folded.toLowerCase());
      const id = ideas[`Zq${c}zq mot témoin`];
      expect(found(`Zq${c}zq`), `raw ${c}`).toContain(id);
      expect(found(`zq${folded}zq`), `folded ${c}`).toContain(id);
    }
  });

  it("shows and highlights the original text", () => {
    const hit = search({ q: "coeur", kind: "idea" }).hits.find((h) => h.refId === ideas["Cœur de ville piéton"])!;
    expect(hit.titleHtml).toBe("<mark>Cœur</mark> de ville piéton");
    const body = search({ q: "coeur vert", kind: "idea" }).hits.find((h) => h.refId === ideas["Coeur du parc"])!;
    expect(body.snippetHtml).toContain("<mark>cœur</mark> <mark>vert</mark>");
  });
});

describe("the search-folding migration", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "conseil-fold-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("rebuilds an existing index with folded text", () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta/_journal.json"), "utf8"));
    const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag.endsWith("_search_folding"));
    expect(upTo).toBeGreaterThan(0);
    const dir = path.join(tmp, "before");
    fs.mkdirSync(path.join(dir, "meta"), { recursive: true });
    fs.writeFileSync(path.join(dir, "meta/_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo) }));
    for (const e of journal.entries.slice(0, upTo)) fs.copyFileSync(path.join(MIGRATIONS_DIR, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
    const file = path.join(tmp, "old.db");
    const old = openDatabase(file, dir);
    old.sqlite.prepare("INSERT INTO ideas (title, body, theme, submitted_at, due_at, answer_delay_days) VALUES ('Cœur de ville', 'Un ﬁlet d''eau', 'culture', '2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z', 30)").run();
    expect(old.sqlite.prepare(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH '"coeur"*'`).get()).toEqual({ n: 0 });
    old.sqlite.close();
    const upgraded = openDatabase(file);
    expect(upgraded.sqlite.prepare(`SELECT count(*) AS n FROM search_index WHERE search_index MATCH '"coeur"* "filet"*'`).get()).toEqual({ n: 1 });
    expect(upgraded.sqlite.prepare("SELECT title_text FROM search_index").get()).toEqual({ title_text: "Cœur de ville" });
    upgraded.sqlite.close();
  });
});
