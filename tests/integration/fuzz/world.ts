/**
 * The fuzz suite's own town, built through the domain functions (no demo content): council A,
 * where the fuzzed forms act, and council B with a bystander — records that no form sent
 * about council A's pages may change (other council's ideas, comments, meetings, minutes,
 * votes and their ballots, letters; another person's account rows).
 *
 * `actorFor(role)` gives a fresh account per route and role, so that what one route's fuzz
 * does to its own account (a password changed, sessions ended, the account deleted) never
 * leaks into another route's runs.
 */
import { db } from "#db/client.server";
import { outboxMessages } from "#db/schema";
import { eq } from "drizzle-orm";
import type { Actor } from "~/domain/accounts/policy";
import { loadActor } from "~/domain/accounts/session.server";
import { castOnline } from "~/domain/ballot-box/cast.server";
import { publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { addComment } from "~/domain/ideas/comments.server";
import { followIdea, submitIdea, supportIdea } from "~/domain/ideas/ideas.server";
import { markHeld, publishAgenda, publishMinutes, scheduleMeeting, setAttendance } from "~/domain/meetings/meetings.server";
import { reportContent } from "~/domain/moderation/moderation.server";
import { setPreferences } from "~/domain/notifications/preferences.server";
import { issueToken } from "~/domain/accounts/tokens.server";
import { countVote } from "~/domain/votes/votes.server";
import { utcToLocal } from "~/lib/time";
import { emptyTown, makeCouncil, makeUser } from "../../support/fixtures";
import { budgetIn } from "./budget-world";
import { sessionCookieFor } from "../../support/http";
import { EXPLANATION, makeRules } from "../../support/own-data";
import { entryId, importPeople, makeVote, people, verifiedResident, type CensusPerson } from "../../support/voting";

export const ROLES = ["visitor", "resident", "verified", "facilitator", "townFacilitator", "official", "townOfficial", "admin"] as const;
export type FuzzRole = (typeof ROLES)[number];

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const local = (ms: number) => utcToLocal(new Date(ms).toISOString());

export type World = Awaited<ReturnType<typeof buildWorld>>;

export async function buildWorld() {
  emptyTown("Fuzzville");
  const A = makeCouncil("Quartier A");
  const B = makeCouncil("Quartier B");
  const townOfficial = await makeUser({ name: "Officielle Ville", roles: [{ role: "official", councilId: null }] });
  await makeRules({ minExplanationLength: 40 }, townOfficial);
  const popA: CensusPerson[] = people(60, A.slug);
  const popB: CensusPerson[] = people(8, B.slug);
  await importPeople([...popA, ...popB]);

  const officialA = await makeUser({ name: "Élu A", roles: [{ role: "official", councilId: A.id }] });
  const officialB = await makeUser({ name: "Élu B", roles: [{ role: "official", councilId: B.id }] });
  const facilitatorA = await makeUser({ name: "Animatrice A", roles: [{ role: "facilitator", councilId: A.id }] });
  const author = await makeUser({ name: "Autrice A" });

  // The bystander: an account of council B with rows of its own everywhere.
  const bystander = await verifiedResident(popB[0]!);
  const bystanderCookie = await sessionCookieFor(bystander.userId);
  setPreferences(bystander, { channel: "post", digest: false, topics: ["ideas", "meetings", "votes", "budgets"], locale: "fr", phone: "", postalAddress: "3 rue des Lilas\n99000 Fuzzville" });

  // Ideas and comments, in both councils.
  const idea = (a: Actor, councilId: number, title: string) =>
    submitIdea(a, { title, body: "Une idée assez longue pour être publiée, écrite pour le test de fuzz.", theme: "public_space", councilId, place: "Place du marché" });
  const ideaA = idea(author, A.id, "Des bancs au square A");
  const ideaA2 = idea(author, A.id, "Des bancs à l'ombre A");
  const ideaB = idea(bystander, B.id, "Une fontaine au square B");
  const ideaB2 = idea(bystander, B.id, "Un abri vélos B");
  const commentA = addComment(author, ideaA.id, { stance: "for", body: "Oui, près de l'aire de jeux.", parentId: null });
  const commentB = addComment(bystander, ideaB.id, { stance: "against", body: "Trop cher pour le quartier B.", parentId: null });
  supportIdea(bystander, ideaB.id);
  followIdea(bystander, ideaB.id, true);
  reportContent(bystander, { subjectKind: "comment", subjectId: commentA.id, reason: "Hors sujet pour le quartier." });
  reportContent(author, { subjectKind: "comment", subjectId: commentB.id, reason: "Propos déplacés, à vérifier." });
  // a comment on B's idea makes a letter (the bystander chose post) in council B
  addComment(author, ideaB.id, { stance: "neutral", body: "Une question sur le coût.", parentId: null });

  // Meetings: A scheduled (future) and A held with minutes; B held with minutes.
  const facilitatorB = await makeUser({ name: "Animateur B", roles: [{ role: "facilitator", councilId: B.id }] });
  const now = Date.now();
  const meeting = (a: Actor, councilId: number, startMs: number, title: string, at = new Date()) =>
    scheduleMeeting(a, { councilId, title, startsAt: local(startMs), endsAt: local(startMs + 2 * HOUR), placeName: "Salle des fêtes", address: "1 place de la Mairie", accessibility: "Accès de plain-pied." }, { now: at });
  const meetingA = meeting(facilitatorA, A.id, now + 10 * DAY, "Réunion de printemps A");
  const past = new Date(now - 20 * DAY);
  const heldA = meeting(facilitatorA, A.id, now - 10 * DAY, "Réunion d'hiver A", past);
  markHeld(facilitatorA, heldA.id, { now: new Date(now - 9 * DAY) });
  publishMinutes(facilitatorA, heldA.id, { body: "## Présents\n\nDouze personnes.", attendanceCount: 12, changeNote: "" });
  publishMinutes(facilitatorA, heldA.id, { body: "## Présents\n\nTreize personnes.", attendanceCount: 13, changeNote: "Un oubli." });
  const meetingB = meeting(facilitatorB, B.id, now + 12 * DAY, "Réunion de printemps B");
  publishAgenda(facilitatorB, meetingB.id, { agenda: "1. Accueil\n2. La fontaine", ideaIds: [ideaB.id] });
  setAttendance(bystander, meetingB.id, true);
  const heldB = meeting(facilitatorB, B.id, now - 10 * DAY, "Réunion d'hiver B", past);
  markHeld(facilitatorB, heldB.id, { now: new Date(now - 9 * DAY) });
  publishMinutes(facilitatorB, heldB.id, { body: "Compte rendu B.", attendanceCount: 8, changeNote: "" });

  // Votes: in A scheduled, open, counting (closed, not counted) and closed (counted);
  // in B open with the bystander's ballot, and closed.
  const votersA = await Promise.all(popA.slice(0, 3).map((p) => verifiedResident(p)));
  const scheduledA = makeVote(officialA, { councilId: A.id }, new Date(now + DAY));
  const openA = makeVote(officialA, { councilId: A.id }, new Date(now - 5 * 60_000));
  castOnline(votersA[0]!, [{ boxId: openA.boxId, choices: ["yes"] }]);
  const countingStart = new Date(now - 3 * HOUR);
  const countingA = makeVote(officialA, { councilId: A.id }, countingStart);
  castOnline(votersA[1]!, [{ boxId: countingA.boxId, choices: ["no"] }], { now: new Date(countingStart.getTime() + 30 * 60_000) });
  const closedA = makeVote(officialA, { councilId: A.id }, countingStart);
  castOnline(votersA[2]!, [{ boxId: closedA.boxId, choices: ["yes"] }], { now: new Date(countingStart.getTime() + 30 * 60_000) });
  countVote(officialA, closedA.id, {});
  const openB = makeVote(officialB, { councilId: B.id }, new Date(now - 5 * 60_000));
  const { receipt: bystanderReceipt } = castOnline(bystander, [{ boxId: openB.boxId, choices: ["no"] }]);
  const closedB = makeVote(officialB, { councilId: B.id }, countingStart);
  castOnline(bystander, [{ boxId: closedB.boxId, choices: ["yes"] }], { now: new Date(countingStart.getTime() + 30 * 60_000) });
  countVote(officialB, closedB.id, {});

  // Participatory budgets (town-wide, an envelope per council), one per phase a page acts in.
  const budgetWho = { official: townOfficial, author, voters: votersA };
  const councilIds = { A: A.id, B: B.id };
  const budgets = {
    collecting: budgetIn("collection", budgetWho, councilIds, "Budget qui collecte"),
    reviewing: budgetIn("review", budgetWho, councilIds, "Budget en revue"),
    voting: budgetIn("vote", { ...budgetWho, bystander }, councilIds, "Budget qui vote"),
    tallying: budgetIn("vote", budgetWho, councilIds, "Budget au dépouillement", { closedVote: true }),
    counted: budgetIn("results", budgetWho, councilIds, "Budget à décider"),
    implementing: budgetIn("implementation", budgetWho, councilIds, "Budget en travaux"),
  };

  // Register entries of both councils (one to correct).
  const decisionA = publishCouncilDecision(officialA, { councilId: A.id, title: "Fermeture du square A la nuit", outcome: "adopted", explanation: EXPLANATION, evidence: "", supersedes: null });
  const decisionB = publishCouncilDecision(officialB, { councilId: B.id, title: "Horaires de la fontaine B", outcome: "noted", explanation: EXPLANATION, evidence: "", supersedes: null });

  // Emailed links of the bystander's (a fuzzed token must never spend them).
  const bystanderReset = db.transaction((tx) => issueToken(tx, bystander.userId, "resetPassword"));
  const bystanderVerify = db.transaction((tx) => issueToken(tx, bystander.userId, "verifyEmail"));
  const letters = db.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.channel, "post")).all().map((r) => r.id);

  let n = 0;
  let verifiedUsed = 0;
  /** A fresh account with this role (council A for scoped roles), and its session cookie. */
  async function actorFor(role: FuzzRole): Promise<{ actor: Actor | null; cookie: string | undefined }> {
    if (role === "visitor") return { actor: null, cookie: undefined };
    n++;
    const name = `Fuzz ${role} ${n}`;
    let actor: Actor;
    if (role === "verified") {
      // census people 10–49 of council A are kept for these accounts, 52–59 for the desk
      actor = await verifiedResident(popA[10 + (verifiedUsed++ % 40)]!);
    } else {
      const roles =
        role === "facilitator" ? [{ role: "facilitator" as const, councilId: A.id }]
        : role === "townFacilitator" ? [{ role: "facilitator" as const, councilId: null }]
        : role === "official" ? [{ role: "official" as const, councilId: A.id }]
        : role === "townOfficial" ? [{ role: "official" as const, councilId: null }]
        : role === "admin" ? [{ role: "admin" as const, councilId: null }]
        : [];
      actor = await makeUser({ name, roles });
    }
    actor = loadActor(actor.userId)!;
    return { actor, cookie: await sessionCookieFor(actor.userId) };
  }

  return {
    A,
    B,
    popA,
    popB,
    ideaA,
    ideaA2,
    ideaB,
    ideaB2,
    commentA,
    commentB,
    meetingA,
    heldA,
    meetingB,
    heldB,
    scheduledA,
    openA,
    countingA,
    closedA,
    openB,
    closedB,
    decisionA,
    decisionB,
    budgets,
    /** The town official who runs the world's budgets. */
    budgetOfficial: townOfficial,
    bystander,
    bystanderCookie,
    bystanderReceipt,
    bystanderReset,
    bystanderVerify,
    letters,
    census: { a: entryId(popA[5]!.reference), b: entryId(popB[1]!.reference), bystander: entryId(popB[0]!.reference), desk: popA.slice(60 - 8).map((p) => entryId(p.reference)) },
    actorFor,
    /** Real values that hostile input may aim at: ids, slugs and emails of both councils. */
    pools: {
      ids: [ideaA.id, ideaA2.id, ideaB.id, ideaB2.id, commentA.id, commentB.id, meetingA.id, heldA.id, meetingB.id, heldB.id, openA.id, openB.id, closedB.id, decisionB.seq, A.id, B.id, ...letters, budgets.voting.id, budgets.voting.envelopes.B, budgets.implementing.projects[0]!.id].map(String),
      slugs: [A.slug, B.slug],
      emails: [bystander.email, author.email, "personne@test.fr"],
    },
  };
}
