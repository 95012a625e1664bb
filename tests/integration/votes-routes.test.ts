/**
 * The vote and residency pages through their route modules: creating a vote (binding only
 * when the rulebook allows), the desk (a census resident without an account votes, then
 * cannot vote online), paper entry and the count, the decision that follows (a binding
 * vote's decision must match), the board as open data, receipts, the census import form and
 * the online claim.
 */
import { eq } from "drizzle-orm";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { ballotBoxes, censusEntries, votes } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { datasets, findDataset } from "~/domain/opendata/registry.server";
import { countVote } from "~/domain/votes/votes.server";
import * as censusRoute from "~/routes/admin.census";
import * as residencyRoute from "~/routes/account.residency";
import * as receiptsRoute from "~/routes/receipts";
import * as countRoute from "~/routes/votes.$id_.count";
import * as deskRoute from "~/routes/votes.$id_.desk";
import * as voteRoute from "~/routes/votes.$id";
import * as newVoteRoute from "~/routes/votes.new";
import { BOM } from "~/lib/csv";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";
import { makeRules } from "../support/own-data";
import { censusCsv, entryId, importPeople, makeVote, people, verifiedResident, type CensusPerson } from "../support/voting";

const WHY =
  "Le conseil a pesé les deux options pendant la réunion publique : la majorité des participants préfère la place plantée, et les services confirment que le budget d'entretien le permet dès le printemps.";
let official: Actor;
let officialCookie: string;
let facilitatorCookie: string;
let facilitator2Cookie: string;
let citizens: CensusPerson[];
let councilId: number;
let slug: string;

beforeAll(async () => {
  emptyTown();
  const c = makeCouncil("Les Tilleuls");
  councilId = c.id;
  slug = c.slug;
  citizens = people(20, slug);
  await importPeople(citizens);
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  officialCookie = await sessionCookieFor(official.userId);
  facilitatorCookie = await sessionCookieFor((await makeUser({ roles: [{ role: "facilitator", councilId: null }] })).userId);
  facilitator2Cookie = await sessionCookieFor((await makeUser({ roles: [{ role: "facilitator", councilId: null }] })).userId);
});

describe("creating a vote", () => {
  const fields = {
    councilId: "town",
    question: "Faut-il un marché le dimanche matin ?",
    description: WHY,
    form: "yes_no",
    options: "",
    minChoices: "",
    maxChoices: "",
    opensAt: "2099-03-01T09:00",
    closesAt: "2099-03-15T19:00",
  };

  it("schedules a vote with its register entry; advisory only when the rulebook says so", async () => {
    await makeRules({ votesBinding: false }, official);
    const bound = await run(newVoteRoute.action, formRequest("/votes/new", { ...fields, binding: "on" }, { cookie: officialCookie }));
    expect(bound.status).toBe(400);
    expect(bound.data.error.binding).toEqual(["errors.bindingNotAllowed"]);
    const ok = await run(newVoteRoute.action, formRequest("/votes/new", fields, { cookie: officialCookie }));
    expect(ok.status).toBe(302);
    expect(ok.location).toMatch(/^\/votes\/\d+$/);
  });

  it("refuses bad input with messages and keeps it: options, times, DST", async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ form: "options", options: "Une seule" }, "options", "errors.voteOptionsFew"],
      [{ form: "options", options: "A\nA" }, "options", "errors.voteOptionsDuplicate"],
      [{ form: "options", options: "A\nB", minChoices: "2", maxChoices: "1" }, "maxChoices", "errors.maxBelowMin"],
      [{ opensAt: "2099-02-30T09:00" }, "opensAt", "errors.dateTimeInvalid"],
      [{ opensAt: "2000-01-01T09:00" }, "opensAt", "errors.voteOpensInPast"],
      [{ opensAt: "2099-03-29T02:30" }, "opensAt", "errors.timeMissing"],
      [{ question: "\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b" }, "question", "errors.invisibleText"],
    ];
    for (const [over, field, key] of cases) {
      const res = await run(newVoteRoute.action, formRequest("/votes/new", { ...fields, ...over }, { cookie: officialCookie }));
      expect(res.status, key).toBe(400);
      expect(res.data.error[field], key).toEqual([key]);
      expect(res.data.initialValue.question).toBe(over.question ?? fields.question);
    }
    const resident = await sessionCookieFor((await makeUser()).userId);
    expect((await run(newVoteRoute.action, formRequest("/votes/new", fields, { cookie: resident }))).status).toBe(403);
  });
});

