/** Meetings and minutes as open data (JSON with every minutes version, CSV), and the calendar. */
import { asc, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { councils, meetings, minutesVersions } from "#db/schema";
import { toCsv } from "~/lib/csv";
import type { Dataset } from "../opendata/types";
import { meetingsCalendar } from "./ical.server";

function all() {
  const rows = db
    .select({ m: meetings, council: councils.name })
    .from(meetings)
    .innerJoin(councils, eq(councils.id, meetings.councilId))
    .orderBy(asc(meetings.startsAt))
    .all();
  const versions = db.select().from(minutesVersions).orderBy(asc(minutesVersions.meetingId), asc(minutesVersions.version)).all();
  return rows.map(({ m, council }) => ({
    id: m.id,
    council,
    title: m.title,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    place: m.placeName,
    address: m.address,
    accessibility: m.accessibility,
    status: m.status,
    cancelReason: m.cancelReason,
    agenda: m.agendaPublishedAt ? m.agenda : null,
    agendaPublishedAt: m.agendaPublishedAt,
    minutesDueAt: m.minutesDueAt,
    minutes: versions
      .filter((v) => v.meetingId === m.id)
      .map((v) => ({ version: v.version, publishedAt: v.publishedAt, attendanceCount: v.attendanceCount, changeNote: v.changeNote, body: v.body })),
  }));
}

export const meetingDatasets: Dataset[] = [
  {
    file: "meetings.json",
    titleKey: "openData.sets.meetingsJson.title",
    descriptionKey: "openData.sets.meetingsJson.description",
    format: "JSON",
    contentType: "application/json; charset=utf-8",
    produce: () => JSON.stringify(all(), null, 1),
  },
  {
    file: "meetings.csv",
    titleKey: "openData.sets.meetingsCsv.title",
    descriptionKey: "openData.sets.meetingsCsv.description",
    format: "CSV",
    contentType: "text/csv; charset=utf-8",
    produce: () =>
      toCsv(
        ["id", "council", "title", "starts_at", "ends_at", "place", "status", "agenda_published_at", "minutes_due_at", "minutes_versions", "minutes_published_at", "attendance", "minutes"],
        all().map((m) => {
          const last = m.minutes[m.minutes.length - 1];
          return [m.id, m.council, m.title, m.startsAt, m.endsAt, m.place, m.status, m.agendaPublishedAt, m.minutesDueAt, m.minutes.length, last?.publishedAt, last?.attendanceCount, last?.body];
        }),
      ),
  },
  {
    file: "meetings.ics",
    href: "/meetings.ics",
    titleKey: "openData.sets.meetingsIcs.title",
    descriptionKey: "openData.sets.meetingsIcs.description",
    format: "iCalendar",
    contentType: "text/calendar; charset=utf-8",
    produce: (ctx) => meetingsCalendar(ctx),
  },
];
