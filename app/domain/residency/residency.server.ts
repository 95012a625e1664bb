/**
 * Residency verification as data: who is verified, for which neighbourhood, how (census
 * match online, in person at a desk, or carried over from the former `resident` role), by
 * whom and when. Loaded into the actor (`loadResidency`) so the policy's `verified` rule and
 * the ballot box read it.
 *
 * Rules: one census entry verifies at most one account (partial unique index); an entry a
 * later census import removed no longer verifies anyone; the online claim is rate-limited
 * (5 attempts a day per account) and every attempt is logged privately for the
 * unusual-activity alert. Verifying is private (who verified whom is not published): the
 * register only says how many people the census holds.
 */
import { and, count, desc, eq, gte, isNotNull, isNull, sql } from "drizzle-orm";
import { db, preparedQuery } from "#db/client.server";
import { censusEntries, councils, residencyClaims, residencyVerifications, users } from "#db/schema";
import type { Residency } from "../accounts/policy";
import { assertCanAs, type MaybeActor } from "../accounts/policy";
import { DomainError, NotFoundError } from "../errors";
import { bornOnOrBefore, getCensusEntry, referenceHash } from "./census.server";
import type { ClaimInput, DeskVerifyInput } from "./schemas";
import { foldForSearch } from "~/lib/text";

const CLAIMS_PER_DAY = 5;

/** The actor's residency: the active verification, when its census entry is still in the census. */
const residencyOf = preparedQuery((d) =>
  d
    .select({
      censusEntryId: residencyVerifications.censusEntryId,
      councilId: residencyVerifications.councilId,
      active: censusEntries.active,
      birthDate: censusEntries.birthDate,
      entryCouncil: censusEntries.councilId,
    })
    .from(residencyVerifications)
    .leftJoin(censusEntries, eq(censusEntries.id, residencyVerifications.censusEntryId))
    .where(and(eq(residencyVerifications.userId, sql.placeholder("id")), isNull(residencyVerifications.revokedAt)))
    .prepare(),
);

export function loadResidency(userId: string): Residency | null {
  const row = residencyOf().get({ id: userId });
  if (!row) return null;
  if (row.censusEntryId !== null) {
    if (!row.active) return null;
    return { councilId: row.entryCouncil, personKey: `census:${row.censusEntryId}`, censusEntryId: row.censusEntryId, birthDate: row.birthDate };
  }
  return { councilId: row.councilId, personKey: `account:${userId}`, censusEntryId: null, birthDate: null };
}

/** What the account page shows about the actor's residency. */
export function residencyStatus(userId: string) {
  return (
    db
      .select({
        method: residencyVerifications.method,
        verifiedAt: residencyVerifications.verifiedAt,
        councilName: councils.name,
        active: censusEntries.active,
        censusEntryId: residencyVerifications.censusEntryId,
      })
      .from(residencyVerifications)
      .leftJoin(censusEntries, eq(censusEntries.id, residencyVerifications.censusEntryId))
      .leftJoin(councils, eq(councils.id, residencyVerifications.councilId))
      .where(and(eq(residencyVerifications.userId, userId), isNull(residencyVerifications.revokedAt)))
      .get() ?? null
  );
}

/**
 * A resident matches their census entry online: reference (as on the town's letter),
 * family name and birth date must all match an active entry no one else verified with.
 * Errors (DomainError, 400/409/429): errors.claimNoMatch (one message for every mismatch,
 * so the form does not reveal which part was wrong), errors.claimTaken, errors.alreadyVerified,
 * errors.claimTooMany.
 */
export function claimResidency(actor: MaybeActor, input: ClaimInput, opts: { now?: Date } = {}) {
  const a = assertCanAs(actor, "residency.claim");
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const outcome = db.transaction((tx) => {
    if (tx.select({ id: residencyVerifications.id }).from(residencyVerifications).where(and(eq(residencyVerifications.userId, a.userId), isNull(residencyVerifications.revokedAt))).get()) {
      throw new DomainError("errors.alreadyVerified", 409);
    }
    const since = new Date(now.getTime() - 24 * 3600_000).toISOString();
    const recent = tx.select({ n: count() }).from(residencyClaims).where(and(eq(residencyClaims.userId, a.userId), gte(residencyClaims.at, since))).get()!.n;
    if (recent >= CLAIMS_PER_DAY) throw new DomainError("errors.claimTooMany", 429);
    const entry = tx.select().from(censusEntries).where(eq(censusEntries.referenceHash, referenceHash(tx, input.reference))).get();
    const log = (o: (typeof residencyClaims.$inferInsert)["outcome"]) =>
      tx.insert(residencyClaims).values({ userId: a.userId, censusEntryId: entry?.id ?? null, addressKey: entry?.addressKey ?? null, outcome: o, at }).run();
    if (!entry || !entry.active) {
      log("unknown");
      return "errors.claimNoMatch";
    }
    if (foldForSearch(entry.familyName).replace(/[^\p{L}]/gu, "") !== foldForSearch(input.familyName).replace(/[^\p{L}]/gu, "") || entry.birthDate !== input.birthDate) {
      log("mismatch");
      return "errors.claimNoMatch";
    }
    const taken = tx.select({ id: residencyVerifications.id }).from(residencyVerifications).where(and(eq(residencyVerifications.censusEntryId, entry.id), isNull(residencyVerifications.revokedAt))).get();
    if (taken) {
      log("taken");
      return "errors.claimTaken";
    }
    log("verified");
    tx.insert(residencyVerifications).values({ userId: a.userId, censusEntryId: entry.id, councilId: entry.councilId, method: "online", verifiedById: null, verifiedAt: at }).run();
    return null;
  });
  // the attempt is logged even when refused: the error is thrown after the commit
  if (outcome) throw new DomainError(outcome, outcome === "errors.claimTaken" ? 409 : 400);
  return loadResidency(a.userId)!;
}

