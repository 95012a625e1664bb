/**
 * The city seed (db/seed/city.server.ts) at scale 0.01, twice, into temporary files: sizes
 * follow the scale, the register's chain verifies, the ballot box keeps its invariants
 * (one ballot per participation in every box, random keys, counted boxes' certificates
 * agree, append-only), the same scale and anchor give the same content, and the app's main
 * pages load on it (their route loaders, signed in where they need it).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeDatabase, sqlite } from "#db/client.server";
import { citySizes, defaultAnchor, seedCity, tableHash, type CityReport } from "#db/seed/city.server";
import { CITY_ACCOUNTS } from "#db/seed/city-accounts";
import { verifyRegister } from "~/domain/decisions/decisions.server";
import * as home from "~/routes/_index";
import * as ideasList from "~/routes/ideas._index";
import * as ideaRoute from "~/routes/ideas.$id";
import * as councilRoute from "~/routes/councils.$slug";
import * as meetingRoute from "~/routes/meetings.$id";
import * as verifyRoute from "~/routes/decisions.verify";
import * as searchRoute from "~/routes/search";
import * as statsRoute from "~/routes/statistics";
import * as voteRoute from "~/routes/votes.$id";
import * as budgetRoute from "~/routes/budgets.$id";
import * as resultsRoute from "~/routes/budgets.$id_.results";
import * as budgetVoteRoute from "~/routes/budgets.$id_.vote";
import * as spaceRoute from "~/routes/account.space";
import * as dashboardRoute from "~/routes/dashboard";
import { getRequest, run, sessionCookieFor } from "../support/http";

const SCALE = 0.01;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "seed-city-"));
const anchor = defaultAnchor();
let a: CityReport;
let b: CityReport;
const hashes: Record<string, string>[] = [];

/** Content hashes of the tables the seed writes (columns that are random by design left out). */
function contentHashes(): Record<string, string> {
  const sq = sqlite();
  return {
    ideas: tableHash(sq, "ideas", "id, council_id, author_id, title, body, status, submitted_at, answered_at, support_count, comment_count, budget_id", "id"),
    comments: tableHash(sq, "comments", "id, idea_id, author_id, parent_id, stance, body, created_at", "id"),
    supports: tableHash(sq, "supports", "idea_id, user_id, created_at", "id"),
    census: tableHash(sq, "census_entries", "id, family_name, given_names, birth_date, council_id, address", "id"),
    participations: tableHash(sq, "participations", "box_id, person_key, channel, day", "box_id, person_key"),
    ballots: tableHash(sq, "ballots", "box_id, id, channel, content", "box_id, id"),
    register: tableHash(sq, "decisions", "seq, hash", "seq"),
    envelopes: tableHash(sq, "budget_envelopes", "id, amount, box_id, pb", "id"),
  };
}

beforeAll(async () => {
  a = await seedCity({ scale: SCALE, file: path.join(dir, "a.db"), now: anchor });
  hashes.push(contentHashes());
  closeDatabase();
  b = await seedCity({ scale: SCALE, file: path.join(dir, "b.db"), now: anchor });
  hashes.push(contentHashes());
}, 600_000);

