/** iCalendar feeds of council meetings (town-wide or one council), in Europe/Paris time. */
import { getVtimezoneComponent } from "@touch4it/ical-timezones";
import ical, { ICalEventStatus } from "ical-generator";
import { DateTime } from "luxon";
import { absoluteUrl } from "~/config/site.server";
import { markdownToText } from "~/lib/markdown";
import { normalizeText } from "~/lib/text";
import { TOWN_TZ } from "~/lib/time";
import { listMeetings } from "./meetings.server";

export function meetingsCalendar(opts: { townName: string; council?: { id: number; name: string; slug: string }; locale: "fr" | "en" }) {
  const name = opts.council ? `${opts.council.name} — ${opts.townName}` : opts.locale === "fr" ? `Conseils de quartier — ${opts.townName}` : `Neighbourhood councils — ${opts.townName}`;
  const cal = ical({
    name,
    prodId: { company: "Conseil Ouvert", product: "meetings", language: opts.locale.toUpperCase() },
    timezone: { name: TOWN_TZ, generator: getVtimezoneComponent },
    url: absoluteUrl(opts.council ? `/councils/${opts.council.slug}` : "/meetings"),
    ttl: 3600,
  });
  const all = [...listMeetings({ councilId: opts.council?.id, when: "past", limit: 100 }), ...listMeetings({ councilId: opts.council?.id, when: "upcoming" })];
  for (const m of all) {
    const url = absoluteUrl(`/meetings/${m.id}`);
    cal.createEvent({
      id: `meeting-${m.id}@conseil-ouvert`,
      // Luxon dates carry their zone, so ical-generator writes the town's wall-clock time
      // with TZID=Europe/Paris (a native Date would be read in the server's zone).
      start: DateTime.fromISO(m.startsAt, { zone: TOWN_TZ }),
      end: DateTime.fromISO(m.endsAt, { zone: TOWN_TZ }),
      timezone: TOWN_TZ,
      // RFC 5545 TEXT allows no control character but tab (line breaks are escaped by the
      // library): stored text from before input normalisation may still hold some.
      summary: normalizeText(`${m.councilName} — ${m.title}`, { singleLine: true }),
      location: normalizeText([m.placeName, m.address].filter(Boolean).join(", "), { singleLine: true }),
      description: normalizeText([m.accessibility ? markdownToText(m.accessibility) : "", m.status === "cancelled" ? `Annulée / Cancelled: ${m.cancelReason ?? ""}` : "", url].filter(Boolean).join("\n\n")),
      url,
      status: m.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
