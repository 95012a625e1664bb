/** Turns the demo meetings into timed events through the real domain functions. */
import type { Actor } from "~/domain/accounts/policy";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { cancelMeeting, markHeld, publishAgenda, publishMinutes, scheduleMeeting } from "~/domain/meetings/meetings.server";
import { DEMO_MEETINGS } from "./demo-meetings";
import type { SeedEvent } from "./seed-ideas.server";
import { localToUtc, utcToLocal } from "~/lib/time";

const DAY = 86_400_000;

function localDay(now: number, days: number, hhmm: string) {
  const date = utcToLocal(new Date(now + days * DAY).toISOString()).slice(0, 10);
  return `${date}T${hhmm}`;
}

export function meetingEvents(ctx: { now: number; facilitators: (councilId: number) => Actor; official: Actor }): SeedEvent[] {
  const events: SeedEvent[] = [];
  DEMO_MEETINGS.forEach((d) => {
    const council = getCouncilBySlug(d.council)!;
    const who = () => ctx.facilitators(council.id);
    const startsLocal = localDay(ctx.now, d.day, d.start);
    const starts = Date.parse(localToUtc(startsLocal));
    const ends = Date.parse(localToUtc(localDay(ctx.now, d.day, d.end)));
    const scheduledAt = Math.min(starts - 21 * DAY, ctx.now - 3 * DAY);
    let id = 0;
    events.push({
      at: scheduledAt,
      run: () => {
        id = scheduleMeeting(
          who(),
          { councilId: council.id, title: d.title, startsAt: startsLocal, endsAt: localDay(ctx.now, d.day, d.end), placeName: d.placeName, address: d.address, accessibility: d.accessibility },
          { now: new Date(scheduledAt) },
        ).id;
      },
    });
    if (d.agenda) {
      const at = Math.min(starts - 8 * DAY, ctx.now - 2 * DAY);
      events.push({ at, run: () => void publishAgenda(who(), id, { agenda: d.agenda!, ideaIds: [] }, { now: new Date(at) }) });
    }
    if (d.cancelled) {
      const at = starts - 2 * 3_600_000;
      events.push({ at, run: () => void cancelMeeting(who(), id, d.cancelled!, { now: new Date(at) }) });
    }
    if (d.held) {
      events.push({ at: ends + 3_600_000, run: () => void markHeld(who(), id, { now: new Date(ends + 3_600_000) }) });
      (d.minutes ?? []).forEach((m, i) => {
        const at = ends + m.afterDays * DAY;
        events.push({
          at,
          run: () => void publishMinutes(who(), id, { body: m.body, attendanceCount: m.attendance, changeNote: i ? d.changeNotes?.[i - 1] ?? "" : "" }, { now: new Date(at) }),
        });
      });
      if (d.decision) {
        const dec = d.decision;
        const at = ends + dec.afterDays * DAY;
        events.push({
          at,
          run: () =>
            void publishCouncilDecision(
              ctx.official,
              { councilId: council.id, title: dec.title, outcome: dec.outcome, explanation: dec.explanation, evidence: `/meetings/${id}#minutes Compte rendu : ${d.title}`, supersedes: null },
              { now: new Date(at) },
            ),
        });
      }
    }
  });
  return events;
}