afterAll(() => {
  closeDatabase();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("seed:city at scale 0.01", () => {
  it("writes sizes that follow the scale", () => {
    const s = citySizes(SCALE);
    const c = b.counts;
    expect(c.councils).toBe(20);
    expect(c.census_entries).toBe(s.census);
    expect(c.users).toBe(s.accounts + 23); // + staff: official, admin, desk, 20 council facilitators
    expect(c.residency_verifications).toBeGreaterThan(s.verified * 0.9);
    expect(c.residency_verifications).toBeLessThan(s.verified * 1.1);
    expect(c.comments).toBe(s.comments);
    expect(c.supports).toBe(s.supports);
    expect(c.meetings).toBe(s.meetings);
    // ideas: the bulk plus the budgets' projects (10 + 2 per council, and 15 in the open budget)
    expect(c.ideas).toBe(s.ideas + s.townProjects + 20 * s.councilProjects + 15);
    // every budget voter casts in the town envelope and their council's: two ballots each
    const sq = sqlite();
    const bigBallots = sq.prepare("SELECT count(*) FROM ballots WHERE box_id IN (SELECT box_id FROM budget_envelopes WHERE budget_id = ?)").pluck().get(b.ids.bigBudget);
    expect(bigBallots).toBe(2 * (s.budgetOnline + s.budgetDesk));
    const voteBallots = sq.prepare("SELECT count(*) FROM ballots WHERE box_id = (SELECT box_id FROM votes WHERE id = ?)").pluck().get(b.ids.vote);
    expect(voteBallots).toBe(s.voteOnline + s.voteDesk);
    // baskets of several projects (about 10 per ballot from scale 0.1, where envelopes have 40 and 12 projects)
    expect(c.approvals).toBeGreaterThan(4 * (bigBallots as number));
    expect(c.notifications).toBeGreaterThanOrEqual(s.notifications);
    // a few ideas carry most comments
    const top = sq.prepare("SELECT comment_count FROM ideas ORDER BY comment_count DESC LIMIT 1").pluck().get() as number;
    expect(top).toBeGreaterThan((s.comments / s.ideas) * 10);
    const counted = sq.prepare("SELECT sum(comment_count) FROM ideas").pluck().get();
    expect(counted).toBe(s.comments);
  });

  it("keeps the register's hash chain verifiable", () => {
    const v = verifyRegister();
    expect(v).toMatchObject({ ok: true, count: b.counts.decisions });
  });

  it("keeps the ballot box invariants", () => {
    const sq = sqlite();
    const boxes = sq
      .prepare("SELECT b.id, b.closed_at AS closedAt, b.certificate, (SELECT count(*) FROM ballots x WHERE x.box_id = b.id) AS ballots, (SELECT count(*) FROM participations p WHERE p.box_id = b.id) AS participations FROM ballot_boxes b")
      .all() as { id: number; closedAt: string | null; certificate: string | null; ballots: number; participations: number }[];
    expect(boxes.length).toBe(23); // 21 envelopes of the counted budget, the vote, the open budget
    for (const box of boxes) {
      expect(box.ballots).toBe(box.participations);
      if (box.closedAt) {
        const cert = JSON.parse(box.certificate!) as { participations: { total: number }; ballots: { total: number } };
        expect(cert.participations.total).toBe(box.participations);
        expect(cert.ballots.total).toBe(box.ballots);
      }
    }
    expect(boxes.filter((x) => x.closedAt).length).toBe(22);
    // keys are SHA-256 hex, contents canonical; nothing in ballots names a person
    const bad = sq.prepare("SELECT count(*) FROM ballots WHERE length(id) != 64 OR id GLOB '*[^0-9a-f]*' OR content NOT LIKE '[%]'").pluck().get();
    expect(bad).toBe(0);
    const columns = (sq.prepare("SELECT name FROM pragma_table_info('ballots')").pluck().all() as string[]).sort();
    expect(columns).toEqual(["box_id", "channel", "content", "id"]);
    expect(sq.prepare("SELECT count(*) FROM participations WHERE person_key NOT LIKE 'census:%'").pluck().get()).toBe(0);
    // append-only
    expect(() => sq.prepare("UPDATE ballots SET content = '[]' WHERE rowid IN (SELECT rowid FROM ballots LIMIT 1)").run()).toThrow();
    expect(() => sq.prepare("DELETE FROM participations WHERE box_id = ?").run(boxes[0]!.id)).toThrow();
    // the budget's results were computed by the app at the count
    const missing = sq.prepare("SELECT count(*) FROM budget_envelopes WHERE budget_id = ? AND (results IS NULL OR pb IS NULL)").pluck().get(b.ids.bigBudget);
    expect(missing).toBe(0);
  });

  it("writes the same content for the same scale and anchor", () => {
    expect(a.counts).toEqual(b.counts);
    expect(hashes[1]).toEqual(hashes[0]);
  });

  it("restores the data-version triggers", () => {
    const n = sqlite().prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'dv\\_%' ESCAPE '\\'").pluck().get() as number;
    expect(n).toBeGreaterThan(50);
    const before = sqlite().prepare("SELECT v FROM data_version").pluck().get() as number;
    sqlite().prepare("UPDATE councils SET description = description || ' ' WHERE id = ?").run(b.ids.council);
    expect(sqlite().prepare("SELECT v FROM data_version").pluck().get()).toBe(before + 1);
  });

  it("serves the app's main pages from it", async () => {
    const sq = sqlite();
    const slug = sq.prepare("SELECT slug FROM councils WHERE id = ?").pluck().get(b.ids.council) as string;
    const anonymous: [string, (args: never) => unknown, Record<string, string>][] = [
      ["/", home.loader, {}],
      ["/ideas?overdue=1", ideasList.loader, {}],
      ["/ideas?sort=supported", ideasList.loader, {}],
      [`/ideas/${b.ids.hotIdea}`, ideaRoute.loader, { id: String(b.ids.hotIdea) }],
      [`/councils/${slug}`, councilRoute.loader, { slug }],
      [`/meetings/${b.ids.meeting}`, meetingRoute.loader, { id: String(b.ids.meeting) }],
      ["/decisions/verify", verifyRoute.loader, {}],
      ["/search?q=parc", searchRoute.loader, {}],
      ["/statistics", statsRoute.loader, {}],
      [`/votes/${b.ids.vote}`, voteRoute.loader, { id: String(b.ids.vote) }],
      [`/budgets/${b.ids.bigBudget}`, budgetRoute.loader, { id: String(b.ids.bigBudget) }],
      [`/budgets/${b.ids.bigBudget}/results`, resultsRoute.loader, { id: String(b.ids.bigBudget) }],
    ];
    for (const [url, loader, params] of anonymous) {
      const res = await run(loader as never, getRequest(url), params);
      expect(res.status, url).toBe(200);
    }
    const verify = await run(verifyRoute.loader as never, getRequest("/decisions/verify"));
    expect(JSON.stringify(verify.data)).toContain('"ok":true');
    const search = await run(searchRoute.loader as never, getRequest("/search?q=parc"));
    expect(JSON.stringify(search.data)).toMatch(/"total":[1-9]/);

    const userOf = (email: string) => sq.prepare("SELECT id FROM users WHERE email = ?").pluck().get(email) as string;
    const resident = await sessionCookieFor(userOf(CITY_ACCOUNTS.resident));
    const official = await sessionCookieFor(userOf(CITY_ACCOUNTS.official));
    const space = await run(spaceRoute.loader as never, getRequest("/account/space", { cookie: resident }));
    expect(space.status).toBe(200);
    const vote = await run(budgetVoteRoute.loader as never, getRequest(`/budgets/${b.ids.openBudget}/vote`, { cookie: resident }), { id: String(b.ids.openBudget) });
    expect(vote.status).toBe(200);
    const dash = await run(dashboardRoute.loader as never, getRequest("/dashboard", { cookie: official }));
    expect(dash.status).toBe(200);
  });
});
