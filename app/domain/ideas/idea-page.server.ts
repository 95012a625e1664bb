/** Everything the idea page shows, gathered in one place (read-only). */
import { publicName } from "~/domain/accounts/public-name.server";
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { councils, ideas, ruleVersions, users } from "#db/schema";
import { can, type MaybeActor } from "../accounts/policy";
import { decisionsAbout } from "../decisions/decisions.server";
import { isFollowing } from "../notifications/notify.server";
import { toIdeaRef } from "../moderation/visibility.server";
import { rulesInForce } from "../rules/in-force.server";
import { mergedInto } from "./answers.server";
import { commentPage, commentsById } from "./comments.server";
import { getIdea, hasSupported, ideaRevisionsFor, mergeTargets, supportChannels, type IdeaRow } from "./ideas.server";
import { isOpen, isOverdue, nextAnswers } from "./lifecycle";
import { awaitingAgenda } from "./views.server";

/** `discussion` picks the page of comments shown (commentPage): a page number, or the page holding a comment. */
export function ideaPage(id: number, actor: MaybeActor, now = new Date(), discussionAt: { page?: number; commentId?: number } = {}) {
  const idea = getIdea(id);
  if (!idea) return null;
  const council = idea.councilId ? db.select().from(councils).where(eq(councils.id, idea.councilId)).get() ?? null : null;
  const name = (uid: string | null) => (uid ? db.select({ n: publicName }).from(users).where(eq(users.id, uid)).get()?.n ?? null : null);
  const scope = { councilId: idea.councilId };
  const open = isOpen(idea.status) && !idea.hiddenAt;
  const target = idea.mergedIntoId ? getIdea(idea.mergedIntoId) : null;
  const implementedBy = idea.implementedByRuleVersionId
    ? db.select().from(ruleVersions).where(eq(ruleVersions.id, idea.implementedByRuleVersionId)).get() ?? null
    : null;
  const { comments: shown, ...discussion } = commentPage(id, discussionAt);
  const answers = decisionsAbout("idea", String(id));
  const citedIds = answers.flatMap((a) => (JSON.parse(a.evidence) as { label: string }[]).map((e) => Number(/^comment:(\d+)/.exec(e.label)?.[1])).filter((n) => n > 0));
  return {
    idea,
    comments: shown,
    council: council ? { id: council.id, slug: council.slug, name: council.name } : null,
    authorName: idea.onBehalfName ?? name(idea.authorId),
    recordedByName: name(idea.recordedById),
    overdue: isOverdue(idea, now),
    awaitingAgenda: awaitingAgenda(idea),
    threshold: rulesInForce("town", now).params.supportThreshold,
    revisions: ideaRevisionsFor(id),
    discussion,
    answers,
    citedComments: commentsById(id, citedIds),
    mergedInto: target ? toIdeaRef(target) : null,
    mergedFrom: mergedInto(id),
    implementedBy: implementedBy ? { number: implementedBy.number } : null,
    supportChannels: supportChannels(id),
    viewer: {
      signedIn: !!actor,
      userId: actor?.userId ?? null,
      supported: actor ? hasSupported(actor.userId, id) : false,
      following: actor ? isFollowing(actor.userId, { kind: "idea", id }) : false,
      canSupport: open && can(actor, "idea.support", scope),
      canComment: open && can(actor, "comment.create", scope),
      canEdit: idea.status === "submitted" && !idea.hiddenAt && can(actor, "idea.edit", { ownerId: idea.authorId, ...scope }),
      canReport: can(actor, "content.report", scope),
      canAnswer: !idea.hiddenAt && can(actor, "idea.answer", scope) && nextAnswers(idea.status).length > 0,
      nextAnswers: nextAnswers(idea.status),
      canMerge: !idea.hiddenAt && can(actor, "idea.merge", scope) && (idea.status === "submitted" || idea.status === "under_review"),
      mergeTargets: can(actor, "idea.merge", scope) ? mergeTargets(idea) : [],
      canMediate: open && can(actor, "idea.supportOnBehalf", scope),
      canModerate: can(actor, "moderation.act", scope),
      ruleVersions: idea.theme === "rules" ? db.select({ number: ruleVersions.number, title: ruleVersions.title }).from(ruleVersions).where(eq(ruleVersions.scope, "town")).all() : [],
    },
  };
}

export type IdeaPage = NonNullable<ReturnType<typeof ideaPage>>;
export type { IdeaRow };
export const ideaExists = (id: number) => !!db.select({ id: ideas.id }).from(ideas).where(eq(ideas.id, id)).get();
