/**
 * Double submissions and refusals through the routes: one record per form token, the same
 * page shown once; a refusal by the policy is a 403 whatever route carries it.
 */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { comments, decisions, ideas, meetings } from "#db/schema";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { reportContent } from "~/domain/moderation/moderation.server";
import * as ideaRoute from "~/routes/ideas.$id";
import * as newIdea from "~/routes/ideas.new";
import * as newMeeting from "~/routes/meetings.new";
import * as moderationRoute from "~/routes/moderation";
import * as decisionsNew from "~/routes/decisions.new";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { formRequest, run, sessionCookieFor } from "../support/http";

const WHY =
  "Le conseil a examiné la demande en séance : l'emplacement proposé gêne l'accès des pompiers à la cour de l'école, et la ville proposera un autre emplacement au printemps prochain.";
let councilA: number;
let councilB: number;
let resident: Awaited<ReturnType<typeof makeUser>>;
let residentCookie: string;
let ideaId: number;

const countOf = (t: typeof comments | typeof ideas | typeof meetings | typeof decisions) => db.select({ n: count() }).from(t).get()!.n;

beforeAll(async () => {
  emptyTown();
  councilA = makeCouncil("Les Tilleuls").id;
  councilB = makeCouncil("Le Port").id;
  resident = await makeUser({ name: "Rémi" });
  residentCookie = await sessionCookieFor(resident.userId);
  ideaId = submitIdea(resident, { title: "Des bancs au square", body: "Il manque des bancs à l'ombre pour les personnes âgées du quartier.", theme: "public_space", councilId: councilA, place: "" }).id;
});

describe("one-time form tokens", () => {
  it("five identical comments posted in parallel store one and show it once", async () => {
    const before = countOf(comments);
    const token = "Tok_parallel_comment_0001";
    const post = () => run(ideaRoute.action, formRequest(`/ideas/${ideaId}`, { intent: "comment", target: "", stance: "for", body: "Oui, surtout près de l'aire de jeux.", _once: token }, { cookie: residentCookie }), { id: String(ideaId) });
    const results = await Promise.all([post(), post(), post(), post(), post()]);
    expect(countOf(comments)).toBe(before + 1);
    const stored = db.select().from(comments).where(eq(comments.ideaId, ideaId)).all();
    expect(stored.filter((c) => c.body === "Oui, surtout près de l'aire de jeux.")).toHaveLength(1);
    // every submission lands on the one comment
    expect(new Set(results.map((r) => `${r.status} ${r.location}`))).toEqual(new Set([`302 /ideas/${ideaId}?comment=${stored.at(-1)!.id}#comment-${stored.at(-1)!.id}`]));
  });

  it("a new idea sent twice (double click) is stored once", async () => {
    const before = countOf(ideas);
    const fields = { title: "Une boîte à livres", body: "Une boîte à livres sous la halle, entretenue par les bénévoles.", theme: "culture", councilId: String(councilA), place: "", _once: "Tok_double_idea_000000001" };
    const a = await run(newIdea.action, formRequest("/ideas/new", fields, { cookie: residentCookie }));
    const b = await run(newIdea.action, formRequest("/ideas/new", fields, { cookie: residentCookie }));
    expect(countOf(ideas)).toBe(before + 1);
    expect(a.location).toBe(b.location);
  });

  it("a failed submission does not use up its token", async () => {
    const token = "Tok_failed_then_fixed_0001";
    const bad = await run(ideaRoute.action, formRequest(`/ideas/${ideaId}`, { intent: "comment", target: "", stance: "for", body: "   ", _once: token }, { cookie: residentCookie }), { id: String(ideaId) });
    expect(bad.status).toBe(400);
    const good = await run(ideaRoute.action, formRequest(`/ideas/${ideaId}`, { intent: "comment", target: "", stance: "against", body: "Non : il y a déjà deux bancs.", _once: token }, { cookie: residentCookie }), { id: String(ideaId) });
    expect(good.status).toBe(302);
    expect(db.select().from(comments).where(eq(comments.body, "Non : il y a déjà deux bancs.")).all()).toHaveLength(1);
  });

  it("a creating form without a token is refused with a message, nothing stored", async () => {
    const before = countOf(comments);
    const res = await run(ideaRoute.action, formRequest(`/ideas/${ideaId}`, { intent: "comment", target: "", stance: "for", body: "Sans jeton.", _once: "" }, { cookie: residentCookie }), { id: String(ideaId) });
    expect(res.status).toBe(400);
    expect(res.data.reply.error[""]).toEqual(["errors.formExpired"]);
    expect(res.data.reply.initialValue.body).toBe("Sans jeton.");
    expect(countOf(comments)).toBe(before);
  });

  it("a decision published twice writes one register entry", async () => {
    const official = await makeUser({ roles: [{ role: "official", councilId: councilA }] });
    const cookie = await sessionCookieFor(official.userId);
    const before = countOf(decisions);
    const fields = { councilId: String(councilA), title: "Emplacement des bancs", outcome: "rejected", explanation: WHY, evidence: "", supersedes: "", _once: "Tok_double_decision_00001" };
    const [a, b] = await Promise.all([run(decisionsNew.action, formRequest("/decisions/new", fields, { cookie })), run(decisionsNew.action, formRequest("/decisions/new", fields, { cookie }))]);
    expect(countOf(decisions)).toBe(before + 1);
    expect(a.location).toBe(b.location);
  });
});

describe("refusals are 4xx", () => {
  it("a facilitator hiding another council's idea through /moderation gets 403, nothing hidden", async () => {
    const other = submitIdea(resident, { title: "Un composteur au Port", body: "Un composteur collectif près de la capitainerie, géré par l'association.", theme: "environment", councilId: councilB, place: "" });
    reportContent(resident, { subjectKind: "idea", subjectId: other.id, reason: "Contenu publicitaire" });
    const facilitatorA = await makeUser({ roles: [{ role: "facilitator", councilId: councilA }] });
    const cookie = await sessionCookieFor(facilitatorA.userId);
    const res = await run(moderationRoute.action, formRequest("/moderation", { intent: "hide", target: `idea-${other.id}`, subjectKind: "idea", subjectId: String(other.id), reason: WHY }, { cookie }));
    expect(res.status).toBe(403);
    expect(db.select().from(ideas).where(eq(ideas.id, other.id)).get()!.hiddenAt).toBeNull();
  });

  it("a meeting at an hour that does not exist in Paris is refused with a message and kept", async () => {
    const facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: councilA }] });
    const cookie = await sessionCookieFor(facilitator.userId);
    const before = countOf(meetings);
    const res = await run(newMeeting.action, formRequest("/meetings/new", { councilId: String(councilA), title: "Conseil de printemps", startsAt: "2027-03-28T02:30", endsAt: "2027-03-28T04:00", placeName: "Salle des fêtes", address: "", accessibility: "" }, { cookie }));
    expect(res.status).toBe(400);
    expect(res.data.error.startsAt).toEqual(["errors.timeMissing"]);
    expect(res.data.initialValue.startsAt).toBe("2027-03-28T02:30");
    expect(countOf(meetings)).toBe(before);
  });

  it("ids are digits only, in every route", async () => {
    for (const bad of ["0x10", "1e1", "1.0", "0", "-1", "01"]) {
      const res = await run(ideaRoute.loader, formRequest(`/ideas/${bad}`, {}), { id: bad });
      expect(res.status, bad).toBe(404);
    }
  });
});
