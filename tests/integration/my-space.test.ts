/**
 * "My space" lists the votes and budgets a resident took part in (title, page, channel and
 * day; never what was chosen, never a receipt), only their own, and shows followed votes,
 * budgets and projects by title with their page.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import type { Actor } from "~/domain/accounts/policy";
import { mySpace } from "~/domain/accounts/my-space.server";
import { castAtDesk, castOnline } from "~/domain/ballot-box/cast.server";
import { loadActor } from "~/domain/accounts/session.server";
import { createBudget } from "~/domain/budgets/budgets.server";
import { follow, isFollowing } from "~/domain/notifications/notify.server";
import * as budgetRoute from "~/routes/budgets.$id";
import * as voteRoute from "~/routes/votes.$id";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { budgetInput, entryId, importPeople, makeVote, people, verifiedResident, type CensusPerson } from "../support/voting";

const HOUR = 3600_000;
let official: Actor;
let desk: Actor;
let citizens: CensusPerson[];

beforeAll(async () => {
  emptyTown();
  const c = makeCouncil("Les Cerisiers");
  citizens = people(4, c.slug);
  await importPeople(citizens);
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  desk = loadActor((await makeUser({ roles: [{ role: "facilitator", councilId: null }] })).userId)!;
}, 60_000);

describe("my space", () => {
  it("lists the boxes I took part in, with the channel and the day, and nobody else's", async () => {
    const start = new Date(Date.now() - 2 * HOUR);
    const during = new Date(start.getTime() + 10 * 60_000);
    const online = makeVote(official, { question: "Faut-il planter des cerisiers place Verte ?" }, start);
    const atDesk = makeVote(official, { question: "Faut-il un banc devant l'école ?" }, start);
    const me = await verifiedResident(citizens[0]!);
    const other = await verifiedResident(citizens[1]!);
    castOnline(me, [{ boxId: online.boxId, choices: ["yes"] }], { now: during });
    castAtDesk(desk, { censusEntryId: entryId(citizens[0]!.reference), casts: [{ boxId: atDesk.boxId, choices: ["no"] }] }, { now: during });
    castOnline(other, [{ boxId: atDesk.boxId, choices: ["yes"] }], { now: during });

    const mine = mySpace(me.userId).extra.find((s) => s.id === "participations")!;
    expect(mine.items.map((i) => [i.label, i.href, i.note?.key]).sort()).toEqual(
      [
        ["Faut-il planter des cerisiers place Verte ?", `/votes/${online.id}`, "space.tookPart.online"],
        ["Faut-il un banc devant l'école ?", `/votes/${atDesk.id}`, "space.tookPart.desk"],
      ].sort(),
    );
    expect(mine.items.every((i) => /^\d{4}-\d{2}-\d{2}/.test(i.note!.date!))).toBe(true);
    // nothing about the choice or a receipt
    expect(JSON.stringify(mine)).not.toMatch(/"(yes|no)"|receipt/i);
    const theirs = mySpace(other.userId).extra.find((s) => s.id === "participations")!;
    expect(theirs.items.map((i) => i.href)).toEqual([`/votes/${atDesk.id}`]);
    // an account without residency has taken part in nothing
    const stranger = await makeUser({});
    expect(mySpace(stranger.userId).extra.find((s) => s.id === "participations")!.items).toEqual([]);
  });

  it("shows followed votes and budgets by title, with their page", async () => {
    const me = await makeUser({});
    const vote = makeVote(official, { question: "Faut-il éclairer le stade le soir ?" });
    const budget = createBudget(official, budgetInput({ title: "Budget des Cerisiers", townAmount: 20_000, explanation: "Le conseil municipal ouvre ce budget comme le prévoit le calendrier publié ; chaque habitant peut suivre son avancement." }));
    const at = new Date().toISOString();
    db.transaction((tx) => {
      follow(tx, me.userId, { kind: "vote", id: vote.id }, at);
      follow(tx, me.userId, { kind: "budget", id: budget.id }, at);
    });
    const following = mySpace(me.userId).following;
    expect(following.find((g) => g.kind === "vote")!.items).toEqual([{ id: vote.id, title: "Faut-il éclairer le stade le soir ?", href: `/votes/${vote.id}` }]);
    expect(following.find((g) => g.kind === "budget")!.items).toEqual([{ id: budget.id, title: "Budget des Cerisiers", href: `/budgets/${budget.id}` }]);
  });

  it("a vote's and a budget's page follow and unfollow, and say so; signed out, they point to the login", async () => {
    const me = await makeUser({});
    const cookie = await sessionCookieFor(me.userId);
    const vote = makeVote(official, { question: "Faut-il fleurir le pont ?" });
    const budget = createBudget(official, budgetInput({ title: "Budget du pont", townAmount: 20_000, explanation: "Le conseil municipal ouvre ce budget comme le prévoit le calendrier publié ; chaque habitant peut suivre son avancement." }));
    const v = await run(voteRoute.action, formRequest(`/votes/${vote.id}`, { intent: "follow" }, { cookie }), { id: String(vote.id) });
    expect(v).toMatchObject({ status: 302, location: `/votes/${vote.id}#follow` });
    expect(isFollowing(me.userId, { kind: "vote", id: vote.id })).toBe(true);
    expect((await run(voteRoute.loader, getRequest(`/votes/${vote.id}`, { cookie }), { id: String(vote.id) })).data.viewer.following).toBe(true);
    const b = await run(budgetRoute.action, formRequest(`/budgets/${budget.id}`, { intent: "follow" }, { cookie }), { id: String(budget.id) });
    expect(b).toMatchObject({ status: 302, location: `/budgets/${budget.id}#follow` });
    expect((await run(budgetRoute.loader, getRequest(`/budgets/${budget.id}`, { cookie }), { id: String(budget.id) })).data.following).toBe(true);
    expect(mySpace(me.userId).following.map((g) => g.kind).sort()).toEqual(["budget", "vote"]);
    await run(voteRoute.action, formRequest(`/votes/${vote.id}`, { intent: "unfollow" }, { cookie }), { id: String(vote.id) });
    await run(budgetRoute.action, formRequest(`/budgets/${budget.id}`, { intent: "unfollow" }, { cookie }), { id: String(budget.id) });
    expect(mySpace(me.userId).following).toEqual([]);
    // an unknown budget is a 404, nothing stored
    expect((await run(budgetRoute.action, formRequest(`/budgets/99999`, { intent: "follow" }, { cookie }), { id: "99999" })).status).toBe(404);
    // signed out: the vote page sends to the login and back
    const anon = await run(voteRoute.action, formRequest(`/votes/${vote.id}`, { intent: "follow" }), { id: String(vote.id) });
    expect(anon.status).toBe(302);
    expect(anon.location).toBe(`/login?redirectTo=${encodeURIComponent(`/votes/${vote.id}`)}`);
  });
});
