/**
 * The ballot storm's town, written into the database named by DATABASE_PATH (a fresh file):
 * an empty town with a few councils, a census of N adults, N accounts each verified online
 * against its own census entry, one live session per account (so each voter has a valid
 * cookie without going through the rate-limited login), and a participatory budget in its
 * vote phase with projects in the town envelope. Used by scripts/bench/ballots.ts,
 * scripts/bench/crash.ts and tests/integration/crash.test.ts.
 *
 * What goes through the domain functions, as a town would do it: the town, the census
 * import (one CSV, one transaction, its register entry), the budget (creation, collection,
 * ideas, reviews with costs, opening of the vote with its ballot box and frozen rules).
 * What is written in bulk, with prepared statements in one transaction, because doing it
 * through the HTTP flows would take hours and measure nothing we want here: the accounts
 * (one shared argon2 hash), their online verifications (the row `claimResidency` writes) and
 * their sessions (the row lucia writes: id, user, expiry in seconds).
 *
 * Also `queueNotifications`: one immediate email per account through `notify()` (the one
 * writer of the outbox), for the outbox crash test.
 */
import { generateIdFromEntropySize } from "lucia";
import { db, sqlite } from "#db/client.server";
import { censusEntries, councils, roleAssignments, users } from "#db/schema";
import { seedEmptyTown } from "#db/seed/seed.server";
import { hashPassword } from "~/domain/accounts/password.server";
import { loadActor } from "~/domain/accounts/session.server";
import { changePhase, createBudget, envelopesOf, projectsOf, submitBudgetIdea } from "~/domain/budgets/budgets.server";
import { reviewIdea } from "~/domain/budgets/review.server";
import { notify } from "~/domain/notifications/notify.server";
import { importCensus, referenceHash } from "~/domain/residency/census.server";
import { utcToLocal } from "~/lib/time";

export interface StormVoter {
  userId: string;
  /** The lucia session id: the cookie is `conseil_session=<sessionId>`. */
  sessionId: string;
  censusEntryId: number;
  /** The participation key the ballot box uses ("census:<entry id>"). */
  personKey: string;
}

export interface StormFixture {
  budgetId: number;
  envelopeId: number;
  boxId: number;
  /** Town envelope, whole euros. */
  envelopeAmount: number;
  /** Ballot ids (as on the ballot: "1", "2"…) with their costs in whole euros. */
  projects: { ballotId: string; cost: number }[];
  voters: StormVoter[];
  /** Seconds spent building each part. */
  timings: Record<string, number>;
}

const EXPLAIN = "Le conseil municipal ouvre cette étape comme le prévoit le calendrier publié ; chaque habitant peut suivre l'avancement du budget sur sa page et au registre.";
const COUNCILS = ["Les Tilleuls", "Le Port", "La Gare", "Saint-Roch"];
/** Project costs in the town envelope (whole euros); the envelope holds 100,000. */
const COSTS = [12_000, 18_000, 25_000, 31_000, 9_000, 40_000, 22_000, 15_000];
const ENVELOPE = 100_000;

const secs = (t0: number) => Math.round((performance.now() - t0) / 10) / 100;

/** A deterministic pseudo-random generator (LCG), so a fixture is the same for a seed. */
export function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/**
 * A random basket within the envelope: projects in random order, each kept while the total
 * stays under the envelope. Returns the form values "<envelope id>:<ballot id>".
 */
export function randomBasket(f: Pick<StormFixture, "envelopeId" | "envelopeAmount" | "projects">, rand: () => number): string[] {
  const order = f.projects.map((p) => ({ p, k: rand() })).sort((a, b) => a.k - b.k);
  const take = 1 + Math.floor(rand() * 4);
  const out: string[] = [];
  let total = 0;
  for (const { p } of order) {
    if (out.length >= take) break;
    if (total + p.cost > f.envelopeAmount) continue;
    total += p.cost;
    out.push(`${f.envelopeId}:${p.ballotId}`);
  }
  return out;
}