/**
 * A facilitator verifies a resident in person: the census entry found at the desk, the
 * account's email, and the type of document seen (never the document). Errors:
 * errors.userUnknown, errors.claimTaken, errors.alreadyVerified, 403 outside their council.
 */
export function verifyInPerson(actor: MaybeActor, input: DeskVerifyInput, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  return db.transaction((tx) => {
    const entry = getCensusEntry(tx, input.censusEntryId);
    if (!entry || !entry.active) throw new NotFoundError("errors.censusEntryUnknown");
    const a = assertCanAs(actor, "residency.verify", { councilId: entry.councilId });
    const user = tx.select({ id: users.id }).from(users).where(eq(users.email, input.email)).get();
    if (!user) throw new DomainError("errors.userUnknown", 400, "email");
    if (tx.select({ id: residencyVerifications.id }).from(residencyVerifications).where(and(eq(residencyVerifications.userId, user.id), isNull(residencyVerifications.revokedAt))).get()) {
      throw new DomainError("errors.alreadyVerified", 409, "email");
    }
    if (tx.select({ id: residencyVerifications.id }).from(residencyVerifications).where(and(eq(residencyVerifications.censusEntryId, entry.id), isNull(residencyVerifications.revokedAt))).get()) {
      throw new DomainError("errors.claimTaken", 409);
    }
    // residency is recorded whatever the age: the minimum voting age is checked by each box
    return tx
      .insert(residencyVerifications)
      .values({ userId: user.id, censusEntryId: entry.id, councilId: entry.councilId, method: "desk", verifiedById: a.userId, documentType: input.documentType, verifiedAt: now.toISOString() })
      .returning()
      .get();
  });
}

/** Number of verified residents of a council (the council page's "members"). */
export function verifiedCount(councilId: number): number {
  return (
    db
      .select({ n: count() })
      .from(residencyVerifications)
      .where(and(eq(residencyVerifications.councilId, councilId), isNull(residencyVerifications.revokedAt)))
      .get()?.n ?? 0
  );
}

/**
 * Unusual activity, for admins and officials (private):
 *  - households where more accounts claimed an entry than the household has adults;
 *  - entries whose reference was tried by several accounts (someone guessing or sharing);
 *  - accounts with many failed claims.
 * Source: a town once had one person create over 100 accounts for a participatory budget.
 */
export function residencyAlerts(opts: { now?: Date; adultAge?: number } = {}) {
  const now = opts.now ?? new Date();
  const adultBorn = bornOnOrBefore(now.toISOString().slice(0, 10), opts.adultAge ?? 18);
  const households = db
    .select({
      addressKey: residencyClaims.addressKey,
      accounts: sql<number>`count(distinct ${residencyClaims.userId})`,
    })
    .from(residencyClaims)
    .where(isNotNull(residencyClaims.addressKey))
    .groupBy(residencyClaims.addressKey)
    .all()
    .map((h) => {
      const adults = db
        .select({ n: count() })
        .from(censusEntries)
        .where(and(eq(censusEntries.addressKey, h.addressKey!), eq(censusEntries.active, true), sql`${censusEntries.birthDate} <= ${adultBorn}`))
        .get()!.n;
      const address = db.select({ address: censusEntries.address }).from(censusEntries).where(eq(censusEntries.addressKey, h.addressKey!)).limit(1).get()?.address ?? h.addressKey!;
      return { address, accounts: h.accounts, adults };
    })
    .filter((h) => h.accounts > h.adults)
    .sort((x, y) => y.accounts - y.adults - (x.accounts - x.adults));
  const entries = db
    .select({
      censusEntryId: residencyClaims.censusEntryId,
      familyName: censusEntries.familyName,
      givenNames: censusEntries.givenNames,
      accounts: sql<number>`count(distinct ${residencyClaims.userId})`,
    })
    .from(residencyClaims)
    .innerJoin(censusEntries, eq(censusEntries.id, residencyClaims.censusEntryId))
    .groupBy(residencyClaims.censusEntryId)
    .having(sql`count(distinct ${residencyClaims.userId}) > 1`)
    .orderBy(desc(sql`count(distinct ${residencyClaims.userId})`))
    .limit(50)
    .all();
  const accounts = db
    .select({ userId: residencyClaims.userId, email: users.email, failures: count() })
    .from(residencyClaims)
    .innerJoin(users, eq(users.id, residencyClaims.userId))
    .where(sql`${residencyClaims.outcome} <> 'verified'`)
    .groupBy(residencyClaims.userId)
    .having(sql`count(*) >= 3`)
    .orderBy(desc(count()))
    .limit(50)
    .all();
  return { households, entries, accounts };
}
