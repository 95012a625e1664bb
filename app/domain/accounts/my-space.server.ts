/**
 * "My space": my ideas with their status and deadline, my supports, my comments, what I
 * follow, and the sections other capabilities add (receipts of the ballot box…).
 *
 * Extension points:
 *  - FOLLOW_TITLES: how a followed subject of each kind (council, idea, vote, budget,
 *    project) gets its title and page.
 *  - MY_SPACE_SECTIONS: extra lists, each with a translation key for its title, one for
 *    when it is empty, and a loader returning { label, href, note? } items. The ballot box
 *    adds the votes and budgets I took part in (receipts are never stored with a voter:
 *    the section says where to check a printed receipt code).
 */
import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "#db/client.server";
import { budgetProjects, budgets, comments, councils, ideas, supports, votes } from "#db/schema";
import { boxesTakenPartIn } from "../ballot-box/personal-data.server";
import { loadResidency } from "../residency/residency.server";
import type { FollowKind } from "../notifications/kinds";
import { followsOf } from "../notifications/notify.server";

/** A line of a section: a label linking to a page, and an optional note (a translation key, its values, and a date shown in the reader's format). */
export type SpaceItem = { label: string; href: string; note?: { key: string; values?: Record<string, string | number>; date?: string } };
type Resolver = (ids: number[]) => Map<number, { title: string; href: string }>;

export const FOLLOW_TITLES: Partial<Record<FollowKind, Resolver>> = {
  council: (ids) =>
    new Map(db.select({ id: councils.id, name: councils.name, slug: councils.slug }).from(councils).where(inArray(councils.id, ids)).all().map((c) => [c.id, { title: c.name, href: `/councils/${c.slug}` }])),
  idea: (ids) => new Map(db.select({ id: ideas.id, title: ideas.title }).from(ideas).where(inArray(ideas.id, ids)).all().map((i) => [i.id, { title: i.title, href: `/ideas/${i.id}` }])),
  vote: (ids) => new Map(db.select({ id: votes.id, question: votes.question }).from(votes).where(inArray(votes.id, ids)).all().map((v) => [v.id, { title: v.question, href: `/votes/${v.id}` }])),
  budget: (ids) => new Map(db.select({ id: budgets.id, title: budgets.title }).from(budgets).where(inArray(budgets.id, ids)).all().map((b) => [b.id, { title: b.title, href: `/budgets/${b.id}` }])),
  project: (ids) =>
    new Map(
      db
        .select({ id: budgetProjects.id, title: budgetProjects.title, budgetId: budgetProjects.budgetId })
        .from(budgetProjects)
        .where(inArray(budgetProjects.id, ids))
        .all()
        .map((p) => [p.id, { title: p.title, href: `/budgets/${p.budgetId}/projects/${p.id}` }]),
    ),
};

export const MY_SPACE_SECTIONS: { id: string; titleKey: string; emptyKey: string; load: (userId: string) => SpaceItem[] }[] = [
  {
    id: "participations",
    titleKey: "space.participations",
    emptyKey: "space.noParticipations",
    load(userId) {
      const residency = loadResidency(userId);
      if (!residency) return [];
      return boxesTakenPartIn(residency.personKey).map((p) => ({ label: p.title, href: p.href, note: { key: `space.tookPart.${p.channel}`, date: p.day } }));
    },
  },
];

export function mySpace(userId: string) {
  const myIdeas = db
    .select({ id: ideas.id, title: ideas.title, status: ideas.status, dueAt: ideas.dueAt, answeredAt: ideas.answeredAt, submittedAt: ideas.submittedAt, hiddenAt: ideas.hiddenAt, councilName: councils.name })
    .from(ideas)
    .leftJoin(councils, eq(councils.id, ideas.councilId))
    .where(eq(ideas.authorId, userId))
    .orderBy(desc(ideas.submittedAt))
    .all();
  const mySupports = db
    .select({ id: ideas.id, title: ideas.title, status: ideas.status, at: supports.createdAt })
    .from(supports)
    .innerJoin(ideas, eq(ideas.id, supports.ideaId))
    .where(eq(supports.userId, userId))
    .orderBy(desc(supports.createdAt))
    .all();
  const myComments = db
    .select({ id: comments.id, ideaId: comments.ideaId, ideaTitle: ideas.title, stance: comments.stance, body: comments.body, at: comments.createdAt, hiddenAt: comments.hiddenAt })
    .from(comments)
    .innerJoin(ideas, eq(ideas.id, comments.ideaId))
    .where(and(eq(comments.authorId, userId), isNull(comments.withdrawnAt)))
    .orderBy(desc(comments.createdAt))
    .limit(200)
    .all();
  const follows = followsOf(userId);
  const byKind = new Map<FollowKind, number[]>();
  for (const f of follows) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f.id]);
  const following = [...byKind.entries()].map(([kind, ids]) => {
    const titles = FOLLOW_TITLES[kind]?.(ids) ?? new Map();
    return { kind, items: ids.map((id) => ({ id, title: titles.get(id)?.title ?? null, href: titles.get(id)?.href ?? null })) };
  });
  const extra = MY_SPACE_SECTIONS.map((s) => ({ id: s.id, titleKey: s.titleKey, emptyKey: s.emptyKey, items: s.load(userId) }));
  return { ideas: myIdeas, supports: mySupports, comments: myComments, following, extra };
}