describe("the desk, the count and the decision", () => {
  it("a census resident without an account votes at the desk, and then cannot vote online", async () => {
    const start = new Date(Date.now() - 30 * 60_000);
    const vote = makeVote(official, { councilId, question: "Quel nom pour le nouveau square ?", form: "options", options: "Square des Tilleuls\nSquare Louise-Michel", minChoices: 1, maxChoices: 1 }, start);
    const p = citizens[0]!;
    const id = entryId(p.reference);
    // the desk finds the person by name
    const search = await run(deskRoute.loader, getRequest(`/votes/${vote.id}/desk?q=${encodeURIComponent(p.familyName)}`, { cookie: facilitatorCookie }), { id: String(vote.id) });
    expect(search.data.results.map((r: { id: number }) => r.id)).toContain(id);
    // review, then cast on the desk's screen
    const review = await run(deskRoute.action, formRequest(`/votes/${vote.id}/desk`, { intent: "review", target: "", censusEntryId: String(id), choices: "o2" }, { cookie: facilitatorCookie }), { id: String(vote.id) });
    expect(review.data.review).toEqual(["o2"]);
    const cast = await run(deskRoute.action, formRequest(`/votes/${vote.id}/desk`, { intent: "cast", target: "", censusEntryId: String(id), choices: "o2" }, { cookie: facilitatorCookie }), { id: String(vote.id) });
    expect(cast.data.receipt).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    // later the resident creates an account, verifies online, and tries to vote: refused
    const online = await verifiedResident(p);
    const cookie = await sessionCookieFor(online.userId);
    const page = await run(voteRoute.loader, getRequest(`/votes/${vote.id}`, { cookie }), { id: String(vote.id) });
    expect(page.data.viewer.voted).toBe(true);
    const again = await run(voteRoute.action, formRequest(`/votes/${vote.id}`, { intent: "cast", target: "", choices: "o1" }, { cookie }), { id: String(vote.id) });
    expect(again.status).toBe(409);
    expect(again.data.reply.error[""]).toEqual(["errors.alreadyVoted"]);
    // a desk from another council cannot act here; a resident cannot open the desk
    const residentCookie = await sessionCookieFor((await makeUser()).userId);
    expect((await run(deskRoute.loader, getRequest(`/votes/${vote.id}/desk`, { cookie: residentCookie }), { id: String(vote.id) })).status).toBe(403);
  });

  it("paper sheets are entered twice by two people, then the count is published; the decision follows", async () => {
    const start = new Date(Date.now() - 3 * 3600_000);
    const vote = makeVote(official, { question: "Faut-il fermer la rue de l'école aux voitures ?" }, start);
    // paper participations recorded on the day (the box is closed now: use the domain with the day's clock)
    const { recordPaperParticipation, castOnline } = await import("~/domain/ballot-box/cast.server");
    const { loadActor } = await import("~/domain/accounts/session.server");
    const desk = loadActor((await makeUser({ roles: [{ role: "facilitator", councilId: null }] })).userId)!;
    const during = new Date(start.getTime() + 10 * 60_000);
    for (const p of citizens.slice(5, 7)) recordPaperParticipation(desk, { boxId: vote.boxId, censusEntryId: entryId(p.reference) }, { now: during });
    const voters = await Promise.all(citizens.slice(7, 13).map(verifiedResident));
    const receipts = voters.map((v, i) => castOnline(v, [{ boxId: vote.boxId, choices: [i < 5 ? "yes" : "no"] }], { now: during }).receipt);
    const id = String(vote.id);
    const sheet = (cookie: string, sheetNo: string, choices: string | null) =>
      run(countRoute.action, formRequest(`/votes/${id}/count`, { intent: "sheet", target: "", sheet: sheetNo, ...(choices ? { choices } : { spoiled: "on" }) }, { cookie }), { id });
    expect((await sheet(facilitatorCookie, "1", "yes")).status).toBe(302);
    const same = await sheet(facilitatorCookie, "1", "yes");
    expect(same.status).toBe(409);
    expect(same.data.reply.error.sheet).toEqual(["errors.samePersonTwice"]);
    expect((await sheet(facilitator2Cookie, "1", "yes")).status).toBe(302);
    expect((await sheet(facilitatorCookie, "2", null)).status).toBe(302);
    // counting is blocked while sheet 2 was entered once
    const blocked = await run(countRoute.action, formRequest(`/votes/${id}/count`, { intent: "count", target: "", explanation: "" }, { cookie: facilitatorCookie }), { id });
    expect(blocked.status).toBe(409);
    expect((await sheet(facilitator2Cookie, "2", null)).status).toBe(302);
    const counted = await run(countRoute.action, formRequest(`/votes/${id}/count`, { intent: "count", target: "", explanation: "" }, { cookie: facilitatorCookie }), { id });
    expect(counted.status).toBe(302);
    const page = await run(voteRoute.loader, getRequest(`/votes/${id}`), { id });
    expect(page.data.state).toBe("closed");
    expect(page.data.results.counts.map((c: { id: string; count: number }) => [c.id, c.count])).toEqual([["yes", 6], ["no", 1], ["abstain", 0]]);
    expect(page.data.results.certificate.paper).toEqual({ sheets: 2, counted: 1, spoiled: 1, difference: 0 });
    // the board as open data agrees with the tally, and each receipt finds its line
    const board = JSON.parse(findDataset(`vote-${id}-board.json`)!.produce({ locale: "fr", townName: "T" })) as { ballots: { id: string; choices: string[] }[] };
    expect(board.ballots).toHaveLength(7);
    expect(board.ballots.filter((b) => b.choices.includes("yes"))).toHaveLength(6);
    const csv = findDataset(`vote-${id}-board.csv`)!.produce({ locale: "fr", townName: "T" });
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.choice_yes === "1")).toHaveLength(6);
    for (const [i, code] of receipts.entries()) {
      const found = await run(receiptsRoute.loader, getRequest(`/receipts?code=${encodeURIComponent(code.toLowerCase())}`), {});
      expect(found.data.found[0].choices).toEqual([i < 5 ? "yes" : "no"]);
      expect(board.ballots.some((b) => b.id === found.data.found[0].ballotId)).toBe(true);
    }
    expect((await run(receiptsRoute.loader, getRequest("/receipts?code=nope"), {})).data.error).toBe("errors.receiptInvalid");

    // the decision that follows: a binding vote's decision must follow the result
    db.update(votes).set({ binding: true }).where(eq(votes.id, vote.id)).run();
    const wrong = await run(voteRoute.action, formRequest(`/votes/${id}`, { intent: "decide", target: "", outcome: "rejected", explanation: WHY }, { cookie: officialCookie }), { id });
    expect(wrong.status).toBe(400);
    expect(wrong.data.reply.error.outcome).toEqual(["errors.bindingMismatch"]);
    const ok = await run(voteRoute.action, formRequest(`/votes/${id}`, { intent: "decide", target: "", outcome: "adopted", explanation: WHY }, { cookie: officialCookie }), { id });
    expect(ok.status).toBe(302);
    expect((await run(voteRoute.loader, getRequest(`/votes/${id}`), { id })).data.decision.outcome).toBe("adopted");
    expect(datasets().some((d) => d.file === `vote-${id}-board.json`)).toBe(true);
    // counting twice is refused
    expect(() => countVote(official, vote.id, {})).toThrow();
    expect(db.select().from(ballotBoxes).where(eq(ballotBoxes.id, vote.boxId)).get()!.closedAt).not.toBeNull();
  });
});

