/**
 * Test data for the browser tests, written into the e2e server's own database.
 *
 * The server (started by playwright.config.ts) and the tests share one SQLite file,
 * process.env.E2E_DB, in WAL mode: this module opens it through the app's own db client and
 * creates what a journey needs through the app's domain functions (`createCouncil`,
 * `submitIdea`, `publishCouncilDecision`, `grantRole`…), so the data is exactly what the
 * app itself would have written. Nothing here reads the demo content: every name, slug
 * and id a test uses comes from what it made here.
 *
 * Playwright's TypeScript loader resolves the `~/` and `#db/` paths of tsconfig.json.
 */
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { GrantRoleInput } from "~/domain/accounts/schemas";

// Before the first query: the db client opens DATABASE_PATH lazily.
if (process.env.E2E_DB) process.env.DATABASE_PATH = process.env.E2E_DB;

import { db } from "#db/client.server";
import { roleAssignments, roleChanges, users } from "#db/schema";
import { hashPassword } from "~/domain/accounts/password.server";
import type { Actor } from "~/domain/accounts/policy";
import { grantRole } from "~/domain/accounts/roles.server";
import { loadActor, startSession } from "~/domain/accounts/session.server";
import { findUserByEmail } from "~/domain/accounts/users.server";
import { createCouncil } from "~/domain/councils/councils.server";
import { publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { addComment } from "~/domain/ideas/comments.server";
import { submitIdea, supportIdea } from "~/domain/ideas/ideas.server";
import { markHeld, publishAgenda, publishMinutes, scheduleMeeting } from "~/domain/meetings/meetings.server";
import { hideContent } from "~/domain/moderation/moderation.server";
import { datasets } from "~/domain/opendata/registry.server";
import { listVersions, publishRuleVersion, rulesInForce } from "~/domain/rules/rules.server";
import { createVote } from "~/domain/votes/votes.server";
import { utcToLocal } from "~/lib/time";

export { datasets, rulesInForce, listVersions };

/** The password of every account made here (long enough for the sign-up rules). */
export const PASSWORD = "une phrase assez longue";

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
}

export interface Council {
  id: number;
  slug: string;
  name: string;
}

/** A short random tag: data made by different tests, projects and runs never collide. */
export function uniq(n = 6) {
  return randomBytes(8).toString("hex").slice(0, n);
}

let hash: Promise<string> | undefined;
let root: Actor | undefined;

/** The town-wide admin the other helpers act as (made once per worker, not a demo account). */
async function rootAdmin(): Promise<Actor> {
  if (root) return root;
  const u = await insertUser(`Administration des tests ${uniq(4)}`);
  db.insert(roleAssignments).values({ userId: u.id, role: "admin", councilId: null }).run();
  db.insert(roleChanges).values({ actorId: null, userId: u.id, change: "grant", role: "admin", councilId: null }).run();
  root = loadActor(u.id)!;
  return root;
}

async function insertUser(name: string, email = `e2e-${uniq(10)}@exemple.test`): Promise<TestUser> {
  hash ??= hashPassword(PASSWORD);
  const id = randomBytes(10).toString("hex");
  // confirmed addresses: an account only opens once its email is verified
  db.insert(users).values({ id, email, displayName: name, passwordHash: await hash, emailVerifiedAt: new Date().toISOString() }).run();
  return { id, email, name, password: PASSWORD };
}

/** `roles` are granted by an admin through the domain (as /admin/roles does); `council: null` means town-wide. */
type Role = GrantRoleInput["role"];

/** A new account; residency is data of its own (verification), not a role. */
export async function makeUser(opts: { name?: string; email?: string; roles?: { role: Role; council: Council | null }[] } = {}): Promise<TestUser> {
  const u = await insertUser(opts.name ?? `Habitant·e ${uniq(4)}`, opts.email);
  const admin = await rootAdmin();
  for (const r of opts.roles ?? []) grantRole(admin, { email: u.email, role: r.role, councilId: r.council?.id ?? null });
  return u;
}

/** Gives an existing account (for instance a demo account) a role. */
export async function grant(user: TestUser, role: Role, council: Council | null) {
  grantRole(await rootAdmin(), { email: user.email, role, councilId: council?.id ?? null });
}

/** An existing account by email (the demo ROLE accounts of the every-route spec). */
export function existingUser(email: string): TestUser {
  const u = findUserByEmail(email);
  if (!u) throw new Error(`no account ${email} in the e2e database`);
  return { id: u.id, email: u.email, name: u.displayName, password: "" };
}

export const actor = (u: TestUser): Actor => loadActor(u.id)!;

/** A session for `user`: the cookie to put in a browser context. */
export async function sessionCookie(user: TestUser) {
  const header = await startSession(user.id);
  const [pair] = header.split(";");
  const i = pair!.indexOf("=");
  return { name: pair!.slice(0, i), value: pair!.slice(i + 1) };
}

