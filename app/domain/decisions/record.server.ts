/**
 * The one way into the decision register. `recordDecision` runs inside the caller's
 * transaction, so that a state change and its explanation are stored together or not at
 * all. It checks the explanation against the rulebook in force, snapshots names, chains
 * the hash, and appends the entry.
 */
import { desc, eq } from "drizzle-orm";
import type { Tx } from "#db/client.server";
import { councils, decisions } from "#db/schema";
import { explanationProblem } from "~/lib/explanation";
import { entryHash, GENESIS, type PublicEntry } from "~/lib/hash-chain";
import type { Actor } from "../accounts/policy";
import { DomainError } from "../errors";
import { rulesInForce } from "../rules/in-force.server";
import type { DecisionInput } from "./types";

export type DecisionRow = typeof decisions.$inferSelect;

/** The hashed view of a stored row (see docs/register.md). */
export function publicEntry(row: DecisionRow): PublicEntry {
  return {
    seq: row.seq,
    recordedAt: row.recordedAt,
    author: { name: row.authorName, role: row.authorRole },
    scope: { councilId: row.councilId, councilName: row.councilName },
    subject: { kind: row.subjectKind, id: row.subjectId, title: row.subjectTitle },
    outcome: row.outcome,
    explanation: row.explanation,
    ruleVersion: row.ruleVersionId !== null ? { id: row.ruleVersionId, label: row.ruleVersionLabel ?? "" } : null,
    evidence: JSON.parse(row.evidence) as PublicEntry["evidence"],
    supersedes: row.supersedesSeq,
  };
}

/** Checks an explanation against the rules in force, throwing a field error if it fails. */
export function assertExplanation(tx: Tx, explanation: string, ruleScope = "town", field = "explanation", minOverride?: number) {
  const min = minOverride ?? rulesInForce(ruleScope, new Date(), tx).params.minExplanationLength;
  const problem = explanationProblem(explanation, min);
  if (problem) throw new DomainError(problem.key, 400, field, problem.params);
}

export function recordDecision(
  tx: Tx,
  actor: Actor,
  input: DecisionInput & { minExplanationLength?: number; at?: Date },
): DecisionRow {
  const at = input.at ?? new Date();
  const rules = rulesInForce(input.ruleScope ?? "town", at, tx);
  assertExplanation(tx, input.explanation, input.ruleScope, input.explanationField ?? "explanation", input.minExplanationLength ?? rules.params.minExplanationLength);

  if (input.supersedesSeq != null) {
    const old = tx.select({ seq: decisions.seq }).from(decisions).where(eq(decisions.seq, input.supersedesSeq)).get();
    if (!old) throw new DomainError("errors.supersedesUnknown", 400, "supersedes");
  }
  let councilName: string | null = null;
  if (input.councilId !== null) {
    const c = tx.select({ name: councils.name }).from(councils).where(eq(councils.id, input.councilId)).get();
    if (!c) throw new DomainError("errors.councilUnknown", 400, "councilId");
    councilName = c.name;
  }

  const last = tx.select({ seq: decisions.seq, hash: decisions.hash }).from(decisions).orderBy(desc(decisions.seq)).limit(1).get();
  const prevHash = last?.hash ?? GENESIS;
  const row: Omit<DecisionRow, "hash"> = {
    seq: (last?.seq ?? 0) + 1,
    recordedAt: at.toISOString(),
    authorId: actor.userId,
    authorName: actor.displayName,
    authorRole: input.authorRole,
    councilId: input.councilId,
    councilName,
    subjectKind: input.subject.kind,
    subjectId: input.subject.id,
    subjectTitle: input.subject.title,
    outcome: input.outcome,
    explanation: input.explanation.trim(),
    ruleVersionId: rules.version?.id ?? null,
    ruleVersionLabel: rules.version?.label ?? null,
    evidence: JSON.stringify(input.evidence ?? []),
    supersedesSeq: input.supersedesSeq ?? null,
    prevHash,
  };
  const hash = entryHash(prevHash, publicEntry({ ...row, hash: "" }));
  return tx.insert(decisions).values({ ...row, hash }).returning().get();
}
