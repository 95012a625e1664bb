/**
 * Ideas: submission (online or through médiation), the author's edits (kept), lists with
 * filters and sorts, supports with the agenda threshold, and following. Deadlines come from
 * the rules in force at submission; the threshold from the rules in force when reached.
 */
import { publicName } from "~/domain/accounts/public-name.server";
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, ne, notInArray, sql, type SQL } from "drizzle-orm";
import { db, sqlite, type Tx } from "#db/client.server";
import { keptPerDataVersion } from "#db/data-version";
import type { IdeaStatus, IdeaTheme } from "#db/enums";
import { councils, ideaRevisions, ideas, supports, users } from "#db/schema";
import { assertCan, assertCanAs, type MaybeActor } from "../accounts/policy";
import { DomainError, NotFoundError } from "../errors";
import { follow, unfollow } from "../notifications/notify.server";
import { notifyIdea } from "./events.server";
import { rulesInForce } from "../rules/in-force.server";
import { addDays, isOpen } from "./lifecycle";
import type { IdeaInput, IdeaOnBehalfInput } from "./schemas";

export type IdeaRow = typeof ideas.$inferSelect;
export const PAGE_SIZE = 20;

type Clock = { now?: Date };
const iso = (o: Clock) => (o.now ?? new Date()).toISOString();

function assertCouncil(tx: Tx, councilId: number | null) {
  if (councilId !== null && !tx.select({ id: councils.id }).from(councils).where(eq(councils.id, councilId)).get()) {
    throw new DomainError("errors.councilUnknown", 400, "councilId");
  }
}

function insertIdea(tx: Tx, values: Omit<typeof ideas.$inferInsert, "dueAt" | "answerDelayDays" | "ruleVersionId" | "submittedAt">, at: string) {
  const rules = rulesInForce("town", at, tx);
  const row = tx
    .insert(ideas)
    .values({
      ...values,
      submittedAt: at,
      answerDelayDays: rules.params.answerDelayDays,
      dueAt: addDays(at, rules.params.answerDelayDays),
      ruleVersionId: rules.version?.id ?? null,
    })
    .returning()
    .get();
  return row;
}

export function submitIdea(actor: MaybeActor, input: IdeaInput, opts: Clock = {}): IdeaRow {
  const a = assertCanAs(actor, "idea.create", { councilId: input.councilId });
  const at = iso(opts);
  return db.transaction((tx) => {
    assertCouncil(tx, input.councilId);
    const row = insertIdea(tx, { ...input, authorId: a.userId, channel: "online" }, at);
    follow(tx, a.userId, { kind: "idea", id: row.id }, at);
    return row;
  });
}

/** Médiation: recorded by a facilitator for a resident who came in person or wrote a letter. */
export function submitIdeaOnBehalf(actor: MaybeActor, input: IdeaOnBehalfInput, opts: Clock = {}): IdeaRow {
  const a = assertCanAs(actor, "idea.createOnBehalf", { councilId: input.councilId });
  const at = iso(opts);
  return db.transaction((tx) => {
    assertCouncil(tx, input.councilId);
    const { onBehalfName, onBehalfContact, channel, consent: _consent, ...idea } = input;
    return insertIdea(
      tx,
      { ...idea, authorId: null, channel, recordedById: a.userId, onBehalfName, onBehalfContact: onBehalfContact || null, consentNoted: true },
      at,
    );
  });
}

export function getIdea(id: number): IdeaRow | null {
  return db.select().from(ideas).where(eq(ideas.id, id)).get() ?? null;
}

export function requireIdea(tx: Tx, id: number): IdeaRow {
  const row = tx.select().from(ideas).where(eq(ideas.id, id)).get();
  if (!row) throw new NotFoundError();
  return row;
}

