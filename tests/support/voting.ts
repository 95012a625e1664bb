/**
 * Test helpers for residency and the ballot box: a census imported through the domain,
 * verified residents, and votes whose windows are placed around "now".
 */
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { censusEntries } from "#db/schema";
import { loadActor } from "~/domain/accounts/session.server";
import type { Actor } from "~/domain/accounts/policy";
import { importCensus, referenceHash } from "~/domain/residency/census.server";
import { claimResidency } from "~/domain/residency/residency.server";
import { createVote } from "~/domain/votes/votes.server";
import type { VoteInput } from "~/domain/votes/schemas";
import type { BudgetInput } from "~/domain/budgets/schemas";
import { utcToLocal } from "~/lib/time";
import { makeUser } from "./fixtures";

export interface CensusPerson {
  reference: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
  council: string;
  address: string;
}

export function censusCsv(people: CensusPerson[]): string {
  const head = "reference;nom;prénoms;date_naissance;quartier;adresse";
  return [head, ...people.map((p) => [p.reference, p.familyName, p.givenNames, p.birthDate, p.council, p.address].join(";"))].join("\n");
}

let seq = 0;
/** `n` adults of `councilSlug` (unique references and names), as census lines. */
export function people(n: number, councilSlug: string, over: Partial<CensusPerson> = {}): CensusPerson[] {
  return Array.from({ length: n }, () => {
    seq++;
    return { reference: `REF-${process.pid}-${seq}`, familyName: `Martin${seq}`, givenNames: `Camille`, birthDate: "1980-05-17", council: councilSlug, address: `${seq} rue des Lilas`, ...over };
  });
}

export function entryId(reference: string): number {
  const hash = db.transaction((tx) => referenceHash(tx, reference));
  return db.select({ id: censusEntries.id }).from(censusEntries).where(eq(censusEntries.referenceHash, hash)).get()!.id;
}

/** Imports the census (as a fresh admin) — replaces the previous version. */
export async function importPeople(list: CensusPerson[]) {
  const admin = await makeUser({ roles: [{ role: "admin", councilId: null }] });
  return importCensus(admin, { text: censusCsv(list), fileName: "recensement.csv" });
}

/** An account verified online against this census person. */
export async function verifiedResident(p: CensusPerson): Promise<Actor> {
  const u = await makeUser({ name: `${p.givenNames} ${p.familyName}` });
  claimResidency(u, { reference: p.reference, familyName: p.familyName, birthDate: p.birthDate });
  return loadActor(u.userId)!;
}

const local = (d: Date) => utcToLocal(d.toISOString());

/** A yes/no vote opening at `opensAt` (default: in one minute) and closing `hours` later. */
export function makeVote(official: Actor, over: Partial<VoteInput> & { opensAt?: string; closesAt?: string } = {}, now = new Date()) {
  const opens = new Date(now.getTime() + 60_000);
  const closes = new Date(opens.getTime() + 3600_000);
  const input: VoteInput = {
    councilId: null,
    question: "Faut-il piétonniser la rue du Marché le samedi ?",
    description:
      "La rue du Marché accueille le marché du samedi. Les commerçants et le conseil de quartier demandent de la rendre piétonne ce jour-là ; la ville consulte les habitants avant de décider, comme le prévoit la charte.",
    form: "yes_no",
    options: "",
    minChoices: undefined,
    maxChoices: undefined,
    opensAt: local(opens),
    closesAt: local(closes),
    binding: false,
    ...over,
  };
  return createVote(official, input, { now });
}

/** A budget's creation form: town envelope only, approval under the envelope, greedy; override any field. */
export function budgetInput(over: Partial<BudgetInput> & { title: string }): BudgetInput {
  return {
    description: "Un budget pour le quartier, de la collecte des idées au vote puis à la réalisation.",
    ballotType: "approval",
    allocationRule: "greedy",
    tieBreak: "cheaper",
    minApprovals: 1,
    minSpendPercent: 0,
    kMin: 1,
    maxChoices: 5,
    townAmount: 50_000,
    envelopes: [],
    explanation: "Le conseil municipal ouvre cette étape comme le prévoit le calendrier publié ; chaque habitant peut suivre l'avancement du budget sur sa page et au registre.",
    ...over,
  };
}
