/** Calendars stay valid iCalendar (RFC 5545: no control characters in TEXT) whatever was stored. */
import ical from "node-ical";
import { beforeAll, describe, expect, it } from "vitest";
import { scheduleMeeting } from "~/domain/meetings/meetings.server";
import * as ics from "~/routes/meetings[.]ics";
import { makeUser } from "../support/fixtures";
import { getRequest } from "../support/http";
import { makeCouncil, makeTown } from "../support/own-data";

let id: number;
beforeAll(async () => {
  makeTown();
  const council = makeCouncil("Nord\u0007");
  const facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: council.id }] });
  id = scheduleMeeting(facilitator, { councilId: council.id, title: "Bancs \u000b place du marché\u0000", startsAt: "2031-05-02T18:30", endsAt: "2031-05-02T20:00", placeName: "Salle\u001b des fêtes", address: "", accessibility: "Rampe\u0008 d'accès" }).id;
});

describe("calendar text", () => {
  it("drops control characters and parses back", async () => {
    const text = await (await ics.loader({ request: getRequest("/meetings.ics"), params: {}, context: {} })).text();
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f]/);
    const ev = Object.values(ical.sync.parseICS(text)).find((e) => e?.type === "VEVENT" && e.uid === `meeting-${id}@conseil-ouvert`) as ical.VEvent;
    expect(ev.summary).toBe("Nord — Bancs place du marché");
    expect(ev.location).toBe("Salle des fêtes");
  });
});
