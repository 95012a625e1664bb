/**
 * The city-scale synthetic town (« Grande-Ville ») for the benchmarks of issue #13: a seeded
 * PRNG makes the same content for the same scale and anchor day. It owns the shape and the
 * sizes of that town; the bench scripts (scripts/bench/*) and scripts/seed-city.ts use it.
 *
 * How it writes:
 *  - the schema comes from the normal open path (openDatabase: migrations, data-version);
 *    the data-version triggers are dropped for the load and recreated at the end;
 *  - the frame goes through the domain functions, with their clocks set in the past: the
 *    rulebook, the participatory budgets (creation, collection, review, vote, count and
 *    results computed by the app's own code, the official decision), the proposal vote
 *    (creation, count, decision), and the register entries (recordDecision, so the hash
 *    chain is the app's);
 *  - the bulk (accounts, census, verifications, ideas, comments, supports, meetings and
 *    minutes, ballots and participations, notifications) goes in with prepared statements
 *    in large transactions. Ballots keep the ballot box's secrecy model
 *    (docs/decisions/008-secret-ballot-box.md): the key is the SHA-256 of a receipt code and
 *    the box (receiptHash), the content is canonical, nothing links a ballot to its
 *    participation, and each cast writes one participation and one ballot per box.
 *
 * Sizes at scale 1 (everything scales linearly; the budgets' projects are fixed):
 * 20 councils; 400,000 census entries, 200,000 accounts, 160,000 verified residencies;
 * 20,000 ideas, 200,000 comments (skewed: the top ideas have thousands), 1,000,000 supports;
 * 300 meetings with minutes; a counted budget (40 town projects, 12 per council) with 200,000
 * voters = 400,000 ballots and about 4,000,000 approvals; an open budget with 20,000 ballots;
 * a counted proposal vote with 100,000 ballots; about 5,000 register entries; 200,000
 * notifications.
 *
 * Times: everything is placed relative to an anchor (`now`, default: today at 00:00 UTC),
 * so the open budget is open on the day it is seeded. Same scale + same anchor = same
 * content (except the census HMAC key and the argon2 salt of the demo password, which are
 * random by design).
 */
import { createHash, createHmac } from "node:crypto";
import fs from "node:fs";
import { closeDatabase, db, sqlite } from "../client.server";
import { dropDataVersionTriggers, ensureDataVersion } from "../data-version";
import { hashPassword } from "~/domain/accounts/password.server";
import { loadActor } from "~/domain/accounts/session.server";
import type { Actor } from "~/domain/accounts/policy";
import { receiptHash } from "~/domain/ballot-box/cast.server";
import { canonical, type BudgetSpec } from "~/domain/ballot-box/spec";
import { townDay } from "~/domain/ballot-box/boxes.server";
import { changePhase, createBudget, decideResults, envelopesOf, submitBudgetIdea } from "~/domain/budgets/budgets.server";
import { reviewIdea } from "~/domain/budgets/review.server";
import { recordDecision } from "~/domain/decisions/record.server";
import { addressKey, normalizeReference, referenceHash } from "~/domain/residency/census.server";
import { publishRuleVersion } from "~/domain/rules/rules.server";
import { countVote, createVote, decideVote, getVote } from "~/domain/votes/votes.server";
import { foldForSearch } from "~/lib/text";
import { utcToLocal } from "~/lib/time";
import { CITY_ACCOUNTS, CITY_PASSWORD } from "./city-accounts";
import { DEMO_RULES } from "./demo-rules";

export { CITY_ACCOUNTS, CITY_PASSWORD };

const DAY = 86_400_000;
const HOUR = 3_600_000;

export interface CityOptions {
  scale: number;
  /** The database file; must not exist (the caller decides about --force). */
  file: string;
  /** The anchor instant (default: today 00:00 UTC). */
  now?: Date;
  log?: (line: string) => void;
  /**
   * The big budget's declared allocation rule (default greedy). Computing results runs every
   * rule for the what-if and each project's margin; with MES and its completions that takes
   * minutes at a few thousand voters (measured in scripts/bench/results.ts), so the city
   * declares greedy, as Paris does.
   */
  rule?: "greedy" | "mes" | "mes-add1" | "mes-add1u";
}

export interface CityReport {
  file: string;
  scale: number;
  anchor: string;
  counts: Record<string, number>;
  /** Seconds per part, in order. */
  timings: { part: string; seconds: number }[];
  totalSeconds: number;
  bytes: number;
  ids: { bigBudget: number; openBudget: number; vote: number; hotIdea: number; council: number; meeting: number };
}

