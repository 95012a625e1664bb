/**
 * The town's census list: import (CSV, one transaction, line-numbered errors, a new version
 * replacing the previous one with a register entry counting added / changed / removed),
 * search for the voting desk, electorate sizes, and the HMAC that keeps references out of
 * the database in clear.
 *
 * CSV columns (header row, French or English names, `;` or `,`, UTF-8 with or without BOM):
 *   reference | référence, nom | family_name, prénoms | given_names,
 *   date_naissance | birth_date (YYYY-MM-DD or DD/MM/YYYY), quartier | council (slug or name),
 *   adresse | address.
 * Only these are stored; any other column is ignored. Source format: the electoral roll or
 * population list extract a town can produce (INSEE REU extracts have these fields).
 */
import { createHmac, randomBytes } from "node:crypto";
import { parse } from "csv-parse/sync";
import { and, count, eq, like, lte, sql } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import { censusEntries, censusImports, councils, secrets } from "#db/schema";
import { foldForSearch, normalizeText } from "~/lib/text";
import { actingRole, assertCanAs, type MaybeActor } from "../accounts/policy";
import { recordDecision } from "../decisions/record.server";
import { DomainError } from "../errors";
import { normalizeBirthDate } from "./schemas";

export type CensusEntry = typeof censusEntries.$inferSelect;

/** A census file that cannot be imported: every faulty line, named. Nothing was stored. */
export class CensusImportError extends DomainError {
  constructor(public readonly lines: { line: number; key: string; params?: Record<string, string | number> }[]) {
    super("errors.censusInvalid", 400, "file", { count: lines.length });
    this.name = "CensusImportError";
  }
}

/** The instance's HMAC key for census references (generated once, kept in `secrets`). */
function censusKey(tx: Tx): Buffer {
  const row = tx.select({ value: secrets.value }).from(secrets).where(eq(secrets.name, "census_hmac")).get();
  if (row) return Buffer.from(row.value, "base64");
  const key = randomBytes(32);
  tx.insert(secrets).values({ name: "census_hmac", value: key.toString("base64"), createdAt: new Date().toISOString() }).onConflictDoNothing().run();
  return Buffer.from(tx.select({ value: secrets.value }).from(secrets).where(eq(secrets.name, "census_hmac")).get()!.value, "base64");
}

/** References are compared without case, spaces or dashes ("AB-12 34" = "ab1234"). */
export function normalizeReference(ref: string): string {
  return normalizeText(ref).toUpperCase().replace(/[\s\-_.]/g, "");
}

export function referenceHash(tx: Tx, ref: string): string {
  return createHmac("sha256", censusKey(tx)).update(normalizeReference(ref)).digest("hex");
}

export const addressKey = (address: string) => foldForSearch(normalizeText(address, { singleLine: true })).replace(/[^\p{L}\p{N}]+/gu, " ").trim();

const COLUMNS: Record<string, "reference" | "familyName" | "givenNames" | "birthDate" | "council" | "address"> = {
  reference: "reference",
  "référence": "reference",
  ref: "reference",
  nom: "familyName",
  "nom de famille": "familyName",
  family_name: "familyName",
  prénoms: "givenNames",
  prenoms: "givenNames",
  prénom: "givenNames",
  given_names: "givenNames",
  date_naissance: "birthDate",
  "date de naissance": "birthDate",
  birth_date: "birthDate",
  quartier: "council",
  conseil: "council",
  council: "council",
  adresse: "address",
  address: "address",
};
const REQUIRED = ["reference", "familyName", "givenNames", "birthDate", "council", "address"] as const;
export const CENSUS_MAX_BYTES = 10 * 1024 * 1024;

interface ParsedRow {
  line: number;
  hash: string;
  familyName: string;
  givenNames: string;
  birthDate: string;
  councilId: number;
  address: string;
}

