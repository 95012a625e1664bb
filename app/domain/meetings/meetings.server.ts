/**
 * Council meetings: scheduling, the agenda (markdown with linked ideas, threshold ideas
 * proposed first), "I will come", holding or cancelling, and the minutes — versioned, never
 * edited, each correction with a change note — due a number of days after the meeting set
 * by the rules in force. Followers of the council get notification events.
 */
import { and, asc, count, desc, eq, getTableColumns, gt, inArray, lte, sql } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import { councils, decisionMeetings, decisions, ideas, meetingAgendaIdeas, meetingAttendees, meetings, minutesVersions } from "#db/schema";
import { follow, isFollowing, notify, unfollow } from "../notifications/notify.server";
import { assertCanAs, type MaybeActor } from "../accounts/policy";
import { DomainError, NotFoundError } from "../errors";
import { ideasAwaitingAgenda } from "../ideas/ideas.server";
import { ideaRef, ideaRefColumns } from "../moderation/visibility.server";
import { addDays } from "../ideas/lifecycle";
import { rulesInForce } from "../rules/in-force.server";
import { resolveLocal } from "~/lib/time";
import type { AgendaInput, MeetingInput, MinutesInput } from "./schemas";

export type MeetingRow = typeof meetings.$inferSelect;
type Clock = { now?: Date };
const iso = (o: Clock) => (o.now ?? new Date()).toISOString();

function requireMeeting(tx: Tx, id: number): MeetingRow {
  const m = tx.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!m) throw new NotFoundError();
  return m;
}

export function getMeeting(id: number) {
  return db.select().from(meetings).where(eq(meetings.id, id)).get() ?? null;
}

/** Tells everyone following the meeting's council (and those who said they would come). */
function notifyMeeting(tx: Tx, m: MeetingRow, kind: "agenda" | "agendaChanged" | "minutes" | "minutesChanged" | "cancelled", at: string, except: string) {
  const coming = tx.select({ u: meetingAttendees.userId }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, m.id)).all();
  notify(tx, {
    kind,
    at,
    title: m.title,
    link: `/meetings/${m.id}${kind.startsWith("minutes") ? "#minutes" : ""}`,
    councilId: m.councilId,
    followersOf: [{ kind: "council", id: m.councilId }],
    to: kind === "cancelled" ? coming.map((c) => c.u) : [],
    except,
    refs: { meetingId: m.id },
  });
}

/** Both times resolved on the town's clock; a missing or doubled wall time is the form's error. */
function times(input: MeetingInput) {
  const at = (field: "startsAt" | "endsAt") => {
    const r = resolveLocal(input[field]);
    if (r.ok) return r.utc;
    throw new DomainError(r.problem === "missing" ? "errors.timeMissing" : r.problem === "ambiguous" ? "errors.timeAmbiguous" : "errors.dateTimeInvalid", 400, field);
  };
  return { startsAt: at("startsAt"), endsAt: at("endsAt") };
}

export function scheduleMeeting(actor: MaybeActor, input: MeetingInput, opts: Clock = {}): MeetingRow {
  const a = assertCanAs(actor, "meeting.manage", { councilId: input.councilId });
  const at = iso(opts);
  return db.transaction((tx) => {
    if (!tx.select({ id: councils.id }).from(councils).where(eq(councils.id, input.councilId)).get()) {
      throw new DomainError("errors.councilUnknown", 400, "councilId");
    }
    const { councilId, title, placeName, address, accessibility } = input;
    return tx
      .insert(meetings)
      .values({ councilId, title, placeName, address, accessibility, ...times(input), createdById: a.userId, createdAt: at, updatedAt: at })
      .returning()
      .get();
  });
}

export function updateMeeting(actor: MaybeActor, id: number, input: MeetingInput, opts: Clock = {}) {
  return db.transaction((tx) => {
    const m = requireMeeting(tx, id);
    assertCanAs(actor, "meeting.manage", { councilId: m.councilId });
    if (input.councilId !== m.councilId) throw new DomainError("errors.meetingCouncilFixed", 400, "councilId");
    if (m.status !== "scheduled") throw new DomainError("errors.meetingClosed", 409);
    const { title, placeName, address, accessibility } = input;
    return tx.update(meetings).set({ title, placeName, address, accessibility, ...times(input), updatedAt: iso(opts) }).where(eq(meetings.id, id)).returning().get();
  });
}

