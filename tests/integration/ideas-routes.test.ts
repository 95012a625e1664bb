/** The idea forms through their routes: 4xx with messages and typed values kept, nothing stored. */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { comments, decisions, ideas, reports, supports } from "#db/schema";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { submitIdea } from "~/domain/ideas/ideas.server";
import * as newIdea from "~/routes/ideas.new";
import * as ideaRoute from "~/routes/ideas.$id";
import * as editRoute from "~/routes/ideas.$id_.edit";
import * as ideasList from "~/routes/ideas._index";
import * as searchRoute from "~/routes/search";
import * as moderationRoute from "~/routes/moderation";
import { demoTown, makeUser } from "../support/fixtures";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";

const WHY =
  "Les services techniques ont vérifié l'emplacement : le trottoir est assez large pour six arceaux sans gêner les piétons ni les poussettes. Coût estimé : 1 200 €, pris sur le budget d'entretien.";
let centre: number;
let resident: string;
let residentId: string;
let other: string;
let facilitator: string;
let ideaId: number;

const n = (t: typeof ideas | typeof comments | typeof supports | typeof reports | typeof decisions) => db.select({ n: count() }).from(t).get()!.n;

beforeAll(async () => {
  await demoTown();
  centre = getCouncilBySlug("centre-ville")!.id;
  const r = await makeUser({ name: "Rémi" });
  residentId = r.userId;
  resident = await sessionCookieFor(r.userId);
  other = await sessionCookieFor((await makeUser({ name: "Odile" })).userId);
  facilitator = await sessionCookieFor((await makeUser({ name: "Fanny", roles: [{ role: "facilitator", councilId: centre }] })).userId);
  ideaId = submitIdea(r, { title: "Arceaux vélos rue des Halles", body: "Il manque des arceaux pour attacher les vélos près du marché couvert.", theme: "mobility", councilId: centre, place: "Rue des Halles" }).id;
});

describe("new idea", () => {
  it("sends visitors to log in", async () => {
    const res = await run(newIdea.loader, getRequest("/ideas/new"));
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/login\?redirectTo=/);
  });

  it("publishes a valid idea and redirects to it", async () => {
    const res = await run(newIdea.action, formRequest("/ideas/new", { title: "Une boîte à livres", body: "Une boîte à livres sous la halle, entretenue par les bénévoles du quartier.", theme: "culture", councilId: String(centre), place: "Halle" }, { cookie: resident }));
    expect(res.status).toBe(302);
    expect(res.location).toMatch(/^\/ideas\/\d+\?new=1$/);
  });

  const bad: [string, Record<string, string>, string, string][] = [
    ["empty title", { title: "" }, "title", "errors.required"],
    ["short body", { body: "Trop court" }, "body", 'errors.tooShort::{"min":20}'],
    ["unknown theme", { theme: "astrologie" }, "theme", "errors.choose"],
    ["unknown council", { councilId: "9999" }, "councilId", "errors.councilUnknown"],
    ["too long title", { title: "x".repeat(121) }, "title", 'errors.tooLong::{"max":120}'],
  ];
  for (const [name, over, field, key] of bad) {
    it(`refuses ${name} with 400 and keeps what was typed`, async () => {
      const before = n(ideas);
      const fields = { title: "Mon idée", body: "Une idée assez longue pour passer la validation.", theme: "culture", councilId: String(centre), place: "Place", ...over };
      const res = await run(newIdea.action, formRequest("/ideas/new", fields, { cookie: resident }));
      expect(res.status).toBe(400);
      expect(res.data.error[field]).toEqual([key]);
      expect(res.data.initialValue.place).toBe("Place");
      expect(n(ideas)).toBe(before);
    });
  }

  it("médiation: requires consent and a name, and is refused to residents", async () => {
    const before = n(ideas);
    const fields = { onBehalf: "1", title: "Banc devant la poste", body: "Pour les personnes âgées qui attendent l'ouverture du bureau de poste.", theme: "public_space", councilId: String(centre), place: "", channel: "assisted", onBehalfName: "Marcel Dupuis", onBehalfContact: "" };
    const noConsent = await run(newIdea.action, formRequest("/ideas/new", fields, { cookie: facilitator }));
    expect(noConsent.status).toBe(400);
    expect(noConsent.data.error.consent).toEqual(["errors.consentRequired"]);
    expect(noConsent.data.initialValue.onBehalfName).toBe("Marcel Dupuis");
    const asResident = await run(newIdea.action, formRequest("/ideas/new", { ...fields, consent: "on" }, { cookie: resident }));
    expect(asResident.status).toBe(403);
    expect(n(ideas)).toBe(before);
    const ok = await run(newIdea.action, formRequest("/ideas/new", { ...fields, consent: "on" }, { cookie: facilitator }));
    expect(ok.status).toBe(302);
    const id = Number(ok.location!.match(/\/ideas\/(\d+)/)![1]);
    expect(db.select().from(ideas).where(eq(ideas.id, id)).get()).toMatchObject({ channel: "assisted", onBehalfName: "Marcel Dupuis", consentNoted: true });
  });
});

