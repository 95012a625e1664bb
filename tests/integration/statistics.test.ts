/**
 * Statistics and the dashboard against hand-computed figures on data this test creates;
 * figures on fewer than 5 people are not shown per council; every statistics query is read
 * from an index.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { ideas, reports } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { answerIdea } from "~/domain/ideas/answers.server";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { markHeld, publishMinutes, scheduleMeeting } from "~/domain/meetings/meetings.server";
import { dashboard } from "~/domain/stats/dashboard.server";
import { median, statistics } from "~/domain/stats/statistics.server";
import * as statsRoute from "~/routes/statistics";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { getRequest, run } from "../support/http";

const DAY = 86_400_000;
const now = new Date();
const ago = (d: number) => new Date(now.getTime() - d * DAY);
const WHY = "Le conseil a étudié cette idée avec les services techniques : elle est réalisable dans le budget de l'année, les travaux commenceront au printemps après concertation des riverains.";

let big: { id: number; name: string };
let small: { id: number; name: string };
let official: Actor;
let facilitatorBig: Actor;
let bigIdeas: number[] = [];

beforeAll(async () => {
  emptyTown();
  big = makeCouncil("Grand conseil");
  small = makeCouncil("Petit conseil");
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  facilitatorBig = await makeUser({ roles: [{ role: "facilitator", councilId: big.id }] });
  // big council: 6 ideas by 6 people (default delay: the rules' answer_delay_days)
  for (let i = 0; i < 6; i++) {
    const author = await makeUser();
    bigIdeas.push(submitIdea(author, { title: `Idée ${i}`, body: "Un texte assez long pour passer.", theme: "mobility", place: "", councilId: big.id }, { now: ago(40 - i) }).id);
  }
  // answered after 10, 20 and 50 days (the last one late if the delay is 30 days)
  answerIdea(official, bigIdeas[0]!, { status: "accepted", explanation: WHY, cites: [], ruleVersion: null }, { now: new Date(ago(40).getTime() + 10 * DAY) });
  answerIdea(official, bigIdeas[1]!, { status: "rejected", explanation: WHY, cites: [], ruleVersion: null }, { now: new Date(ago(39).getTime() + 20 * DAY) });
  // small council: 2 ideas by the same person
  const lone = await makeUser();
  submitIdea(lone, { title: "Seule A", body: "Un texte assez long pour passer.", theme: "culture", place: "", councilId: small.id }, { now: ago(5) });
  submitIdea(lone, { title: "Seule B", body: "Un texte assez long pour passer.", theme: "culture", place: "", councilId: small.id }, { now: ago(4) });
  // meetings in the big council: one with minutes on time, one without (overdue)
  const day = (d: number) => ago(d).toISOString().slice(0, 10);
  const m1 = scheduleMeeting(facilitatorBig, { councilId: big.id, title: "Réunion un", startsAt: `${day(30)}T18:00`, endsAt: `${day(30)}T20:00`, placeName: "Salle", address: "", accessibility: "" });
  markHeld(facilitatorBig, m1.id, { now: ago(29) });
  publishMinutes(facilitatorBig, m1.id, { body: "Compte rendu de la réunion un, avec les présents.", attendanceCount: 9, changeNote: "" }, { now: ago(28) });
  const m2 = scheduleMeeting(facilitatorBig, { councilId: big.id, title: "Réunion deux", startsAt: `${day(60)}T18:00`, endsAt: `${day(60)}T20:00`, placeName: "Salle", address: "", accessibility: "" });
  markHeld(facilitatorBig, m2.id, { now: ago(59) });
  db.insert(reports).values({ subjectKind: "idea", subjectId: bigIdeas[2]!, councilId: big.id, reason: "Propos déplacés", createdAt: ago(1).toISOString() }).run();
});

describe("statistics", () => {
  it("matches hand-computed figures, town-wide and per council", () => {
    const s = statistics(now);
    const ideasSec = s.sections.find((x) => x.id === "ideas")!;
    const fig = (f: { figures: { key: string; value: number | null }[] }, k: string) => f.figures.find((x) => x.key === k)!.value;
    expect(fig(ideasSec.town, "ideasReceived")).toBe(8);
    expect(fig(ideasSec.town, "ideasAnswered")).toBe(2);
    const rows = db.select().from(ideas).where(eq(ideas.councilId, big.id)).all().filter((r) => r.answeredAt);
    const inTime = rows.filter((r) => r.answeredInTime).length;
    expect(fig(ideasSec.town, "answeredInTime")).toBeCloseTo(inTime / 2);
    expect(fig(ideasSec.town, "medianDays")).toBeCloseTo(15, 5); // median of 10 and 20
    expect(ideasSec.town.people).toBe(7);
    const bigRow = ideasSec.councils.find((c) => c.councilId === big.id)!;
    expect([bigRow.suppressed, fig(bigRow, "ideasReceived"), fig(bigRow, "ideasAnswered")]).toEqual([false, 6, 2]);
    // one person in the small council: not shown
    const smallRow = ideasSec.councils.find((c) => c.councilId === small.id)!;
    expect(smallRow.suppressed).toBe(true);
    expect(smallRow.figures.every((f) => f.value === null)).toBe(true);
    // monthly series sum to the totals received within the window
    const recv = ideasSec.series.find((x) => x.key === "ideasReceived")!;
    expect(recv.values.reduce((a, b) => a! + b!, 0)).toBe(8);
    const meet = s.sections.find((x) => x.id === "meetings")!;
    expect(fig(meet.town, "meetingsHeld")).toBe(2);
    expect(fig(meet.town, "minutesOnTime")).toBeCloseTo(0.5);
    expect(median([3, 1, 2])).toBe(2);
  });

  it("renders the page with charts, text alternatives and tables; a small council shows no charts", async () => {
    const res = await run(statsRoute.loader, getRequest("/statistics"));
    expect(res.status).toBe(200);
    const one = await run(statsRoute.loader, getRequest(`/statistics?council=${encodeURIComponent(db.select().from((await import("#db/schema")).councils).where(eq((await import("#db/schema")).councils.id, small.id)).get()!.slug)}`));
    expect(one.data.stats.sections.find((x: { id: string }) => x.id === "ideas").series).toEqual([]);
  });

  it("the triggers keep the idea statistics equal to a full recount", () => {
    const kept = sqlite().prepare("SELECT council_key, month, received, answered, in_time FROM idea_monthly_stats WHERE received > 0 OR answered > 0 ORDER BY 1, 2").all();
    const recount = sqlite()
      .prepare(
        `SELECT c AS council_key, m AS month, sum(r) AS received, sum(a) AS answered, sum(t) AS in_time FROM (
           SELECT coalesce(council_id, 0) c, substr(submitted_at, 1, 7) m, 1 r, 0 a, 0 t FROM ideas
           UNION ALL SELECT coalesce(council_id, 0), substr(answered_at, 1, 7), 0, 1, coalesce(answered_in_time, 0) FROM ideas WHERE answered_at IS NOT NULL
         ) GROUP BY 1, 2 ORDER BY 1, 2`,
      )
      .all();
    expect(kept).toEqual(recount);
    const people = sqlite().prepare("SELECT count(*) n FROM idea_authors WHERE council_key = ?").get(big.id);
    expect(people).toEqual({ n: 6 });
  });

  it("reads every statistics query from an index", () => {
    const statements = [
      "SELECT council_key AS c, month AS m, received, answered, in_time AS inTime FROM idea_monthly_stats ORDER BY council_key, month",
      "SELECT council_key AS c, days, n FROM idea_answer_days ORDER BY council_key, days",
      "SELECT council_key AS c, count(*) AS n FROM idea_authors GROUP BY council_key",
      "SELECT count(DISTINCT person) AS n FROM idea_authors",
      "SELECT m.council_id AS c, substr(m.starts_at, 1, 7) AS m, m.minutes_due_at AS due, (SELECT min(v.published_at) FROM minutes_versions v INDEXED BY minutes_versions_published_idx WHERE v.meeting_id = m.id) AS first FROM meetings m INDEXED BY meetings_stats_idx WHERE m.status = 'held'",
    ];
    for (const q of statements) {
      const plan = sqlite().prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[];
      for (const p of plan) if (/^SCAN /.test(p.detail)) expect(p.detail, q).toMatch(/USING (COVERING )?INDEX/);
      expect(plan.some((p) => /COVERING INDEX|USING INDEX/.test(p.detail)), q).toBe(true);
    }
  });
});

describe("dashboard", () => {
  it("lists, for a council's facilitator, what waits in that council, oldest first", () => {
    const d = dashboard(facilitatorBig, now);
    const ids = d.sections.map((s) => s.id);
    expect(ids).toEqual(["ideasAwaiting", "minutesOverdue", "reportsOpen", "lettersToPrint", "paperBallots"]);
    const awaiting = d.sections.find((s) => s.id === "ideasAwaiting")!;
    expect(awaiting.total).toBe(4); // 6 big-council ideas minus 2 answered; the small council is not theirs
    expect(awaiting.items.map((i) => i.label)).toEqual(["Idée 2", "Idée 3", "Idée 4", "Idée 5"]);
    const dueOf = (n: number) => Date.parse(db.select().from(ideas).where(eq(ideas.id, bigIdeas[n]!)).get()!.dueAt);
    expect(awaiting.items[0]!.days).toBe(Math.floor((dueOf(2) - now.getTime()) / DAY));
    const minutes = d.sections.find((s) => s.id === "minutesOverdue")!;
    expect(minutes.items.map((i) => i.label)).toEqual(["Réunion deux"]);
    expect(minutes.items[0]!.days).toBeLessThan(0);
    expect(d.sections.find((s) => s.id === "reportsOpen")!.total).toBe(1);
  });

  it("a town-wide official sees every council's ideas, and only the sections their role allows", () => {
    const d = dashboard(official, now);
    expect(d.sections.map((s) => s.id)).toEqual(["ideasAwaiting", "feasibilityReviews", "paperBallots"]);
    expect(d.sections[0]!.total).toBe(6);
  });

  it("the awaiting total (kept per data version) follows a new idea and an answer at once", async () => {
    const total = () => dashboard(facilitatorBig, now).sections.find((s) => s.id === "ideasAwaiting")!.total;
    const before = total();
    expect(total()).toBe(before);
    const author = await makeUser();
    const fresh = submitIdea(author, { title: "Idée arrivée après", body: "Une idée de plus pour voir le total du tableau de bord bouger aussitôt.", theme: "public_space", councilId: big.id, place: "" });
    expect(total()).toBe(before + 1);
    answerIdea(official, fresh.id, { status: "accepted", explanation: WHY, cites: [], ruleVersion: null });
    expect(total()).toBe(before);
  });
});
