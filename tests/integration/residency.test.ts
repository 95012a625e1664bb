/** Residency as data: census imports, online claims, desk verification, alerts, and the policy reading it. */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { censusEntries, censusImports, decisions, residencyVerifications } from "#db/schema";
import { can } from "~/domain/accounts/policy";
import { loadActor } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { CensusImportError, importCensus } from "~/domain/residency/census.server";
import { claimResidency, residencyAlerts, verifyInPerson } from "~/domain/residency/residency.server";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { censusCsv, entryId, people, type CensusPerson } from "../support/voting";

let admin: Awaited<ReturnType<typeof makeUser>>;
let slugA: string;
let councilA: number;
let councilB: number;
let base: CensusPerson[];

const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? `${e.status} ${e.key}` : String(e);
  }
  return "ok";
};

beforeAll(async () => {
  emptyTown();
  const a = makeCouncil("Les Tilleuls");
  slugA = a.slug;
  councilA = a.id;
  councilB = makeCouncil("Le Port").id;
  admin = await makeUser({ roles: [{ role: "admin", councilId: null }] });
  base = people(5, slugA);
  importCensus(admin, { text: censusCsv(base), fileName: "v1.csv" });
});

describe("census import", () => {
  it("stores only what matching needs, with the reference hashed", () => {
    const rows = db.select().from(censusEntries).all();
    expect(rows).toHaveLength(5);
    const cols = (sqlite().prepare("PRAGMA table_info(census_entries)").all() as { name: string }[]).map((c) => c.name);
    expect(cols).not.toContain("reference");
    for (const r of rows) {
      expect(r.referenceHash).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(r)).not.toContain("REF-");
    }
  });

  it("a file with bad lines imports nothing and names each error", async () => {
    const before = db.select({ n: count() }).from(censusEntries).get()!.n;
    const imports = db.select({ n: count() }).from(censusImports).get()!.n;
    const text = [
      "reference;nom;prénoms;date_naissance;quartier;adresse",
      `OK-1;Durand;Léa;1990-02-03;${slugA};4 rue Haute`,
      `BAD-2;Petit;Jules;31/02/1990;${slugA};5 rue Haute`,
      `BAD-3;Roux;;1990-02-03;${slugA};6 rue Haute`,
      `BAD-4;Blanc;Paul;1990-02-03;nulle-part;7 rue Haute`,
      `OK-1;Durand;Léa;1990-02-03;${slugA};4 rue Haute`,
      `BAD-4;Blanc;Paul;2090-01-01;${slugA};7 rue Haute`,
    ].join("\n");
    let err: unknown;
    try {
      importCensus(admin, { text });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CensusImportError);
    const lines = (err as CensusImportError).lines;
    expect(lines).toEqual([
      { line: 3, key: "errors.censusBirthDate", params: { value: "31/02/1990" } },
      { line: 4, key: "errors.censusFieldMissing", params: { field: "givenNames" } },
      { line: 5, key: "errors.censusCouncil", params: { value: "nulle-part" } },
      { line: 6, key: "errors.censusDuplicate", params: { other: 2 } },
      // a birth date in the future, and a reference repeated from a line that has its own error: both in the same pass
      { line: 7, key: "errors.censusBirthDate", params: { value: "2090-01-01" } },
      { line: 7, key: "errors.censusDuplicate", params: { other: 5 } },
    ]);
    expect(db.select({ n: count() }).from(censusEntries).get()!.n).toBe(before);
    expect(db.select({ n: count() }).from(censusImports).get()!.n).toBe(imports);
    expect(() => importCensus(admin, { text: "nom;adresse\nx;y" })).toThrow(CensusImportError);
  });

  it("a new version replaces the previous one, and the register counts added, changed and removed", () => {
    const next = [
      ...base.slice(0, 3),
      { ...base[3]!, address: "99 avenue Neuve" }, // changed
      ...people(2, slugA), // added; base[4] removed
    ];
    const imp = importCensus(admin, { text: "\uFEFF" + censusCsv(next).replace(/;/g, ","), fileName: "v2.csv" });
    expect(imp).toMatchObject({ rowCount: 6, added: 2, changed: 1, removed: 1 });
    const entry = db.select().from(decisions).where(eq(decisions.seq, imp.decisionSeq)).get()!;
    expect(entry.subjectKind).toBe("census");
    expect(entry.explanation).toContain("2 ajoutée(s), 1 modifiée(s), 1 retirée(s)");
    expect(db.select().from(censusEntries).where(eq(censusEntries.id, entryId(base[4]!.reference))).get()!.active).toBe(false);
    base = next;
  });
  it("a supplement adds people and removes nobody", () => {
    const before = db.select().from(censusEntries).where(eq(censusEntries.active, true)).all().length;
    const extra = people(2, slugA);
    const imp = importCensus(admin, { text: censusCsv(extra), mode: "supplement" });
    expect(imp).toMatchObject({ rowCount: 2, added: 2, changed: 0, removed: 0 });
    expect(db.select().from(censusEntries).where(eq(censusEntries.active, true)).all().length).toBe(before + 2);
    expect(db.select().from(decisions).where(eq(decisions.seq, imp.decisionSeq)).get()!.explanation).toContain("personne n'est retiré");
    base = [...base, ...extra];
  });
});

