/**
 * The review of ideas submitted to a budget: an official (or a town department acting as one)
 * gives each idea a feasibility verdict and, when feasible, a cost estimate in whole euros,
 * each with its written explanation, and declares any conflict of interest (published with
 * the review). A feasible idea becomes a project in an envelope (the town's, or its own
 * council's) and the idea is marked "in the budget"; an unfeasible one is answered
 * ("rejected"). Either way the review is a register entry on the idea, in one transaction.
 */
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { budgetProjects, budgetReviews, ideas } from "#db/schema";
import { actingRole, assertCanAs, type MaybeActor } from "../accounts/policy";
import { recordDecision } from "../decisions/record.server";
import { DomainError } from "../errors";
import { notifyIdea } from "../ideas/events.server";
import { envelopesOf, euros, requireBudget, scopeOf } from "./budgets.server";
import type { ReviewInput } from "./schemas";

/** Errors: errors.budgetNotInReview (409), errors.ideaNotInBudget (404), errors.ideaAlreadyReviewed (409), errors.ideaNotReviewable (409), errors.envelopeOtherCouncil (400). */
export function reviewIdea(actor: MaybeActor, budgetId: number, input: ReviewInput, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  return db.transaction((tx) => {
    const b = requireBudget(tx, budgetId);
    const idea = tx.select().from(ideas).where(eq(ideas.id, input.ideaId)).get();
    if (!idea || idea.budgetId !== b.id) throw new DomainError("errors.ideaNotInBudget", 404);
    const a = assertCanAs(actor, "budget.review", { councilId: idea.councilId });
    if (b.phase !== "review") throw new DomainError("errors.budgetNotInReview", 409);
    if (tx.select({ id: budgetReviews.id }).from(budgetReviews).where(eq(budgetReviews.ideaId, idea.id)).get()) throw new DomainError("errors.ideaAlreadyReviewed", 409);
    if (idea.hiddenAt || !["submitted", "under_review", "accepted"].includes(idea.status)) throw new DomainError("errors.ideaNotReviewable", 409);
    const feasible = input.verdict === "feasible";
    const envelope = feasible ? envelopesOf(b.id, tx).find((e) => e.id === input.envelopeId) : undefined;
    if (feasible && !envelope) throw new DomainError("errors.choose", 400, "envelopeId");
    if (envelope && envelope.councilId !== null && envelope.councilId !== idea.councilId) throw new DomainError("errors.envelopeOtherCouncil", 400, "envelopeId");
    const conflict = input.conflict === "declared" ? input.conflictText.trim() : "";
    const explanation = [
      `**Faisabilité : ${feasible ? "faisable" : "non faisable"}.** ${input.feasibilityExplanation.trim()}`,
      ...(feasible ? [`**Coût estimé : ${euros(input.cost!)}.** ${input.costExplanation.trim()}`, `Le projet entre dans l'${envelope!.councilName ? `enveloppe ${envelope!.councilName}` : "enveloppe de la ville"}.`] : []),
      `**Conflit d'intérêts déclaré par l'auteur de l'étude :** ${conflict || "aucun"}.`,
    ].join("\n\n");
    const entry = recordDecision(tx, a, {
      councilId: idea.councilId,
      subject: { kind: "idea", id: String(idea.id), title: idea.title },
      outcome: feasible ? "in_budget" : "rejected",
      explanation,
      explanationField: "feasibilityExplanation",
      evidence: [{ label: b.title, url: `/budgets/${b.id}` }],
      authorRole: actingRole(a, "budget.review", { councilId: idea.councilId }) ?? "official",
      ruleScope: scopeOf(b),
      at: now,
    });
    const review = tx
      .insert(budgetReviews)
      .values({
        budgetId: b.id,
        ideaId: idea.id,
        verdict: input.verdict,
        cost: feasible ? input.cost! : null,
        feasibilityExplanation: input.feasibilityExplanation,
        costExplanation: feasible ? input.costExplanation : "",
        conflictOfInterest: conflict,
        reviewerId: a.userId,
        reviewerName: a.displayName,
        reviewedAt: at,
        decisionSeq: entry.seq,
      })
      .returning()
      .get();
    const project = feasible
      ? tx.insert(budgetProjects).values({ budgetId: b.id, envelopeId: envelope!.id, ideaId: idea.id, title: idea.title, summary: idea.body, cost: input.cost!, createdAt: at }).returning().get()
      : null;
    const first = idea.answeredAt ? {} : { answeredAt: at, answeredInTime: Date.parse(at) <= Date.parse(idea.dueAt) };
    tx.update(ideas).set({ status: feasible ? "in_budget" : "rejected", ...first }).where(eq(ideas.id, idea.id)).run();
    notifyIdea(tx, idea.id, { kind: "answer", decisionSeq: entry.seq, at, except: a.userId });
    return { review, project, entry };
  });
}