export async function makeCouncil(opts: { name?: string; description?: string; territory?: string } = {}): Promise<Council> {
  const tag = uniq();
  const name = opts.name ?? `Quartier d'essai ${tag}`;
  const row = createCouncil(await rootAdmin(), {
    name,
    slug: `essai-${tag}`,
    description: opts.description ?? "Un conseil de quartier créé par les tests du navigateur.",
    territory: opts.territory ?? "Entre la rue des Essais et le boulevard des Vérifications.",
  });
  return { id: row.id, slug: row.slug, name: row.name };
}

/** An idea; `daysAgo` backdates it (an idea a year old is past any answer deadline). */
export function makeIdea(
  author: TestUser,
  input: { title: string; body?: string; council: Council | null; theme?: Parameters<typeof submitIdea>[1]["theme"]; place?: string; daysAgo?: number },
) {
  return submitIdea(
    actor(author),
    {
      title: input.title,
      body: input.body ?? "Une idée proposée par les tests du navigateur, avec assez de texte pour être acceptée.",
      theme: input.theme ?? "public_space",
      councilId: input.council?.id ?? null,
      place: input.place ?? "",
    },
    { now: new Date(Date.now() - (input.daysAgo ?? 0) * 86_400_000) },
  );
}

export function support(user: TestUser, ideaId: number) {
  supportIdea(actor(user), ideaId);
}

export function comment(author: TestUser, ideaId: number, body: string, stance: "for" | "against" | "neutral" = "neutral") {
  return addComment(actor(author), ideaId, { body, stance, parentId: null });
}

/** Hides a comment (a facilitator's moderation, with its public reason, in the register). */
export function hideComment(facilitator: TestUser, commentId: number, reason: string) {
  return hideContent(actor(facilitator), { subjectKind: "comment", subjectId: commentId, reason });
}

/** A meeting of `council`: `when` in days from now (negative: in the past). */
export function makeMeeting(
  facilitator: TestUser,
  council: Council,
  opts: { title?: string; when?: number; place?: string; agenda?: string; held?: boolean; minutes?: { body: string; attendance: number; changeNote?: string }[] } = {},
) {
  const start = new Date(Date.now() + (opts.when ?? 7) * 86_400_000);
  const local = (d: Date) => d.toISOString().slice(0, 16);
  const a = actor(facilitator);
  const m = scheduleMeeting(a, {
    councilId: council.id,
    title: opts.title ?? `Réunion d'essai ${uniq(4)}`,
    startsAt: local(start),
    endsAt: local(new Date(start.getTime() + 2 * 3_600_000)),
    placeName: opts.place ?? "Salle des essais",
    address: "",
    accessibility: "",
  });
  if (opts.agenda) publishAgenda(a, m.id, { agenda: opts.agenda, ideaIds: [] });
  if (opts.held) markHeld(a, m.id);
  for (const v of opts.minutes ?? []) publishMinutes(a, m.id, { body: v.body, attendanceCount: v.attendance, changeNote: v.changeNote ?? "" });
  return m;
}

/** A council decision in the register; returns its sequence number. */
export function makeDecision(official: TestUser, council: Council | null, opts: { title: string; explanation: string; outcome?: "adopted" | "rejected" | "postponed" | "noted" }) {
  return publishCouncilDecision(actor(official), {
    councilId: council?.id ?? null,
    title: opts.title,
    outcome: opts.outcome ?? "adopted",
    explanation: opts.explanation,
    evidence: "",
    supersedes: null,
  }).seq;
}

/** The minimum explanation length of the town's rules in force (never assume a number). */
export function minExplanationLength(scope = "town") {
  return rulesInForce(scope).params.minExplanationLength;
}

/** A text long enough for the rules in force. */
export function explanation(start: string, scope = "town") {
  const min = minExplanationLength(scope);
  let text = start;
  while (text.length < min + 10) text += " Les tests du navigateur écrivent cette explication pour qu'elle soit assez longue.";
  return text;
}

/**
 * A rulebook of its own (`process:e2e-…`), so that a test can publish versions without
 * changing the town's rules that other tests run under. Returns the scope and version.
 */
export async function makeRulebook(official: TestUser, opts: { title?: string; body?: string; answerDelayDays?: number } = {}) {
  const scope = `process:e2e-${uniq()}`;
  const town = rulesInForce("town").params;
  const v = publishRuleVersion(actor(official), {
    ...town,
    answerDelayDays: opts.answerDelayDays ?? town.answerDelayDays,
    scope,
    title: opts.title ?? `Règlement d'essai ${uniq(4)}`,
    body: opts.body ?? "## Délais\n\nChaque idée reçoit une réponse écrite dans le délai fixé ci-dessous.",
    explanation: explanation("Première version du règlement d'essai, publiée par les tests du navigateur.", "town"),
  });
  return { scope, number: v.number, title: v.title };
}

