/** Meetings and minutes against a real database: versions, diffs, delays, agendas, calendars. */
import { count, eq } from "drizzle-orm";
import ical from "node-ical";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { meetings, minutesVersions, notifications } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { ForbiddenError } from "~/domain/errors";
import { ideasAwaitingAgenda, submitIdea, supportIdea } from "~/domain/ideas/ideas.server";
import { meetingsCalendar } from "~/domain/meetings/ical.server";
import { followCouncil, getMeeting, listMeetings, markHeld, minutesOf, proposedAgendaIdeas, publishAgenda, publishMinutes, scheduleMeeting } from "~/domain/meetings/meetings.server";
import { publishRuleVersion, rulesInForce } from "~/domain/rules/rules.server";
import * as newMeeting from "~/routes/meetings.new";
import * as agendaRoute from "~/routes/meetings.$id_.agenda";
import * as minutesRoute from "~/routes/meetings.$id_.minutes._index";
import * as diffRoute from "~/routes/meetings.$id_.minutes.diff";
import { demoTown, makeUser } from "../support/fixtures";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";

let centre: number;
let facilitator: Actor;
let facilitatorCookie: string;
let follower: Actor;
const DAY = 86_400_000;
const WHY =
  "Le bilan de l'année montre que les animateurs publient les comptes rendus en huit jours en moyenne : le délai promis aux habitants peut donc passer à dix jours sans difficulté pour les conseils.";

beforeAll(async () => {
  await demoTown();
  centre = getCouncilBySlug("centre-ville")!.id;
  facilitator = await makeUser({ name: "Anim Centre", roles: [{ role: "facilitator", councilId: centre }] });
  facilitatorCookie = await sessionCookieFor(facilitator.userId);
  follower = await makeUser({ name: "Fidèle" });
  followCouncil(follower, centre, true);
});

const past = (days: number) => {
  const d = new Date(Date.now() - days * DAY);
  return d.toISOString().slice(0, 10);
};

function heldMeeting(daysAgo = 3) {
  const m = scheduleMeeting(facilitator, { councilId: centre, title: `Réunion J-${daysAgo}`, startsAt: `${past(daysAgo)}T18:30`, endsAt: `${past(daysAgo)}T20:30`, placeName: "Salle des fêtes", address: "", accessibility: "" });
  markHeld(facilitator, m.id);
  return getMeeting(m.id)!;
}

describe("minutes", () => {
  it("keeps every version, immutable, with a change note, and tells followers", () => {
    const m = heldMeeting();
    publishMinutes(facilitator, m.id, { body: "Présents : 20 personnes. Le conseil adopte le plan de propreté.", attendanceCount: 20, changeNote: "" });
    expect(() => publishMinutes(facilitator, m.id, { body: "Présents : 22 personnes. Le conseil adopte le plan de propreté.", attendanceCount: 22, changeNote: "" })).toThrow(/changeNoteRequired/);
    publishMinutes(facilitator, m.id, { body: "Présents : 22 personnes. Le conseil adopte le plan de propreté.", attendanceCount: 22, changeNote: "Deux retardataires." });
    const versions = minutesOf(m.id);
    expect(versions.map((v) => [v.version, v.attendanceCount, v.changeNote])).toEqual([[1, 20, null], [2, 22, "Deux retardataires."]]);
    expect(() => sqlite().prepare("UPDATE minutes_versions SET body = 'x' WHERE meeting_id = ?").run(m.id)).toThrow(/never edited/);
    expect(() => sqlite().prepare("DELETE FROM minutes_versions WHERE meeting_id = ?").run(m.id)).toThrow(/cannot be deleted/);
    const kinds = db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.meetingId, m.id)).all().map((n) => n.kind);
    expect(kinds).toEqual(["minutes", "minutesChanged"]);
  });

  it("shows a word-level diff between versions", async () => {
    const m = heldMeeting();
    publishMinutes(facilitator, m.id, { body: "Le conseil adopte le plan de propreté pour la halle.", attendanceCount: 10, changeNote: "" });
    publishMinutes(facilitator, m.id, { body: "Le conseil adopte le plan de propreté et d'éclairage pour la halle.", attendanceCount: 10, changeNote: "Oubli." });
    const res = await run(diffRoute.loader, getRequest(`/meetings/${m.id}/minutes/diff?from=1&to=2`), { id: String(m.id) });
    const added = res.data.parts.filter((p: { kind: string }) => p.kind === "added").map((p: { text: string }) => p.text).join("");
    expect(added).toContain("et d'éclairage");
    expect(res.data.parts.filter((p: { kind: string }) => p.kind === "removed")).toEqual([]);
    expect((await run(diffRoute.loader, getRequest(`/meetings/${m.id}/minutes/diff?from=1&to=9`), { id: String(m.id) })).status).toBe(404);
  });

  it("computes the minutes deadline from the rules in force, and flags overdue minutes", async () => {
    const delay = rulesInForce().params.minutesDelayDays;
    const late = heldMeeting(delay + 5);
    expect(Date.parse(late.minutesDueAt!) - Date.parse(late.endsAt)).toBe(delay * DAY);
    expect(listMeetings({ councilId: centre, when: "past" }).find((m) => m.id === late.id)!.minutesOverdue).toBe(true);
    const recent = heldMeeting(1);
    expect(listMeetings({ councilId: centre, when: "past" }).find((m) => m.id === recent.id)!.minutesOverdue).toBe(false);
    // a new rulebook version changes the delay for meetings held afterwards
    const official = await makeUser({ roles: [{ role: "official", councilId: null }] });
    publishRuleVersion(official, { ...rulesInForce().params, minutesDelayDays: 10, scope: "town", title: "Charte", body: "Texte.", explanation: WHY });
    const after = heldMeeting(2);
    expect(after.minutesDelayDays).toBe(10);
    expect(getMeeting(late.id)!.minutesDelayDays).toBe(delay);
  });
});

