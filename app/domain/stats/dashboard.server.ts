/**
 * The officials' and facilitators' dashboard: what is waiting for them, in the councils
 * they hold a role for (all councils for a town-wide role), oldest first.
 *
 * Extension point: DASHBOARD_SECTIONS. A section names the policy action that makes it
 * visible, and lists its items for a scope: ideas awaiting an answer, minutes overdue,
 * reports, letters to print, budget ideas awaiting a feasibility review, and ballot boxes
 * whose window has closed and whose paper sheets and count are still to do.
 */
import { and, asc, eq, inArray, isNull, lt, notInArray, sql, type SQL } from "drizzle-orm";
import { db, sqlite } from "#db/client.server";
import { keptPerDataVersion } from "#db/data-version";
import { ballotBoxes, budgetEnvelopes, budgetReviews, budgets, councils, ideas, meetings, outboxMessages, reports, votes } from "#db/schema";
import { paperStatus } from "../ballot-box/paper.server";
import { scopeFor, type Actor, type ScopedAction } from "../accounts/policy";

export interface DashboardItem {
  key: string;
  label: string;
  href: string;
  councilName: string | null;
  /** Days left (positive) or overdue (negative), when there is a deadline. */
  days: number | null;
  /** Since when it waits (ISO). */
  since: string;
  /** A line of figures under the item: a translation key and its numbers. */
  note?: { key: string; values: Record<string, number> };
}

/** null = every council and the town. */
export type Scope = number[] | null;

export interface DashboardSection {
  id: string;
  titleKey: string;
  /** The policy action that makes the section visible, asked per council. */
  action: ScopedAction;
  list(scope: Scope, now: Date): { total: number; items: DashboardItem[] };
}

const DAY = 86_400_000;
const LIMIT = 50;
const daysUntil = (iso: string, now: Date) => Math.floor((Date.parse(iso) - now.getTime()) / DAY);
const inScope = (col: SQL | typeof ideas.councilId, scope: Scope) => (scope === null ? undefined : inArray(col as typeof ideas.councilId, scope.length ? scope : [-1]));

const awaitingCounts = new Map<string, number>();

function countOf(q: { get(): { n: number } | undefined }) {
  return q.get()?.n ?? 0;
}

