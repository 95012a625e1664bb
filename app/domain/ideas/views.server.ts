/** Shapes ideas for pages (list cards), computing overdue and agenda flags once. */
import type { IdeaStatus } from "#db/enums";
import { isOverdue } from "./lifecycle";

export function awaitingAgenda(i: { thresholdReachedAt: string | null; status: IdeaStatus }) {
  return !!i.thresholdReachedAt && !["on_agenda", "implemented", "merged", "rejected"].includes(i.status);
}

export function ideaSummary(
  i: {
    id: number; title: string; theme: string; status: IdeaStatus; councilName: string | null; submittedAt: string;
    supportCount: number; commentCount: number; answeredAt: string | null; dueAt: string; thresholdReachedAt: string | null; channel: string;
  },
  now = new Date(),
) {
  return {
    id: i.id,
    title: i.title,
    theme: i.theme,
    status: i.status,
    councilName: i.councilName,
    submittedAt: i.submittedAt,
    supportCount: i.supportCount,
    commentCount: i.commentCount,
    channel: i.channel,
    overdue: isOverdue(i, now),
    awaitingAgenda: awaitingAgenda(i),
  };
}
