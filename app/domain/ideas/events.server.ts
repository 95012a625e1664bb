/** What happens to an idea, told to its author and followers through `notify()`. */
import { eq } from "drizzle-orm";
import type { Tx } from "#db/client.server";
import { ideas } from "#db/schema";
import type { NotificationKind } from "../notifications/kinds";
import { notify } from "../notifications/notify.server";

type IdeaKind = Extract<NotificationKind, "answer" | "comment" | "reply" | "moderation" | "merge" | "threshold">;

export function notifyIdea(
  tx: Tx,
  ideaId: number,
  event: { kind: IdeaKind; at: string; decisionSeq?: number; commentId?: number; except?: string | null; to?: (string | null)[] },
) {
  const idea = tx.select({ id: ideas.id, title: ideas.title, authorId: ideas.authorId, councilId: ideas.councilId }).from(ideas).where(eq(ideas.id, ideaId)).get();
  if (!idea) return [];
  const link = event.commentId ? `/ideas/${ideaId}?comment=${event.commentId}#comment-${event.commentId}` : event.decisionSeq ? `/ideas/${ideaId}#answers` : `/ideas/${ideaId}`;
  return notify(tx, {
    kind: event.kind,
    at: event.at,
    title: idea.title,
    link,
    councilId: idea.councilId,
    followersOf: [{ kind: "idea", id: ideaId }],
    to: [idea.authorId, ...(event.to ?? [])],
    except: event.except,
    refs: { ideaId, decisionSeq: event.decisionSeq, commentId: event.commentId },
  });
}
