/**
 * Structured links and indexes for pages that scanned at city scale (issue #13): the meeting
 * page reads the entries citing it from decision_meetings (no `evidence LIKE` over the whole
 * register), the council page's people come from role_assignments_council_idx, and /meetings
 * reads only each meeting's latest minutes version.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { councils, decisionMeetings, roleAssignments, users } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { councilPeople } from "~/domain/councils/councils.server";
import { publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { decisionsFromMeeting, listMeetings, markHeld, publishMinutes, scheduleMeeting } from "~/domain/meetings/meetings.server";
import { makeUser } from "../support/fixtures";
import { EXPLANATION, makeCouncil, makeRules, makeTown } from "../support/own-data";

let councilId: number;
let official: Actor;
let facilitator: Actor;
const meetingIds: number[] = [];

beforeAll(async () => {
  makeTown();
  councilId = makeCouncil().id;
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  facilitator = await makeUser({ name: "Zoé Animatrice", roles: [{ role: "facilitator", councilId }] });
  await makeRules({}, official);
  for (let i = 0; i < 12; i++) {
    const m = scheduleMeeting(facilitator, { councilId, title: `Réunion ${i}`, startsAt: `2026-01-${String(i + 5).padStart(2, "0")}T18:00`, endsAt: `2026-01-${String(i + 5).padStart(2, "0")}T20:00`, placeName: "Salle", address: "", accessibility: "" });
    markHeld(facilitator, m.id);
    meetingIds.push(m.id);
  }
});

const plan = (query: string, ...params: unknown[]) => (sqlite().prepare(`EXPLAIN QUERY PLAN ${query}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(" | ");

describe("entries citing a meeting", () => {
  it("are found through decision_meetings, for /meetings/N and /meetings/N#…, never N0 or N/…", () => {
    const [a, b] = [meetingIds[0]!, meetingIds[1]!];
    const ten = meetingIds.find((id) => String(id).startsWith(String(a)) && id !== a);
    const one = publishCouncilDecision(official, { councilId, title: "Bancs", outcome: "adopted", explanation: EXPLANATION, evidence: `/meetings/${a}#minutes Compte rendu`, supersedes: null });
    const two = publishCouncilDecision(official, { councilId, title: "Arbres", outcome: "adopted", explanation: EXPLANATION, evidence: `/meetings/${a} Réunion\n/meetings/${b}/minutes Versions`, supersedes: null });
    const other = publishCouncilDecision(official, { councilId, title: "Fontaine", outcome: "adopted", explanation: EXPLANATION, evidence: `/meetings/${a}0 Autre réunion`, supersedes: null });
    expect(decisionsFromMeeting(a).map((d) => d.seq)).toEqual([one.seq, two.seq]);
    expect(decisionsFromMeeting(b)).toEqual([]);
    if (ten) expect(decisionsFromMeeting(ten).map((d) => d.seq)).toEqual([other.seq]);
    expect(db.select().from(decisionMeetings).where(eq(decisionMeetings.decisionSeq, other.seq)).all()).toEqual([{ meetingId: Number(`${a}0`), decisionSeq: other.seq }]);
    expect(decisionsFromMeeting(a)[0]).toMatchObject({ subjectTitle: "Bancs", evidence: expect.stringContaining(`/meetings/${a}#minutes`) });
    expect(plan("SELECT d.* FROM decision_meetings dm JOIN decisions d ON d.seq = dm.decision_seq WHERE dm.meeting_id = ? ORDER BY dm.decision_seq", a)).not.toMatch(/SCAN d\b|SCAN decisions/);
  });
});

describe("council people", () => {
  it("are read through role_assignments_council_idx", () => {
    expect(councilPeople(councilId).map((p) => p.displayName)).toContain("Zoé Animatrice");
    const q = db
      .select({ role: roleAssignments.role, displayName: users.displayName })
      .from(roleAssignments)
      .innerJoin(users, eq(users.id, roleAssignments.userId))
      .where(eq(roleAssignments.councilId, councilId))
      .toSQL();
    expect(plan(q.sql, ...q.params)).toMatch(/role_assignments_council_idx/);
    expect(db.select().from(councils).where(eq(councils.id, councilId)).get()).toBeTruthy();
  });
});

describe("/meetings", () => {
  it("shows each meeting's latest minutes version", () => {
    const m = meetingIds[2]!;
    publishMinutes(facilitator, m, { body: "Présents : 12 personnes. Premier compte rendu.", attendanceCount: 12, changeNote: "" });
    publishMinutes(facilitator, m, { body: "Présents : 13 personnes. Compte rendu corrigé.", attendanceCount: 13, changeNote: "Une personne oubliée." });
    const rows = listMeetings({ councilId, when: "past", now: new Date("2026-06-01T00:00:00Z") });
    expect(rows.find((r) => r.id === m)!.versions).toBe(2);
    expect(rows.find((r) => r.id === meetingIds[3])!.versions).toBe(0);
  });
});
