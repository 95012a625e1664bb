/**
 * The page cache on the real server: every public page, once stored, changes as soon as the
 * data it shows changes (a write from another process, through the domain functions, as the
 * worker or a script would), and when time alone changes it (a box opening); per-response
 * values (CSP nonce, one-time form token) are never shared; anything personal bypasses it;
 * every table is either versioned or listed as invisible to visitors.
 */
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { ensureDataVersion, readDataVersion, UNVERSIONED_TABLES, versionedTables } from "#db/data-version";
import { ballotBoxes, councils } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { addComment } from "~/domain/ideas/comments.server";
import { submitIdea, supportIdea } from "~/domain/ideas/ideas.server";
import { markHeld, publishMinutes, scheduleMeeting } from "~/domain/meetings/meetings.server";
import { hideContent } from "~/domain/moderation/moderation.server";
import { publishRuleVersion, rulesInForce } from "~/domain/rules/rules.server";
import { utcToLocal } from "~/lib/time";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { EXPLANATION } from "../support/own-data";
import { startServer, type TestServer } from "../support/server";
import { makeVote } from "../support/voting";

let srv: TestServer;
let official: Actor;
let facilitator: Actor;
let residents: Actor[];
let council: { id: number; slug: string; name: string };

const get = (path: string, headers: Record<string, string> = {}) => fetch(srv.url + path, { headers, redirect: "manual" });

/** Fetches `path` until the cache serves it, and returns that stored body. */
async function stored(path: string, headers: Record<string, string> = {}) {
  // the first render may itself write (the register's key is made on first use): then a
  // second render is the one stored
  for (let i = 0; i < 2; i++) {
    const first = await get(path, headers);
    await first.text();
    if (first.headers.get("x-page-cache") === "hit") break;
  }
  const res = await get(path, headers);
  expect(res.status, path).toBe(200);
  expect(res.headers.get("x-page-cache"), path).toBe("hit");
  return res.text();
}

/** The next response after a change: rendered again, not served from the store. */
async function fresh(path: string, headers: Record<string, string> = {}) {
  const res = await get(path, headers);
  expect(res.status, path).toBe(200);
  expect(res.headers.get("x-page-cache"), path).toBe("miss");
  return res.text();
}

const idea = (author: Actor, title: string) =>
  submitIdea(author, { title, body: "Une idée écrite par le test du cache, assez longue pour être acceptée.", theme: "public_space", councilId: council.id, place: "" });

beforeAll(async () => {
  emptyTown();
  const c = makeCouncil("Les Capucines");
  council = { id: c.id, slug: c.slug, name: c.name };
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: null }] });
  residents = [await makeUser({ name: "Lucie Page" }), await makeUser({ name: "Marc Cache" })];
  srv = await startServer();
}, 60_000);

afterAll(async () => {
  await srv?.stop();
});

