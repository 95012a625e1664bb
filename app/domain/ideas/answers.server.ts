/**
 * Answering ideas: a facilitator or official moves an idea along its lifecycle with a
 * written explanation, recorded in the register in the same transaction; merging similar
 * ideas into one collective idea (supporters and followers carried over, without double
 * counting). The first answer (accepted, rejected or merged) fixes whether the deadline
 * promised by the rules was met.
 */
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import type { IdeaStatus } from "#db/enums";
import { comments, follows, ideas, ruleVersions, supports } from "#db/schema";
import { actingRole, assertCanAs, type Actor, type MaybeActor } from "../accounts/policy";
import { recordDecision, type DecisionRow } from "../decisions/record.server";
import type { Evidence } from "../decisions/types";
import { DomainError } from "../errors";
import { follow } from "../notifications/notify.server";
import { notifyIdea } from "./events.server";
import { checkThreshold, requireIdea, type IdeaRow } from "./ideas.server";
import { ANSWERING, canMove } from "./lifecycle";
import type { AnswerInput } from "./schemas";

function firstAnswer(idea: IdeaRow, to: IdeaStatus, at: string) {
  if (idea.answeredAt || !ANSWERING.includes(to)) return {};
  return { answeredAt: at, answeredInTime: Date.parse(at) <= Date.parse(idea.dueAt) };
}

function roleFor(actor: Actor, action: "idea.answer" | "idea.merge", idea: IdeaRow) {
  return actingRole(actor, action, { councilId: idea.councilId }) ?? "official";
}

export function answerIdea(actor: MaybeActor, ideaId: number, input: AnswerInput, opts: { now?: Date } = {}): DecisionRow {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  return db.transaction((tx) => {
    const idea = requireIdea(tx, ideaId);
    const a = assertCanAs(actor, "idea.answer", { councilId: idea.councilId });
    if (input.status === "merged") throw new DomainError("errors.useMergeForm", 400, "status");
    if (input.status === "submitted") throw new DomainError("errors.answerNotAllowed", 400, "status");
    if (idea.hiddenAt) throw new DomainError("errors.ideaHidden", 409);
    if (!canMove(idea.status, input.status)) throw new DomainError("errors.answerNotAllowed", 400, "status");

    const evidence: Evidence[] = [];
    const cited = input.cites.length
      ? tx.select({ id: comments.id, stance: comments.stance }).from(comments).where(and(eq(comments.ideaId, ideaId), inArray(comments.id, input.cites))).all()
      : [];
    if (cited.length !== new Set(input.cites).size) throw new DomainError("errors.citeUnknown", 400, "cites");
    for (const c of cited) evidence.push({ label: `comment:${c.id}:${c.stance}`, url: `/ideas/${ideaId}#comment-${c.id}` });

    let implementedBy: number | null = null;
    if (idea.theme === "rules" && (input.status === "accepted" || input.status === "implemented")) {
      if (input.ruleVersion === null) throw new DomainError("errors.ruleVersionRequired", 400, "ruleVersion");
      const v = tx.select().from(ruleVersions).where(and(eq(ruleVersions.scope, "town"), eq(ruleVersions.number, input.ruleVersion))).get();
      if (!v) throw new DomainError("errors.ruleVersionUnknown", 400, "ruleVersion");
      implementedBy = v.id;
      evidence.push({ label: `rules:v${v.number}`, url: `/rules/${v.number}` });
    }

    const entry = recordDecision(tx, a, {
      councilId: idea.councilId,
      subject: { kind: "idea", id: String(idea.id), title: idea.title },
      outcome: input.status,
      explanation: input.explanation,
      evidence,
      authorRole: roleFor(a, "idea.answer", idea),
      at: now,
    });
    tx.update(ideas)
      .set({ status: input.status, ...firstAnswer(idea, input.status, at), ...(implementedBy ? { implementedByRuleVersionId: implementedBy } : {}) })
      .where(eq(ideas.id, ideaId))
      .run();
    notifyIdea(tx, ideaId, { kind: "answer", decisionSeq: entry.seq, at, except: a.userId });
    return entry;
  });
}

/** Supporters of `from` who do not already support `to` become supporters of `to`. */
function carryOver(tx: Tx, fromId: number, toId: number, at: string) {
  const fromSupports = tx.select().from(supports).where(eq(supports.ideaId, fromId)).all();
  for (const s of fromSupports) {
    tx.insert(supports)
      .values({ ideaId: toId, userId: s.userId, onBehalfName: s.onBehalfName, channel: s.channel, recordedById: s.recordedById, createdAt: s.createdAt })
      .onConflictDoNothing()
      .run();
  }
  const fromFollows = tx.select().from(follows).where(and(eq(follows.subjectKind, "idea"), eq(follows.subjectId, fromId))).all();
  for (const f of fromFollows) follow(tx, f.userId, { kind: "idea", id: toId }, at);
  // The author of a merged idea follows the collective idea.
  const from = requireIdea(tx, fromId);
  if (from.authorId) follow(tx, from.authorId, { kind: "idea", id: toId }, at);
}

/** Merges `sourceId` into `targetId` (a collective idea), one register entry per merged idea. */
export function mergeIdea(actor: MaybeActor, sourceId: number, targetId: number, explanation: string, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  return db.transaction((tx) => {
    const source = requireIdea(tx, sourceId);
    const a = assertCanAs(actor, "idea.merge", { councilId: source.councilId });
    if (sourceId === targetId) throw new DomainError("errors.mergeSelf", 400, "targetId");
    const target = tx.select().from(ideas).where(eq(ideas.id, targetId)).get();
    if (!target) throw new DomainError("errors.mergeTargetUnknown", 400, "targetId");
    if (target.councilId !== source.councilId) throw new DomainError("errors.mergeOtherCouncil", 400, "targetId");
    if (target.status === "merged" || target.status === "rejected" || target.hiddenAt) throw new DomainError("errors.mergeTargetClosed", 400, "targetId");
    if (!canMove(source.status, "merged")) throw new DomainError("errors.answerNotAllowed", 400, "targetId");

    const entry = recordDecision(tx, a, {
      councilId: source.councilId,
      subject: { kind: "idea", id: String(source.id), title: source.title },
      outcome: "merged",
      explanation,
      evidence: [{ label: `idea:${target.id}`, url: `/ideas/${target.id}` }],
      authorRole: roleFor(a, "idea.merge", source),
      at: now,
    });
    carryOver(tx, sourceId, targetId, at);
    const n = tx.select({ n: count() }).from(supports).where(eq(supports.ideaId, targetId)).get()?.n ?? 0;
    tx.update(ideas).set({ supportCount: n }).where(eq(ideas.id, targetId)).run();
    checkThreshold(tx, targetId, at);
    tx.update(ideas).set({ status: "merged", mergedIntoId: targetId, ...firstAnswer(source, "merged", at) }).where(eq(ideas.id, sourceId)).run();
    notifyIdea(tx, sourceId, { kind: "merge", decisionSeq: entry.seq, at, except: a.userId });
    return entry;
  });
}

/** Ideas merged into this one. */
export function mergedInto(targetId: number) {
  return db.select({ id: ideas.id, title: ideas.title }).from(ideas).where(and(eq(ideas.mergedIntoId, targetId), isNull(ideas.hiddenAt))).all();
}
