/**
 * Following and unfollowing: from the person's own pages ("My space"), and from a vote's or
 * a budget's page (their followers hear when the vote opens and when its results are out,
 * and of each phase of the budget). Councils, ideas and projects have their own functions
 * beside their domain (meetings, ideas, budgets/implementation).
 */
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { budgets, votes } from "#db/schema";
import { assertCanAs, type MaybeActor } from "../accounts/policy";
import { NotFoundError } from "../errors";
import type { SubjectRef } from "./kinds";
import { follow, isFollowing, unfollow } from "./notify.server";

export function unfollowSubject(actor: MaybeActor, subject: SubjectRef) {
  const a = assertCanAs(actor, "account.view");
  db.transaction((tx) => unfollow(tx, a.userId, subject));
}

/** Follows (on) or stops following (off) a vote. Errors: NotFoundError for an unknown vote; a policy refusal when signed out. */
export function followVote(actor: MaybeActor, voteId: number, on: boolean, opts: { now?: Date } = {}) {
  const a = assertCanAs(actor, "vote.follow");
  if (!db.select({ id: votes.id }).from(votes).where(eq(votes.id, voteId)).get()) throw new NotFoundError();
  db.transaction((tx) => (on ? follow(tx, a.userId, { kind: "vote", id: voteId }, (opts.now ?? new Date()).toISOString()) : unfollow(tx, a.userId, { kind: "vote", id: voteId })));
}

/** Follows (on) or stops following (off) a participatory budget. Errors as followVote. */
export function followBudget(actor: MaybeActor, budgetId: number, on: boolean, opts: { now?: Date } = {}) {
  const a = assertCanAs(actor, "budget.follow");
  if (!db.select({ id: budgets.id }).from(budgets).where(eq(budgets.id, budgetId)).get()) throw new NotFoundError();
  db.transaction((tx) => (on ? follow(tx, a.userId, { kind: "budget", id: budgetId }, (opts.now ?? new Date()).toISOString()) : unfollow(tx, a.userId, { kind: "budget", id: budgetId })));
}

export { isFollowing };
