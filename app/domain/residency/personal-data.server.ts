/**
 * What residency and the ballot box hold about a person, for "download my data" and
 * "delete my account" (app/domain/accounts/personal-data.server.ts calls these).
 *
 * Export: the person's residency verification and claim attempts; the boxes they took part
 * in (channel and day — never what they chose: nothing links a ballot to anyone); and, for
 * staff, what they recorded for others (by id and count only). Deletion: the verification
 * and claims are erased (the census entry may then verify a new account); staff references
 * become NULL (the triggers of the append-only tables allow exactly that change); the
 * participations stay, keyed by the census identity, so votes already cast are unaffected.
 */
import { count, eq } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import { censusImports, residencyClaims, residencyVerifications, votes } from "#db/schema";
import { ballotBoxDataOf, eraseBallotBoxStaffRefs } from "../ballot-box/personal-data.server";
import { loadResidency } from "./residency.server";

export function residencyAndVotingData(userId: string) {
  const residency = loadResidency(userId);
  return {
    residency: db
      .select({
        councilId: residencyVerifications.councilId,
        method: residencyVerifications.method,
        documentType: residencyVerifications.documentType,
        verifiedAt: residencyVerifications.verifiedAt,
        revokedAt: residencyVerifications.revokedAt,
      })
      .from(residencyVerifications)
      .where(eq(residencyVerifications.userId, userId))
      .all(),
    residencyClaims: db.select({ outcome: residencyClaims.outcome, at: residencyClaims.at }).from(residencyClaims).where(eq(residencyClaims.userId, userId)).all(),
    residenciesIVerified: db.select({ n: count() }).from(residencyVerifications).where(eq(residencyVerifications.verifiedById, userId)).get()!.n,
    censusImportsIMade: db.select({ id: censusImports.id }).from(censusImports).where(eq(censusImports.importedById, userId)).all().map((r) => r.id),
    votesICreated: db.select({ id: votes.id }).from(votes).where(eq(votes.createdById, userId)).all().map((r) => r.id),
    // participations are keyed by the census identity the account is verified with
    ...ballotBoxDataOf(userId, residency?.personKey ?? null),
  };
}

export function eraseResidencyAndVotingData(tx: Tx, userId: string) {
  tx.delete(residencyVerifications).where(eq(residencyVerifications.userId, userId)).run();
  tx.delete(residencyClaims).where(eq(residencyClaims.userId, userId)).run();
  tx.update(residencyVerifications).set({ verifiedById: null }).where(eq(residencyVerifications.verifiedById, userId)).run();
  tx.update(censusImports).set({ importedById: null }).where(eq(censusImports.importedById, userId)).run();
  tx.update(votes).set({ createdById: null }).where(eq(votes.createdById, userId)).run();
  eraseBallotBoxStaffRefs(tx, userId);
}
