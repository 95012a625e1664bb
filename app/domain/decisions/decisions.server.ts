/**
 * Reading the decision register: filtered, paginated lists; one entry with what supersedes
 * it; the whole chain for verification and download. Also publishing a free council
 * decision (or a correction of an earlier entry) from the officials' form.
 */
import { and, asc, count, desc, eq, gt, gte, isNull, lt, type SQL } from "drizzle-orm";
import { db } from "#db/client.server";
import { decisions } from "#db/schema";
import { verifyChain, type ChainVerdict } from "~/lib/hash-chain";
import { actingRole, assertCanAs, type MaybeActor } from "../accounts/policy";
import { DomainError } from "../errors";
import { publicEntry, recordDecision, type DecisionRow } from "./record.server";
import { parseEvidence, type FreeDecisionInput } from "./schemas";

export const PAGE_SIZE = 20;

/** `councilId`: a number, "town" for town-wide entries only, or undefined for all. */
export function listDecisions(f: { councilId?: number | "town"; kind?: string; author?: string; from?: string; to?: string; page?: number }) {
  const where: SQL[] = [];
  if (f.councilId === "town") where.push(isNull(decisions.councilId));
  else if (typeof f.councilId === "number") where.push(eq(decisions.councilId, f.councilId));
  if (f.kind) where.push(eq(decisions.subjectKind, f.kind as DecisionRow["subjectKind"]));
  if (f.author) where.push(eq(decisions.authorName, f.author));
  if (f.from) where.push(gte(decisions.recordedAt, `${f.from}T00:00:00.000Z`));
  if (f.to) {
    const next = new Date(`${f.to}T00:00:00.000Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    where.push(lt(decisions.recordedAt, next.toISOString()));
  }
  const cond = where.length ? and(...where) : undefined;
  const total = db.select({ n: count() }).from(decisions).where(cond).get()?.n ?? 0;
  const page = Math.max(1, f.page ?? 1);
  const rows = db
    .select()
    .from(decisions)
    .where(cond)
    .orderBy(desc(decisions.seq))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all();
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}

export function recentDecisions(limit = 5, councilId?: number) {
  return db
    .select()
    .from(decisions)
    .where(councilId ? eq(decisions.councilId, councilId) : undefined)
    .orderBy(desc(decisions.seq))
    .limit(limit)
    .all();
}

export function decisionAuthors(): string[] {
  return db
    .selectDistinct({ name: decisions.authorName })
    .from(decisions)
    .orderBy(asc(decisions.authorName))
    .all()
    .map((r) => r.name);
}

export function getDecision(seq: number) {
  return db.select().from(decisions).where(eq(decisions.seq, seq)).get() ?? null;
}

/** Entries that correct this one. */
export function supersededBy(seq: number) {
  return db.select().from(decisions).where(eq(decisions.supersedesSeq, seq)).orderBy(asc(decisions.seq)).all();
}

/** Entries about one subject (an idea, a meeting…), oldest first. */
export function decisionsAbout(kind: DecisionRow["subjectKind"], id: string) {
  return db
    .select()
    .from(decisions)
    .where(and(eq(decisions.subjectKind, kind), eq(decisions.subjectId, id)))
    .orderBy(asc(decisions.seq))
    .all();
}

/** Every entry, in order, read in batches (the register can be long). */
export function* allDecisions(batch = 1000): Generator<DecisionRow> {
  let after = 0;
  for (;;) {
    const rows = db.select().from(decisions).where(gt(decisions.seq, after)).orderBy(asc(decisions.seq)).limit(batch).all();
    yield* rows;
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.seq;
  }
}

export function verifyRegister(): ChainVerdict {
  return verifyChain(
    (function* () {
      for (const row of allDecisions()) yield { entry: publicEntry(row), prevHash: row.prevHash, hash: row.hash };
    })(),
  );
}

export function registerHead() {
  return db.select({ seq: decisions.seq, hash: decisions.hash }).from(decisions).orderBy(desc(decisions.seq)).limit(1).get() ?? null;
}

// ------------------------------------------------------------ the officials' form

export function publishCouncilDecision(actor: MaybeActor, input: FreeDecisionInput, opts: { now?: Date } = {}): DecisionRow {
  const a = assertCanAs(actor, "decision.publish", { councilId: input.councilId });
  const role = actingRole(a, "decision.publish", { councilId: input.councilId });
  if (!role) throw new DomainError("errors.forbidden", 403);
  return db.transaction((tx) =>
    recordDecision(tx, a, {
      councilId: input.councilId,
      subject: { kind: "council_decision", id: null, title: input.title },
      outcome: input.outcome,
      explanation: input.explanation,
      evidence: parseEvidence(input.evidence) ?? [],
      supersedesSeq: input.supersedes,
      authorRole: role,
      at: opts.now,
    }),
  );
}