/** mulberry32: small, fast, and the same on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Today at 00:00 UTC. */
export function defaultAnchor(): Date {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

export function citySizes(scale: number) {
  const n = (x: number, min = 1) => Math.max(min, Math.round(x * scale));
  return {
    councils: 20,
    census: n(400_000, 200),
    accounts: n(200_000, 100),
    verified: n(160_000, 80),
    ideas: n(20_000, 40),
    comments: n(200_000, 200),
    supports: n(1_000_000, 500),
    meetings: n(300, 20),
    budgetOnline: n(140_000, 40),
    budgetDesk: n(60_000, 20),
    openBudgetVoters: n(20_000, 10),
    voteOnline: n(80_000, 40),
    voteDesk: n(20_000, 10),
    register: n(5_000, 50),
    notifications: n(200_000, 100),
    // fixed from scale 0.1 up; fewer below, so that the test's scale 0.01 runs in seconds
    townProjects: scale < 0.1 ? 10 : 40,
    councilProjects: scale < 0.1 ? 2 : 12,
  };
}

// ------------------------------------------------------------------ words

const GIVEN = ["Marie", "Pierre", "Nadia", "Lucas", "Zoé", "Mohamed", "Claire", "Théo", "Fatima", "Jules", "Anne", "Samir", "Lucie", "Olivier", "Salomé", "Victor", "Aurélie", "Ibrahim", "Céline", "Arthur", "Inès", "Hugo", "Léa", "Karim", "Emma", "Yanis", "Chloé", "Louis", "Sarah", "Nathan"];
const FAMILY = ["Bernard", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent", "Martin", "Petit", "Durand", "Garcia", "Mercier", "Blanc", "Guerin", "Boyer", "Chevalier", "Perrin"];
const STREETS = ["rue de la République", "avenue Jean-Jaurès", "rue Victor-Hugo", "boulevard Gambetta", "rue Pasteur", "place du Marché", "rue des Écoles", "allée des Tilleuls", "chemin des Vignes", "rue du Moulin", "quai de la Rivière", "rue de la Gare", "impasse des Lilas", "rue Jules-Ferry", "avenue de l'Europe"];
const QUARTERS = ["Centre", "Gare", "Port", "Plateau", "Faubourg Nord", "Faubourg Sud", "Les Coteaux", "La Rive", "Saint-Michel", "Les Halles", "Bel-Air", "La Prairie", "Montplaisir", "Les Chartreux", "Le Canal", "Beaulieu", "Les Tanneries", "La Croix", "Le Parc", "Les Sablons"];
const THEMES = ["mobility", "environment", "public_space", "culture", "sport", "solidarity", "education", "safety", "housing", "economy"] as const;
const SUBJECTS = ["une piste cyclable", "des arbres", "un jardin partagé", "des bancs", "un éclairage", "une aire de jeux", "des toilettes publiques", "un marché du soir", "une fontaine", "des arceaux à vélos", "un composteur", "une boîte à livres", "un terrain de sport", "des passages piétons", "une navette", "une fresque", "un kiosque", "des poubelles de tri", "une zone 30", "un local associatif"];
const PLACES = ["près de l'école", "dans le parc", "devant la mairie", "le long du canal", "sur la place", "rue de la Gare", "au bout de l'avenue", "près du marché", "à côté du stade", "devant la médiathèque"];
const VERBS = ["Installer", "Créer", "Rénover", "Aménager", "Ajouter", "Sécuriser", "Végétaliser", "Ouvrir"];
const SENTENCES = [
  "Les habitants du quartier en parlent depuis longtemps et beaucoup de familles passent par là chaque jour.",
  "Le vélo serait plus sûr si les voitures roulaient moins vite à cet endroit, surtout aux heures d'école.",
  "Il manque un lieu ombragé pour les personnes âgées qui se promènent l'après-midi.",
  "Le parc est très fréquenté le week-end mais l'entretien ne suit pas.",
  "Cela coûterait peu et rendrait service à beaucoup de monde, commerçants compris.",
  "Plusieurs associations sont prêtes à s'en occuper avec la ville.",
  "La nuit, la rue est sombre et l'on ne se sent pas en sécurité en rentrant à pied.",
  "Les enfants n'ont aucun endroit où jouer après l'école dans ce secteur.",
  "Le marché attire du monde mais il n'y a pas assez de place pour les vélos et les poussettes.",
  "On pourrait s'inspirer de ce qu'a fait la commune voisine, qui en est très contente.",
];
const COMMENT_SENTENCES = [
  "Je soutiens cette idée, c'est exactement ce qui manque au quartier.",
  "Bonne idée, mais il faudrait penser au stationnement des riverains.",
  "Je ne suis pas d'accord : le coût serait trop élevé pour ce que cela apporte.",
  "Est-ce que la ville a déjà étudié cette question ?",
  "Nous en avons parlé au conseil de quartier, plusieurs voisins sont pour.",
  "Attention au bruit le soir, il faut prévoir des horaires.",
  "Avec un **vélo** cargo, c'est impossible de passer aujourd'hui.",
  "Merci pour cette proposition, j'ajoute que l'accès pour les fauteuils roulants doit être prévu.",
  "Le parc mérite mieux, je vote pour à deux mains.",
  "Il faudrait d'abord réparer ce qui existe avant de créer du neuf.",
];
const EXPLAIN_ACCEPT =
  "Le service concerné a étudié la demande sur place avec les habitants qui l'ont portée. Elle est retenue : les travaux sont inscrits au programme de l'année, et le conseil de quartier sera tenu informé de leur calendrier à chaque réunion.";
const EXPLAIN_REJECT =
  "Après étude par les services, la demande ne peut pas être retenue en l'état : l'emplacement proposé ne le permet pas et le coût serait disproportionné. La ville propose d'en reparler au conseil de quartier pour chercher une autre solution ensemble.";
const EXPLAIN_COUNCIL =
  "Le conseil municipal a examiné la question après le débat en conseil de quartier et l'avis des services. La décision est prise pour l'année, avec un bilan public présenté au conseil ; les raisons et les pièces sont publiées ici pour que chacun puisse les lire.";

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const iso = (ms: number) => new Date(ms).toISOString();
const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);

/** Counts summing to `total` over `n` items, weights rank^-s, ranks shuffled by `r`. */
function skewed(r: () => number, n: number, total: number, s: number): Int32Array {
  const w = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) sum += w[i] = 1 / Math.pow(i + 1, s);
  const counts = new Int32Array(n);
  let given = 0;
  for (let i = 0; i < n; i++) given += counts[i] = Math.floor((total * w[i]!) / sum);
  for (let i = 0; given < total; i = (i + 1) % n, given++) counts[i]!++;
  // shuffle ranks onto item indexes (Fisher–Yates)
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    const t = counts[i]!;
    counts[i] = counts[j]!;
    counts[j] = t;
  }
  return counts;
}