describe("agenda", () => {
  it("proposes threshold ideas for the next agenda until they are on one", async () => {
    const threshold = rulesInForce().params.supportThreshold;
    const author = await makeUser();
    const idea = submitIdea(author, { title: "Fontaine à eau potable", body: "Une fontaine à eau potable sur la place, pour l'été.", theme: "public_space", councilId: centre, place: "" });
    for (let i = 0; i < threshold; i++) supportIdea(await makeUser(), idea.id);
    expect(proposedAgendaIdeas(centre).map((i) => i.id)).toContain(idea.id);
    const m = scheduleMeeting(facilitator, { councilId: centre, title: "Prochaine réunion", startsAt: "2030-01-15T18:30", endsAt: "2030-01-15T20:00", placeName: "Salle des fêtes", address: "", accessibility: "" });
    const page = await run(agendaRoute.loader, getRequest(`/meetings/${m.id}/agenda`, { cookie: facilitatorCookie }), { id: String(m.id) });
    expect(page.data.proposed.map((i: { id: number }) => i.id)).toContain(idea.id);
    expect(page.data.defaults.ideaIds).toContain(String(idea.id));
    publishAgenda(facilitator, m.id, { agenda: "1. Fontaine", ideaIds: [idea.id] });
    expect(ideasAwaitingAgenda(centre).map((i) => i.id)).not.toContain(idea.id);
    expect(db.select({ kind: notifications.kind }).from(notifications).where(eq(notifications.meetingId, m.id)).all()).toEqual([{ kind: "agenda" }]);
  });

  it("refuses unknown ideas and ideas of another council, keeping what was typed", async () => {
    const m = scheduleMeeting(facilitator, { councilId: centre, title: "Réunion test", startsAt: "2030-02-15T18:30", endsAt: "2030-02-15T20:00", placeName: "Salle", address: "", accessibility: "" });
    const other = submitIdea(await makeUser(), { title: "Idée des Coteaux", body: "Une idée qui concerne un autre quartier que le centre.", theme: "economy", councilId: getCouncilBySlug("les-coteaux")!.id, place: "" });
    const bad = await run(agendaRoute.action, formRequest(`/meetings/${m.id}/agenda`, { agenda: "1. Accueil", ideaIds: "99999" }, { cookie: facilitatorCookie }), { id: String(m.id) });
    expect(bad.status).toBe(400);
    expect(bad.data.error.ideaIds).toEqual(["errors.ideaUnknown"]);
    expect(bad.data.initialValue.agenda).toBe("1. Accueil");
    const foreign = await run(agendaRoute.action, formRequest(`/meetings/${m.id}/agenda`, { agenda: "1. Accueil", ideaIds: String(other.id) }, { cookie: facilitatorCookie }), { id: String(m.id) });
    expect(foreign.data.error.ideaIds).toEqual(["errors.ideaOtherCouncil"]);
    const empty = await run(agendaRoute.action, formRequest(`/meetings/${m.id}/agenda`, { agenda: "" }, { cookie: facilitatorCookie }), { id: String(m.id) });
    expect(empty.data.error.agenda).toEqual(["errors.required"]);
    expect(getMeeting(m.id)!.agendaPublishedAt).toBeNull();
  });
});