function parseCensus(tx: Tx, text: string) {
  const errors: CensusImportError["lines"] = [];
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter: [";", ","], relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 1;
    throw new CensusImportError([{ line, key: "errors.censusUnreadable" }]);
  }
  if (records.length === 0) throw new CensusImportError([{ line: 1, key: "errors.censusEmpty" }]);
  const header = records[0]!.map((h) => COLUMNS[h.toLowerCase().trim()]);
  const missing = REQUIRED.filter((c) => !header.includes(c));
  if (missing.length) throw new CensusImportError([{ line: 1, key: "errors.censusColumns", params: { columns: missing.join(", ") } }]);
  const idx = Object.fromEntries(REQUIRED.map((c) => [c, header.indexOf(c)])) as Record<(typeof REQUIRED)[number], number>;
  const allCouncils = tx.select({ id: councils.id, slug: councils.slug, name: councils.name }).from(councils).all();
  const councilOf = (v: string) => {
    const k = foldForSearch(v.trim());
    return allCouncils.find((c) => c.slug === v.trim() || foldForSearch(c.name) === k)?.id ?? null;
  };
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  records.slice(1).forEach((rec, i) => {
    const line = i + 2;
    const get = (c: (typeof REQUIRED)[number]) => normalizeText(rec[idx[c]] ?? "", { singleLine: true });
    const reference = get("reference");
    const familyName = get("familyName");
    const givenNames = get("givenNames");
    const address = get("address");
    const birthRaw = get("birthDate");
    const councilRaw = get("council");
    for (const [field, v, max] of [["reference", reference, 40], ["familyName", familyName, 120], ["givenNames", givenNames, 200], ["address", address, 300]] as const) {
      if (!v) errors.push({ line, key: "errors.censusFieldMissing", params: { field } });
      else if (v.length > max) errors.push({ line, key: "errors.censusFieldTooLong", params: { field, max } });
    }
    const birthDate = normalizeBirthDate(birthRaw);
    if (!birthDate) errors.push({ line, key: "errors.censusBirthDate", params: { value: birthRaw.slice(0, 20) } });
    const councilId = councilOf(councilRaw);
    if (councilId === null) errors.push({ line, key: "errors.censusCouncil", params: { value: councilRaw.slice(0, 60) } });
    // a repeated reference is reported in the same pass as the line's other errors
    const hash = reference && reference.length <= 40 ? referenceHash(tx, reference) : null;
    const dup = hash ? seen.get(hash) : undefined;
    if (dup) errors.push({ line, key: "errors.censusDuplicate", params: { other: dup } });
    else if (hash) seen.set(hash, line);
    if (!hash || dup || !birthDate || councilId === null || !familyName || !givenNames || !address) return;
    rows.push({ line, hash, familyName, givenNames, birthDate, councilId, address });
  });
  if (errors.length) throw new CensusImportError(errors);
  return rows;
}

/**
 * Imports a new version of the census: all lines are checked first (every fault named,
 * nothing stored), then in one transaction entries are added, changed or marked removed,
 * and the register says how many. Returns the import row.
 * `mode: "supplement"` adds and updates people without removing anyone (the monthly list of
 * new residents a town receives between full versions).
 */
