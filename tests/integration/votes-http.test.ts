/**
 * Proposal votes over HTTP, on the real server: the embargo (no tally anywhere while the box
 * is open — pages, data requests, open data, feeds), 100 parallel casts by one voter, a
 * tampered form, a vote outside its window, and the review step without JavaScript.
 */
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { ballots, participations } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { castOnline } from "~/domain/ballot-box/cast.server";
import { datasets } from "~/domain/opendata/registry.server";
import { emptyTown, makeCouncil, makeUser, TEST_PASSWORD } from "../support/fixtures";
import { startServer, type TestServer } from "../support/server";
import { importPeople, makeVote, people, verifiedResident, type CensusPerson } from "../support/voting";

let srv: TestServer;
let official: Actor;
let facilitator: Actor;
let voters: Actor[];
let openVote: { id: number; boxId: number };
let receipt: string;
let lateVoterEmail: string;
let slug: string;
let citizens: CensusPerson[];

async function logIn(email: string) {
  const res = await fetch(`${srv.url}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { Origin: srv.url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: TEST_PASSWORD }),
  });
  expect(res.status).toBe(302);
  return res.headers.get("set-cookie")!.split(";")[0]!;
}

const post = (path: string, cookie: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const x of [v].flat()) body.append(k, x);
  return fetch(srv.url + path, { method: "POST", redirect: "manual", headers: { Origin: srv.url, Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body });
};

beforeAll(async () => {
  emptyTown();
  const c = makeCouncil("Les Tilleuls");
  slug = c.slug;
  citizens = people(30, slug);
  await importPeople(citizens);
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  facilitator = await makeUser({ email: "guichet@test.fr", roles: [{ role: "facilitator", councilId: null }] });
  // an open town-wide vote: 13 yes, 4 no (counts that must appear nowhere before the close)
  openVote = makeVote(official, { question: "Faut-il planter des arbres fruitiers au square ?" }, new Date(Date.now() - 30 * 60_000));
  voters = await Promise.all(citizens.slice(0, 17).map(verifiedResident));
  voters.forEach((v, i) => {
    const r = castOnline(v, [{ boxId: openVote.boxId, choices: [i < 13 ? "yes" : "no"] }]);
    if (i === 0) receipt = r.receipt;
  });
  const late = await verifiedResident(citizens[20]!);
  lateVoterEmail = late.email;
  sqlite().pragma("wal_checkpoint(TRUNCATE)");
  srv = await startServer();
}, 90_000);

afterAll(async () => {
  await srv?.stop();
});

describe("embargo", () => {
  it("no tally, partial count or per-option number in any response while the box is open", async () => {
    const staff = await logIn(facilitator.email);
    const voter = await logIn(voters[0]!.email);
    const pages = ["/", "/votes", `/votes/${openVote.id}`, `/councils/${slug}`, `/receipts?code=${encodeURIComponent(receipt)}`, "/decisions", "/open-data", `/votes/${openVote.id}/desk`, `/votes/${openVote.id}/count`, "/search?q=arbres"];
    const urls = [
      ...pages,
      ...pages.map((p) => {
        const [path, query] = p.split("?");
        return `${path === "/" ? "/_root" : path}.data${query ? `?${query}` : ""}`;
      }),
      ...datasets().map((d) => d.href ?? `/open-data/${d.file}`),
    ];
    const tallyLike = [
      /"(tally|counts|byChannel|results)"\s*:\s*[[{]/, // a tally structure (results: null is fine)
      /\b13\s*(voix|votes?)\b/i,
      /\b4\s*(voix|votes?)\b/i,
      /"count"\s*:\s*(13|4)\b/,
      /yes:13|no:4/,
      /76[.,]\d\s*%|23[.,]\d\s*%/, // 13/17 and 4/17
    ];
    let checked = 0;
    for (const cookie of [null, voter, staff]) {
      for (const url of urls) {
        const res = await fetch(srv.url + url, { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
        expect(res.status, url).toBeLessThan(500);
        const body = await res.text();
        for (const re of tallyLike) expect(body, `${url} as ${cookie ? "signed in" : "visitor"} matches ${re}`).not.toMatch(re);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(40);
    // the turnout is public (counted from participations)
    const page = await (await fetch(`${srv.url}/votes/${openVote.id}`)).text();
    expect(page).toContain("17 sur");
    // and the open-data list says there is no result yet
    const list = JSON.parse(await (await fetch(`${srv.url}/open-data/votes.json`)).text()) as { id: number; results: unknown; participations: number }[];
    expect(list.find((v) => v.id === openVote.id)).toMatchObject({ results: null, participations: 17 });
    expect((await fetch(`${srv.url}/open-data/vote-${openVote.id}-board.json`)).status).toBe(404);
  });
});

describe("casting over HTTP", () => {
  it("the review step shows the choice back, and casting stores one ballot per person even with 100 parallel posts", async () => {
    const cookie = await logIn(lateVoterEmail);
    const review = await post(`/votes/${openVote.id}`, cookie, { intent: "review", target: "", choices: "yes" });
    expect(review.status).toBe(200);
    expect(await review.text()).toContain("Confirmer mon vote");
    const before = db.select({ n: count() }).from(ballots).where(eq(ballots.boxId, openVote.boxId)).get()!.n;
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) => post(`/votes/${openVote.id}`, cookie, { intent: "cast", target: "", choices: "yes", _once: `Tok_parallel_${String(i).padStart(12, "0")}` })),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const refused = await responses.find((r) => r.status === 409)!.text();
    expect(refused).toMatch(/déjà voté/);
    expect(db.select({ n: count() }).from(ballots).where(eq(ballots.boxId, openVote.boxId)).get()!.n).toBe(before + 1);
    expect(db.select({ n: count() }).from(participations).where(eq(participations.boxId, openVote.boxId)).get()!.n).toBe(before + 1);
  });

  it("a tampered form, an unknown option or too many options get a message and a 4xx, and nothing is stored", async () => {
    const p = await verifiedResident(citizens[25]!);
    const cookie = await logIn(p.email);
    const before = db.select({ n: count() }).from(ballots).get()!.n;
    for (const choices of [["maybe"], ["yes", "no"], [], ["yes", "yes"], ["o1"]]) {
      const res = await post(`/votes/${openVote.id}`, cookie, { intent: "cast", target: "", choices });
      expect(res.status, JSON.stringify(choices)).toBe(400);
      expect(await res.text()).toMatch(/Choisissez une réponse|Une seule réponse|ne fait pas partie|cochée deux fois/);
    }
    expect((await post(`/votes/${openVote.id}`, cookie, { intent: "nonsense", target: "" })).status).toBe(400);
    expect((await post(`/votes/0x1`, cookie, { intent: "cast", choices: "yes" })).status).toBe(404);
    expect(db.select({ n: count() }).from(ballots).get()!.n).toBe(before);
  });

  it("a vote outside its window, or by someone not eligible, is refused and stores nothing", async () => {
    const closed = makeVote(official, { question: "Une question déjà close ?" }, new Date(Date.now() - 3 * 3600_000));
    const upcoming = makeVote(official, { question: "Une question pour plus tard ?" });
    const p = await verifiedResident(citizens[26]!);
    const cookie = await logIn(p.email);
    for (const v of [closed, upcoming]) {
      const res = await post(`/votes/${v.id}`, cookie, { intent: "cast", target: "", choices: "yes" });
      expect(res.status).toBe(409);
    }
    const stranger = await makeUser();
    const sc = await logIn(stranger.email);
    const res = await post(`/votes/${openVote.id}`, sc, { intent: "cast", target: "", choices: "yes" });
    expect(res.status).toBe(403);
    for (const v of [closed, upcoming]) expect(db.select({ n: count() }).from(participations).where(eq(participations.boxId, v.boxId)).get()!.n).toBe(0);
    // another site cannot make a voter vote
    const evil = await fetch(`${srv.url}/votes/${openVote.id}`, { method: "POST", headers: { Origin: "http://evil.example", Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" }, body: "intent=cast&choices=yes" });
    expect(evil.status).toBe(403);
  });
});
