/**
 * The demo town's census, verified residents and proposal votes, through the domain
 * functions (census import, online claims, desk verification, casting online, at the desk
 * and on paper, double entry of paper sheets, the count and the decision that follows).
 *
 * Deterministic: the same census and choices on every machine; times are relative to the
 * seeding time, so there is always an open vote the demo resident can cast (she is a
 * verified resident of Centre-Ville and has not voted in it), a closed vote with results,
 * paper ballots and a published decision, and an upcoming one.
 */
import { eq } from "drizzle-orm";
import { db } from "../client.server";
import { users } from "../schema";
import type { Actor } from "~/domain/accounts/policy";
import { loadActor } from "~/domain/accounts/session.server";
import { castAtDesk, castOnline, recordPaperParticipation } from "~/domain/ballot-box/cast.server";
import { enterPaperSheet } from "~/domain/ballot-box/paper.server";
import { listCouncils } from "~/domain/councils/councils.server";
import { importCensus, referenceHash } from "~/domain/residency/census.server";
import { claimResidency, verifyInPerson } from "~/domain/residency/residency.server";
import { countVote, createVote, decideVote, getVote } from "~/domain/votes/votes.server";
import { utcToLocal } from "~/lib/time";
import { censusEntries } from "../schema";
import { DEMO_RESIDENTS } from "./demo-ideas";
import type { SeedEvent } from "./seed-ideas.server";

const DAY = 86_400_000;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const GIVEN = ["Marie", "Pierre", "Nadia", "Lucas", "Zoé", "Mohamed", "Claire", "Théo", "Fatima", "Jules", "Anne", "Samir", "Lucie", "Olivier", "Salomé", "Victor", "Aurélie", "Ibrahim", "Céline", "Arthur"];
const FAMILY = ["Bernard", "Dubois", "Moreau", "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent"];
const STREETS: Record<string, string[]> = {
  "centre-ville": ["place de la Mairie", "rue du Marché", "rue des Halles", "rue Saint-Roch"],
  "les-tanneries": ["rue des Tanneurs", "quai du Canal", "rue de la Filature"],
  "plateau-saint-jean": ["avenue Jean-Moulin", "rue du Stade", "résidence Les Cèdres"],
  "bords-de-l-ardonne": ["chemin de Halage", "rue du Moulin", "allée des Saules"],
  "la-croix-verte": ["rue de la Croix-Verte", "allée des Jardins", "rue du Centre-Social"],
  "les-coteaux": ["chemin des Vignes", "hameau de La Borie", "route de Puech-Haut"],
  "gare-faubourg": ["avenue de la Gare", "faubourg Saint-Martin", "rue de l'Europe"],
};

export interface DemoPerson {
  reference: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
  council: string;
  address: string;
  /** The demo account's display name, when this person has one. */
  account?: string;
}

