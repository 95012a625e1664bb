/** Ideas against a real database: deadlines and thresholds from the rules in force, answers, merges, médiation. */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { decisions, ideaRevisions, ideas, notifications, supports } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { decisionsAbout } from "~/domain/decisions/decisions.server";
import { DomainError, ForbiddenError } from "~/domain/errors";
import { answerIdea, mergeIdea, mergedInto } from "~/domain/ideas/answers.server";
import { addComment, commentsFor, editComment, withdrawComment } from "~/domain/ideas/comments.server";
import { editIdea, getIdea, ideaRevisionsFor, ideasAwaitingAgenda, listIdeas, submitIdea, submitIdeaOnBehalf, supportIdea, supportOnBehalf, withdrawSupport } from "~/domain/ideas/ideas.server";
import { publishRuleVersion, rulesInForce } from "~/domain/rules/rules.server";
import { demoTown, makeUser } from "../support/fixtures";

const WHY =
  "Les services techniques ont chiffré l'aménagement à 18 000 € et peuvent l'inscrire au programme de printemps ; le conseil de quartier a entendu les arguments des riverains et retient la proposition.";
const BODY = "Installer des arceaux pour vélos devant la boulangerie de la place, il n'y en a aucun aujourd'hui.";

let centre: number;
let coteaux: number;
let official: Actor;
let facilitator: Actor;
let residents: Actor[];

beforeAll(async () => {
  await demoTown();
  centre = getCouncilBySlug("centre-ville")!.id;
  coteaux = getCouncilBySlug("les-coteaux")!.id;
  official = await makeUser({ name: "Élue", roles: [{ role: "official", councilId: null }] });
  facilitator = await makeUser({ name: "Animateur Centre", roles: [{ role: "facilitator", councilId: centre }] });
  residents = [];
  for (let i = 0; i < 30; i++) residents.push(await makeUser({ name: `Habitant ${i}` }));
});

const newIdea = (who = residents[0]!, over: Partial<Parameters<typeof submitIdea>[1]> = {}, now?: Date) =>
  submitIdea(who, { title: "Arceaux à vélos place du Marché", body: BODY, theme: "mobility", councilId: centre, place: "Place du Marché", ...over }, { now });

describe("deadline", () => {
  it("is set from the rules in force at submission, and stays so when the rules change", () => {
    const idea = newIdea();
    const delay = rulesInForce().params.answerDelayDays;
    expect(idea.answerDelayDays).toBe(delay);
    expect(Date.parse(idea.dueAt) - Date.parse(idea.submittedAt)).toBe(delay * 86_400_000);
    // an idea submitted under v1 (45 days) keeps its deadline
    const old = newIdea(residents[1], { title: "Idée de mars" }, new Date("2026-03-01T10:00:00Z"));
    expect(old.answerDelayDays).toBe(45);
    expect(old.dueAt).toBe("2026-04-15T10:00:00.000Z");
  });

  it("shows overdue ideas and records whether the answer met the delay", () => {
    const late = newIdea(residents[2], { title: "Idée en retard" }, new Date(Date.now() - 40 * 86_400_000));
    const onTime = newIdea(residents[3], { title: "Idée à l'heure" });
    const overdue = listIdeas({ overdue: true }).rows.map((r) => r.id);
    expect(overdue).toContain(late.id);
    expect(overdue).not.toContain(onTime.id);
    answerIdea(official, late.id, { status: "rejected", explanation: WHY, cites: [], ruleVersion: null });
    answerIdea(official, onTime.id, { status: "accepted", explanation: WHY, cites: [], ruleVersion: null });
    expect(getIdea(late.id)).toMatchObject({ answeredInTime: false, status: "rejected" });
    expect(getIdea(onTime.id)).toMatchObject({ answeredInTime: true, status: "accepted" });
    expect(listIdeas({ overdue: true }).rows.map((r) => r.id)).not.toContain(late.id);
    // under_review is not the answer: the clock keeps running
    const reviewed = newIdea(residents[4], { title: "À l'étude" }, new Date(Date.now() - 40 * 86_400_000));
    answerIdea(facilitator, reviewed.id, { status: "under_review", explanation: WHY, cites: [], ruleVersion: null });
    expect(getIdea(reviewed.id)!.answeredAt).toBeNull();
    expect(listIdeas({ overdue: true }).rows.map((r) => r.id)).toContain(reviewed.id);
  });
});