describe("every table is accounted for", () => {
  it("each table is versioned by a trigger, or listed as never shown to visitors", () => {
    const all = (sqlite().prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[]);
    const versioned = new Set(versionedTables(sqlite()));
    const triggers = new Set((sqlite().prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((r) => r.name));
    for (const t of all) {
      if (UNVERSIONED_TABLES.has(t.name) || /VIRTUAL/i.test(t.sql ?? "") || all.some((v) => /VIRTUAL/i.test(v.sql ?? "") && t.name.startsWith(`${v.name}_`))) continue;
      expect(versioned.has(t.name), t.name).toBe(true);
      for (const op of ["insert", "update", "delete"]) expect(triggers.has(`dv_${t.name}_${op}`), `dv_${t.name}_${op}`).toBe(true);
    }
    // the list names real tables (a typo would silently version nothing)
    for (const name of UNVERSIONED_TABLES) {
      if (name === "__drizzle_migrations") continue;
      expect(all.some((t) => t.name === name), name).toBe(true);
    }
  });

  it("a write to a versioned table moves the version in its own transaction", () => {
    const before = readDataVersion(sqlite());
    db.update(councils).set({ description: "Le quartier des capucines." }).where(eq(councils.id, council.id)).run();
    expect(readDataVersion(sqlite())).toBeGreaterThan(before);
  });

  it("bookkeeping columns (the 'vote opened' announcement mark) leave the version alone; any other column of the row moves it", () => {
    const v = makeVote(official, { question: "Faut-il un abri à vélos ?" });
    const before = readDataVersion(sqlite());
    sqlite().prepare("UPDATE votes SET open_announced_at = ? WHERE id = ?").run(new Date().toISOString(), v.id);
    expect(readDataVersion(sqlite())).toBe(before);
    sqlite().prepare("UPDATE votes SET question = ? WHERE id = ?").run("Faut-il deux abris à vélos ?", v.id);
    expect(readDataVersion(sqlite())).toBeGreaterThan(before);
    // the trigger is recreated when it no longer matches (e.g. an older database): idempotent otherwise
    const sqlOf = () => (sqlite().prepare("SELECT sql FROM sqlite_master WHERE name = 'dv_votes_update'").get() as { sql: string }).sql;
    const now = sqlOf();
    expect(now).toMatch(/AFTER UPDATE OF .*"question"/);
    expect(now).not.toMatch(/open_announced_at/);
    ensureDataVersion(sqlite());
    expect(sqlOf()).toBe(now);
  });
});

describe("a stored page changes with its data", () => {
  it("idea list, home, search, open data and the idea page show a new idea, support and comment", async () => {
    const first = idea(residents[0]!, "Des bancs sous les tilleuls");
    for (const p of ["/ideas", "/", "/search?q=glycines", `/ideas/${first.id}`, "/open-data/ideas.csv", `/councils/${council.slug}`, "/ideas.data"]) await stored(p);

    const second = idea(residents[1]!, "Des glycines sur la pergola");
    expect(await fresh("/ideas")).toContain("Des glycines sur la pergola");
    expect(await fresh("/search?q=glycines")).toContain("<mark>glycines</mark> sur la pergola");
    expect(await fresh("/open-data/ideas.csv")).toContain("Des glycines sur la pergola");
    expect(await fresh(`/councils/${council.slug}`)).toContain("Des glycines sur la pergola");
    expect(await fresh("/ideas.data")).toContain("Des glycines sur la pergola");
    await fresh("/");

    await stored(`/ideas/${second.id}`);
    addComment(residents[0]!, second.id, { body: "Oui, et des jasmins au pied des poteaux.", stance: "for", parentId: null });
    expect(await fresh(`/ideas/${second.id}`)).toContain("des jasmins au pied des poteaux");

    await stored(`/ideas/${second.id}`);
    supportIdea(residents[0]!, second.id);
    const html = await fresh(`/ideas/${second.id}`);
    expect(html).toContain('class="big-number">1<');
  });

  it("moderation hides a comment from a stored page", async () => {
    const i = idea(residents[0]!, "Un composteur au square");
    const c = addComment(residents[1]!, i.id, { body: "Un commentaire qui sera masqué par la modération.", stance: "neutral", parentId: null });
    expect(await stored(`/ideas/${i.id}`)).toContain("Un commentaire qui sera masqué");
    hideContent(facilitator, { subjectKind: "comment", subjectId: c.id, reason: EXPLANATION });
    expect(await fresh(`/ideas/${i.id}`)).not.toContain("Un commentaire qui sera masqué");
  });

  it("meetings and minutes", async () => {
    const start = new Date(Date.now() - 3 * 86_400_000);
    const m = scheduleMeeting(facilitator, {
      councilId: council.id,
      title: "Conseil des Capucines",
      startsAt: utcToLocal(start.toISOString()),
      endsAt: utcToLocal(new Date(start.getTime() + 2 * 3_600_000).toISOString()),
      placeName: "Salle des fêtes",
      address: "",
      accessibility: "",
    }, { now: new Date(start.getTime() - 7 * 86_400_000) });
    markHeld(facilitator, m.id);
    expect(await stored(`/meetings/${m.id}`)).not.toContain("Le conseil a voté la pergola");
    await stored("/meetings");
    publishMinutes(facilitator, m.id, { body: "## Pergola\n\nLe conseil a voté la pergola.", attendanceCount: 12, changeNote: "" });
    expect(await fresh(`/meetings/${m.id}`)).toContain("Le conseil a voté la pergola");
    await fresh("/meetings");
  });

  it("the register, its feed, its verification and a superseded entry", async () => {
    const title = "Pergola du square des Capucines";
    const seq = publishCouncilDecision(official, { councilId: council.id, title, outcome: "adopted", explanation: EXPLANATION, evidence: "", supersedes: null }).seq;
    for (const p of ["/decisions", "/decisions.atom", "/decisions/verify", `/decisions/${seq}`]) await stored(p);
    const next = publishCouncilDecision(official, { councilId: council.id, title: `${title} (corrigée)`, outcome: "adopted", explanation: EXPLANATION, evidence: "", supersedes: seq }).seq;
    expect(await fresh("/decisions")).toContain(`${title} (corrigée)`);
    expect(await fresh("/decisions.atom")).toContain(`${title} (corrigée)`);
    expect(await fresh(`/decisions/${seq}`)).toContain(`href="/decisions/${next}"`);
    await fresh("/decisions/verify");
  });

  it("the rulebook", async () => {
    const current = rulesInForce("town");
    await stored("/rules");
    publishRuleVersion(official, { ...current.params, scope: "town", title: "Charte des Capucines", body: "## Délais\n\nTrente jours.", explanation: EXPLANATION });
    expect(await fresh("/rules")).toContain("Charte des Capucines");
  });

  it("a vote page turns from upcoming to open at its opening time, with no write", async () => {
    const v = makeVote(official, { question: "Faut-il une pergola au square ?" });
    const opensAt = new Date(Date.now() + 3000).toISOString();
    db.update(ballotBoxes).set({ opensAt }).where(eq(ballotBoxes.id, v.boxId)).run();
    const before = await stored(`/votes/${v.id}`);
    expect(before).toContain("À venir");
    await stored("/votes");
    const version = readDataVersion(sqlite());
    await new Promise((r) => setTimeout(r, Date.parse(opensAt) - Date.now() + 200));
    expect(readDataVersion(sqlite())).toBe(version);
    const after = await fresh(`/votes/${v.id}`);
    expect(after).not.toContain(">À venir<");
    expect(after).toContain("Ouvert");
    await fresh("/votes");
  });
});

describe("nothing personal is shared", () => {
  it("each response from the store has its own nonce (matching its CSP) and its own one-time token", async () => {
    await stored("/ideas");
    const bodies = await Promise.all([get("/ideas"), get("/ideas")].map(async (p) => {
      const r = await p;
      expect(r.headers.get("x-page-cache")).toBe("hit");
      const csp = r.headers.get("content-security-policy")!;
      const html = await r.text();
      return { nonce: /'nonce-([^']+)'/.exec(csp)![1]!, html };
    }));
    for (const b of bodies) {
      expect(b.html).toContain(`nonce="${b.nonce}"`);
      expect(b.html.match(/nonce="([^"]+)"/g)!.every((n) => n === `nonce="${b.nonce}"`)).toBe(true);
    }
    expect(bodies[0]!.nonce).not.toBe(bodies[1]!.nonce);
    const once = (html: string) => /\\?"once\\?",\\?"([A-Za-z0-9_-]+)/.exec(html)?.[1];
    expect(once(bodies[0]!.html)).toBeTruthy();
    expect(once(bodies[0]!.html)).not.toBe(once(bodies[1]!.html));
  });

  it("a hit is sent as gzip to a client that takes it (a valid member, the same page), and plain otherwise", async () => {
    const once = (encoding: string) =>
      new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
        http.get(srv.url + "/ideas", { headers: { "accept-encoding": encoding } }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        }).on("error", reject);
      });
    // the key holds the coding the app itself may have chosen: each is stored on its own
    const raw = async (encoding: string) => {
      let r = await once(encoding);
      for (let i = 0; i < 2 && r.headers["x-page-cache"] !== "hit"; i++) r = await once(encoding);
      return r;
    };
    const slotless = (html: string) => html.replace(/nonce="[^"]+"/g, "N").replace(/'nonce-[^']+'/g, "N").replace(/(\\?"once\\?",\\?")[A-Za-z0-9_-]+/g, "$1T");
    const plain = await raw("identity");
    expect(plain.headers["x-page-cache"]).toBe("hit");
    // answered before Express (cached-hit.server.ts): the same base headers and request id as any response
    expect(plain.headers["x-content-type-options"]).toBe("nosniff");
    expect(plain.headers["referrer-policy"]).toBe("same-origin");
    expect(plain.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(plain.headers["content-security-policy"]).toMatch(/'nonce-[^']+'/);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    for (const coding of ["gzip", "gzip, deflate, br", "br;q=1, gzip;q=0.5", "*"]) {
      const zipped = await raw(coding);
      expect(zipped.headers["x-page-cache"], coding).toBe("hit");
      expect(zipped.headers["content-encoding"], coding).toBe("gzip");
      expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
      expect(zipped.body.length).toBeLessThan(plain.body.length / 3);
      // gunzipSync checks the CRC-32 and the size in the trailer
      const html = gunzipSync(zipped.body, { finishFlush: 0 }).toString("utf8");
      expect(slotless(html)).toBe(slotless(plain.body.toString("utf8")));
      const nonce = /'nonce-([^']+)'/.exec(String(zipped.headers["content-security-policy"]))![1]!;
      expect(html).toContain(`nonce="${nonce}"`);
    }
    for (const coding of ["gzip;q=0, identity", "gzip;q=0, *", "gzip;q=abc"]) {
      const refused = await raw(coding);
      expect(refused.headers["x-page-cache"], coding).toBe("hit");
      expect(refused.headers["content-encoding"], coding).toBeUndefined();
    }
  });

  it("a hit keeps the route's own Vary (an export varies with the language), with Accept-Encoding", async () => {
    const miss = await get("/open-data/register.csv", { "Accept-Language": "en" });
    await miss.text();
    const routeVary = (miss.headers.get("vary") ?? "").toLowerCase();
    expect(routeVary).toContain("accept-language");
    await stored("/open-data/register.csv", { "Accept-Language": "en" });
    const hit = await get("/open-data/register.csv", { "Accept-Language": "en" });
    expect(hit.headers.get("x-page-cache")).toBe("hit");
    const vary = (hit.headers.get("vary") ?? "").toLowerCase().split(/\s*,\s*/);
    for (const name of routeVary.split(/\s*,\s*/)) expect(vary).toContain(name);
    expect(vary).toContain("accept-encoding");
    expect(new Set(vary).size).toBe(vary.length);
  });

  it("a request with a session cookie, another cookie or credentials never uses the store", async () => {
    await stored("/ideas");
    for (const headers of <Record<string, string>[]>[{ Cookie: "conseil_session=abc" }, { Cookie: "lng=fr; other=1" }, { Authorization: "Basic eDp5" }]) {
      const r = await get("/ideas", headers);
      expect(r.status).toBeLessThan(500);
      expect(r.headers.get("x-page-cache")).toBeNull();
    }
  });

  it("languages are stored apart", async () => {
    const fr = await stored("/ideas", { "Accept-Language": "fr-FR" });
    const en = await stored("/ideas", { "Accept-Language": "en-GB,en;q=0.9" });
    expect(fr).toContain('lang="fr"');
    expect(en).toContain('lang="en"');
  });

  it("a page reached with a secret in its URL (an email link's token or key) is never stored, and says so", async () => {
    for (const p of ["/verify-email?token=abcdefghijklmnop", "/reset-password?token=abcdefghijklmnop", "/unsubscribe?key=abcdefghijklmnop", "/account/email/confirm?token=abcdefghijklmnop", "/ideas?code=x", "/ideas?Token=x"]) {
      await get(p);
      const r = await get(p);
      expect(r.status, p).toBeLessThan(500);
      expect(r.headers.get("x-page-cache"), p).toBeNull();
      if (!p.startsWith("/ideas")) expect(r.headers.get("cache-control"), p).toContain("no-store");
    }
  });

  it("refusals and missing pages are not stored", async () => {
    for (const p of ["/ideas/999999", "/ideas/abc"]) {
      await get(p);
      const r = await get(p);
      expect(r.status).toBe(404);
      expect(r.headers.get("x-page-cache")).toBe("miss");
    }
  });
});

