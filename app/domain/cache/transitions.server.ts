/**
 * When does a public page change without any write? At the next "time transition": a ballot
 * box opening or closing, an unanswered idea becoming overdue, a meeting starting or ending
 * (upcoming → past lists) or its minutes becoming due, a budget phase date, midnight in
 * Paris (day counts: "3 days left"), and every minute while a ballot box is open (turnout is
 * shown "as of" the minute; participations do not move the data version). The page cache keeps a page no longer than the next
 * one, so a cached page is never wrong about time either. Each query is served by an index.
 */
import { sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { TOWN_TZ, zoneOffsetMinutes } from "~/lib/time";

/** The next midnight on the town's clock after `now` (UTC ms). */
export function nextTownMidnight(now: number): number {
  const offset = zoneOffsetMinutes(now, TOWN_TZ) * 60_000;
  const local = now + offset;
  const midnightLocal = Math.floor(local / 86_400_000) * 86_400_000 + 86_400_000;
  // the offset at the next midnight may differ (DST): correct with the offset there
  return midnightLocal - zoneOffsetMinutes(midnightLocal - offset, TOWN_TZ) * 60_000;
}

/** Sources of time transitions: each returns the earliest instant strictly after `t` (ISO), or null. */
const SOURCES: ((t: string) => string | null)[] = [
  (t) => db.get<{ m: string | null }>(sql`SELECT min(opens_at) AS m FROM ballot_boxes WHERE opens_at > ${t}`)?.m ?? null,
  (t) => db.get<{ m: string | null }>(sql`SELECT min(closes_at) AS m FROM ballot_boxes WHERE closes_at > ${t} AND closed_at IS NULL`)?.m ?? null,
  (t) => db.get<{ m: string | null }>(sql`SELECT min(due_at) AS m FROM ideas WHERE answered_at IS NULL AND due_at > ${t}`)?.m ?? null,
  (t) => db.get<{ m: string | null }>(sql`SELECT min(starts_at) AS m FROM meetings WHERE starts_at > ${t}`)?.m ?? null,
  (t) => db.get<{ m: string | null }>(sql`SELECT min(ends_at) AS m FROM meetings WHERE ends_at > ${t}`)?.m ?? null,
  (t) => db.get<{ m: string | null }>(sql`SELECT min(minutes_due_at) AS m FROM meetings WHERE minutes_due_at > ${t}`)?.m ?? null,
  // while a box is open, turnout ("as of 14:05") is read again every minute
  (t) => (db.get(sql`SELECT 1 FROM ballot_boxes WHERE opens_at <= ${t} AND closes_at > ${t} AND closed_at IS NULL LIMIT 1`) ? nextMinute(t) : null),
];

function nextMinute(t: string): string {
  return new Date(Math.floor(Date.parse(t) / 60_000) * 60_000 + 60_000).toISOString();
}

/** Lets a capability add its own time transitions (budget phases…). */
export function addTransitionSource(source: (t: string) => string | null) {
  SOURCES.push(source);
}

/** The earliest instant after `now` at which some public page may change by time alone (UTC ms). */
export function nextTransition(now = Date.now()): number {
  const t = new Date(now).toISOString();
  let next = nextTownMidnight(now);
  for (const s of SOURCES) {
    const m = s(t);
    if (m) next = Math.min(next, Date.parse(m));
  }
  return next;
}