export function importCensus(
  actor: MaybeActor,
  input: { text: string; fileName?: string; explanation?: string; mode?: "replace" | "supplement" },
  opts: { now?: Date } = {},
) {
  const supplement = input.mode === "supplement";
  const a = assertCanAs(actor, "census.import");
  const now = opts.now ?? new Date();
  if (Buffer.byteLength(input.text, "utf8") > CENSUS_MAX_BYTES) throw new DomainError("errors.censusTooLarge", 413, "file", { max: 10 });
  return db.transaction((tx) => {
    const rows = parseCensus(tx, input.text);
    const existing = new Map(tx.select().from(censusEntries).all().map((e) => [e.referenceHash, e]));
    let added = 0;
    let changed = 0;
    // the import row first (its id marks the entries it touches); counts are filled below
    const imp = tx
      .insert(censusImports)
      .values({ importedAt: now.toISOString(), importedById: a.userId, fileName: (input.fileName ?? "").slice(0, 200), rowCount: rows.length, added: 0, changed: 0, removed: 0, decisionSeq: 0 })
      .returning()
      .get();
    const inFile = new Set<string>();
    for (const r of rows) {
      inFile.add(r.hash);
      const values = {
        familyName: r.familyName,
        givenNames: r.givenNames,
        nameKey: foldForSearch(`${r.familyName} ${r.givenNames}`),
        birthDate: r.birthDate,
        councilId: r.councilId,
        address: r.address,
        addressKey: addressKey(r.address),
      };
      const old = existing.get(r.hash);
      if (!old) {
        tx.insert(censusEntries).values({ referenceHash: r.hash, ...values, active: true, importId: imp.id }).run();
        added++;
      } else if (!old.active) {
        tx.update(censusEntries).set({ ...values, active: true, importId: imp.id }).where(eq(censusEntries.id, old.id)).run();
        added++;
      } else if (old.familyName !== values.familyName || old.givenNames !== values.givenNames || old.birthDate !== values.birthDate || old.councilId !== values.councilId || old.address !== values.address) {
        tx.update(censusEntries).set({ ...values, importId: imp.id }).where(eq(censusEntries.id, old.id)).run();
        changed++;
      }
    }
    let removed = 0;
    for (const e of supplement ? [] : existing.values()) {
      if (e.active && !inFile.has(e.referenceHash)) {
        tx.update(censusEntries).set({ active: false }).where(eq(censusEntries.id, e.id)).run();
        removed++;
      }
    }
    const version = tx.select({ n: count() }).from(censusImports).get()!.n;
    const role = actingRole(a, "census.import") ?? "admin";
    const entry = recordDecision(tx, a, {
      councilId: null,
      subject: { kind: "census", id: String(imp.id), title: supplement ? `Liste de recensement, ajout n° ${version}` : `Liste de recensement, version ${version}` },
      outcome: "imported",
      explanation:
        input.explanation?.trim() ||
        (supplement
          ? `Ajout à la liste de recensement en vigueur (${rows.length} personnes) : ${added} ajoutée(s), ${changed} modifiée(s) ; personne n'est retiré. `
          : `Nouvelle version de la liste de recensement importée (${rows.length} personnes) : ${added} ajoutée(s), ${changed} modifiée(s), ${removed} retirée(s). Elle remplace la version précédente. `) +
          `La liste sert à vérifier la résidence des habitants et à ouvrir les votes aux personnes inscrites ; seules les données nécessaires à cette vérification sont conservées.`,
      authorRole: role,
      at: now,
    });
    return tx.update(censusImports).set({ added, changed, removed, decisionSeq: entry.seq }).where(eq(censusImports.id, imp.id)).returning().get();
  });
}

export function listCensusImports() {
  return db.select().from(censusImports).orderBy(sql`${censusImports.id} DESC`).limit(20).all();
}

export function getCensusEntry(tx: Tx, id: number): CensusEntry | null {
  return tx.select().from(censusEntries).where(eq(censusEntries.id, id)).get() ?? null;
}

/** The desk's search: active entries whose folded name contains every typed word. */
export function searchCensus(q: string, opts: { councilIds?: number[] | null; limit?: number } = {}) {
  const words = foldForSearch(q).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return [];
  const conds = [eq(censusEntries.active, true), ...words.slice(0, 5).map((w) => like(censusEntries.nameKey, `%${w.replace(/[%_]/g, "")}%`))];
  const rows = db
    .select({
      id: censusEntries.id,
      familyName: censusEntries.familyName,
      givenNames: censusEntries.givenNames,
      birthDate: censusEntries.birthDate,
      councilId: censusEntries.councilId,
      councilName: councils.name,
      address: censusEntries.address,
    })
    .from(censusEntries)
    .leftJoin(councils, eq(councils.id, censusEntries.councilId))
    .where(and(...conds))
    .orderBy(censusEntries.nameKey)
    .limit(opts.limit ?? 20)
    .all();
  return opts.councilIds ? rows.filter((r) => r.councilId !== null && opts.councilIds!.includes(r.councilId)) : rows;
}

/** The last day someone may be born to be `age` years old on `day` (YYYY-MM-DD). */
export function bornOnOrBefore(day: string, age: number): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  // 29 February birthdays count on 28 February of non-leap years (French civil practice
  // counts the anniversary on 1 March; the earlier day is the generous reading)
  const date = new Date(Date.UTC(y - age, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}

/** Number of census entries who may vote: active, in the council (or the town), of age on `day`. */
export function electorateSize(councilId: number | null, minAge: number, day: string): number {
  const conds = [eq(censusEntries.active, true), lte(censusEntries.birthDate, bornOnOrBefore(day, minAge))];
  if (councilId !== null) conds.push(eq(censusEntries.councilId, councilId));
  return db.select({ n: count() }).from(censusEntries).where(and(...conds)).get()?.n ?? 0;
}

export function censusSize(): number {
  return db.select({ n: count() }).from(censusEntries).where(eq(censusEntries.active, true)).get()?.n ?? 0;
}
