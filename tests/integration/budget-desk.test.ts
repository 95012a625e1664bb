/**
 * The budget's voting desk: a town facilitator records that a census resident (with or
 * without an account) put a paper ballot in the box; the participation is written in the town
 * envelope's box and in their neighbourhood's, all or nothing, and they can no longer vote
 * online. A council's desk records its own residents only. Refused, with nothing stored: a
 * second time, outside the vote phase, an unknown person, another council's resident, a
 * resident.
 */
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { participations } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { castBasket } from "~/domain/budgets/ballot.server";
import { changePhase, createBudget, envelopesOf, submitBudgetIdea } from "~/domain/budgets/budgets.server";
import { reviewIdea } from "~/domain/budgets/review.server";
import { utcToLocal } from "~/lib/time";
import * as deskRoute from "~/routes/budgets.$id_.desk";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";
import { budgetInput, entryId, importPeople, people, verifiedResident, type CensusPerson } from "../support/voting";

const EXPLAIN = "Le conseil municipal ouvre cette étape comme le prévoit le calendrier publié ; chaque habitant peut suivre l'avancement du budget sur sa page et au registre.";
const REVIEW = "Les services techniques ont vérifié l'emplacement, les réseaux et le chiffrage : fournitures, pose et entretien compris.";
const total = () => db.select({ n: count() }).from(participations).get()!.n;

let official: Actor;
let desk: Actor;
let deskA: Actor;
let a: { id: number; slug: string };
let citizensA: CensusPerson[];
let bCitizens: CensusPerson[];
let budgetId: number;
let townBox: number;
let boxA: number;
let boxB: number;

beforeAll(async () => {
  emptyTown();
  a = makeCouncil("Les Acacias");
  const b = makeCouncil("Le Bourg");
  citizensA = people(6, a.slug);
  bCitizens = people(2, b.slug);
  await importPeople([...citizensA, ...bCitizens]);
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  desk = await makeUser({ roles: [{ role: "facilitator", councilId: null }] });
  deskA = await makeUser({ roles: [{ role: "facilitator", councilId: a.id }] });
  const budget = createBudget(official, budgetInput({ title: "Budget des Acacias", townAmount: 50_000, envelopes: [{ councilId: a.id, amount: 20_000 }, { councilId: b.id, amount: 20_000 }], explanation: EXPLAIN }));
  budgetId = budget.id;
  changePhase(official, budgetId, { to: "collection", explanation: EXPLAIN });
  const author = await makeUser();
  const envs = envelopesOf(budgetId);
  const ideas = envs.map((e, i) => submitBudgetIdea(author, budgetId, { title: `Un banc n° ${i + 1}`, body: "Un banc pour se reposer près de l'arrêt de bus.", theme: "public_space", councilId: e.councilId, place: "" }));
  changePhase(official, budgetId, { to: "review", explanation: EXPLAIN });
  ideas.forEach((idea, i) =>
    reviewIdea(official, budgetId, { ideaId: idea.id, verdict: "feasible", cost: 5_000, envelopeId: envs[i]!.id, feasibilityExplanation: REVIEW, costExplanation: REVIEW, conflict: "none", conflictText: "" }),
  );
  changePhase(official, budgetId, { to: "vote", explanation: EXPLAIN, closesAt: utcToLocal(new Date(Date.now() + 48 * 3600_000).toISOString()) });
  const boxes = envelopesOf(budgetId);
  townBox = boxes.find((e) => e.councilId === null)!.boxId!;
  boxA = boxes.find((e) => e.councilId === a.id)!.boxId!;
  boxB = boxes.find((e) => e.councilId === b.id)!.boxId!;
}, 60_000);

const paperOf = (ref: string) =>
  db
    .select({ boxId: participations.boxId, channel: participations.channel })
    .from(participations)
    .where(eq(participations.personKey, `census:${entryId(ref)}`))
    .all()
    .sort((x, y) => x.boxId - y.boxId);