describe("forms", () => {
  it("refuses an end before the start and impossible dates, storing nothing", async () => {
    const before = db.select({ n: count() }).from(meetings).get()!.n;
    const base = { councilId: String(centre), title: "Réunion", placeName: "Salle", address: "", accessibility: "" };
    const backwards = await run(newMeeting.action, formRequest("/meetings/new", { ...base, startsAt: "2030-03-01T20:00", endsAt: "2030-03-01T18:00" }, { cookie: facilitatorCookie }));
    expect(backwards.status).toBe(400);
    expect(backwards.data.error.endsAt).toEqual(["errors.endBeforeStart"]);
    expect(backwards.data.initialValue.startsAt).toBe("2030-03-01T20:00");
    const impossible = await run(newMeeting.action, formRequest("/meetings/new", { ...base, startsAt: "2030-02-30T18:00", endsAt: "2030-03-01T20:00" }, { cookie: facilitatorCookie }));
    expect(impossible.data.error.startsAt).toEqual(["errors.dateTimeInvalid"]);
    const resident = await sessionCookieFor((await makeUser()).userId);
    expect((await run(newMeeting.action, formRequest("/meetings/new", { ...base, startsAt: "2030-03-01T18:00", endsAt: "2030-03-01T20:00" }, { cookie: resident }))).status).toBe(403);
    expect(db.select({ n: count() }).from(meetings).get()!.n).toBe(before);
  });

  it("refuses empty minutes and minutes before the meeting was held", async () => {
    const m = heldMeeting();
    const empty = await run(minutesRoute.action, formRequest(`/meetings/${m.id}/minutes`, { body: "", attendanceCount: "12" }, { cookie: facilitatorCookie }), { id: String(m.id) });
    expect(empty.status).toBe(400);
    expect(empty.data.error.body).toEqual(["errors.required"]);
    expect(empty.data.initialValue.attendanceCount).toBe("12");
    const notANumber = await run(minutesRoute.action, formRequest(`/meetings/${m.id}/minutes`, { body: "Compte rendu.", attendanceCount: "douze" }, { cookie: facilitatorCookie }), { id: String(m.id) });
    expect(notANumber.data.error.attendanceCount).toEqual(["errors.number"]);
    const future = scheduleMeeting(facilitator, { councilId: centre, title: "Future", startsAt: "2030-04-01T18:00", endsAt: "2030-04-01T20:00", placeName: "Salle", address: "", accessibility: "" });
    expect(() => markHeld(facilitator, future.id)).toThrow(/meetingNotStarted/);
    const notHeld = await run(minutesRoute.action, formRequest(`/meetings/${future.id}/minutes`, { body: "Compte rendu.", attendanceCount: "3" }, { cookie: facilitatorCookie }), { id: String(future.id) });
    expect(notHeld.status).toBe(409);
    expect(db.select({ n: count() }).from(minutesVersions).where(eq(minutesVersions.meetingId, m.id)).get()!.n).toBe(0);
    const elsewhere = await makeUser({ roles: [{ role: "facilitator", councilId: getCouncilBySlug("les-coteaux")!.id }] });
    expect(() => publishMinutes(elsewhere, m.id, { body: "x", attendanceCount: 1, changeNote: "" })).toThrow(ForbiddenError);
  });
});

describe("iCalendar", () => {
  it("is parsed back with the right times in Europe/Paris", () => {
    const winter = scheduleMeeting(facilitator, { councilId: centre, title: "Réunion d'hiver", startsAt: "2030-12-12T18:30", endsAt: "2030-12-12T20:30", placeName: "Salle des fêtes", address: "2 place de la Mairie", accessibility: "Accessible en fauteuil." });
    const summer = scheduleMeeting(facilitator, { councilId: centre, title: "Réunion d'été", startsAt: "2030-06-20T19:00", endsAt: "2030-06-20T21:00", placeName: "Parc", address: "", accessibility: "" });
    const saved = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = "https://participation.example";
    const text = meetingsCalendar({ townName: "Montclair", locale: "fr", council: { id: centre, name: "Centre-Ville", slug: "centre-ville" } });
    process.env.PUBLIC_URL = saved;
    expect(text).toContain("BEGIN:VTIMEZONE");
    expect(text).toContain("TZID:Europe/Paris");
    expect(text).toContain("DTSTART;TZID=Europe/Paris:20301212T183000");
    const parsed = ical.sync.parseICS(text);
    const events = Object.values(parsed).filter((e) => e?.type === "VEVENT") as ical.VEvent[];
    const w = events.find((e) => e.uid === `meeting-${winter.id}@conseil-ouvert`)!;
    const s = events.find((e) => e.uid === `meeting-${summer.id}@conseil-ouvert`)!;
    expect(w.start.toISOString()).toBe("2030-12-12T17:30:00.000Z"); // 18:30 in Paris, winter (UTC+1)
    expect(w.end!.toISOString()).toBe("2030-12-12T19:30:00.000Z");
    expect(s.start.toISOString()).toBe("2030-06-20T17:00:00.000Z"); // 19:00 in Paris, summer (UTC+2)
    expect((w.start as Date & { tz?: string }).tz).toBe("Europe/Paris");
    expect(w.location).toBe("Salle des fêtes, 2 place de la Mairie");
    expect(w.summary).toBe("Centre-Ville — Réunion d'hiver");
    const url = w.url as unknown as string | { val: string };
    expect(typeof url === "string" ? url : url.val).toBe(`https://participation.example/meetings/${winter.id}`);
  });
});