describe("idea page actions", () => {
  const post = (fields: Record<string, string>, cookie: string) => run(ideaRoute.action, formRequest(`/ideas/${ideaId}`, fields, { cookie }), { id: String(ideaId) });

  it("supports, then refuses a second support with a message", async () => {
    expect((await post({ intent: "support" }, other)).status).toBe(302);
    const again = await post({ intent: "support" }, other);
    expect(again.status).toBe(409);
    expect(again.data.reply.error[""]).toEqual(["errors.alreadySupported"]);
    expect(db.select({ n: count() }).from(supports).where(eq(supports.ideaId, ideaId)).get()!.n).toBe(1);
  });

  it("comments need a body and a known stance; bad replies are refused", async () => {
    const before = n(comments);
    const empty = await post({ intent: "comment", stance: "against", body: "" }, other);
    expect(empty.status).toBe(400);
    expect(empty.data).toMatchObject({ intent: "comment", target: "" });
    expect(empty.data.reply.error.body).toEqual(["errors.required"]);
    expect(empty.data.reply.initialValue.stance).toBe("against");
    const badStance = await post({ intent: "comment", stance: "peut-être", body: "Hmm" }, other);
    expect(badStance.data.reply.error.stance).toEqual(["errors.choose"]);
    const orphan = await post({ intent: "reply", target: "99999", parentId: "99999", body: "Réponse" }, other);
    expect(orphan.status).toBe(400);
    expect(orphan.data.reply.error[""]).toEqual(["errors.parentUnknown"]);
    expect(n(comments)).toBe(before);
    const ok = await post({ intent: "comment", stance: "for", body: "Oui, les vélos sont attachés aux grilles." }, other);
    expect(ok.status).toBe(302);
    expect(ok.location).toMatch(/#comment-\d+$/);
  });

  it("answers need the role, a real explanation and an allowed status", async () => {
    const before = n(decisions);
    expect((await post({ intent: "answer", status: "accepted", explanation: WHY }, resident)).status).toBe(403);
    const short = await post({ intent: "answer", status: "accepted", explanation: "D'accord." }, facilitator);
    expect(short.status).toBe(400);
    expect(short.data.reply.error.explanation[0]).toMatch(/^errors\.explanationShort::/);
    expect(short.data.reply.initialValue.explanation).toBe("D'accord.");
    const wrong = await post({ intent: "answer", status: "implemented", explanation: WHY }, facilitator);
    expect(wrong.data.reply.error.status).toEqual(["errors.answerNotAllowed"]);
    expect(n(decisions)).toBe(before);
    const ok = await post({ intent: "answer", status: "accepted", explanation: WHY }, facilitator);
    expect(ok.location).toBe(`/ideas/${ideaId}#answers`);
    expect(n(decisions)).toBe(before + 1);
    const page = await run(ideaRoute.loader, getRequest(`/ideas/${ideaId}`), { id: String(ideaId) });
    expect(page.data.answers[0]).toMatchObject({ outcome: "accepted", authorName: "Fanny", authorRole: "facilitator" });
    expect(page.data.idea.answeredInTime).toBe(true);
  });

  it("reports need a reason; the report reaches the moderation queue", async () => {
    const c = db.select().from(comments).where(eq(comments.ideaId, ideaId)).get()!;
    const empty = await post({ intent: "report", target: `comment-${c.id}`, subjectKind: "comment", subjectId: String(c.id), reason: "" }, resident);
    expect(empty.status).toBe(400);
    expect(empty.data.reply.error.reason).toEqual(["errors.required"]);
    const ok = await post({ intent: "report", target: `comment-${c.id}`, subjectKind: "comment", subjectId: String(c.id), reason: "Hors sujet" }, resident);
    expect(ok.location).toBe(`/ideas/${ideaId}?reported=1`);
    const queue = await run(moderationRoute.loader, getRequest("/moderation", { cookie: facilitator }));
    expect(queue.data.queue.map((q: { id: number }) => q.id)).toContain(c.id);
    expect((await run(moderationRoute.loader, getRequest("/moderation", { cookie: resident }))).status).toBe(403);
    const tooShort = await run(moderationRoute.action, formRequest("/moderation", { intent: "hide", target: `comment-${c.id}`, subjectKind: "comment", subjectId: String(c.id), reason: "Non." }, { cookie: facilitator }));
    expect(tooShort.status).toBe(400);
    expect(tooShort.data.reply.error.reason[0]).toMatch(/^errors\.explanationShort/);
  });

  it("refuses an unknown intent, a malformed target and a missing idea with 4xx", async () => {
    expect((await post({ intent: "explode" }, resident)).status).toBe(400);
    expect((await post({ intent: "withdrawComment", target: "abc" }, resident)).status).toBe(400);
    expect((await post({ intent: "withdrawComment", target: "99999" }, resident)).status).toBe(404);
    expect((await run(moderationRoute.action, formRequest("/moderation", { intent: "dismiss", reportId: "x" }, { cookie: facilitator }))).status).toBe(400);
    expect((await run(moderationRoute.action, formRequest("/moderation", { intent: "dismiss", reportId: "99999" }, { cookie: facilitator }))).status).toBe(404);
    const missing = await run(ideaRoute.loader, getRequest("/ideas/99999"), { id: "99999" });
    expect(missing.status).toBe(404);
    const garbage = await run(ideaRoute.loader, getRequest("/ideas/abc"), { id: "abc" });
    expect(garbage.status).toBe(404);
  });

  it("only the author edits, and only before an answer", async () => {
    const mine = submitIdea({ userId: residentId, displayName: "Rémi", email: "", assignments: [], residency: null }, { title: "Nichoirs au parc", body: "Installer des nichoirs à mésanges dans le parc, avec l'école.", theme: "environment", councilId: centre, place: "" });
    expect((await run(editRoute.loader, getRequest(`/ideas/${mine.id}/edit`, { cookie: other }), { id: String(mine.id) })).status).toBe(403);
    const same = await run(editRoute.action, formRequest(`/ideas/${mine.id}/edit`, { title: "Nichoirs au parc", body: "Installer des nichoirs à mésanges dans le parc, avec l'école.", theme: "environment", place: "" }, { cookie: resident }), { id: String(mine.id) });
    expect(same.status).toBe(400);
    expect(same.data.error[""]).toEqual(["errors.nothingChanged"]);
    const ok = await run(editRoute.action, formRequest(`/ideas/${mine.id}/edit`, { title: "Nichoirs au parc de la Croix", body: "Installer des nichoirs à mésanges dans le parc, avec l'école Jean-Moulin.", theme: "environment", place: "Parc" }, { cookie: resident }), { id: String(mine.id) });
    expect(ok.status).toBe(302);
  });
});

describe("lists and search through their routes", () => {
  it("filters and sorts, ignoring nonsense parameters", async () => {
    const res = await run(ideasList.loader, getRequest("/ideas?status=accepted&sort=supported&page=-4&theme=nope"));
    expect(res.status).toBe(200);
    expect(res.data.filters).toMatchObject({ status: "accepted", sort: "supported", page: 1, theme: undefined });
    expect(res.data.rows.every((r: { status: string }) => r.status === "accepted")).toBe(true);
  });
  it("searches without accents and survives odd input", async () => {
    const res = await run(searchRoute.loader, getRequest("/search?q=arceaux%20velos"));
    expect(res.data.hits.map((h: { href: string }) => h.href)).toContain(`/ideas/${ideaId}`);
    const odd = await run(searchRoute.loader, getRequest(`/search?q=${encodeURIComponent('"); DROP TABLE ideas; -- * NEAR(')}`));
    expect(odd.status).toBe(200);
  });
});