/** The demo census: every demo resident with an account, and neighbours without one. */
export function demoCensus(): DemoPerson[] {
  const random = rng(1789);
  const slugs = Object.keys(STREETS);
  const out: DemoPerson[] = [];
  let n = 0;
  const person = (given: string, family: string, slug: string, opts: { account?: string; age?: number } = {}) => {
    n++;
    const streets = STREETS[slug]!;
    const year = opts.age ? 2026 - opts.age : 1940 + Math.floor(random() * 66);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    out.push({
      reference: `MSA-${String(104_000 + n * 37).padStart(6, "0")}`,
      familyName: family,
      givenNames: given,
      birthDate: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`,
      council: slug,
      address: `${1 + Math.floor(random() * 60)} ${streets[Math.floor(random() * streets.length)]}, 12345 Montclair-sur-Ardonne`,
      account: opts.account,
    });
  };
  DEMO_RESIDENTS.forEach((name, i) => {
    const parts = name.split(" ");
    person(parts.slice(0, -1).join(" "), parts.at(-1)!, slugs[i % slugs.length]!, { account: name });
  });
  for (const slug of slugs) {
    for (let k = 0; k < 18; k++) person(GIVEN[Math.floor(random() * GIVEN.length)]!, FAMILY[Math.floor(random() * FAMILY.length)]!, slug);
  }
  // two teenagers below the voting age, to show why someone may not vote
  person("Noé", "Garnier", "centre-ville", { age: 14 });
  person("Inaya", "Boucher", "la-croix-verte", { age: 15 });
  return out;
}

const csv = (people: DemoPerson[]) =>
  ["reference;nom;prénoms;date_naissance;quartier;adresse", ...people.map((p) => [p.reference, p.familyName, p.givenNames, p.birthDate, p.council, p.address].join(";"))].join("\n");

function accountNamed(name: string): Actor | null {
  const row = db.select({ id: users.id }).from(users).where(eq(users.displayName, name)).get();
  return row ? loadActor(row.id) : null;
}

function entryOf(reference: string): number {
  const hash = db.transaction((tx) => referenceHash(tx, reference));
  return db.select({ id: censusEntries.id }).from(censusEntries).where(eq(censusEntries.referenceHash, hash)).get()!.id;
}

const local = (ms: number) => utcToLocal(new Date(ms).toISOString());

export function votingEvents(ctx: { now: number; admin: Actor; official: Actor; desk: Actor }): SeedEvent[] {
  const { now, admin, official, desk } = ctx;
  const census = demoCensus();
  const events: SeedEvent[] = [];
  const reload = (a: Actor) => loadActor(a.userId)!;

  // the census, imported by the town's democracy department
  const importAt = now - 120 * DAY;
  events.push({ at: importAt, run: () => void importCensus(admin, { text: csv(census), fileName: "recensement-2026.csv" }, { now: new Date(importAt) }) });

  // residents with an account verify themselves online (about two thirds) or at the desk
  census.forEach((p, i) => {
    if (!p.account) return;
    const at = importAt + (1 + i) * 3_600_000;
    if (i === 0 || i % 3 !== 2) {
      events.push({ at, run: () => void claimResidency(accountNamed(p.account!), { reference: p.reference, familyName: p.familyName, birthDate: p.birthDate }, { now: new Date(at) }) });
    } else {
      events.push({
        at,
        run: () => {
          const user = accountNamed(p.account!)!;
          verifyInPerson(desk, { censusEntryId: entryOf(p.reference), email: user.email, documentType: i % 2 ? "id_card" : "proof_of_address" }, { now: new Date(at) });
        },
      });
    }
  });

  const withAccount = census.filter((p) => p.account);
  const without = census.filter((p) => !p.account && p.birthDate < "2008-01-01");
  const random = rng(1848);

  // ------------------------------------------------------------ a closed town-wide vote
  const created = now - 70 * DAY;
  const opens = now - 60 * DAY;
  const closes = now - 45 * DAY;
  let closedVote = 0;
  events.push({
    at: created,
    run: () => {
      closedVote = createVote(
        official,
        {
          councilId: null,
          question: "Faut-il ouvrir la médiathèque le dimanche après-midi ?",
          description:
            "La médiathèque Louise-Michel est fermée le dimanche. Des habitants l'ont demandé dans plusieurs conseils de quartier, et les équipes proposent une ouverture de 14 h à 18 h, compensée par une fermeture le lundi matin.\n\nLa ville consulte tous les habitants avant de décider. Le vote est **consultatif** : le conseil municipal tranchera en publiant sa décision motivée au registre.",
          form: "yes_no",
          options: "",
          minChoices: undefined,
          maxChoices: undefined,
          opensAt: local(opens),
          closesAt: local(closes),
          binding: false,
        },
        { now: new Date(created) },
      ).id;
    },
  });
  const boxOf = (voteId: number) => getVote(voteId)!.boxId;
  // online: verified residents with an account
  withAccount.forEach((p, i) => {
    if (i === 0 || i % 4 === 3) return; // the demo resident and a few others did not vote
    const at = opens + (1 + i) * 7 * 3_600_000;
    events.push({ at, run: () => void castOnline(reload(accountNamed(p.account!)!), [{ boxId: boxOf(closedVote), choices: [random() < 0.62 ? "yes" : random() < 0.8 ? "no" : "abstain"] }], { now: new Date(at) }) });
  });
  // at the town hall's desk: neighbours without an account
  without.slice(0, 9).forEach((p, i) => {
    const at = opens + (2 + i) * 26 * 3_600_000;
    events.push({ at, run: () => void castAtDesk(desk, { censusEntryId: entryOf(p.reference), casts: [{ boxId: boxOf(closedVote), choices: [i % 3 === 2 ? "no" : "yes"] }] }, { now: new Date(at) }) });
  });
  // on paper, on the last Saturday: five participations, five sheets typed twice
  const paperPeople = without.slice(9, 14);
  paperPeople.forEach((p, i) => {
    const at = closes - DAY + i * 600_000;
    events.push({ at, run: () => void recordPaperParticipation(desk, { boxId: boxOf(closedVote), censusEntryId: entryOf(p.reference) }, { now: new Date(at) }) });
  });
  const sheets: (string[] | null)[] = [["yes"], ["no"], ["yes"], null, ["yes"]];
  events.push({
    at: closes + 3_600_000,
    run: () => {
      const box = boxOf(closedVote);
      const t = new Date(closes + 3_600_000);
      sheets.forEach((choices, i) => enterPaperSheet(desk, { boxId: box, sheet: i + 1, choices }, { now: t }));
      // the second person types sheet 3 as "no": a difference, settled by a third reading
      sheets.forEach((choices, i) => enterPaperSheet(official, { boxId: box, sheet: i + 1, choices: i === 2 ? ["no"] : choices }, { now: t }));
      enterPaperSheet(desk, { boxId: box, sheet: 3, choices: ["yes"] }, { now: t });
    },
  });
  events.push({ at: closes + 2 * 3_600_000, run: () => void countVote(desk, closedVote, {}, { now: new Date(closes + 2 * 3_600_000) }) });
  events.push({
    at: closes + 9 * DAY,
    run: () =>
      void decideVote(
        official,
        closedVote,
        {
          outcome: "adopted",
          explanation:
            "Une large majorité des participants, en ligne, au guichet comme sur papier, s'est prononcée pour l'ouverture du dimanche après-midi. Le conseil municipal la retient à titre d'essai pour un an, de 14 h à 18 h, avec une fermeture le lundi matin pour ne pas alourdir la charge des équipes ; un bilan de fréquentation sera présenté en conseil et publié au registre.",
        },
        { now: new Date(closes + 9 * DAY) },
      ),
  });

  // ------------------------------------------------------------ an open vote in Centre-Ville
  const centre = () => listCouncils().find((c) => c.slug === "centre-ville")!.id;
  const openCreated = now - 6 * DAY;
  const openOpens = now - 4 * DAY;
  const openCloses = now + 24 * DAY;
  let openVote = 0;
  events.push({
    at: openCreated,
    run: () => {
      openVote = createVote(
        official,
        {
          councilId: centre(),
          question: "Quel aménagement pour la place du Marché en dehors des jours de marché ?",
          description:
            "La place du Marché sert de parking six jours sur sept. Le conseil de quartier Centre-Ville a retenu trois aménagements possibles, chiffrés par les services. Les habitants du quartier choisissent celui qu'ils préfèrent ; le résultat est consultatif et sera suivi d'une décision motivée.",
          form: "options",
          options: "Garder le parking tel quel\nUne place piétonne plantée, avec bancs et jeux d'eau\nUn parking réduit de moitié et un espace de jeux",
          minChoices: 1,
          maxChoices: 1,
          opensAt: local(openOpens),
          closesAt: local(openCloses),
          binding: false,
        },
        { now: new Date(openCreated) },
      ).id;
    },
  });
  withAccount
    .filter((p) => p.council === "centre-ville")
    .forEach((p, i) => {
      if (i === 0) return; // the demo resident votes herself
      const at = openOpens + (1 + i) * 5 * 3_600_000;
      events.push({ at, run: () => void castOnline(reload(accountNamed(p.account!)!), [{ boxId: boxOf(openVote), choices: [["o1", "o2", "o3"][i % 3]!] }], { now: new Date(at) }) });
    });

  // ------------------------------------------------------------ an upcoming town vote
  events.push({
    at: now - DAY,
    run: () =>
      void createVote(
        official,
        {
          councilId: null,
          question: "Faut-il éteindre l'éclairage public entre 1 h et 5 h du matin ?",
          description:
            "Plusieurs communes voisines éteignent l'éclairage au cœur de la nuit, pour les économies d'énergie et la biodiversité. Avant de décider, la ville consulte tous les habitants : le vote ouvrira dans dix jours, après une réunion publique d'information dans chaque quartier.",
          form: "yes_no",
          options: "",
          minChoices: undefined,
          maxChoices: undefined,
          opensAt: local(now + 10 * DAY),
          closesAt: local(now + 31 * DAY),
          binding: false,
        },
        { now: new Date(now - DAY) },
      ),
  });
  return events;
}