/** Publishes (or updates) the agenda and its linked ideas; followers are told. */
export function publishAgenda(actor: MaybeActor, id: number, input: AgendaInput, opts: Clock = {}) {
  const at = iso(opts);
  return db.transaction((tx) => {
    const m = requireMeeting(tx, id);
    const a = assertCanAs(actor, "meeting.manage", { councilId: m.councilId });
    if (m.status === "cancelled") throw new DomainError("errors.meetingClosed", 409);
    const ids = [...new Set(input.ideaIds)];
    if (ids.length) {
      const found = tx.select({ id: ideas.id, councilId: ideas.councilId }).from(ideas).where(inArray(ideas.id, ids)).all();
      if (found.length !== ids.length) throw new DomainError("errors.ideaUnknown", 400, "ideaIds");
      if (found.some((i) => i.councilId !== m.councilId && i.councilId !== null)) throw new DomainError("errors.ideaOtherCouncil", 400, "ideaIds");
    }
    tx.delete(meetingAgendaIdeas).where(eq(meetingAgendaIdeas.meetingId, id)).run();
    for (const ideaId of ids) tx.insert(meetingAgendaIdeas).values({ meetingId: id, ideaId }).run();
    const first = !m.agendaPublishedAt;
    tx.update(meetings).set({ agenda: input.agenda, agendaPublishedAt: m.agendaPublishedAt ?? at, updatedAt: at }).where(eq(meetings.id, id)).run();
    notifyMeeting(tx, m, first ? "agenda" : "agendaChanged", at, a.userId);
  });
}

/** Records the meeting as held; the minutes' deadline comes from the rules in force now. */
export function markHeld(actor: MaybeActor, id: number, opts: Clock = {}) {
  const now = opts.now ?? new Date();
  return db.transaction((tx) => {
    const m = requireMeeting(tx, id);
    assertCanAs(actor, "meeting.manage", { councilId: m.councilId });
    if (m.status !== "scheduled") throw new DomainError("errors.meetingClosed", 409);
    if (Date.parse(m.startsAt) > now.getTime()) throw new DomainError("errors.meetingNotStarted", 409);
    const delay = rulesInForce("town", now, tx).params.minutesDelayDays;
    return tx
      .update(meetings)
      .set({ status: "held", heldAt: now.toISOString(), minutesDelayDays: delay, minutesDueAt: addDays(m.endsAt, delay), updatedAt: now.toISOString() })
      .where(eq(meetings.id, id))
      .returning()
      .get();
  });
}

export function cancelMeeting(actor: MaybeActor, id: number, reason: string, opts: Clock = {}) {
  const at = iso(opts);
  return db.transaction((tx) => {
    const m = requireMeeting(tx, id);
    const a = assertCanAs(actor, "meeting.manage", { councilId: m.councilId });
    if (m.status !== "scheduled") throw new DomainError("errors.meetingClosed", 409);
    tx.update(meetings).set({ status: "cancelled", cancelReason: reason, updatedAt: at }).where(eq(meetings.id, id)).run();
    notifyMeeting(tx, m, "cancelled", at, a.userId);
  });
}

/** Publishes minutes: version 1, or a new version that must say what changed and why. */
export function publishMinutes(actor: MaybeActor, id: number, input: MinutesInput, opts: Clock = {}) {
  const at = iso(opts);
  return db.transaction((tx) => {
    const m = requireMeeting(tx, id);
    const a = assertCanAs(actor, "meeting.manage", { councilId: m.councilId });
    if (m.status !== "held") throw new DomainError("errors.minutesNotHeld", 409);
    const last = tx.select().from(minutesVersions).where(eq(minutesVersions.meetingId, id)).orderBy(desc(minutesVersions.version)).limit(1).get();
    if (last && !input.changeNote) throw new DomainError("errors.changeNoteRequired", 400, "changeNote");
    if (last && last.body === input.body && last.attendanceCount === input.attendanceCount) throw new DomainError("errors.nothingChanged", 400, "body");
    const row = tx
      .insert(minutesVersions)
      .values({
        meetingId: id,
        version: (last?.version ?? 0) + 1,
        body: input.body,
        attendanceCount: input.attendanceCount,
        changeNote: last ? input.changeNote : null,
        publishedAt: at,
        publishedById: a.userId,
        publishedByName: a.displayName,
      })
      .returning()
      .get();
    notifyMeeting(tx, m, last ? "minutesChanged" : "minutes", at, a.userId);
    return row;
  });
}

export function setAttendance(actor: MaybeActor, id: number, coming: boolean, opts: Clock = {}) {
  return db.transaction((tx) => {
    const m = requireMeeting(tx, id);
    const a = assertCanAs(actor, "meeting.attend", { councilId: m.councilId });
    if (m.status !== "scheduled") throw new DomainError("errors.meetingClosed", 409);
    if (coming) tx.insert(meetingAttendees).values({ meetingId: id, userId: a.userId, createdAt: iso(opts) }).onConflictDoNothing().run();
    else tx.delete(meetingAttendees).where(and(eq(meetingAttendees.meetingId, id), eq(meetingAttendees.userId, a.userId))).run();
  });
}

export function followCouncil(actor: MaybeActor, councilId: number, on: boolean, opts: Clock = {}) {
  const a = assertCanAs(actor, "council.follow", { councilId });
  db.transaction((tx) => {
    if (on) follow(tx, a.userId, { kind: "council", id: councilId }, iso(opts));
    else unfollow(tx, a.userId, { kind: "council", id: councilId });
  });
}

