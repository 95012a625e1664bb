/**
 * Bad input through the budget pages' actions gets a clear message and a 4xx, and nothing is
 * stored: a malformed .pb upload (the message names the line), a negative cost in a review, a
 * basket with a project from another envelope, a vote outside the vote phase. Also: the
 * results page renders every project's sentence, and the .pb download is the stored file.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { budgetProjects, budgetReviews, budgets, participations } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { changePhase, createBudget, envelopesOf, storedEnvelopePb, submitBudgetIdea } from "~/domain/budgets/budgets.server";
import { importPabulib } from "~/domain/budgets/import.server";
import * as importRoute from "~/routes/budgets.import";
import * as pbRoute from "~/routes/budgets.$id_.envelopes.$envelopeId[.]pb";
import * as resultsRoute from "~/routes/budgets.$id_.results";
import * as reviewRoute from "~/routes/budgets.$id_.review";
import * as voteRoute from "~/routes/budgets.$id_.vote";
import { utcToLocal } from "~/lib/time";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";
import { budgetInput, importPeople, people, verifiedResident, type CensusPerson } from "../support/voting";

const EXPLAIN = "Le conseil municipal ouvre cette étape comme le prévoit le calendrier publié ; chaque habitant peut suivre l'avancement du budget sur sa page et au registre.";
const TOULOUSE = fs.readFileSync(path.resolve("tests/fixtures/pabulib/France_Toulouse_2022_8_-_Minimes_Barriere_de_Paris_Ponts-Jumeaux_La_Vache_Raisins_Fondeyre.pb"), "utf8");
const n = (t: typeof budgets | typeof budgetReviews | typeof budgetProjects | typeof participations) => db.select({ n: count() }).from(t).get()!.n;

let official: Actor;
let admin: Actor;
let councilA: { id: number; slug: string };
let councilB: { id: number; slug: string };
let budgetId: number;
let ideaId: number;
let residentsA: CensusPerson[];

beforeAll(async () => {
  emptyTown();
  councilA = makeCouncil("Les Érables");
  councilB = makeCouncil("La Gare");
  residentsA = people(5, councilA.slug);
  await importPeople([...residentsA, ...people(5, councilB.slug)]);
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  admin = await makeUser({ roles: [{ role: "admin", councilId: null }] });
  const b = createBudget(
    official,
    budgetInput({
      title: "Budget des routes",
      description: "Un budget pour vérifier que les pages refusent proprement ce qui ne va pas.",
      townAmount: 50_000,
      envelopes: [
        { councilId: councilA.id, amount: 20_000 },
        { councilId: councilB.id, amount: 20_000 },
      ],
      explanation: EXPLAIN,
    }),
  );
  budgetId = b.id;
  changePhase(official, b.id, { to: "collection", explanation: EXPLAIN });
  const author = await makeUser();
  ideaId = submitBudgetIdea(author, b.id, { title: "Une table de pique-nique", body: "Une table de pique-nique au bord du lac, pour les familles et les promeneurs.", theme: "public_space", councilId: councilA.id, place: "" }).id;
  changePhase(official, b.id, { to: "review", explanation: EXPLAIN });
});

describe("bad input: a clear message, a 4xx, nothing stored", () => {
  it("a negative cost in a review", async () => {
    const before = [n(budgetReviews), n(budgetProjects)];
    const cookie = await sessionCookieFor(official.userId);
    const [town] = envelopesOf(budgetId);
    const res = await run(
      reviewRoute.action,
      formRequest(`/budgets/${budgetId}/review`, {
        intent: "review",
        target: String(ideaId),
        ideaId: String(ideaId),
        verdict: "feasible",
        cost: "-5000",
        envelopeId: String(town!.id),
        feasibilityExplanation: "Les services ont vérifié l'emplacement et les réseaux : le projet est faisable.",
        costExplanation: "Devis du fournisseur.",
        conflict: "none",
        conflictText: "",
      }, { cookie }),
      { id: String(budgetId) },
    );
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data.reply.error)).toMatch(/errors\.number/);
    expect([n(budgetReviews), n(budgetProjects)]).toEqual(before);
  });

  it("a basket with a project from another envelope, and a vote outside the phase", async () => {
    const resident = await verifiedResident(residentsA[0]!);
    const cookie = await sessionCookieFor(resident.userId);
    // outside the phase (review): refused, nothing stored
    const before = n(participations);
    const envs = envelopesOf(budgetId);
    const outside = await run(voteRoute.action, formRequest(`/budgets/${budgetId}/vote`, { choices: `${envs[0]!.id}:1`, step: "cast" }, { cookie }), { id: String(budgetId) });
    expect(outside.status).toBeGreaterThanOrEqual(400);
    expect(outside.status).toBeLessThan(500);
    // now open the vote with a project in each envelope
    const reviewer = official;
    const { reviewIdea } = await import("~/domain/budgets/review.server");
    reviewIdea(reviewer, budgetId, { ideaId, verdict: "feasible", cost: 5_000, envelopeId: envs.find((e) => e.councilId === councilA.id)!.id, feasibilityExplanation: "Les services ont vérifié l'emplacement et les réseaux : le projet est faisable.", costExplanation: "Devis du fournisseur.", conflict: "none", conflictText: "" });
    changePhase(official, budgetId, { to: "vote", explanation: EXPLAIN, closesAt: "2099-06-01T18:00" });
    const b = envs.find((e) => e.councilId === councilB.id)!;
    const res = await run(voteRoute.action, formRequest(`/budgets/${budgetId}/vote`, { choices: `${b.id}:1`, step: "cast" }, { cookie }), { id: String(budgetId) });
    expect(res.status).toBe(400);
    expect(res.data.error).toBe("errors.basketOtherEnvelope");
    expect(res.data.chosen).toEqual([`${b.id}:1`]); // the basket is kept
    expect(n(participations)).toBe(before);
  });

  it("a malformed .pb upload names the line, and nothing is imported", async () => {
    const before = n(budgets);
    const cookie = await sessionCookieFor(admin.userId);
    const bad = TOULOUSE.replace("8-92;73,71", "8-92;73,71,404");
    const line = TOULOUSE.split("\n").findIndex((l) => l.startsWith("8-92;")) + 1;
    const body = new FormData();
    body.set("_once", "x".repeat(22));
    body.set("title", "Un import qui échoue");
    body.set("allocationRule", "greedy");
    body.set("source", "Pabulib (pabulib.org), pour le test");
    body.set("explanation", EXPLAIN);
    body.set("file", new File([bad], "toulouse.pb", { type: "text/plain" }));
    const res = await run(importRoute.action, new Request("http://localhost/budgets/import", { method: "POST", body, headers: { Cookie: cookie } }));
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.data)).toContain(`\\"line\\":${line}`);
    expect(n(budgets)).toBe(before);
  });
});

describe("the imported results through the pages", () => {
  it("every project has its sentence, and the download is the stored file", async () => {
    const b = importPabulib(admin, { text: TOULOUSE, title: "Toulouse 2022 — secteur 8", allocationRule: "greedy", source: "Pabulib (pabulib.org)", explanation: EXPLAIN });
    const page = await run(resultsRoute.loader, getRequest(`/budgets/${b.id}/results`, { lang: "fr" }), { id: String(b.id) });
    expect(page.status).toBe(200);
    const env = page.data.view.envelopes[0];
    expect(env.projects).toHaveLength(10);
    for (const p of env.projects) {
      expect(p.sentence.length).toBeGreaterThan(30);
      if (!p.funded) expect(p.margin).toMatch(/il lui aurait fallu|ni des voix/);
    }
    const en = await run(resultsRoute.loader, getRequest(`/budgets/${b.id}/results`, { lang: "en" }), { id: String(b.id) });
    expect(en.data.view.envelopes[0].projects[0].sentence).toMatch(/^Funded: ranked 1st/);
    const file = await pbRoute.loader({ request: getRequest(env.pbUrl), params: { id: String(b.id), envelopeId: String(env.id) }, context: {} } as never);
    expect((file as Response).headers.get("Content-Disposition")).toMatch(/attachment/);
    const text = await (file as Response).text();
    expect(text).toBe(storedEnvelopePb(b.id, envelopesOf(b.id)[0]!.id));
    // the recount anyone can do: the command line on the page's own download, with the declared rule
    const tmp = path.join(os.tmpdir(), `recount-${process.pid}.pb`);
    fs.writeFileSync(tmp, text);
    const out = JSON.parse(execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/pb.ts", "allocate", tmp, "--rule", "greedy"], { encoding: "utf8" })) as { selected: string[] };
    fs.rmSync(tmp);
    const fundedOnPage = env.projects.filter((p: { funded: boolean }) => p.funded).map((p: { ballotId: string }) => p.ballotId).sort();
    expect([...out.selected].sort()).toEqual(fundedOnPage);
  });
});

describe("paper ballots of a budget", () => {
  it("each sheet is typed twice by two people through the page, then counted with the results", async () => {
    const { recordPaperParticipation } = await import("~/domain/ballot-box/cast.server");
    const { entryId } = await import("../support/voting");
    const { budgetResults } = await import("~/domain/budgets/budgets.server");
    const { reviewIdea } = await import("~/domain/budgets/review.server");
    const paperRoute = await import("~/routes/budgets.$id_.paper");
    const start = Date.now() - 10 * 3600_000;
    const at = (h: number) => new Date(start + h * 3600_000);
    const b = createBudget(official, { title: "Budget papier", description: "Un budget pour vérifier la saisie des bulletins papier, feuille par feuille.", ballotType: "approval", allocationRule: "mes-add1u", tieBreak: "cheaper", minApprovals: 1, minSpendPercent: 0, kMin: 1, maxChoices: 5, townAmount: 30_000, envelopes: [], explanation: EXPLAIN }, { now: at(0) });
    changePhase(official, b.id, { to: "collection", explanation: EXPLAIN }, { now: at(0.1) });
    const author = await makeUser();
    const ids = ["Un abri à vélos", "Un potager d'école"].map((title) => submitBudgetIdea(author, b.id, { title, body: `${title} : une idée pour tout le monde, détaillée.`, theme: "public_space", councilId: null, place: "" }, { now: at(0.2) }).id);
    changePhase(official, b.id, { to: "review", explanation: EXPLAIN }, { now: at(0.3) });
    const [town] = envelopesOf(b.id);
    ids.forEach((ideaId, i) => reviewIdea(official, b.id, { ideaId, verdict: "feasible", cost: 10_000 + i * 5_000, envelopeId: town!.id, feasibilityExplanation: "Les services ont vérifié l'emplacement et les réseaux : le projet est faisable.", costExplanation: "Devis du fournisseur.", conflict: "none", conflictText: "" }, { now: at(0.4) }));
    changePhase(official, b.id, { to: "vote", explanation: EXPLAIN, closesAt: utcToLocal(at(2).toISOString()) }, { now: at(1) });
    const desk = await makeUser({ roles: [{ role: "facilitator", councilId: null }] });
    const desk2 = await makeUser({ roles: [{ role: "facilitator", councilId: null }] });
    recordPaperParticipation(desk, { boxId: envelopesOf(b.id)[0]!.boxId!, censusEntryId: entryId(residentsA[1]!.reference) }, { now: at(1.5) });
    const sheet = (who: Actor) => sessionCookieFor(who.userId).then((cookie) => run(paperRoute.action, formRequest(`/budgets/${b.id}/paper`, [["intent", "sheet"], ["target", String(town!.id)], ["sheet", "1"], ["choices", "1"], ["choices", "2"]], { cookie }), { id: String(b.id) }));
    expect((await sheet(desk)).status).toBe(302);
    // the same person cannot type the second entry
    expect((await sheet(desk)).status).toBe(409);
    expect((await sheet(desk2)).status).toBe(302);
    changePhase(official, b.id, { to: "results", explanation: EXPLAIN });
    const r = budgetResults(b.id)[0]!.results!;
    expect(r.voters).toBe(1);
    expect(r.projects.every((p) => p.approvals === 1)).toBe(true);
  });
});