/** The author edits while nobody has answered; the previous text is kept. */
export function editIdea(actor: MaybeActor, id: number, input: Omit<IdeaInput, "councilId">, opts: Clock = {}) {
  const at = iso(opts);
  return db.transaction((tx) => {
    const idea = requireIdea(tx, id);
    assertCan(actor, "idea.edit", { ownerId: idea.authorId, councilId: idea.councilId });
    if (idea.status !== "submitted" || idea.hiddenAt) throw new DomainError("errors.ideaLocked", 409);
    if (idea.title === input.title && idea.body === input.body && idea.theme === input.theme && idea.place === input.place) {
      throw new DomainError("errors.nothingChanged", 400);
    }
    tx.insert(ideaRevisions).values({ ideaId: id, title: idea.title, body: idea.body, theme: idea.theme, place: idea.place, replacedAt: at }).run();
    return tx.update(ideas).set({ ...input, editedAt: at }).where(eq(ideas.id, id)).returning().get();
  });
}

export function ideaRevisionsFor(id: number) {
  return db.select().from(ideaRevisions).where(eq(ideaRevisions.ideaId, id)).orderBy(asc(ideaRevisions.id)).all();
}

// ------------------------------------------------------------------ lists

export interface IdeaListQuery {
  councilId?: number;
  status?: IdeaStatus;
  theme?: IdeaTheme;
  overdue?: boolean;
  sort?: "newest" | "supported" | "discussed";
  page?: number;
  pageSize?: number;
}

export function listWhere(q: IdeaListQuery, now = new Date()): SQL | undefined {
  const where: SQL[] = [isNull(ideas.hiddenAt)];
  if (q.councilId !== undefined) where.push(eq(ideas.councilId, q.councilId));
  if (q.status) where.push(eq(ideas.status, q.status));
  if (q.theme) where.push(eq(ideas.theme, q.theme));
  if (q.overdue) where.push(isNull(ideas.answeredAt), lt(ideas.dueAt, now.toISOString()), ne(ideas.status, "merged"));
  return and(...where);
}

export function listOrder(sort: IdeaListQuery["sort"]) {
  switch (sort) {
    case "supported":
      return [desc(ideas.supportCount), desc(ideas.id)];
    case "discussed":
      return [desc(ideas.commentCount), desc(ideas.id)];
    default:
      return [desc(ideas.submittedAt), desc(ideas.id)];
  }
}

/**
 * The overdue filter, newest first, walks ideas_unanswered_submitted_idx in order and stops
 * after its page. Left to itself SQLite prefers ideas_due_idx (a range on the deadline) and
 * then sorts every overdue idea (about 9,000 at city scale) for each request; drizzle cannot
 * say INDEXED BY, so the page's ids are read with the same WHERE and ORDER BY in plain SQL.
 */
export function forcedIndex(q: IdeaListQuery): string | null {
  return q.overdue && (q.sort ?? "newest") === "newest" ? "ideas_unanswered_submitted_idx" : null;
}

/** The ids of one page of a list, through `index`; the query text is drizzle's, with INDEXED BY added. */
export function pageIdsIndexed(where: SQL | undefined, q: IdeaListQuery, index: string, limit: number, offset: number): { sql: string; params: unknown[] } {
  const built = db.select({ id: ideas.id }).from(ideas).where(where).orderBy(...listOrder(q.sort)).limit(limit).offset(offset).toSQL();
  const text = built.sql.replace(/^select "id" from "ideas"/, `select "id" from "ideas" INDEXED BY "${index}"`);
  if (text === built.sql) throw new Error(`cannot force ${index}: ${built.sql}`);
  return { sql: text, params: built.params };
}

/**
 * How many ideas match a list's filters, kept per data version (db/data-version.ts): counting
 * 20,000 ideas cost ≈ 10 ms on every list request at city scale, more than the rest of the
 * page's SQL. The overdue filter also depends on the clock: its key carries the minute.
 * At most 500 keys (filters × councils × themes), oldest dropped first.
 */
