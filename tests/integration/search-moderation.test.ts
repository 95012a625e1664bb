/** Search (accent-insensitive, ranked, filtered, hidden content excluded) and moderation. */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { decisions, reports } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { ForbiddenError } from "~/domain/errors";
import { answerIdea } from "~/domain/ideas/answers.server";
import { addComment, commentsFor } from "~/domain/ideas/comments.server";
import { getIdea, listIdeas, submitIdea } from "~/domain/ideas/ideas.server";
import { dismissReports, hideContent, moderationQueue, reportContent, restoreContent } from "~/domain/moderation/moderation.server";
import { search, toFtsQuery } from "~/domain/search/search.server";
import { highlightAll } from "~/lib/highlight";
import { demoTown, makeUser } from "../support/fixtures";

const REASON =
  "Ce commentaire s'en prend personnellement à d'autres habitants au lieu de discuter de l'idée ; la charte demande des échanges respectueux. Le reste de la discussion reste visible.";

let centre: number;
let resident: Actor;
let other: Actor;
let facilitator: Actor;
let facilitatorElsewhere: Actor;
let lamp: number;
let bench: number;

beforeAll(async () => {
  await demoTown();
  centre = getCouncilBySlug("centre-ville")!.id;
  resident = await makeUser({ name: "Lina" });
  other = await makeUser({ name: "Paul" });
  facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: centre }] });
  facilitatorElsewhere = await makeUser({ roles: [{ role: "facilitator", councilId: getCouncilBySlug("les-coteaux")!.id }] });
  lamp = submitIdea(resident, { title: "Éclairage de la passerelle", body: "L'électricité de la passerelle est coupée depuis l'été : il faut réparer l'éclairage public.", theme: "safety", councilId: centre, place: "Passerelle du canal" }).id;
  bench = submitIdea(other, { title: "Bancs au square", body: "Des bancs à l'ombre pour les personnes âgées, près de l'aire de jeux et de la fontaine.", theme: "public_space", councilId: centre, place: "Square Voltaire" }).id;
  addComment(other, lamp, { stance: "for", body: "Oui, le soir c'est dangereux sans électricité.", parentId: null });
});

describe("search", () => {
  it("builds safe prefix queries from what people type", () => {
    expect(toFtsQuery('électricité "OR" passe*')).toBe('"electricite"* "or"* "passe"*');
    expect(toFtsQuery("  ;;  ")).toBeNull();
  });

  it("finds with or without accents", () => {
    for (const q of ["électricité", "electricite", "ELECTRICITE", "eclairage", "électr"]) {
      const { hits } = search({ q });
      expect(hits.map((h) => h.href), q).toContain(`/ideas/${lamp}`);
    }
  });

  it("ranks a title match above a body-only match and highlights safely", () => {
    const t = submitIdea(resident, { title: "Fontaine du square", body: "Remettre l'eau dans la vieille fontaine, à sec depuis deux ans.", theme: "public_space", councilId: centre, place: "" });
    const { hits } = search({ q: "fontaine" });
    const order = hits.filter((h) => h.kind === "idea").map((h) => h.refId);
    expect(order.indexOf(t.id)).toBeLessThan(order.indexOf(bench));
    expect(hits[0]!.titleHtml).toContain("<mark>Fontaine</mark>");
    expect(highlightAll("<script>x</script>", ["x"])).toBe("&lt;<mark>script</mark>&gt;<mark>x</mark>&lt;/<mark>script</mark>&gt;".replace(/<mark>script<\/mark>/g, "script"));
  });

  it("searches comments and register entries, with the lists' filters", () => {
    expect(search({ q: "dangereux" }).hits.map((h) => h.kind)).toContain("comment");
    expect(search({ q: "piétonnisation" }).hits.map((h) => h.kind)).toContain("decision");
    expect(search({ q: "électricité", kind: "decision" }).hits).toHaveLength(0);
    const safety = search({ q: "électricité", theme: "safety", kind: "idea" }).hits;
    expect(safety.map((h) => h.refId)).toContain(lamp);
    expect(safety.every((h) => getIdea(h.refId)!.theme === "safety")).toBe(true);
    expect(search({ q: "passerelle", theme: "culture" }).hits).toHaveLength(0);
    expect(search({ q: "passerelle", councilId: getCouncilBySlug("les-coteaux")!.id }).hits).toHaveLength(0);
  });
});

describe("moderation", () => {
  it("queues reports for the council's facilitators only, hides with a public reason recorded in the register", () => {
    const rude = addComment(other, bench, { stance: "against", body: "Idée stupide, typique des bobos du centre.", parentId: null });
    reportContent(resident, { subjectKind: "comment", subjectId: rude.id, reason: "Insultant" });
    expect(() => reportContent(resident, { subjectKind: "comment", subjectId: rude.id, reason: "Encore" })).toThrow(/alreadyReported/);
    expect(moderationQueue(facilitator).map((q) => q.id)).toContain(rude.id);
    expect(moderationQueue(facilitatorElsewhere)).toEqual([]);
    expect(() => hideContent(facilitatorElsewhere, { subjectKind: "comment", subjectId: rude.id, reason: REASON })).toThrow(ForbiddenError);
    expect(() => hideContent(facilitator, { subjectKind: "comment", subjectId: rude.id, reason: "Non." })).toThrow(/explanationShort/);

    const before = db.select({ n: count() }).from(decisions).get()!.n;
    const entry = hideContent(facilitator, { subjectKind: "comment", subjectId: rude.id, reason: REASON });
    expect(entry).toMatchObject({ subjectKind: "moderation", outcome: "hidden", subjectId: `/ideas/${bench}#comment-${rude.id}`, authorRole: "facilitator" });
    expect(db.select({ n: count() }).from(decisions).get()!.n).toBe(before + 1);
    const shown = commentsFor(bench).find((c) => c.id === rude.id)!;
    expect(shown).toMatchObject({ hiddenReason: REASON, hiddenDecisionSeq: entry.seq });
    expect(shown.hiddenAt).not.toBeNull();
    expect(db.select().from(reports).where(eq(reports.subjectId, rude.id)).get()!.status).toBe("hidden");
    expect(moderationQueue(facilitator)).toEqual([]);
    expect(search({ q: "bobos" }).hits).toHaveLength(0);

    restoreContent(facilitator, { subjectKind: "comment", subjectId: rude.id, reason: REASON + " Après échange avec son auteur, le commentaire est rétabli." });
    expect(commentsFor(bench).find((c) => c.id === rude.id)!.hiddenAt).toBeNull();
    expect(search({ q: "bobos" }).hits).toHaveLength(1);
  });

  it("hides an idea from lists and search; dismissing a report changes nothing else", () => {
    const spam = submitIdea(other, { title: "Achetez mes montres", body: "Montres pas chères sur mon site, livraison rapide et gratuite.", theme: "economy", councilId: centre, place: "" });
    const r = reportContent(resident, { subjectKind: "idea", subjectId: spam.id, reason: "Publicité" });
    dismissReports(facilitator, [r.id]);
    expect(getIdea(spam.id)!.hiddenAt).toBeNull();
    reportContent(resident, { subjectKind: "idea", subjectId: spam.id, reason: "Publicité, vraiment" });
    hideContent(facilitator, { subjectKind: "idea", subjectId: spam.id, reason: REASON });
    expect(listIdeas({}).rows.map((i) => i.id)).not.toContain(spam.id);
    expect(search({ q: "montres" }).hits).toHaveLength(0);
    expect(() => answerIdea(facilitator, spam.id, { status: "rejected", explanation: REASON, cites: [], ruleVersion: null })).toThrow(/ideaHidden/);
  });
});
