/**
 * Votes and budgets in the statistics and the dashboard, against figures computed by hand
 * on data this test creates: turnout per channel from counted boxes only (an open box adds
 * nothing), a council under 5 participations hidden, budget money allocated and spent, and
 * the dashboard's budget ideas awaiting review and closed boxes awaiting their paper count,
 * each in the scope of the viewer's roles.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "~/domain/accounts/policy";
import { loadActor } from "~/domain/accounts/session.server";
import { castAtDesk, castOnline, recordPaperParticipation } from "~/domain/ballot-box/cast.server";
import { enterPaperSheet } from "~/domain/ballot-box/paper.server";
import { castBasket } from "~/domain/budgets/ballot.server";
import { changePhase, createBudget, decideResults, envelopesOf, projectsOf, submitBudgetIdea } from "~/domain/budgets/budgets.server";
import { postProjectUpdate } from "~/domain/budgets/implementation.server";
import { importPabulib } from "~/domain/budgets/import.server";
import { reviewIdea } from "~/domain/budgets/review.server";
import { utcToLocal } from "~/lib/time";
import { dashboard } from "~/domain/stats/dashboard.server";
import { statistics } from "~/domain/stats/statistics.server";
import { countVote } from "~/domain/votes/votes.server";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { budgetInput, entryId, importPeople, makeVote, people, verifiedResident, type CensusPerson } from "../support/voting";

const HOUR = 3600_000;
const EXPLAIN = "Le conseil municipal ouvre cette étape comme le prévoit le calendrier publié ; chaque habitant peut suivre l'avancement du budget sur sa page et au registre.";

let official: Actor;
let desk: Actor;
let deskA: Actor;
let admin: Actor;
let a: { id: number; slug: string };
let b: { id: number; slug: string };
let citizensA: CensusPerson[];
let citizensB: CensusPerson[];

const REVIEW = "Les services techniques ont vérifié l'emplacement, les réseaux et le chiffrage : fournitures, pose et entretien compris.";

const figure = (section: { town: { figures: { key: string; value: number | null }[] } }, key: string) => section.town.figures.find((f) => f.key === key)?.value;

beforeAll(async () => {
  emptyTown();
  a = makeCouncil("Les Amandiers");
  b = makeCouncil("Les Bouleaux");
  citizensA = people(20, a.slug);
  citizensB = people(6, b.slug);
  await importPeople([...citizensA, ...citizensB]);
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  admin = await makeUser({ roles: [{ role: "admin", councilId: null }] });
  desk = loadActor((await makeUser({ roles: [{ role: "facilitator", councilId: null }] })).userId)!;
  deskA = loadActor((await makeUser({ roles: [{ role: "facilitator", councilId: a.id }] })).userId)!;
}, 60_000);

describe("turnout per channel", () => {
  it("sums the certificates of counted boxes, by channel, and hides a council under 5 people", async () => {
    const start = new Date(Date.now() - 3 * HOUR);
    const during = new Date(start.getTime() + 10 * 60_000);
    // council A: 6 online, 2 at the desk, 1 on paper (entered twice, then counted)
    const voteA = makeVote(official, { councilId: a.id, question: "Faut-il un marché bio le mardi ?" }, start);
    const online = await Promise.all(citizensA.slice(0, 6).map(verifiedResident));
    online.forEach((v) => castOnline(v, [{ boxId: voteA.boxId, choices: ["yes"] }], { now: during }));
    for (const p of citizensA.slice(6, 8)) castAtDesk(desk, { censusEntryId: entryId(p.reference), casts: [{ boxId: voteA.boxId, choices: ["no"] }] }, { now: during });
    recordPaperParticipation(desk, { boxId: voteA.boxId, censusEntryId: entryId(citizensA[8]!.reference) }, { now: during });
    enterPaperSheet(desk, { boxId: voteA.boxId, sheet: 1, pass: 1, choices: ["yes"] });
    enterPaperSheet(deskA, { boxId: voteA.boxId, sheet: 1, pass: 2, choices: ["yes"] });
    countVote(official, voteA.id, {});
    // council B: 3 online (under 5 people: its figures are not published)
    const voteB = makeVote(official, { councilId: b.id, question: "Faut-il éclairer le stade ?" }, start);
    for (const v of await Promise.all(citizensB.slice(0, 3).map(verifiedResident))) castOnline(v, [{ boxId: voteB.boxId, choices: ["no"] }], { now: during });
    countVote(official, voteB.id, {});
    // an open box adds nothing until its count
    const open = makeVote(official, { councilId: a.id, question: "Faut-il fleurir la mairie ?" }, new Date(Date.now() - 30 * 60_000));
    castOnline(online[0]!, [{ boxId: open.boxId, choices: ["yes"] }]);

    const s = statistics();
    const turnout = s.sections.find((x) => x.id === "turnout")!;
    expect(figure(turnout, "boxesCounted")).toBe(2);
    expect(figure(turnout, "participations")).toBe(12);
    expect(figure(turnout, "onlineShare")).toBeCloseTo(9 / 12);
    expect(figure(turnout, "deskShare")).toBeCloseTo(2 / 12);
    expect(figure(turnout, "paperShare")).toBeCloseTo(1 / 12);
    const rowA = turnout.councils.find((c) => c.councilId === a.id)!;
    expect(rowA.suppressed).toBe(false);
    expect(rowA.figures.map((f) => [f.key, f.value])).toEqual([
      ["boxesCounted", 1],
      ["participations", 9],
      ["onlineShare", 6 / 9],
      ["deskShare", 2 / 9],
      ["paperShare", 1 / 9],
    ]);
    const rowB = turnout.councils.find((c) => c.councilId === b.id)!;
    expect(rowB.suppressed).toBe(true);
    expect(rowB.figures.every((f) => f.value === null)).toBe(true);
    // the monthly series add up to the town's channels
    const sum = (key: string) => turnout.series.find((x) => x.key === key)!.values.reduce<number>((t, v) => t + (v ?? 0), 0);
    expect([sum("participationsOnline"), sum("participationsDesk"), sum("participationsPaper")]).toEqual([9, 2, 1]);
    // one council's page: its charts rest on its own people
    expect(statistics(new Date(), b.id).sections.find((x) => x.id === "turnout")!.seriesHidden).toBe(true);
  });
});

describe("budget money and projects", () => {
  it("adds up envelopes with results, funded projects' costs and money spent, leaving imported budgets out", async () => {
    const pb = [
      "META",
      "key;value",
      "description;Budget de test importé",
      "country;France",
      "unit;Testville",
      "instance;2025",
      "num_projects;3",
      "num_votes;4",
      "budget;100000",
      "vote_type;approval",
      "rule;greedy",
      "PROJECTS",
      "project_id;cost;votes;name",
      "1;60000;3;Une piste cyclable",
      "2;30000;2;Des bancs",
      "3;50000;1;Une fontaine",
      "VOTES",
      "voter_id;vote",
      "v1;1,2",
      "v2;1",
      "v3;1,2",
      "v4;3",
      "",
    ].join("\n");
    const imported = importPabulib(admin, { text: pb, title: "Budget importé des Amandiers", allocationRule: "greedy", source: "Données de test", explanation: EXPLAIN });
    const funded = projectsOf(imported.id).filter((p) => p.funded);
    expect(funded.map((p) => p.cost).sort()).toEqual([30_000, 60_000]);
    // an imported budget is another town's history, not this town's money
    const s0 = statistics().sections.find((x) => x.id === "budgets")!;
    expect(figure(s0, "moneyOffered")).toBe(0);
    expect(figure(s0, "moneyAllocated")).toBe(0);
    expect(figure(s0, "projectsFunded")).toBe(0);
    expect(s0.town.figures.find((f) => f.key === "moneyOffered")!.unit).toBe("cents");

    // a budget run here from collection to implementation, then an update spends money
    const start = new Date(Date.now() - 10 * HOUR);
    const t = (h: number) => new Date(start.getTime() + h * HOUR);
    const budget = createBudget(official, { ...budgetInput({ title: "Budget des Bouleaux", explanation: EXPLAIN }), townAmount: 80_000 }, { now: t(0) });
    changePhase(official, budget.id, { to: "collection", explanation: EXPLAIN }, { now: t(0.1) });
    const author = await verifiedResident(citizensA[16]!);
    const ideas = ["Un terrain de pétanque", "Des nichoirs", "Un préau"].map((title) =>
      submitBudgetIdea(author, budget.id, { title, body: `${title} : une idée détaillée pour le quartier.`, theme: "public_space", councilId: null, place: "" }, { now: t(0.2) }),
    );
    changePhase(official, budget.id, { to: "review", explanation: EXPLAIN }, { now: t(0.3) });
    const [town] = envelopesOf(budget.id);
    ideas.forEach((idea, i) =>
      reviewIdea(official, budget.id, { ideaId: idea.id, verdict: "feasible", cost: [40_000, 10_000, 50_000][i], envelopeId: town!.id, feasibilityExplanation: REVIEW, costExplanation: REVIEW, conflict: "none", conflictText: "" }, { now: t(0.4) }),
    );
    changePhase(official, budget.id, { to: "vote", explanation: EXPLAIN, closesAt: utcToLocal(t(2).toISOString()) }, { now: t(1) });
    for (const v of [author, ...(await Promise.all(citizensA.slice(17, 19).map(verifiedResident)))]) castBasket(v, budget.id, [`${town!.id}:1`, `${town!.id}:2`], { now: t(1.5) });
    changePhase(official, budget.id, { to: "results", explanation: EXPLAIN }, { now: t(3) });
    decideResults(official, budget.id, { outcome: "confirmed", explanation: EXPLAIN, changes: [] }, { now: t(4) });
    changePhase(official, budget.id, { to: "implementation", explanation: EXPLAIN }, { now: t(5) });
    const won = projectsOf(budget.id).filter((p) => p.funded);
    expect(won.length).toBeGreaterThan(0);
    const s1 = statistics().sections.find((x) => x.id === "budgets")!;
    expect(figure(s1, "moneyOffered")).toBe(80_000 * 100);
    expect(figure(s1, "moneyAllocated")).toBe(won.reduce((n, p) => n + p.cost, 0) * 100);
    expect(figure(s1, "projectsFunded")).toBe(won.length);
    expect(figure(s1, "projectsDone")).toBe(0);
    postProjectUpdate(official, won[0]!.id, { status: "done", progress: 100, spent: 9_500, body: "Les travaux sont terminés et la réception a eu lieu avec le conseil.", scopeChanged: false, photoAlt: "" }, null, { now: t(6) });
    const s2 = statistics().sections.find((x) => x.id === "budgets")!;
    expect(figure(s2, "moneySpent")).toBe(9_500 * 100);
    expect(figure(s2, "projectsDone")).toBe(1);
    // in the month of the update (which may be the previous month shortly after midnight on the 1st)
    expect(s2.series.find((x) => x.key === "projectsDone")!.values.reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(1);
  });
});

describe("dashboard", () => {
  it("budget ideas awaiting a feasibility review, for officials, oldest first", async () => {
    const budget = createBudget(official, budgetInput({ title: "Budget des Amandiers", explanation: EXPLAIN }));
    changePhase(official, budget.id, { to: "collection", explanation: EXPLAIN });
    const author = await verifiedResident(citizensA[10]!);
    const idea = (title: string, councilId: number | null, at: number) =>
      submitBudgetIdea(author, budget.id, { title, body: `${title} : une idée détaillée pour le quartier.`, theme: "public_space", councilId, place: "" }, { now: new Date(Date.now() - at * HOUR) });
    idea("Un abri à vélos", a.id, 3);
    idea("Une table de ping-pong", b.id, 2);
    const before = dashboard(official).sections.find((s) => s.id === "feasibilityReviews")!;
    expect(before.total).toBe(0); // collection: not yet under review
    changePhase(official, budget.id, { to: "review", explanation: EXPLAIN });
    const d = dashboard(official).sections.find((s) => s.id === "feasibilityReviews")!;
    expect(d.total).toBe(2);
    expect(d.items.map((i) => i.label)).toEqual(["Un abri à vélos", "Une table de ping-pong"]);
    expect(d.items[0]!.href).toMatch(new RegExp(`^/budgets/${budget.id}/review`));
    // a council facilitator has no budget.review: no such section
    expect(dashboard(deskA).sections.some((s) => s.id === "feasibilityReviews")).toBe(false);
  });

  it("closed boxes awaiting their count, with the paper figures, in the desk's councils only", async () => {
    const start = new Date(Date.now() - 3 * HOUR);
    const during = new Date(start.getTime() + 10 * 60_000);
    const inA = makeVote(official, { councilId: a.id, question: "Faut-il un composteur rue des Amandiers ?" }, start);
    const inB = makeVote(official, { councilId: b.id, question: "Faut-il un composteur rue des Bouleaux ?" }, start);
    for (const p of citizensA.slice(12, 15)) recordPaperParticipation(desk, { boxId: inA.boxId, censusEntryId: entryId(p.reference) }, { now: during });
    enterPaperSheet(desk, { boxId: inA.boxId, sheet: 1, pass: 1, choices: ["yes"] });
    enterPaperSheet(deskA, { boxId: inA.boxId, sheet: 1, pass: 2, choices: ["yes"] });
    enterPaperSheet(desk, { boxId: inA.boxId, sheet: 2, pass: 1, choices: ["no"] });

    const mine = dashboard(deskA).sections.find((s) => s.id === "paperBallots")!;
    expect(mine.items.map((i) => i.label)).toEqual(["Faut-il un composteur rue des Amandiers ?"]);
    expect(mine.items[0]!.href).toBe(`/votes/${inA.id}/count`);
    expect(mine.items[0]!.note).toEqual({ key: "dashboard.paperNote", values: { participations: 3, entered: 1, toSettle: 1 } });
    const all = dashboard(official).sections.find((s) => s.id === "paperBallots")!;
    expect(all.items.map((i) => i.label).sort()).toEqual(["Faut-il un composteur rue des Amandiers ?", "Faut-il un composteur rue des Bouleaux ?"]);
    // once counted, a box leaves the list
    countVote(official, inB.id, {});
    expect(dashboard(official).sections.find((s) => s.id === "paperBallots")!.items.map((i) => i.label)).toEqual(["Faut-il un composteur rue des Amandiers ?"]);
  });
});