const countCache = new Map<string, number>();
function matchingCount(q: IdeaListQuery, where: SQL | undefined, now: Date): number {
  const key = `${q.councilId ?? ""}|${q.status ?? ""}|${q.theme ?? ""}|${q.overdue ? now.toISOString().slice(0, 16) : ""}`;
  return keptPerDataVersion(sqlite(), countCache, key, () => db.select({ n: count() }).from(ideas).where(where).get()?.n ?? 0);
}

export function listIdeas(q: IdeaListQuery, now = new Date()) {
  const where = listWhere(q, now);
  const size = q.pageSize ?? PAGE_SIZE;
  const page = Math.max(1, q.page ?? 1);
  const total = matchingCount(q, where, now);
  const selected = db
    .select({
      id: ideas.id,
      title: ideas.title,
      theme: ideas.theme,
      status: ideas.status,
      councilId: ideas.councilId,
      councilName: councils.name,
      councilSlug: councils.slug,
      place: ideas.place,
      submittedAt: ideas.submittedAt,
      dueAt: ideas.dueAt,
      answeredAt: ideas.answeredAt,
      answeredInTime: ideas.answeredInTime,
      thresholdReachedAt: ideas.thresholdReachedAt,
      supportCount: ideas.supportCount,
      commentCount: ideas.commentCount,
      channel: ideas.channel,
    })
    .from(ideas)
    .leftJoin(councils, eq(councils.id, ideas.councilId));
  const index = forcedIndex(q);
  const rows = index
    ? (() => {
        const forced = pageIdsIndexed(where, q, index, size, (page - 1) * size);
        const ids = sqlite().prepare(forced.sql).pluck().all(...forced.params) as number[];
        return ids.length ? selected.where(inArray(ideas.id, ids)).orderBy(...listOrder(q.sort)).all() : [];
      })()
    : selected.where(where).orderBy(...listOrder(q.sort)).limit(size).offset((page - 1) * size).all();
  return { rows, total, page, pages: Math.max(1, Math.ceil(total / size)) };
}

/** Ideas that reached the support threshold and must go on their council's agenda. */
export function ideasAwaitingAgenda(councilId?: number) {
  return db
    .select({ id: ideas.id, title: ideas.title, councilId: ideas.councilId, supportCount: ideas.supportCount, thresholdReachedAt: ideas.thresholdReachedAt })
    .from(ideas)
    .where(
      and(
        isNotNull(ideas.thresholdReachedAt),
        isNull(ideas.hiddenAt),
        notInArray(ideas.status, ["on_agenda", "implemented", "merged", "rejected"]),
        councilId !== undefined ? eq(ideas.councilId, councilId) : undefined,
        // still missing from every meeting's agenda
        sql`NOT EXISTS (SELECT 1 FROM meeting_agenda_ideas mai WHERE mai.idea_id = ${ideas.id})`,
      ),
    )
    .orderBy(asc(ideas.thresholdReachedAt))
    .all();
}

/** Other open ideas of the same council, as merge targets. */
export function mergeTargets(idea: IdeaRow) {
  return db
    .select({ id: ideas.id, title: ideas.title })
    .from(ideas)
    .where(
      and(
        ne(ideas.id, idea.id),
        isNull(ideas.hiddenAt),
        notInArray(ideas.status, ["merged", "rejected"]),
        idea.councilId === null ? isNull(ideas.councilId) : eq(ideas.councilId, idea.councilId),
      ),
    )
    .orderBy(desc(ideas.supportCount))
    .all();
}

// ------------------------------------------------------------------ supports

export function checkThreshold(tx: Tx, ideaId: number, at: string) {
  const idea = requireIdea(tx, ideaId);
  if (idea.thresholdReachedAt) return;
  const threshold = rulesInForce("town", at, tx).params.supportThreshold;
  if (idea.supportCount >= threshold) {
    tx.update(ideas).set({ thresholdReachedAt: at }).where(eq(ideas.id, ideaId)).run();
    notifyIdea(tx, ideaId, { kind: "threshold", at });
  }
}