describe("supports and the agenda threshold", () => {
  it("flags the idea when the threshold of the rules in force is reached", () => {
    const threshold = rulesInForce().params.supportThreshold;
    const idea = newIdea(residents[0], { title: "Seuil" });
    for (let i = 0; i < threshold - 1; i++) supportIdea(residents[i]!, idea.id);
    expect(getIdea(idea.id)!.thresholdReachedAt).toBeNull();
    expect(ideasAwaitingAgenda(centre).map((i) => i.id)).not.toContain(idea.id);
    supportIdea(residents[threshold - 1]!, idea.id);
    expect(getIdea(idea.id)).toMatchObject({ supportCount: threshold });
    expect(getIdea(idea.id)!.thresholdReachedAt).not.toBeNull();
    expect(ideasAwaitingAgenda(centre).map((i) => i.id)).toContain(idea.id);
    expect(db.select({ n: count() }).from(notifications).where(eq(notifications.kind, "threshold")).get()!.n).toBeGreaterThan(0);
  });

  it("follows the threshold of a new rulebook version", () => {
    publishRuleVersion(official, { ...rulesInForce().params, supportThreshold: 3, scope: "town", title: "Charte", body: "Texte de la charte, seuil abaissé.", explanation: WHY });
    const idea = newIdea(residents[5], { title: "Petit seuil" });
    for (let i = 0; i < 3; i++) supportIdea(residents[i]!, idea.id);
    expect(getIdea(idea.id)!.thresholdReachedAt).not.toBeNull();
  });

  it("allows one support per resident, withdrawable", () => {
    const idea = newIdea(residents[6], { title: "Une fois" });
    supportIdea(residents[7]!, idea.id);
    expect(() => supportIdea(residents[7]!, idea.id)).toThrow(DomainError);
    expect(getIdea(idea.id)!.supportCount).toBe(1);
    withdrawSupport(residents[7]!, idea.id);
    expect(getIdea(idea.id)!.supportCount).toBe(0);
    expect(() => withdrawSupport(residents[7]!, idea.id)).toThrow(DomainError);
  });
});

describe("answers", () => {
  it("writes the status change and its register entry together", () => {
    const idea = newIdea(residents[8], { title: "Réponse" });
    const before = db.select({ n: count() }).from(decisions).get()!.n;
    expect(() => answerIdea(official, idea.id, { status: "accepted", explanation: "Oui.", cites: [], ruleVersion: null })).toThrow(DomainError);
    expect(getIdea(idea.id)!.status).toBe("submitted");
    expect(db.select({ n: count() }).from(decisions).get()!.n).toBe(before);
    const c = addComment(residents[9]!, idea.id, { stance: "against", body: "Trop cher pour le quartier.", parentId: null });
    const entry = answerIdea(official, idea.id, { status: "accepted", explanation: WHY, cites: [c.id], ruleVersion: null });
    expect(getIdea(idea.id)!.status).toBe("accepted");
    expect(entry).toMatchObject({ subjectKind: "idea", subjectId: String(idea.id), outcome: "accepted", authorRole: "official" });
    expect(JSON.parse(entry.evidence)).toEqual([{ label: `comment:${c.id}:against`, url: `/ideas/${idea.id}#comment-${c.id}` }]);
    expect(decisionsAbout("idea", String(idea.id))).toHaveLength(1);
    // the author and the commenter were notified
    const notified = db.select().from(notifications).where(eq(notifications.decisionSeq, entry.seq)).all().map((n) => n.userId);
    expect(notified.sort()).toEqual([residents[8]!.userId, residents[9]!.userId].sort());
  });

  it("refuses moves the lifecycle does not allow, and people without the role", () => {
    const idea = newIdea(residents[10], { title: "Cycle" });
    expect(() => answerIdea(official, idea.id, { status: "implemented", explanation: WHY, cites: [], ruleVersion: null })).toThrow(/answerNotAllowed/);
    expect(() => answerIdea(residents[0]!, idea.id, { status: "accepted", explanation: WHY, cites: [], ruleVersion: null })).toThrow(ForbiddenError);
    const coteauxIdea = newIdea(residents[10], { title: "Aux Coteaux", councilId: coteaux });
    expect(() => answerIdea(facilitator, coteauxIdea.id, { status: "under_review", explanation: WHY, cites: [], ruleVersion: null })).toThrow(ForbiddenError);
  });

  it("links an accepted rulebook idea to the version that carries it out", () => {
    const idea = submitIdea(residents[11]!, { title: "Baisser le seuil de soutiens", body: "Le seuil est trop haut pour les petits quartiers comme Les Coteaux.", theme: "rules", councilId: null, place: "" });
    expect(() => answerIdea(official, idea.id, { status: "accepted", explanation: WHY, cites: [], ruleVersion: null })).toThrow(/ruleVersionRequired/);
    expect(() => answerIdea(official, idea.id, { status: "accepted", explanation: WHY, cites: [], ruleVersion: 99 })).toThrow(/ruleVersionUnknown/);
    const latest = rulesInForce().version!;
    const entry = answerIdea(official, idea.id, { status: "accepted", explanation: WHY, cites: [], ruleVersion: latest.number });
    expect(JSON.parse(entry.evidence)).toEqual([{ label: `rules:v${latest.number}`, url: `/rules/${latest.number}` }]);
    expect(getIdea(idea.id)!.implementedByRuleVersionId).toBe(latest.id);
  });
});