function shuffle<T>(r: () => number, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** A receipt code in the app's format, from the seeded PRNG (bench data, not secret). */
function receiptCode(r: () => number): string {
  let s = "";
  for (let i = 0; i < 20; i++) s += CROCKFORD[Math.floor(r() * 32)];
  return `${s.slice(0, 5)}-${s.slice(5, 10)}-${s.slice(10, 15)}-${s.slice(15, 20)}`;
}

// ------------------------------------------------------------------ the seed

export async function seedCity(opts: CityOptions): Promise<CityReport> {
  const log = opts.log ?? (() => {});
  const S = citySizes(opts.scale);
  const N = (opts.now ?? defaultAnchor()).getTime();
  const timings: CityReport["timings"] = [];
  const t0 = performance.now();
  let tPart = t0;
  const done = (part: string) => {
    const t = performance.now();
    timings.push({ part, seconds: (t - tPart) / 1000 });
    log(`  ${part.padEnd(44)} ${((t - tPart) / 1000).toFixed(1).padStart(7)} s`);
    tPart = t;
  };

  closeDatabase();
  process.env.DATABASE_PATH = opts.file;
  const sq = sqlite(); // opens and migrates through the normal path
  dropDataVersionTriggers(sq);
  sq.pragma("synchronous = OFF");
  sq.pragma("cache_size = -262144");
  sq.pragma("temp_store = MEMORY");
  const r = prng(Math.round(opts.scale * 1e6) ^ 0x5eed);
  done("schema (migrations)");

  // ---------------------------------------------------------------- town, staff, councils
  const hash = await hashPassword(CITY_PASSWORD);
  const councilIds: number[] = [];
  const staff = { official: "staff-official", admin: "staff-admin", facilitator: "staff-facilitator", desk: "staff-desk" };
  sq.transaction(() => {
    sq.prepare("INSERT INTO towns (id, name, desk_info, demo) VALUES (1, 'Grande-Ville', ?, 0)").run(
      "Accueil de l'hôtel de ville et mairies de quartier : du lundi au vendredi de 8 h 30 à 17 h. Venez avec une pièce d'identité.",
    );
    const c = sq.prepare("INSERT INTO councils (slug, name, description, territory, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)");
    const created = iso(N - 4 * 365 * DAY);
    for (const [i, q] of QUARTERS.entries()) {
      const slug = foldForSearch(q).replace(/[^a-z0-9]+/g, "-");
      councilIds.push(Number(c.run(slug, q, `Le conseil de quartier ${q} se réunit en public chaque trimestre. Ordres du jour, comptes rendus et idées des habitants sont publiés ici.`, `Quartier ${q} (secteur ${i + 1}).`, created, created).lastInsertRowid));
    }
    const u = sq.prepare("INSERT INTO users (id, email, display_name, password_hash, email_verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    const ra = sq.prepare("INSERT INTO role_assignments (user_id, role, council_id, granted_at) VALUES (?, ?, ?, ?)");
    const rc = sq.prepare("INSERT INTO role_changes (at, user_id, change, role, council_id) VALUES (?, ?, 'grant', ?, ?)");
    const grant = (id: string, role: string, council: number | null) => {
      ra.run(id, role, council, created);
      rc.run(created, id, role, council);
    };
    u.run(staff.official, CITY_ACCOUNTS.official, "Hélène Marchand (adjointe à la démocratie locale)", hash, created, created);
    grant(staff.official, "official", null);
    u.run(staff.admin, CITY_ACCOUNTS.admin, "Service démocratie participative", hash, created, created);
    grant(staff.admin, "admin", null);
    u.run(staff.facilitator, CITY_ACCOUNTS.facilitator, "Julien Caron (animateur)", hash, created, created);
    grant(staff.facilitator, "facilitator", councilIds[0]!);
    u.run(staff.desk, "accueil@grande-ville.example", "Accueil de l'hôtel de ville", hash, created, created);
    grant(staff.desk, "facilitator", null);
    for (const [i, id] of councilIds.entries()) {
      if (i === 0) continue;
      const uid = `staff-facilitator-${i + 1}`;
      u.run(uid, `animation-${i + 1}@grande-ville.example`, `${pick(r, GIVEN)} ${pick(r, FAMILY)} (animation ${QUARTERS[i]})`, hash, created, created);
      grant(uid, "facilitator", id);
    }
  })();
  const official = loadActor(staff.official)!;
  const admin = loadActor(staff.admin)!;
  const desk = loadActor(staff.desk)!;
  const rules = DEMO_RULES.at(-1)!;
  const rulesAt = N - 3 * 365 * DAY - 20 * DAY;
  publishRuleVersion(official, { scope: "town", title: rules.title, body: rules.body, explanation: rules.explanation, ...rules.params }, new Date(rulesAt));
  const ruleVersionId = (sq.prepare("SELECT id FROM rule_versions WHERE scope = 'town' ORDER BY number DESC LIMIT 1").pluck().get() as number);
  const { answerDelayDays, supportThreshold, minutesDelayDays } = rules.params;
  done("town, councils, staff, rulebook");

  // ---------------------------------------------------------------- census, accounts, verifications
  // person i: census entry id i+1 (inserted in order); 5 % are minors; half have an account
  // (account = user `r<i>`), 80 % of accounts are verified. Person 0 is the named resident.
  const P = S.census;
  const councilOf = new Int32Array(P);
  const minor = new Uint8Array(P);
  const accountOf = new Int32Array(P).fill(-1); // account index
  const verified = new Uint8Array(P);
  const censusAt = N - 3 * 365 * DAY;
  const accountPerson: number[] = []; // account index → person
  {
    const stepA = P / S.accounts;
    const pickA = new Uint8Array(P);
    for (let k = 0; k < S.accounts; k++) pickA[Math.min(P - 1, Math.floor(k * stepA))] = 1;
    for (let i = 0; i < P; i++) {
      councilOf[i] = councilIds[Math.floor(r() * councilIds.length)]!;
      minor[i] = i > 0 && r() < 0.05 ? 1 : 0;
      if (pickA[i]) {
        accountOf[i] = accountPerson.length;
        accountPerson.push(i);
      }
    }
    councilOf[0] = councilIds[0]!;
    const ratio = S.verified / S.accounts;
    for (const [k, i] of accountPerson.entries()) if (i === 0 || (!minor[i] && ((k * 7919) % 1000) / 1000 < ratio / 0.95)) verified[i] = 1;
  }
  const censusEntry = await (async () => {
    const importEntry = db.transaction((tx) =>
      recordDecision(tx, admin, {
        councilId: null,
        subject: { kind: "census", id: null, title: "Recensement 2023" },
        outcome: "imported",
        explanation: `Import de la liste électorale et du recensement communal : ${P.toLocaleString("fr-FR")} personnes. Les numéros de référence sont conservés sous forme chiffrée ; seuls les noms, dates de naissance, adresses et quartiers servent à vérifier la résidence des habitants.`,
        authorRole: "admin",
        at: new Date(censusAt),
      }),
    );
    sq.prepare("INSERT INTO census_imports (id, imported_at, imported_by_id, file_name, row_count, added, changed, removed, decision_seq) VALUES (1, ?, ?, 'recensement-2023.csv', ?, ?, 0, 0, ?)").run(
      iso(censusAt),
      staff.admin,
      P,
      P,
      importEntry.seq,
    );
    return importEntry;
  })();
  void censusEntry;
  const emailOf = (i: number) => (i === 0 ? CITY_ACCOUNTS.resident : `habitant-${i}@grande-ville.example`);
  const userOf = (i: number) => `r${i.toString(36)}`;
  const nameOf = (i: number) => `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]}`;
  // the census reference HMAC (referenceHash): its key is created by the app on first use, then the
  // same computation runs here without a query per row
  db.transaction((tx) => referenceHash(tx, "GV-0"));
  const censusKey = Buffer.from(sq.prepare("SELECT value FROM secrets WHERE name = 'census_hmac'").pluck().get() as string, "base64");
  const refHash = (ref: string) => createHmac("sha256", censusKey).update(normalizeReference(ref)).digest("hex");
  sq.transaction(() => {
    const ce = sq.prepare(
      "INSERT INTO census_entries (id, reference_hash, family_name, given_names, name_key, birth_date, council_id, address, address_key, active, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 1)",
    );
    const addrKeys = new Map<string, string>();
    for (let i = 0; i < P; i++) {
      const given = GIVEN[i % GIVEN.length]!;
      const family = FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]!;
      const year = minor[i] ? 2011 + Math.floor(r() * 5) : 1935 + Math.floor(r() * 70);
      const birth = `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`;
      const street = `${STREETS[Math.floor(r() * STREETS.length)]} ${QUARTERS[councilIds.indexOf(councilOf[i]!)]}`;
      const address = `${1 + Math.floor(r() * 120)} ${street}, 99000 Grande-Ville`;
      let key = addrKeys.get(address);
      if (!key) addrKeys.set(address, (key = addressKey(address)));
      ce.run(i + 1, refHash(`GV-${String(1_000_000 + i)}`), family, given, foldForSearch(`${family} ${given}`), birth, councilOf[i], address, key);
    }
  })();
  done(`census (${P.toLocaleString("en")} entries)`);

  sq.transaction(() => {
    const u = sq.prepare("INSERT INTO users (id, email, display_name, password_hash, email_verified_at, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    const v = sq.prepare(
      "INSERT INTO residency_verifications (user_id, census_entry_id, council_id, method, verified_by_id, document_type, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
    );
    for (const i of accountPerson) {
      const created = censusAt + Math.floor(r() * 2 * 365 * DAY);
      u.run(userOf(i), emailOf(i), nameOf(i), i === 0 ? hash : "!", iso(created), iso(created));
      if (verified[i]) {
        const online = i === 0 || r() < 0.8;
        v.run(userOf(i), i + 1, councilOf[i], online ? "online" : "desk", online ? null : staff.desk, online ? null : "id_card", iso(created + HOUR));
      }
    }
  })();
  done(`accounts (${S.accounts.toLocaleString("en")}) and verifications`);

  // ---------------------------------------------------------------- ideas, answers, supports, comments
  const I = S.ideas;
  const ideaStart = N - 3 * 365 * DAY;
  const submitted = new Float64Array(I);
  for (let k = 0; k < I; k++) submitted[k] = ideaStart + r() * (3 * 365 * DAY - DAY);
  submitted.sort();
  const supportCounts = skewed(r, I, S.supports, 0.7);
  const commentCounts = skewed(r, I, S.comments, 0.8);
  const U = accountPerson.length;
  for (let k = 0; k < I; k++) supportCounts[k] = Math.min(supportCounts[k]!, U - 1);
  // answers: a sample of ideas old enough to have been answered before the budget season
  const bulkRegister = Math.max(0, S.register - 330);
  const answerCount = Math.round(bulkRegister * 0.8);
  const answerable: number[] = [];
  for (let k = 0; k < I; k++) if (submitted[k]! <= N - 230 * DAY) answerable.push(k);
  for (let k = answerable.length - 1; k > 0; k--) {
    const j = Math.floor(r() * (k + 1));
    [answerable[k], answerable[j]] = [answerable[j]!, answerable[k]!];
  }
  const answered = new Map<number, { at: number; status: "accepted" | "rejected" }>();
  for (const k of answerable.slice(0, answerCount)) answered.set(k, { at: submitted[k]! + (3 + r() * 60) * DAY, status: r() < 0.55 ? "accepted" : "rejected" });
  const ideaIdOf = new Int32Array(I);
  const ideaCouncil = new Int32Array(I);
  const ideaTitle: string[] = new Array(I);
  sq.transaction(() => {
    const ins = sq.prepare(
      `INSERT INTO ideas (council_id, author_id, title, body, theme, place, status, channel, submitted_at, due_at, answer_delay_days, rule_version_id,
        answered_at, answered_in_time, threshold_reached_at, support_count, comment_count)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'online', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    for (let k = 0; k < I; k++) {
      const council = r() < 0.9 ? pick(r, councilIds) : null;
      const author = accountPerson[Math.floor(r() * U)]!;
      const subject = pick(r, SUBJECTS);
      const place = pick(r, PLACES);
      const title = `${pick(r, VERBS)} ${subject} ${place}`;
      const body = [
        `${pick(r, SENTENCES)} ${pick(r, SENTENCES)}`,
        `Je propose de ${title.charAt(0).toLowerCase()}${title.slice(1)}. ${pick(r, SENTENCES)}`,
        `- ${pick(r, SENTENCES)}\n- ${pick(r, SENTENCES)}`,
      ].join("\n\n");
      const sub = submitted[k]!;
      const due = sub + answerDelayDays * DAY;
      const a = answered.get(k);
      const thr = supportCounts[k]! >= supportThreshold ? iso(sub + Math.min(N - sub - HOUR, 10 * DAY)) : null;
      const row = ins.run(
        council,
        userOf(author),
        title,
        body,
        pick(r, THEMES),
        place,
        a ? a.status : "submitted",
        iso(sub),
        iso(due),
        answerDelayDays,
        ruleVersionId,
        a ? iso(a.at) : null,
        a ? (a.at <= due ? 1 : 0) : null,
        thr,
        supportCounts[k],
        commentCounts[k],
      );
      ideaIdOf[k] = Number(row.lastInsertRowid);
      ideaCouncil[k] = council ?? 0;
      ideaTitle[k] = title;
    }
  })();
  done(`ideas (${I.toLocaleString("en")})`);

  sq.transaction(() => {
    const ins = sq.prepare("INSERT INTO supports (idea_id, user_id, channel, created_at) VALUES (?, ?, 'online', ?)");
    for (let k = 0; k < I; k++) {
      const n = supportCounts[k]!;
      if (!n) continue;
      let step = 7919 + Math.floor(r() * 1000);
      while (gcd(step, U) !== 1) step++;
      let at = Math.floor(r() * U);
      const sub = submitted[k]!;
      for (let j = 0; j < n; j++) {
        ins.run(ideaIdOf[k], userOf(accountPerson[at]!), iso(sub + r() * (N - sub)));
        at = (at + step) % U;
      }
    }
  })();
  done(`supports (${S.supports.toLocaleString("en")})`);

  sq.transaction(() => {
    const ins = sq.prepare("INSERT INTO comments (idea_id, author_id, parent_id, stance, body, created_at) VALUES (?, ?, ?, ?, ?, ?)");
    const stances = ["for", "for", "against", "neutral"];
    for (let k = 0; k < I; k++) {
      const n = commentCounts[k]!;
      if (!n) continue;
      const sub = submitted[k]!;
      const span = N - sub;
      const tops: number[] = [];
      const times = Array.from({ length: n }, () => sub + r() * span).sort((x, y) => x - y);
      for (let j = 0; j < n; j++) {
        const parent = tops.length && r() < 0.3 ? tops[Math.floor(r() * tops.length)]! : null;
        const body = r() < 0.5 ? pick(r, COMMENT_SENTENCES) : `${pick(r, COMMENT_SENTENCES)}\n\n${pick(r, SENTENCES)}`;
        const id = Number(ins.run(ideaIdOf[k], userOf(accountPerson[Math.floor(r() * U)]!), parent, parent ? "neutral" : pick(r, stances), body, iso(times[j]!)).lastInsertRowid);
        if (!parent) tops.push(id);
      }
    }
  })();
  done(`comments (${S.comments.toLocaleString("en")})`);

  // ---------------------------------------------------------------- meetings and minutes
  const meetingIds: number[] = [];
  const meetingAt: number[] = [];
  sq.transaction(() => {
    const m = sq.prepare(
      `INSERT INTO meetings (council_id, title, starts_at, ends_at, place_name, address, status, agenda, agenda_published_at, held_at, minutes_due_at, minutes_delay_days, created_by_id, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const mv = sq.prepare("INSERT INTO minutes_versions (meeting_id, version, body, attendance_count, published_at, published_by_id, published_by_name) VALUES (?, 1, ?, ?, ?, ?, ?)");
    const starts = Array.from({ length: S.meetings }, () => N - 3 * 365 * DAY + r() * (3 * 365 + 60) * DAY).sort((x, y) => x - y);
    for (const [j, start0] of starts.entries()) {
      const start = Math.floor(start0 / DAY) * DAY + 17 * HOUR; // 17:00 UTC that day
      const ci = j % councilIds.length;
      const council = councilIds[ci]!;
      const held = start < N;
      const agenda = `1. Point sur les idées du quartier\n2. ${pick(r, SUBJECTS)} ${pick(r, PLACES)}\n3. Budget participatif\n4. Questions diverses`;
      const created = start - 30 * DAY;
      const id = Number(
        m.run(council, `Conseil de quartier ${QUARTERS[ci]} — ${new Date(start).toISOString().slice(0, 10)}`, iso(start), iso(start + 2 * HOUR), `Maison de quartier ${QUARTERS[ci]}`, `1 place ${QUARTERS[ci]}, 99000 Grande-Ville`, held ? "held" : "scheduled", agenda, iso(created), held ? iso(start) : null, held ? iso(start + minutesDelayDays * DAY) : null, held ? minutesDelayDays : null, staff.facilitator, iso(created), iso(held ? start : created)).lastInsertRowid,
      );
      meetingIds.push(id);
      meetingAt.push(start);
      if (held && start + 3 * DAY < N && r() < 0.92) {
        const body = `## Présents\n\n${20 + Math.floor(r() * 60)} habitants, l'animateur et l'élue de quartier.\n\n## Débats\n\n${pick(r, SENTENCES)} ${pick(r, SENTENCES)}\n\n## Décisions\n\n- ${pick(r, SENTENCES)}\n- ${pick(r, SENTENCES)}`;
        mv.run(id, body, 20 + Math.floor(r() * 60), iso(start + (1 + r() * 20) * DAY), staff.facilitator, "Julien Caron (animateur)");
      }
    }
  })();
  done(`meetings (${S.meetings})`);

  // ---------------------------------------------------------------- the register (answers, council decisions)
  {
    type Bulk = { at: number; run: (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) => void };
    const entries: Bulk[] = [];
    for (const [k, a] of answered) {
      entries.push({
        at: a.at,
        run: (tx) =>
          void recordDecision(tx, official, {
            councilId: ideaCouncil[k] || null,
            subject: { kind: "idea", id: String(ideaIdOf[k]), title: ideaTitle[k]! },
            outcome: a.status,
            explanation: a.status === "accepted" ? EXPLAIN_ACCEPT : EXPLAIN_REJECT,
            authorRole: "official",
            at: new Date(a.at),
          }),
      });
    }
    const councilDecisions = bulkRegister - answerCount;
    for (let j = 0; j < councilDecisions; j++) {
      const at = censusAt + DAY + r() * (3 * 365 - 212) * DAY;
      const mi = meetingAt.findIndex((t) => t > at) - 1;
      const meeting = mi >= 0 ? meetingIds[mi]! : null;
      const ci = mi >= 0 ? (mi % councilIds.length) : Math.floor(r() * councilIds.length);
      entries.push({
        at,
        run: (tx) =>
          void recordDecision(tx, official, {
            councilId: councilIds[ci]!,
            subject: { kind: "council_decision", id: null, title: `${pick(r, VERBS)} ${pick(r, SUBJECTS)} ${pick(r, PLACES)} (${QUARTERS[ci]})` },
            outcome: r() < 0.7 ? "adopted" : "rejected",
            explanation: EXPLAIN_COUNCIL,
            evidence: meeting ? [{ label: "Compte rendu du conseil de quartier", url: `/meetings/${meeting}` }] : [],
            authorRole: "official",
            at: new Date(at),
          }),
      });
    }
    entries.sort((x, y) => x.at - y.at);
    db.transaction((tx) => {
      for (const e of entries) e.run(tx);
    });
  }
  done(`register (${bulkRegister.toLocaleString("en")} answers and council decisions)`);

  // ---------------------------------------------------------------- budgets and the vote, in time order
  const verifiedAdults: number[] = [];
  const noAccountAdults: number[] = [];
  for (let i = 1; i < P; i++) {
    if (minor[i]) continue;
    if (verified[i]) verifiedAdults.push(i);
    else if (accountOf[i]! < 0) noAccountAdults.push(i);
  }
  type Ev = { at: number; label?: string; run: () => void };
  const events: Ev[] = [];
  const budgetAuthor = (j: number) => loadActor(userOf(verifiedAdults[(j * 97) % verifiedAdults.length]!))!;
  let bigBudget = 0;
  let openBudget = 0;
  let voteId = 0;
  let bigCast = { ballots: 0, approvals: 0 };
  let voteCast = { ballots: 0, approvals: 0 };
  let openCast = { ballots: 0, approvals: 0 };

  /** Writes casts the way castInTx does: one participation and one ballot per box, one receipt code per cast. */
  const castBallots = (boxIdsFor: (person: number) => number[], voters: { person: number; channel: "online" | "desk" }[], opens: number, closes: number, choose: (boxId: number) => string[]) => {
    const part = sq.prepare("INSERT INTO participations (box_id, person_key, channel, recorded_by_id, day) VALUES (?, ?, ?, ?, ?)");
    const bal = sq.prepare("INSERT INTO ballots (box_id, id, channel, content) VALUES (?, ?, ?, ?)");
    let ballots = 0;
    let approvals = 0;
    // townDay builds an Intl formatter per call: one call per hour of the window, not per voter
    const days = new Map<number, string>();
    const dayOf = (ms: number) => {
      const h = Math.floor(ms / HOUR);
      let d = days.get(h);
      if (d === undefined) days.set(h, (d = townDay(new Date(h * HOUR))));
      return d;
    };
    sq.transaction(() => {
      for (const v of voters) {
        const code = receiptCode(r);
        const day = dayOf(opens + r() * (closes - opens));
        for (const boxId of boxIdsFor(v.person)) {
          const choices = choose(boxId);
          part.run(boxId, `census:${v.person + 1}`, v.channel, v.channel === "desk" ? staff.desk : null, day);
          bal.run(boxId, receiptHash(code, boxId), v.channel, canonical(choices));
          ballots++;
          approvals += choices.length;
        }
      }
    })();
    return { ballots, approvals };
  };
  /** A basket under the envelope: a target number of random projects that fit (half the voters favour the low ballot ids). */
  const basketChooser = (budgetId: number, targets: { town: [number, number]; council: [number, number] }) => {
    const specs = new Map<number, { spec: BudgetSpec; councilId: number | null }>();
    for (const e of envelopesOf(budgetId)) {
      if (!e.boxId) continue;
      specs.set(e.boxId, { spec: JSON.parse(sq.prepare("SELECT spec FROM ballot_boxes WHERE id = ?").pluck().get(e.boxId) as string) as BudgetSpec, councilId: e.councilId });
    }
    return {
      boxes: [...specs.entries()].map(([id, s]) => ({ id, councilId: s.councilId })),
      choose: (boxId: number) => {
        const { spec, councilId } = specs.get(boxId)!;
        const [lo, hi] = councilId === null ? targets.town : targets.council;
        const want = lo + Math.floor(r() * (hi - lo + 1));
        const order = r() < 0.5 ? [...spec.projects] : shuffle(r, [...spec.projects]);
        const chosen: string[] = [];
        let total = 0;
        for (const p of order) {
          if (chosen.length >= want) break;
          if (total + p.cost <= spec.budget) {
            chosen.push(p.id);
            total += p.cost;
          }
        }
        return chosen;
      },
    };
  };

  /** A budget's life through the domain functions, as dated events; `cast` runs just before the close. */
  const budgetEvents = (b: { get: () => number; created: number; townProjects: number; councilProjects: number; townCost: [number, number]; councilCost: [number, number]; voteOpens: number; voteCloses: number; cast: () => void; label: string }) => {
    const submittedIdeas: { id: number; council: number | null; cost: number }[] = [];
    const rr = prng(Math.round(b.created / DAY));
    events.push({
      at: b.created + DAY,
      run: () => void changePhase(official, b.get(), { to: "collection", explanation: "Le dépôt des idées est ouvert pour six semaines, comme annoncé au conseil municipal. Chaque idée sera étudiée par les services, avec une réponse écrite publiée au registre." }, { now: new Date(b.created + DAY) }),
    });
    const plan: (number | null)[] = [...Array<null>(b.townProjects).fill(null), ...(b.councilProjects ? councilIds.flatMap((c) => Array<number>(b.councilProjects).fill(c)) : [])];
    plan.forEach((council, j) => {
      const at = b.created + 2 * DAY + j * HOUR;
      events.push({
        at,
        run: () => {
          const title = `${pick(rr, VERBS)} ${pick(rr, SUBJECTS)} ${pick(rr, PLACES)} (projet ${j + 1})`;
          const idea = submitBudgetIdea(budgetAuthor(j), b.get(), { title, body: `${pick(rr, SENTENCES)} ${pick(rr, SENTENCES)}`, theme: pick(rr, THEMES), councilId: council, place: "" }, { now: new Date(at) });
          const [lo, hi] = council === null ? b.townCost : b.councilCost;
          submittedIdeas.push({ id: idea.id, council, cost: Math.round((lo + rr() * (hi - lo)) / 1000) * 1000 });
        },
      });
    });
    const reviewAt = b.created + 2 * DAY + plan.length * HOUR + DAY;
    events.push({
      at: reviewAt,
      run: () => void changePhase(official, b.get(), { to: "review", explanation: "Le dépôt est clos. Les services techniques étudient maintenant chaque idée : faisabilité, coût estimé et enveloppe, avec une explication écrite et la déclaration de tout conflit d'intérêts." }, { now: new Date(reviewAt) }),
    });
    events.push({
      at: reviewAt + HOUR,
      run: () => {
        const envelopes = envelopesOf(b.get());
        for (const [k, s] of submittedIdeas.entries()) {
          reviewIdea(
            official,
            b.get(),
            {
              ideaId: s.id,
              verdict: "feasible",
              cost: s.cost,
              envelopeId: envelopes.find((e) => e.councilId === s.council)!.id,
              feasibilityExplanation: "Les services ont vérifié l'emplacement, les réseaux et l'entretien : le projet est réalisable dans l'année qui suit le vote, sans autorisation d'urbanisme particulière.",
              costExplanation: "Estimation du bureau d'études, pose et première année d'entretien comprises.",
              conflict: "none",
              conflictText: "",
            },
            { now: new Date(reviewAt + (1 + k) * 600_000) },
          );
        }
      },
    });
    events.push({
      at: b.voteOpens,
      run: () =>
        void changePhase(
          official,
          b.get(),
          { to: "vote", explanation: "L'étude est terminée : les projets faisables sont soumis au vote des habitants vérifiés, dans l'enveloppe de la ville et dans celle de leur quartier. Le règlement du budget est publié et ne changera plus.", closesAt: utcToLocal(iso(b.voteCloses)) },
          { now: new Date(b.voteOpens) },
        ),
    });
    events.push({ at: Math.min(b.voteCloses, N) - 1, label: b.label, run: b.cast });
  };

  // the big budget: created N-200 d, vote from N-60 d to N-20 d, counted, results confirmed
  const bigCreated = N - 200 * DAY;
  const bigVoteOpens = N - 60 * DAY;
  const bigVoteCloses = N - 20 * DAY;
  events.push({
    at: bigCreated,
    run: () => {
      bigBudget = createBudget(
        official,
        {
          title: "Budget participatif 2026",
          description:
            "Les habitants de Grande-Ville décident de l'usage de **12 millions d'euros** d'investissement : 4 millions pour des projets de toute la ville et 400 000 € par quartier. Le résultat est calculé par la règle annoncée avant le vote.",
          ballotType: "approval",
          allocationRule: opts.rule ?? "greedy",
          tieBreak: "cheaper",
          minApprovals: 1,
          minSpendPercent: 0,
          kMin: 1,
          maxChoices: 50,
          townAmount: 4_000_000,
          envelopes: councilIds.map((id) => ({ councilId: id, amount: 400_000 })),
          explanation:
            "Le conseil municipal consacre douze millions d'euros au budget participatif 2026 : une enveloppe pour toute la ville et une par quartier. Les règles du vote et du calcul sont publiées ici avant le dépôt des idées.",
        },
        { now: new Date(bigCreated) },
      ).id;
    },
  });
  budgetEvents({
    get: () => bigBudget,
    created: bigCreated,
    townProjects: S.townProjects,
    councilProjects: S.councilProjects,
    townCost: [40_000, 300_000],
    councilCost: [10_000, 60_000],
    voteOpens: bigVoteOpens,
    voteCloses: bigVoteCloses,
    label: "budget ballots",
    cast: () => {
      const big = basketChooser(bigBudget, { town: [6, 18], council: [5, 11] });
      const townBox = big.boxes.find((b) => b.councilId === null)!.id;
      const boxOfCouncil = new Map(big.boxes.filter((b) => b.councilId !== null).map((b) => [b.councilId!, b.id]));
      const voters = [
        ...verifiedAdults.slice(0, S.budgetOnline).map((person) => ({ person, channel: "online" as const })),
        ...noAccountAdults.slice(0, S.budgetDesk).map((person) => ({ person, channel: "desk" as const })),
      ];
      bigCast = castBallots((p) => [townBox, boxOfCouncil.get(councilOf[p]!)!], voters, bigVoteOpens, bigVoteCloses, big.choose);
    },
  });
  events.push({
    at: bigVoteCloses + HOUR,
    label: "budget count and results (changePhase → results)",
    run: () =>
      void changePhase(
        official,
        bigBudget,
        { to: "results", explanation: "Le vote est clos. Les urnes de chaque enveloppe sont dépouillées et le résultat est calculé par la règle annoncée avant le vote, projet par projet, à partir des bulletins anonymisés publiés au format Pabulib." },
        { now: new Date(bigVoteCloses + HOUR) },
      ),
  });
  events.push({
    at: bigVoteCloses + 5 * DAY,
    run: () =>
      void decideResults(
        official,
        bigBudget,
        {
          outcome: "confirmed",
          explanation: "Le conseil municipal confirme le résultat calculé, sans écart : les projets financés seront réalisés dans les deux ans, et leur avancement sera publié ici projet par projet, avec les dépenses engagées.",
          changes: [],
        },
        { now: new Date(bigVoteCloses + 5 * DAY) },
      ),
  });

  // the proposal vote: town-wide, N-110 d to N-90 d, counted and decided
  const voteCreated = N - 120 * DAY;
  const voteOpens = N - 110 * DAY;
  const voteCloses = N - 90 * DAY;
  events.push({
    at: voteCreated,
    run: () => {
      voteId = createVote(
        official,
        {
          councilId: null,
          question: "Faut-il rendre le centre-ville piéton le dimanche ?",
          description:
            "Plusieurs conseils de quartier l'ont demandé : fermer le centre-ville aux voitures le dimanche de 10 h à 19 h, avec des navettes gratuites depuis les parkings relais. La ville consulte tous les habitants avant de décider. Le vote est **consultatif**.",
          form: "yes_no",
          options: "",
          minChoices: undefined,
          maxChoices: undefined,
          opensAt: utcToLocal(iso(voteOpens)),
          closesAt: utcToLocal(iso(voteCloses)),
          binding: false,
        },
        { now: new Date(voteCreated) },
      ).id;
    },
  });
  events.push({
    at: voteCloses - 1,
    label: "proposal vote ballots",
    run: () => {
      const box = getVote(voteId)!.boxId;
      const voters = [
        ...verifiedAdults.slice(0, S.voteOnline).map((person) => ({ person, channel: "online" as const })),
        ...noAccountAdults.slice(S.budgetDesk, S.budgetDesk + S.voteDesk).map((person) => ({ person, channel: "desk" as const })),
      ];
      voteCast = castBallots(() => [box], voters, voteOpens, voteCloses, () => [r() < 0.58 ? "yes" : r() < 0.85 ? "no" : "abstain"]);
    },
  });
  events.push({ at: voteCloses + 2 * HOUR, label: "proposal vote count", run: () => void countVote(desk, voteId, {}, { now: new Date(voteCloses + 2 * HOUR) }) });
  events.push({
    at: voteCloses + 7 * DAY,
    run: () =>
      void decideVote(
        official,
        voteId,
        {
          outcome: "adopted",
          explanation:
            "Une majorité des participants s'est prononcée pour un centre-ville piéton le dimanche. Le conseil municipal le retient à titre d'essai pour un an, avec des navettes gratuites depuis les parkings relais ; un bilan de fréquentation et de l'avis des commerçants sera présenté en conseil et publié au registre.",
        },
        { now: new Date(voteCloses + 7 * DAY) },
      ),
  });

  // an open budget: its vote opened 5 days before the anchor and closes 25 days after; the named resident has not voted
  const openCreated = N - 40 * DAY;
  events.push({
    at: openCreated,
    run: () => {
      openBudget = createBudget(
        official,
        {
          title: "Budget des écoles 2027",
          description: "Un million d'euros pour les cours d'école, les cantines et les abords des écoles, choisis par les habitants de toute la ville.",
          ballotType: "approval",
          allocationRule: "greedy",
          tieBreak: "cheaper",
          minApprovals: 1,
          minSpendPercent: 0,
          kMin: 1,
          maxChoices: 50,
          townAmount: 1_000_000,
          envelopes: [],
          explanation:
            "Le conseil municipal consacre un million d'euros à un budget participatif des écoles. Les règles du vote et du calcul sont publiées ici avant le dépôt des idées, et ne changeront plus une fois le vote ouvert.",
        },
        { now: new Date(openCreated) },
      ).id;
    },
  });
  budgetEvents({
    get: () => openBudget,
    created: openCreated,
    townProjects: 15,
    councilProjects: 0,
    townCost: [30_000, 200_000],
    councilCost: [0, 0],
    voteOpens: N - 5 * DAY,
    voteCloses: N + 25 * DAY,
    label: "open budget ballots",
    cast: () => {
      const open = basketChooser(openBudget, { town: [3, 9], council: [0, 0] });
      const voters = verifiedAdults.slice(S.budgetOnline, S.budgetOnline + S.openBudgetVoters).map((person) => ({ person, channel: "online" as const }));
      openCast = castBallots(() => [open.boxes[0]!.id], voters, N - 5 * DAY, N, open.choose);
    },
  });

  events.sort((x, y) => x.at - y.at);
  for (const e of events) {
    if (e.label) done("budgets and vote: domain events");
    e.run();
    if (e.label) done(e.label);
  }
  done("budgets and vote frame (domain functions)");

  // ---------------------------------------------------------------- notifications and follows
  sq.transaction(() => {
    const ins = sq.prepare("INSERT INTO notifications (user_id, kind, title, link, council_id, idea_id, created_at, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    const kinds = ["answer", "comment", "reply", "threshold", "minutes", "agenda"] as const;
    const send = (person: number, k: number, at: number) => {
      const kind = pick(r, kinds);
      ins.run(userOf(person), kind, ideaTitle[k], `/ideas/${ideaIdOf[k]}`, ideaCouncil[k] || null, ideaIdOf[k], iso(at), r() < 0.6 ? iso(at + DAY) : null);
    };
    for (let j = 0; j < S.notifications; j++) send(accountPerson[Math.floor(r() * U)]!, Math.floor(r() * I), N - r() * 365 * DAY);
    for (let j = 0; j < 40; j++) send(0, Math.floor(r() * I), N - (40 - j) * DAY);
    const f = sq.prepare("INSERT OR IGNORE INTO follows (user_id, subject_kind, subject_id, created_at) VALUES (?, ?, ?, ?)");
    for (let j = 0; j < 10; j++) f.run(userOf(0), "idea", ideaIdOf[Math.floor(r() * I)], iso(N - 30 * DAY));
    f.run(userOf(0), "council", councilIds[0], iso(N - 300 * DAY));
    f.run(userOf(0), "budget", bigBudget, iso(N - 100 * DAY));
    f.run(userOf(0), "budget", openBudget, iso(N - 10 * DAY));
  })();
  done(`notifications (${S.notifications.toLocaleString("en")})`);

  // ---------------------------------------------------------------- finish
  ensureDataVersion(sq);
  sq.exec("ANALYZE");
  sq.pragma("synchronous = NORMAL");
  sq.pragma("wal_checkpoint(TRUNCATE)");
  done("data-version triggers, ANALYZE, checkpoint");

  const count = (t: string) => sq.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  const counts: Record<string, number> = {};
  for (const t of ["councils", "census_entries", "users", "residency_verifications", "ideas", "comments", "supports", "meetings", "minutes_versions", "budgets", "budget_projects", "ballot_boxes", "participations", "ballots", "votes", "decisions", "notifications"]) counts[t] = count(t);
  counts.approvals = bigCast.approvals + voteCast.approvals + openCast.approvals;
  const hotIdea = sq.prepare("SELECT id FROM ideas ORDER BY comment_count DESC LIMIT 1").pluck().get() as number;
  const council = councilIds[0]!;
  const meeting = sq.prepare("SELECT meeting_id FROM minutes_versions ORDER BY published_at DESC LIMIT 1").pluck().get() as number;
  closeDatabase();
  const bytes = ["", "-wal", "-shm"].reduce((s, x) => s + (fs.existsSync(opts.file + x) ? fs.statSync(opts.file + x).size : 0), 0);
  return {
    file: opts.file,
    scale: opts.scale,
    anchor: new Date(N).toISOString(),
    counts,
    timings,
    totalSeconds: (performance.now() - t0) / 1000,
    bytes,
    ids: { bigBudget, openBudget, vote: voteId, hotIdea, council, meeting },
  };
}

/** SHA-256 of a table's rows in primary-key order (for determinism checks). */
export function tableHash(sq: import("better-sqlite3").Database, table: string, columns: string, order: string): string {
  const h = createHash("sha256");
  for (const row of sq.prepare(`SELECT ${columns} FROM ${table} ORDER BY ${order}`).raw().iterate()) h.update(JSON.stringify(row)).update("\n");
  return h.digest("hex");
}

export type { Actor };
