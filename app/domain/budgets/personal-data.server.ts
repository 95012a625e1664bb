/**
 * What the budget tables hold about a person, for their data export: the budgets they
 * opened, the reviews they signed and the project updates they posted as an official (public
 * acts; on deletion the link to the account is cleared by the foreign keys and the name
 * written at the time stays, like the register's).
 */
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { budgetProjectUpdates, budgetReviews, budgets } from "#db/schema";

export function budgetPersonalData(userId: string) {
  return {
    budgetsOpened: db.select({ id: budgets.id, title: budgets.title, createdAt: budgets.createdAt }).from(budgets).where(eq(budgets.createdById, userId)).all(),
    budgetReviews: db
      .select({ ideaId: budgetReviews.ideaId, verdict: budgetReviews.verdict, cost: budgetReviews.cost, conflictOfInterest: budgetReviews.conflictOfInterest, reviewedAt: budgetReviews.reviewedAt, decisionSeq: budgetReviews.decisionSeq })
      .from(budgetReviews)
      .where(eq(budgetReviews.reviewerId, userId))
      .all(),
    projectUpdates: db.select({ projectId: budgetProjectUpdates.projectId, at: budgetProjectUpdates.at, status: budgetProjectUpdates.status, body: budgetProjectUpdates.body }).from(budgetProjectUpdates).where(eq(budgetProjectUpdates.authorId, userId)).all(),
  };
}