describe("merging", () => {
  it("carries supporters over without double counting, and explains it in the register", () => {
    const target = newIdea(residents[12], { title: "Parking vélos gare" });
    const a = newIdea(residents[13], { title: "Arceaux gare" });
    supportIdea(residents[14]!, target.id);
    supportIdea(residents[15]!, target.id);
    supportIdea(residents[14]!, a.id); // supports both
    supportIdea(residents[16]!, a.id);
    supportOnBehalf(facilitator, a.id, { onBehalfName: "Mme Rose Vidal", channel: "assisted" });
    const entry = mergeIdea(official, a.id, target.id, WHY);
    expect(getIdea(target.id)!.supportCount).toBe(4); // 14, 15, 16, Mme Vidal — 14 counted once
    expect(getIdea(a.id)).toMatchObject({ status: "merged", mergedIntoId: target.id });
    expect(getIdea(a.id)!.answeredAt).not.toBeNull();
    expect(mergedInto(target.id).map((i) => i.id)).toEqual([a.id]);
    expect(entry).toMatchObject({ outcome: "merged", subjectId: String(a.id) });
    expect(JSON.parse(entry.evidence)).toEqual([{ label: `idea:${target.id}`, url: `/ideas/${target.id}` }]);
    expect(() => mergeIdea(official, target.id, a.id, WHY)).toThrow(/mergeTargetClosed/);
    expect(() => supportIdea(residents[20]!, a.id)).toThrow(/ideaClosed/);
  });
});

describe("editing and comments", () => {
  it("keeps every edit while nobody has answered, then locks", () => {
    const idea = newIdea(residents[17], { title: "Première version" });
    expect(() => editIdea(residents[18]!, idea.id, { title: "Pirate", body: BODY, theme: "mobility", place: "" })).toThrow(ForbiddenError);
    editIdea(residents[17]!, idea.id, { title: "Deuxième version", body: BODY, theme: "mobility", place: "Place du Marché" });
    expect(getIdea(idea.id)!.editedAt).not.toBeNull();
    expect(ideaRevisionsFor(idea.id).map((r) => r.title)).toEqual(["Première version"]);
    answerIdea(facilitator, idea.id, { status: "under_review", explanation: WHY, cites: [], ruleVersion: null });
    expect(() => editIdea(residents[17]!, idea.id, { title: "Troisième", body: BODY, theme: "mobility", place: "" })).toThrow(/ideaLocked/);
    expect(db.select({ n: count() }).from(ideaRevisions).where(eq(ideaRevisions.ideaId, idea.id)).get()!.n).toBe(1);
  });

  it("allows one level of replies, edits marked, withdrawals leave a notice", () => {
    const idea = newIdea(residents[19], { title: "Discussion" });
    const top = addComment(residents[20]!, idea.id, { stance: "for", body: "Très bonne idée.", parentId: null });
    const reply = addComment(residents[21]!, idea.id, { stance: "against", body: "Je ne suis pas d'accord.", parentId: top.id });
    expect(reply.stance).toBe("neutral");
    expect(() => addComment(residents[22]!, idea.id, { stance: "for", body: "Trop profond", parentId: reply.id })).toThrow(/replyDepth/);
    editComment(residents[20]!, top.id, "Très bonne idée, et peu coûteuse.");
    expect(() => editComment(residents[21]!, top.id, "pirate")).toThrow(ForbiddenError);
    withdrawComment(residents[21]!, reply.id);
    const list = commentsFor(idea.id);
    expect(list.find((c) => c.id === top.id)!.editedAt).not.toBeNull();
    expect(list.find((c) => c.id === reply.id)!.withdrawnAt).not.toBeNull();
    expect(getIdea(idea.id)!.commentCount).toBe(2);
  });
});

describe("médiation", () => {
  it("records an idea and a support on a resident's behalf, with the channel and consent", () => {
    const idea = submitIdeaOnBehalf(facilitator, {
      title: "Banc devant la pharmacie",
      body: "Mme Rose Vidal, 84 ans, demande un banc pour se reposer en attendant le bus.",
      theme: "public_space",
      councilId: centre,
      place: "Pharmacie de la Halle",
      channel: "assisted",
      onBehalfName: "Rose Vidal",
      onBehalfContact: "04 00 00 00 00",
      consent: "on",
    });
    expect(idea).toMatchObject({ channel: "assisted", authorId: null, onBehalfName: "Rose Vidal", recordedById: facilitator.userId, consentNoted: true });
    supportOnBehalf(facilitator, idea.id, { onBehalfName: "Jean Vidal", channel: "letter" });
    expect(() => supportOnBehalf(facilitator, idea.id, { onBehalfName: "Jean Vidal", channel: "letter" })).toThrow(/alreadySupportedByName/);
    expect(db.select().from(supports).where(eq(supports.ideaId, idea.id)).all()).toMatchObject([{ channel: "letter", onBehalfName: "Jean Vidal", userId: null }]);
    expect(() =>
      submitIdeaOnBehalf(residents[0]!, { title: "x".repeat(10), body: BODY, theme: "mobility", councilId: centre, place: "", channel: "assisted", onBehalfName: "X", onBehalfContact: "", consent: "on" }),
    ).toThrow(ForbiddenError);
    expect(db.select({ n: count() }).from(ideas).where(eq(ideas.title, "x".repeat(10))).get()!.n).toBe(0);
  });
});