describe("budget voting desk", () => {
  it("records a paper ballot in the town's and the resident's neighbourhood's envelopes; they can no longer vote online", async () => {
    const cookie = await sessionCookieFor(desk.userId);
    const p = citizensA[0]!;
    const page = await run(deskRoute.loader, getRequest(`/budgets/${budgetId}/desk?q=${encodeURIComponent(p.familyName)}`, { cookie }), { id: String(budgetId) });
    expect(page.status).toBe(200);
    expect(page.data.results).toHaveLength(1);
    expect(page.data.results[0]).toMatchObject({ id: entryId(p.reference), voted: false, ineligible: null });
    expect(page.data.results[0].envelopes).toHaveLength(2);
    // the person's line opens a confirmation with their identity
    const confirm = await run(deskRoute.loader, getRequest(`/budgets/${budgetId}/desk?person=${entryId(p.reference)}`, { cookie }), { id: String(budgetId) });
    expect(confirm.data.person).toMatchObject({ id: entryId(p.reference), name: `${p.givenNames} ${p.familyName}`, voted: false });

    const res = await run(deskRoute.action, formRequest(`/budgets/${budgetId}/desk`, { intent: "paper", target: "", censusEntryId: String(entryId(p.reference)), q: p.familyName }, { cookie }), { id: String(budgetId) });
    expect(res.status).toBe(302);
    expect(res.location).toBe(`/budgets/${budgetId}/desk?recorded=paper&q=${encodeURIComponent(p.familyName)}`);
    expect(paperOf(p.reference)).toEqual([{ boxId: townBox, channel: "paper" }, { boxId: boxA, channel: "paper" }].sort((x, y) => x.boxId - y.boxId));
    expect(paperOf(p.reference).some((x) => x.boxId === boxB)).toBe(false);

    // the same person, verified online afterwards, cannot vote
    const online = await verifiedResident(p);
    expect(() => castBasket(online, budgetId, [])).toThrow();
    const [town] = envelopesOf(budgetId).filter((e) => e.councilId === null);
    const before = total();
    expect(() => castBasket(online, budgetId, [`${town!.id}:1`])).toThrow(/alreadyVoted|errors\./);
    expect(total()).toBe(before);

    // a second time: refused, nothing more stored
    const again = await run(deskRoute.action, formRequest(`/budgets/${budgetId}/desk`, { intent: "paper", target: "", censusEntryId: String(entryId(p.reference)) }, { cookie }), { id: String(budgetId) });
    expect(again.status).toBe(409);
    expect(total()).toBe(before);
    const shown = await run(deskRoute.loader, getRequest(`/budgets/${budgetId}/desk?q=${encodeURIComponent(p.familyName)}`, { cookie }), { id: String(budgetId) });
    expect(shown.data.results[0].voted).toBe(true);
  });

  it("all or nothing: a resident who voted online in one envelope gets nothing recorded", async () => {
    const p = citizensA[1]!;
    const voter = await verifiedResident(p);
    const [town] = envelopesOf(budgetId).filter((e) => e.councilId === null);
    castBasket(voter, budgetId, [`${town!.id}:1`]);
    const mine = paperOf(p.reference);
    const cookie = await sessionCookieFor(desk.userId);
    const res = await run(deskRoute.action, formRequest(`/budgets/${budgetId}/desk`, { intent: "paper", target: "", censusEntryId: String(entryId(p.reference)) }, { cookie }), { id: String(budgetId) });
    expect(res.status).toBe(409);
    expect(paperOf(p.reference)).toEqual(mine);
    expect(mine.every((x) => x.channel === "online")).toBe(true);
  });

  it("a neighbourhood's desk records its own residents (town envelope included), and only them", async () => {
    const cookie = await sessionCookieFor(deskA.userId);
    const mine = citizensA[5]!;
    const found = await run(deskRoute.loader, getRequest(`/budgets/${budgetId}/desk?q=${encodeURIComponent(mine.familyName)}`, { cookie }), { id: String(budgetId) });
    expect(found.data.results.map((r: { id: number }) => r.id)).toEqual([entryId(mine.reference)]);
    const res = await run(deskRoute.action, formRequest(`/budgets/${budgetId}/desk`, { intent: "paper", target: "", censusEntryId: String(entryId(mine.reference)) }, { cookie }), { id: String(budgetId) });
    expect(res.status).toBe(302);
    expect(paperOf(mine.reference).map((x) => x.boxId).sort((x, y) => x - y)).toEqual([townBox, boxA].sort((x, y) => x - y));
    // a resident of another council: not found by this desk, and refused if posted anyway
    const theirs = bCitizens[0]!;
    const search = await run(deskRoute.loader, getRequest(`/budgets/${budgetId}/desk?q=${encodeURIComponent(theirs.familyName)}&person=${entryId(theirs.reference)}`, { cookie }), { id: String(budgetId) });
    expect(search.data.results).toEqual([]);
    expect(search.data.person).toBeNull();
    const before = total();
    const other = await run(deskRoute.action, formRequest(`/budgets/${budgetId}/desk`, { intent: "paper", target: "", censusEntryId: String(entryId(theirs.reference)) }, { cookie }), { id: String(budgetId) });
    expect(other.status).toBe(403);
    expect(total()).toBe(before);
  });

  it("refuses a resident, an unknown person and a tampered form, storing nothing", async () => {
    const before = total();
    const ref = citizensA[2]!.reference;
    const resident = await verifiedResident(citizensA[3]!);
    const asResident = await run(deskRoute.loader, getRequest(`/budgets/${budgetId}/desk`, { cookie: await sessionCookieFor(resident.userId) }), { id: String(budgetId) });
    expect(asResident.status).toBe(403);
    const cookie = await sessionCookieFor(desk.userId);
    const unknown = await run(deskRoute.action, formRequest(`/budgets/${budgetId}/desk`, { intent: "paper", target: "", censusEntryId: "999999" }, { cookie }), { id: String(budgetId) });
    expect(unknown.status).toBe(404);
    const tampered = await run(deskRoute.action, formRequest(`/budgets/${budgetId}/desk`, { intent: "paper", target: "", censusEntryId: "abc" }, { cookie }), { id: String(budgetId) });
    expect(tampered.status).toBe(400);
    expect(total()).toBe(before);
    expect(db.select({ n: count() }).from(participations).where(and(eq(participations.personKey, `census:${entryId(ref)}`))).get()!.n).toBe(0);
  });

  it("outside the vote phase, nothing can be recorded", async () => {
    const cookie = await sessionCookieFor(desk.userId);
    const draft = createBudget(official, budgetInput({ title: "Budget en préparation", townAmount: 10_000, explanation: EXPLAIN }));
    changePhase(official, draft.id, { to: "collection", explanation: EXPLAIN });
    const before = total();
    const res = await run(deskRoute.action, formRequest(`/budgets/${draft.id}/desk`, { intent: "paper", target: "", censusEntryId: String(entryId(citizensA[4]!.reference)) }, { cookie }), { id: String(draft.id) });
    expect(res.status).toBe(409);
    expect(total()).toBe(before);
    const page = await run(deskRoute.loader, getRequest(`/budgets/${draft.id}/desk`, { cookie }), { id: String(draft.id) });
    expect(page.data.open).toBe(false);
  });
});