describe("residency pages", () => {
  it("the census import names each bad line and imports nothing; a good file imports", async () => {
    const admin = await makeUser({ roles: [{ role: "admin", councilId: null }] });
    const cookie = await sessionCookieFor(admin.userId);
    const before = db.select().from(censusEntries).all().length;
    const bad = `${censusCsv(people(2, slug))}\nX-1;Sans;Date;pas-une-date;${slug};1 rue\nX-2;Sans;Quartier;1990-01-01;nulle-part;2 rue`;
    const res = await run(censusRoute.action, formRequest("/admin/census", { text: bad }, { cookie }));
    expect(res.status).toBe(400);
    expect(res.data.lines.map((l: { line: number }) => l.line)).toEqual([4, 5]);
    expect(res.data.text).toBe(bad);
    expect(db.select().from(censusEntries).all().length).toBe(before);
    const ok = await run(censusRoute.action, formRequest("/admin/census", { text: censusCsv([...citizens, ...people(1, slug)]) }, { cookie }));
    expect(ok.status).toBe(302);
    const resident = await sessionCookieFor((await makeUser()).userId);
    expect((await run(censusRoute.action, formRequest("/admin/census", { text: bad }, { cookie: resident }))).status).toBe(403);
  });

  it("a resident claims residency online; a mismatch keeps what was typed, the reference too (the page is private and no-store)", async () => {
    const u = await makeUser();
    const cookie = await sessionCookieFor(u.userId);
    const p = citizens[15]!;
    const wrong = await run(residencyRoute.action, formRequest("/account/residency", { reference: p.reference, familyName: "Personne", birthDate: "17/05/1980" }, { cookie }));
    expect(wrong.status).toBe(400);
    expect(wrong.data.error[""]).toEqual(["errors.claimNoMatch"]);
    expect(wrong.data.initialValue.familyName).toBe("Personne");
    expect(wrong.data.initialValue.reference).toBe(p.reference);
    const badDate = await run(residencyRoute.action, formRequest("/account/residency", { reference: p.reference, familyName: p.familyName, birthDate: "31/02/1980" }, { cookie }));
    expect(badDate.data.error.birthDate).toEqual(["errors.birthDateInvalid"]);
    const ok = await run(residencyRoute.action, formRequest("/account/residency", { reference: p.reference, familyName: p.familyName, birthDate: "17/05/1980" }, { cookie }));
    expect(ok.status).toBe(302);
    const page = await run(residencyRoute.loader, getRequest("/account/residency", { cookie }));
    expect(page.data.verified).toBe(true);
  });
});