describe("voting does not empty the store, and turnout says when it was counted", () => {
  it("participations leave the version alone; the receipt page is never stored", async () => {
    const before = readDataVersion(sqlite());
    // a participation row, as the ballot box writes it (no ballot content needed for this)
    const v = makeVote(official, { question: "Faut-il un kiosque à musique ?" }, new Date(Date.now() - 10 * 60_000));
    const afterVote = readDataVersion(sqlite());
    expect(afterVote).toBeGreaterThan(before);
    sqlite().prepare("INSERT INTO participations (box_id, person_key, channel, day) VALUES (?, ?, 'online', ?)").run(v.boxId, "k-test-1", new Date().toISOString().slice(0, 10));
    expect(readDataVersion(sqlite())).toBe(afterVote);
    const page = await fresh(`/votes/${v.id}`);
    expect(page).toContain("mis à jour chaque minute");
    for (const p of ["/receipts?code=ABCD-EFGH-JKMN", "/receipts.data?code=ABCD-EFGH-JKMN"]) {
      await get(p);
      const r = await get(p);
      expect(r.headers.get("x-page-cache")).toBeNull(); // a receipt code in the URL: the store is not even looked up
      expect(r.headers.get("cache-control")).toContain("no-store");
    }
    // the empty form shows nothing of any box: an ordinary stored page
    expect(await stored("/receipts")).toContain('name="code"');
  });
});