export function followsCouncil(userId: string, councilId: number) {
  return isFollowing(userId, { kind: "council", id: councilId });
}

// ------------------------------------------------------------------ reading

export function minutesOverdue(m: Pick<MeetingRow, "status" | "minutesDueAt">, hasMinutes: boolean, now = new Date()) {
  return m.status === "held" && !hasMinutes && !!m.minutesDueAt && Date.parse(m.minutesDueAt) < now.getTime();
}

export function minutesOf(meetingId: number) {
  return db.select().from(minutesVersions).where(eq(minutesVersions.meetingId, meetingId)).orderBy(asc(minutesVersions.version)).all();
}

export function minutesVersion(meetingId: number, version: number) {
  return db.select().from(minutesVersions).where(and(eq(minutesVersions.meetingId, meetingId), eq(minutesVersions.version, version))).get() ?? null;
}

/** Ideas linked from the agenda; one hidden by moderation since comes with its notice, not its title. */
export function agendaIdeas(meetingId: number) {
  return db
    .select({ ...ideaRefColumns, status: ideas.status, supportCount: ideas.supportCount })
    .from(meetingAgendaIdeas)
    .innerJoin(ideas, eq(ideas.id, meetingAgendaIdeas.ideaId))
    .where(eq(meetingAgendaIdeas.meetingId, meetingId))
    .orderBy(asc(ideas.id))
    .all()
    .map((r) => ({ ...ideaRef(r)!, status: r.status, supportCount: r.supportCount }));
}

export function attendeeCount(meetingId: number) {
  return db.select({ n: count() }).from(meetingAttendees).where(eq(meetingAttendees.meetingId, meetingId)).get()?.n ?? 0;
}

export function isComing(userId: string, meetingId: number) {
  return !!db.select({ u: meetingAttendees.userId }).from(meetingAttendees).where(and(eq(meetingAttendees.meetingId, meetingId), eq(meetingAttendees.userId, userId))).get();
}

/**
 * Register entries that cite this meeting (an evidence link to /meetings/N or /meetings/N#…),
 * through decision_meetings, which a trigger fills from `evidence` on insert (migration 0021).
 */
export function decisionsFromMeeting(meetingId: number) {
  return db
    .select(getTableColumns(decisions))
    .from(decisionMeetings)
    .innerJoin(decisions, eq(decisions.seq, decisionMeetings.decisionSeq))
    .where(eq(decisionMeetings.meetingId, meetingId))
    .orderBy(asc(decisionMeetings.decisionSeq))
    .all();
}

/** Meetings with their council and whether minutes exist, for calendars and lists. */
export function listMeetings(opts: { councilId?: number; when: "upcoming" | "past"; limit?: number; now?: Date }) {
  const now = (opts.now ?? new Date()).toISOString();
  const rows = db
    .select({
      id: meetings.id,
      councilId: meetings.councilId,
      councilName: councils.name,
      councilSlug: councils.slug,
      title: meetings.title,
      startsAt: meetings.startsAt,
      endsAt: meetings.endsAt,
      placeName: meetings.placeName,
      address: meetings.address,
      accessibility: meetings.accessibility,
      status: meetings.status,
      cancelReason: meetings.cancelReason,
      agendaPublishedAt: meetings.agendaPublishedAt,
      minutesDueAt: meetings.minutesDueAt,
      // the latest version of each listed meeting only, read from minutes_versions_unique
      versions: sql<number | null>`(SELECT max(${minutesVersions.version}) FROM ${minutesVersions} WHERE ${minutesVersions.meetingId} = ${meetings.id})`,
    })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .where(and(opts.councilId !== undefined ? eq(meetings.councilId, opts.councilId) : undefined, opts.when === "upcoming" ? gt(meetings.endsAt, now) : lte(meetings.endsAt, now)))
    .orderBy(opts.when === "upcoming" ? asc(meetings.startsAt) : desc(meetings.startsAt))
    .limit(opts.limit ?? 200)
    .all();
  return rows.map((r) => ({ ...r, versions: r.versions ?? 0, minutesOverdue: minutesOverdue(r, (r.versions ?? 0) > 0, opts.now) }));
}

/** Threshold ideas proposed for a meeting's agenda: those of its council not yet on any agenda. */
export function proposedAgendaIdeas(councilId: number) {
  return ideasAwaitingAgenda(councilId);
}

/** The next scheduled meeting of a council (threshold ideas are proposed for it). */
export function nextMeeting(councilId: number, now = new Date()) {
  return (
    db
      .select()
      .from(meetings)
      .where(and(eq(meetings.councilId, councilId), eq(meetings.status, "scheduled"), gt(meetings.startsAt, now.toISOString())))
      .orderBy(asc(meetings.startsAt))
      .limit(1)
      .get() ?? null
  );
}
