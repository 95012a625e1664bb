/**
 * An idea's lifecycle: which answers may follow which status. Pure.
 * submitted → under_review → accepted | rejected | merged → (in_budget | on_agenda) → implemented
 */
import type { IdeaStatus } from "#db/enums";

export const MOVES: Record<IdeaStatus, readonly IdeaStatus[]> = {
  submitted: ["under_review", "accepted", "rejected", "merged"],
  under_review: ["accepted", "rejected", "merged"],
  accepted: ["in_budget", "on_agenda", "implemented"],
  in_budget: ["implemented"],
  on_agenda: ["implemented"],
  rejected: [],
  merged: [],
  implemented: [],
};

/** Answers a facilitator or official can give from the idea page (merging has its own form). */
export function nextAnswers(status: IdeaStatus): IdeaStatus[] {
  return MOVES[status].filter((s) => s !== "merged");
}

export function canMove(from: IdeaStatus, to: IdeaStatus) {
  return MOVES[from].includes(to);
}

/** The first of these is "the answer" whose delay is measured against the deadline. */
export const ANSWERING: readonly IdeaStatus[] = ["accepted", "rejected", "merged"];

/** Ideas that can still gather supports and comments. */
export function isOpen(status: IdeaStatus) {
  return status !== "merged" && status !== "rejected";
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString();
}

export function isOverdue(idea: { answeredAt: string | null; dueAt: string; status: IdeaStatus }, now = new Date()) {
  return idea.answeredAt === null && idea.status !== "merged" && Date.parse(idea.dueAt) < now.getTime();
}