export const DASHBOARD_SECTIONS: DashboardSection[] = [
  {
    id: "ideasAwaiting",
    titleKey: "dashboard.sections.ideasAwaiting",
    action: "idea.answer",
    list(scope, now) {
      const where = and(isNull(ideas.answeredAt), isNull(ideas.hiddenAt), notInArray(ideas.status, ["merged", "rejected"]), inScope(ideas.councilId, scope));
      const rows = db
        .select({ id: ideas.id, title: ideas.title, dueAt: ideas.dueAt, submittedAt: ideas.submittedAt, council: councils.name })
        .from(ideas)
        .leftJoin(councils, eq(councils.id, ideas.councilId))
        .where(where)
        .orderBy(asc(ideas.dueAt))
        .limit(LIMIT)
        .all();
      // ≈ 10 ms over the unanswered ideas of a city on every dashboard view: kept per data version
      const total = keptPerDataVersion(sqlite(), awaitingCounts, JSON.stringify(scope), () => countOf(db.select({ n: sql<number>`count(*)` }).from(ideas).where(where)));
      return { total, items: rows.map((r) => ({ key: `idea-${r.id}`, label: r.title, href: `/ideas/${r.id}#answer-title`, councilName: r.council, days: daysUntil(r.dueAt, now), since: r.submittedAt })) };
    },
  },
  {
    id: "minutesOverdue",
    titleKey: "dashboard.sections.minutesOverdue",
    action: "meeting.manage",
    list(scope, now) {
      const where = and(
        eq(meetings.status, "held"),
        lt(meetings.minutesDueAt, now.toISOString()),
        sql`NOT EXISTS (SELECT 1 FROM minutes_versions v WHERE v.meeting_id = ${meetings.id})`,
        scope === null ? undefined : inArray(meetings.councilId, scope.length ? scope : [-1]),
      );
      const rows = db
        .select({ id: meetings.id, title: meetings.title, due: meetings.minutesDueAt, startsAt: meetings.startsAt, council: councils.name })
        .from(meetings)
        .innerJoin(councils, eq(councils.id, meetings.councilId))
        .where(where)
        .orderBy(asc(meetings.minutesDueAt))
        .limit(LIMIT)
        .all();
      const total = countOf(db.select({ n: sql<number>`count(*)` }).from(meetings).where(where));
      return { total, items: rows.map((r) => ({ key: `meeting-${r.id}`, label: r.title, href: `/meetings/${r.id}/minutes`, councilName: r.council, days: daysUntil(r.due!, now), since: r.startsAt })) };
    },
  },
  {
    id: "reportsOpen",
    titleKey: "dashboard.sections.reportsOpen",
    action: "moderation.act",
    list(scope) {
      const where = and(eq(reports.status, "open"), scope === null ? undefined : inArray(reports.councilId, scope.length ? scope : [-1]));
      const rows = db
        .select({ id: reports.id, kind: reports.subjectKind, subjectId: reports.subjectId, reason: reports.reason, at: reports.createdAt, council: councils.name })
        .from(reports)
        .leftJoin(councils, eq(councils.id, reports.councilId))
        .where(where)
        .orderBy(asc(reports.createdAt))
        .limit(LIMIT)
        .all();
      const total = countOf(db.select({ n: sql<number>`count(*)` }).from(reports).where(where));
      return { total, items: rows.map((r) => ({ key: `report-${r.id}`, label: r.reason, href: "/moderation", councilName: r.council, days: null, since: r.at })) };
    },
  },
  {
    id: "lettersToPrint",
    titleKey: "dashboard.sections.lettersToPrint",
    action: "letters.print",
    list(scope) {
      const where = and(eq(outboxMessages.channel, "post"), eq(outboxMessages.status, "pending"), scope === null ? undefined : inArray(outboxMessages.councilId, scope.length ? scope : [-1]));
      const total = countOf(db.select({ n: sql<number>`count(*)` }).from(outboxMessages).where(where));
      const first = db.select({ at: outboxMessages.createdAt }).from(outboxMessages).where(where).orderBy(asc(outboxMessages.id)).limit(1).get();
      return { total, items: total ? [{ key: "letters", label: "", href: "/letters", councilName: null, days: null, since: first!.at }] : [] };
    },
  },
  {
    id: "feasibilityReviews",
    titleKey: "dashboard.sections.feasibilityReviews",
    action: "budget.review",
    list(scope) {
      // ideas submitted to a budget in its review phase, with no verdict yet
      const where = and(
        eq(budgets.phase, "review"),
        isNull(budgetReviews.id),
        isNull(ideas.hiddenAt),
        scope === null ? undefined : inArray(ideas.councilId, scope.length ? scope : [-1]),
      );
      const base = () => db.select({ n: sql<number>`count(*)` }).from(ideas).innerJoin(budgets, eq(budgets.id, ideas.budgetId)).leftJoin(budgetReviews, eq(budgetReviews.ideaId, ideas.id));
      const total = countOf(base().where(where));
      const rows = db
        .select({ id: ideas.id, title: ideas.title, budgetId: budgets.id, submittedAt: ideas.submittedAt, council: councils.name })
        .from(ideas)
        .innerJoin(budgets, eq(budgets.id, ideas.budgetId))
        .leftJoin(budgetReviews, eq(budgetReviews.ideaId, ideas.id))
        .leftJoin(councils, eq(councils.id, ideas.councilId))
        .where(where)
        .orderBy(asc(ideas.submittedAt))
        .limit(LIMIT)
        .all();
      return { total, items: rows.map((r) => ({ key: `review-${r.id}`, label: r.title, href: `/budgets/${r.budgetId}/review#idea-${r.id}`, councilName: r.council, days: null, since: r.submittedAt })) };
    },
  },
  {
    id: "paperBallots",
    titleKey: "dashboard.sections.paperBallots",
    action: "vote.count",
    list(scope, now) {
      // boxes whose window has passed and that are not counted yet: paper sheets to type in
      // twice, differences to settle, then the count
      const rows = db
        .select({ id: ballotBoxes.id, kind: ballotBoxes.kind, title: ballotBoxes.title, closesAt: ballotBoxes.closesAt, council: councils.name, voteId: votes.id, budgetId: budgetEnvelopes.budgetId })
        .from(ballotBoxes)
        .leftJoin(councils, eq(councils.id, ballotBoxes.councilId))
        .leftJoin(votes, eq(votes.boxId, ballotBoxes.id))
        .leftJoin(budgetEnvelopes, eq(budgetEnvelopes.boxId, ballotBoxes.id))
        .where(and(isNull(ballotBoxes.closedAt), lt(ballotBoxes.closesAt, now.toISOString()), scope === null ? undefined : inArray(ballotBoxes.councilId, scope.length ? scope : [-1])))
        .orderBy(asc(ballotBoxes.closesAt))
        .limit(LIMIT)
        .all();
      const items = rows.map((r) => {
        const p = paperStatus(r.id);
        const entered = p.sheets.filter((x) => x.state !== "single").length;
        return {
          key: `box-${r.id}`,
          label: r.title,
          href: r.voteId !== null ? `/votes/${r.voteId}/count` : `/budgets/${r.budgetId}/paper`,
          councilName: r.council,
          days: null,
          since: r.closesAt,
          note: { key: "dashboard.paperNote", values: { participations: p.participations, entered, toSettle: p.differing.length + p.pending.length } },
        };
      });
      return { total: items.length, items };
    },
  },
];

export { scopeFor };

export function dashboard(actor: Actor, now = new Date()) {
  return {
    sections: DASHBOARD_SECTIONS.flatMap((s) => {
      const scope = scopeFor(actor, s.action);
      if (scope === undefined) return [];
      return [{ id: s.id, titleKey: s.titleKey, ...s.list(scope, now) }];
    }),
  };
}