/** Builds the storm's town in the (empty) database at DATABASE_PATH. */
export async function buildStormFixture(opts: { voters: number; now?: Date }): Promise<StormFixture> {
  const n = opts.voters;
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const timings: Record<string, number> = {};
  let t0 = performance.now();

  seedEmptyTown("Ville-Tempête");
  const councilRows = COUNCILS.map((name, i) => db.insert(councils).values({ slug: `storm-${i + 1}`, name, description: "", territory: "" }).returning().get());
  const hash = await hashPassword("correct horse battery staple");
  const staff = (role: "admin" | "official") => {
    const id = generateIdFromEntropySize(10);
    db.insert(users).values({ id, email: `${role}@storm.test`, displayName: `Storm ${role}`, passwordHash: hash, emailVerifiedAt: at }).run();
    db.insert(roleAssignments).values({ userId: id, role, councilId: null }).run();
    return loadActor(id)!;
  };
  const admin = staff("admin");
  const official = staff("official");

  // the census, imported the way a town does it (one CSV, one transaction, a register entry)
  const refs = Array.from({ length: n }, (_, i) => `STORM-${String(i + 1).padStart(7, "0")}`);
  const csv = ["reference;nom;prénoms;date_naissance;quartier;adresse", ...refs.map((r, i) => `${r};Votant${i + 1};Camille;1980-05-17;${councilRows[i % councilRows.length]!.slug};${i + 1} rue des Lilas`)].join("\n");
  importCensus(admin, { text: csv, fileName: "recensement-tempete.csv" }, { now });
  timings.census = secs(t0);

  // accounts, verifications and sessions: prepared statements in one transaction
  t0 = performance.now();
  const entryOf = new Map(db.select({ id: censusEntries.id, hash: censusEntries.referenceHash, councilId: censusEntries.councilId }).from(censusEntries).all().map((e) => [e.hash, e]));
  const hashes = db.transaction((tx) => refs.map((r) => referenceHash(tx, r)));
  const raw = sqlite();
  const insUser = raw.prepare("INSERT INTO users (id, email, display_name, password_hash, email_verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  const insVerif = raw.prepare("INSERT INTO residency_verifications (user_id, census_entry_id, council_id, method, verified_by_id, verified_at) VALUES (?, ?, ?, 'online', NULL, ?)");
  const insSession = raw.prepare("INSERT INTO sessions (id, user_id, expires_at, created_at, user_agent, address) VALUES (?, ?, ?, ?, 'storm', '')");
  // lucia's expiry in seconds; 30 days, so validating never extends (no write per request)
  const expires = Math.floor(now.getTime() / 1000) + 30 * 86_400;
  const voters: StormVoter[] = [];
  raw.transaction(() => {
    for (let i = 0; i < n; i++) {
      const entry = entryOf.get(hashes[i]!)!;
      const userId = generateIdFromEntropySize(10);
      const sessionId = generateIdFromEntropySize(25);
      insUser.run(userId, `votant${i + 1}@storm.test`, `Camille Votant${i + 1}`, hash, at, at);
      insVerif.run(userId, entry.id, entry.councilId, at);
      insSession.run(sessionId, userId, expires, at);
      voters.push({ userId, sessionId, censusEntryId: entry.id, personKey: `census:${entry.id}` });
    }
  }).immediate();
  timings.accounts = secs(t0);

  // the budget, through its phases: ideas from residents, reviewed with costs, vote opened
  t0 = performance.now();
  const b = createBudget(official, {
    title: "Budget participatif de la tempête",
    description: "Un budget de la ville pour mesurer le dépôt des bulletins sous une foule de votants.",
    ballotType: "approval",
    allocationRule: "greedy",
    tieBreak: "id",
    minApprovals: 1,
    minSpendPercent: 0,
    kMin: 1,
    maxChoices: COSTS.length,
    townAmount: ENVELOPE,
    envelopes: [],
    explanation: EXPLAIN,
  }, { now });
  changePhase(official, b.id, { to: "collection", explanation: EXPLAIN }, { now });
  const ideaIds = COSTS.map((_, i) => {
    const author = loadActor(voters[i % voters.length]!.userId)!;
    return submitBudgetIdea(author, b.id, { title: `Projet de la tempête n° ${i + 1}`, body: `Un projet pour toute la ville, le numéro ${i + 1}, proposé par un habitant pendant la collecte.`, theme: "public_space", councilId: null, place: "" }, { now }).id;
  });
  changePhase(official, b.id, { to: "review", explanation: EXPLAIN }, { now });
  const town = envelopesOf(b.id).find((e) => e.councilId === null)!;
  ideaIds.forEach((ideaId, i) =>
    reviewIdea(official, b.id, { ideaId, verdict: "feasible", cost: COSTS[i]!, envelopeId: town.id, feasibilityExplanation: "Les services ont vérifié l'emplacement et les réseaux : le projet est faisable.", costExplanation: "Devis du fournisseur.", conflict: "none", conflictText: "" }, { now }),
  );
  const closes = utcToLocal(new Date(now.getTime() + 30 * 86_400_000).toISOString()).slice(0, 16);
  changePhase(official, b.id, { to: "vote", explanation: EXPLAIN, closesAt: closes }, { now });
  const envelope = envelopesOf(b.id).find((e) => e.id === town.id)!;
  const projects = projectsOf(b.id).map((p) => ({ ballotId: p.ballotId!, cost: p.cost }));
  timings.budget = secs(t0);
  return { budgetId: b.id, envelopeId: envelope.id, boxId: envelope.boxId!, envelopeAmount: envelope.amount, projects, voters, timings };
}

/**
 * Queues one immediate email for each of these accounts through `notify()` (their
 * addresses are verified and email is the default channel), in one transaction. Returns the
 * number of outbox messages written.
 */
export function queueNotifications(userIds: string[], now = new Date()): number {
  const before = (sqlite().prepare("SELECT count(*) AS n FROM outbox_messages").get() as { n: number }).n;
  db.transaction((tx) => {
    notify(tx, { kind: "answer", at: now.toISOString(), title: "Des bancs place du marché", link: "/ideas/7#answers", councilId: null, to: userIds });
  });
  const after = (sqlite().prepare("SELECT count(*) AS n FROM outbox_messages").get() as { n: number }).n;
  return after - before;
}