function recount(tx: Tx, ideaId: number) {
  const n = tx.select({ n: count() }).from(supports).where(eq(supports.ideaId, ideaId)).get()?.n ?? 0;
  tx.update(ideas).set({ supportCount: n }).where(eq(ideas.id, ideaId)).run();
  return n;
}

function assertSupportable(idea: IdeaRow) {
  if (!isOpen(idea.status) || idea.hiddenAt) throw new DomainError("errors.ideaClosed", 409);
}

export function supportIdea(actor: MaybeActor, ideaId: number, opts: Clock = {}) {
  const at = iso(opts);
  return db.transaction((tx) => {
    const idea = requireIdea(tx, ideaId);
    const a = assertCanAs(actor, "idea.support", { councilId: idea.councilId });
    assertSupportable(idea);
    const inserted = tx.insert(supports).values({ ideaId, userId: a.userId, channel: "online", createdAt: at }).onConflictDoNothing().run();
    if (inserted.changes === 0) throw new DomainError("errors.alreadySupported", 409);
    recount(tx, ideaId);
    checkThreshold(tx, ideaId, at);
  });
}

export function withdrawSupport(actor: MaybeActor, ideaId: number) {
  return db.transaction((tx) => {
    const idea = requireIdea(tx, ideaId);
    const a = assertCanAs(actor, "idea.support", { councilId: idea.councilId });
    assertSupportable(idea);
    const removed = tx.delete(supports).where(and(eq(supports.ideaId, ideaId), eq(supports.userId, a.userId))).run();
    if (removed.changes === 0) throw new DomainError("errors.notSupported", 409);
    recount(tx, ideaId);
  });
}

/** Médiation: a support recorded by a facilitator for a named resident without an account. */
export function supportOnBehalf(actor: MaybeActor, ideaId: number, input: { onBehalfName: string; channel: "assisted" | "letter" }, opts: Clock = {}) {
  const at = iso(opts);
  return db.transaction((tx) => {
    const idea = requireIdea(tx, ideaId);
    const a = assertCanAs(actor, "idea.supportOnBehalf", { councilId: idea.councilId });
    assertSupportable(idea);
    const inserted = tx
      .insert(supports)
      .values({ ideaId, userId: null, onBehalfName: input.onBehalfName.trim(), channel: input.channel, recordedById: a.userId, createdAt: at })
      .onConflictDoNothing()
      .run();
    if (inserted.changes === 0) throw new DomainError("errors.alreadySupportedByName", 409, "onBehalfName");
    recount(tx, ideaId);
    checkThreshold(tx, ideaId, at);
  });
}

export function hasSupported(userId: string, ideaId: number) {
  return !!db.select({ id: supports.id }).from(supports).where(and(eq(supports.ideaId, ideaId), eq(supports.userId, userId))).get();
}

export function supportChannels(ideaId: number) {
  return db
    .select({ channel: supports.channel, n: count() })
    .from(supports)
    .where(eq(supports.ideaId, ideaId))
    .groupBy(supports.channel)
    .all();
}

export function followIdea(actor: MaybeActor, ideaId: number, on: boolean) {
  db.transaction((tx) => {
    const idea = requireIdea(tx, ideaId);
    const a = assertCanAs(actor, "idea.follow", { councilId: idea.councilId });
    if (on) follow(tx, a.userId, { kind: "idea", id: ideaId }, new Date().toISOString());
    else unfollow(tx, a.userId, { kind: "idea", id: ideaId });
  });
}

export function authorName(idea: Pick<IdeaRow, "authorId" | "onBehalfName">): string | null {
  if (idea.onBehalfName) return idea.onBehalfName;
  if (!idea.authorId) return null;
  return db.select({ n: publicName }).from(users).where(eq(users.id, idea.authorId)).get()?.n ?? null;
}

export function userNames(ids: string[]) {
  if (!ids.length) return new Map<string, string>();
  return new Map(db.select({ id: users.id, n: publicName }).from(users).where(inArray(users.id, ids)).all().filter((u) => u.n !== null).map((u) => [u.id, u.n!]));
}