describe("claims and desk verification", () => {
  it("a resident matches their entry online; the policy reads the verification, not a role", async () => {
    const u = await makeUser();
    const p = base[0]!;
    expect(code(() => claimResidency(u, { reference: p.reference, familyName: "Autre", birthDate: p.birthDate }))).toBe("400 errors.claimNoMatch");
    expect(code(() => claimResidency(u, { reference: "nope", familyName: p.familyName, birthDate: p.birthDate }))).toBe("400 errors.claimNoMatch");
    // case, accents and dashes do not matter in the name and the reference
    const r = claimResidency(u, { reference: p.reference.toLowerCase().replace(/-/g, " "), familyName: p.familyName.toUpperCase(), birthDate: p.birthDate });
    expect(r).toMatchObject({ councilId: councilA, personKey: `census:${entryId(p.reference)}` });
    const actor = loadActor(u.userId)!;
    expect(actor.assignments).toEqual([]);
    expect(can(actor, "vote.cast", { councilId: councilA })).toBe(true);
    expect(can(actor, "vote.cast", { councilId: null })).toBe(true);
    expect(can(actor, "vote.cast", { councilId: councilB })).toBe(false);
    expect(code(() => claimResidency(u, { reference: p.reference, familyName: p.familyName, birthDate: p.birthDate }))).toBe("409 errors.alreadyVerified");
  });

  it("one census entry verifies at most one account, online or at the desk", async () => {
    const p = base[1]!;
    const first = await makeUser();
    claimResidency(first, { reference: p.reference, familyName: p.familyName, birthDate: p.birthDate });
    const second = await makeUser();
    expect(code(() => claimResidency(second, { reference: p.reference, familyName: p.familyName, birthDate: p.birthDate }))).toBe("409 errors.claimTaken");
    const facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: councilA }] });
    expect(code(() => verifyInPerson(facilitator, { censusEntryId: entryId(p.reference), email: second.email, documentType: "id_card" }))).toBe("409 errors.claimTaken");
    // and the database holds it whatever code tries
    expect(() =>
      db.insert(residencyVerifications).values({ userId: second.userId, censusEntryId: entryId(p.reference), councilId: councilA, method: "online", verifiedAt: new Date().toISOString() }).run(),
    ).toThrow(/UNIQUE/);
  });

  it("a facilitator verifies in person, recording who, when and which document type (not the document)", async () => {
    const p = base[2]!;
    const u = await makeUser();
    const other = await makeUser({ roles: [{ role: "facilitator", councilId: councilB }] });
    expect(code(() => verifyInPerson(other, { censusEntryId: entryId(p.reference), email: u.email, documentType: "passport" }))).toBe("403 errors.forbidden");
    const facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: councilA }] });
    const v = verifyInPerson(facilitator, { censusEntryId: entryId(p.reference), email: u.email, documentType: "passport" });
    expect(v).toMatchObject({ method: "desk", verifiedById: facilitator.userId, documentType: "passport", councilId: councilA });
    expect(loadActor(u.userId)!.residency?.personKey).toBe(`census:${entryId(p.reference)}`);
  });

  it("a removed census entry no longer verifies its account", async () => {
    const p = base[3]!;
    const u = await makeUser();
    claimResidency(u, { reference: p.reference, familyName: p.familyName, birthDate: p.birthDate });
    expect(loadActor(u.userId)!.residency).not.toBeNull();
    importCensus(admin, { text: censusCsv(base.filter((x) => x !== p)) });
    expect(loadActor(u.userId)!.residency).toBeNull();
    importCensus(admin, { text: censusCsv(base) });
  });

  it("claims are rate-limited and unusual households are listed", async () => {
    // one household of two adults, claimed by four accounts (one succeeds, others try)
    const house = people(2, slugA, { address: "12 impasse des Ormes" });
    importCensus(admin, { text: censusCsv([...base, ...house]) });
    const accounts = await Promise.all([1, 2, 3, 4].map(() => makeUser()));
    for (const a of accounts) code(() => claimResidency(a, { reference: house[0]!.reference, familyName: house[0]!.familyName, birthDate: a === accounts[0] ? house[0]!.birthDate : "2001-01-01" }));
    const alerts = residencyAlerts();
    expect(alerts.households).toContainEqual({ address: "12 impasse des Ormes", accounts: 4, adults: 2 });
    expect(alerts.entries.map((e) => [e.familyName, e.accounts])).toContainEqual([house[0]!.familyName, 4]);
    const guesser = await makeUser();
    for (let i = 0; i < 5; i++) code(() => claimResidency(guesser, { reference: `X${i}`, familyName: "X", birthDate: "2000-01-01" }));
    expect(code(() => claimResidency(guesser, { reference: house[1]!.reference, familyName: house[1]!.familyName, birthDate: house[1]!.birthDate }))).toBe("429 errors.claimTooMany");
    expect(residencyAlerts().accounts.map((a) => a.userId)).toContain(guesser.userId);
  });
});