export function userByEmail(email: string) {
  return db.select().from(users).where(eq(users.email, email)).get();
}

/** The next version of a rulebook made by makeRulebook, with some numbers changed. */
export function reviseRulebook(official: TestUser, scope: string, changes: { answerDelayDays?: number; body?: string; title?: string }, why: string) {
  const current = listVersions(scope)[0];
  if (!current) throw new Error(`no rulebook ${scope}`);
  const v = publishRuleVersion(actor(official), {
    ...current.params,
    ...(changes.answerDelayDays ? { answerDelayDays: changes.answerDelayDays } : {}),
    scope,
    title: changes.title ?? current.title,
    body: changes.body ?? current.body,
    explanation: explanation(why),
  });
  return { scope, number: v.number };
}

/**
 * A lived-in neighbourhood for pages and screenshots: a council with its facilitator and
 * official, three ideas (one supported and discussed), a meeting to come, one held with
 * minutes, and two register entries (the second corrects the first).
 */
export async function makeNeighbourhood() {
  const tag = uniq(4);
  const council = await makeCouncil({
    name: `Saint-Éloi ${tag}`,
    description: "Le quartier autour de l'église Saint-Éloi : le marché du jeudi, l'école Pasteur et les jardins familiaux. Le conseil se réunit un mardi sur deux à la maison de quartier.",
    territory: "De la rue Pasteur au canal, entre le pont de la Gare et les jardins familiaux.",
  });
  const facilitator = await makeUser({ name: `Yasmine Cordier ${tag}`, roles: [{ role: "facilitator", council }] });
  const official = await makeUser({ name: `Bernard Roux ${tag}`, roles: [{ role: "official", council }] });
  const residents = [await makeUser({ name: "Chloé Martin" }), await makeUser({ name: "Omar Diallo" })];
  const market = makeIdea(residents[0]!, {
    title: "Des toilettes publiques au marché du jeudi",
    body: "Le marché attire beaucoup de monde mais il n'y a aucune toilette publique à moins de 500 mètres.",
    council,
    theme: "public_space",
  }).id;
  support(residents[1]!, market);
  comment(residents[1]!, market, "Oui, surtout pour les personnes âgées qui viennent de loin.", "for");
  makeIdea(residents[1]!, { title: "Un atelier vélo à la maison de quartier", body: "Un samedi par mois, des bénévoles aideraient à réparer les vélos des habitants.", council, theme: "mobility" });
  makeMeeting(facilitator, council, { title: "Conseil de quartier de mai", when: 9, place: "Maison de quartier Saint-Éloi", agenda: "1. Le marché du jeudi\n2. L'atelier vélo" });
  const held = makeMeeting(facilitator, council, {
    title: "Conseil de quartier d'avril",
    when: -6,
    place: "Maison de quartier Saint-Éloi",
    held: true,
    minutes: [{ body: "## Marché du jeudi\n\nLe conseil soutient la demande de toilettes publiques et la transmet aux services.", attendance: 18 }],
  }).id;
  const first = makeDecision(official, council, {
    title: "Toilettes publiques au marché du jeudi",
    explanation: explanation("Les services installeront des toilettes publiques accessibles place du Marché avant l'été, après l'avis favorable du conseil de quartier."),
  });
  const second = publishCouncilDecision(actor(official), {
    councilId: council.id,
    title: "Toilettes publiques au marché du jeudi (emplacement corrigé)",
    outcome: "adopted",
    explanation: explanation("L'emplacement change : rue des Halles plutôt que place du Marché, pour garder la place libre les jours de marché."),
    evidence: "",
    supersedes: first,
  }).seq;
  return { council, facilitator, official, residents, market, held, decisions: [first, second] as const };
}

/**
 * A yes/no vote of `council` (or the town) whose window is placed around now: `opensIn`
 * and `closesIn` in hours, negative for the past (a vote made "earlier", as the ballot box
 * requires a window that starts after its creation).
 */
export function makeVote(official: TestUser, council: Council | null, opts: { question?: string; description?: string; opensIn: number; closesIn: number }) {
  const hour = 3_600_000;
  const opens = Date.now() + opts.opensIn * hour;
  const created = new Date(Math.min(Date.now(), opens - hour));
  const local = (ms: number) => utcToLocal(new Date(ms).toISOString());
  return createVote(
    actor(official),
    {
      councilId: council?.id ?? null,
      question: opts.question ?? `Faut-il ouvrir la cour de l'école le samedi ? (${uniq(4)})`,
      description: opts.description ?? explanation("La cour de l'école pourrait accueillir les enfants du quartier le samedi ; la ville consulte les habitants avant de décider."),
      form: "yes_no",
      options: "",
      minChoices: undefined,
      maxChoices: undefined,
      opensAt: local(opens),
      closesAt: local(Date.now() + opts.closesIn * hour),
      binding: false,
    },
    { now: created },
  );
}
