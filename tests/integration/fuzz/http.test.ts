/**
 * The real server (server.mjs and the build) under fuzz, over raw HTTP: a sample of pages,
 * feeds and forms with random headers — Content-Type variants, Origin and Referer variants,
 * Accept-Language junk, malformed cookies, huge, negative, missing or wrong Content-Length —
 * and hostile bodies and query strings. Every answer: no 5xx, and no NUL byte in what is
 * sent back. Needs `npm run build` (npm test builds first).
 */
import net from "node:net";
import zlib from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sqlite } from "#db/client.server";
import { sessionCookieFor } from "../../support/http";
import { startServer, type TestServer } from "../../support/server";
import { fieldValue, hostile, params as fcParams, SEED } from "./hostile";
import { buildWorld, type World } from "./world";

let srv: TestServer;
let w: World;
let resident: string;
let facilitator: string;

beforeAll(async () => {
  w = await buildWorld();
  resident = await sessionCookieFor((await w.actorFor("resident")).actor!.userId);
  facilitator = await sessionCookieFor((await w.actorFor("facilitator")).actor!.userId);
  sqlite().pragma("wal_checkpoint(TRUNCATE)");
  srv = await startServer({ OUTBOX_WORKER: "off" });
}, 60_000);

afterAll(async () => {
  await srv?.stop();
});

interface Raw {
  status: number | null;
  headers: Record<string, string>;
  body: Buffer;
}

/** One request over a socket of its own, exactly as written (no client-side checks). */
function rawRequest(head: string, body: Buffer, opts: { halfClose?: boolean } = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const sock = net.connect(srv.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => sock.destroy(), 8_000);
    sock.on("data", (c) => chunks.push(c));
    sock.on("error", () => {
      /* reset by the server: judged on what arrived */
    });
    sock.on("close", () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks);
      const end = all.indexOf("\r\n\r\n");
      if (end < 0) return resolve({ status: null, headers: {}, body: all });
      const lines = all.subarray(0, end).toString("latin1").split("\r\n");
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0]!)?.[1] ?? NaN);
      const headers: Record<string, string> = {};
      for (const l of lines.slice(1)) {
        const i = l.indexOf(":");
        if (i > 0) headers[l.slice(0, i).toLowerCase()] = l.slice(i + 1).trim();
      }
      let payload: Buffer = Buffer.from(all.subarray(end + 4));
      try {
        if (headers["transfer-encoding"] === "chunked") payload = dechunk(payload);
        if (!payload.length) return resolve({ status, headers, body: payload });
        const enc = headers["content-encoding"];
        if (enc === "gzip") payload = zlib.gunzipSync(payload);
        else if (enc === "deflate") payload = zlib.inflateSync(payload);
        else if (enc === "br") payload = zlib.brotliDecompressSync(payload);
      } catch (e) {
        return reject(new Error(`unreadable response body (${String(e)})`));
      }
      resolve({ status, headers, body: payload });
    });
    // one write: a refusal answered before the body is read must not race the body's
    // arrival (a close with unread bytes is a reset, and the answer would be lost)
    sock.write(Buffer.concat([Buffer.from(head, "latin1"), body]));
    if (opts.halfClose) sock.end();
  });
}

function dechunk(b: Buffer): Buffer {
  const out: Buffer[] = [];
  let i = 0;
  for (;;) {
    const eol = b.indexOf("\r\n", i);
    if (eol < 0) break;
    const size = parseInt(b.subarray(i, eol).toString("latin1"), 16);
    if (!size) break;
    out.push(b.subarray(eol + 2, eol + 2 + size));
    i = eol + 2 + size + 2;
  }
  return Buffer.concat(out);
}

// ------------------------------------------------------------------ what is sent

const TYPES = [
  "application/x-www-form-urlencoded",
  "application/x-www-form-urlencoded; charset=UTF-8",
  "APPLICATION/X-WWW-FORM-URLENCODED",
  "application/x-www-form-urlencoded; charset=latin1",
  "multipart/form-data",
  "multipart/form-data; boundary=",
  "multipart/form-data; boundary=fuzz",
  "text/plain",
  "application/json",
  "",
  ";;;",
  "application/x-www-form-urlencoded;;;;boundary=\"",
];
const LANGS = ["fr", "en", "*", "xx-YY;q=2", "fr;q=abc,en;q=-1", ",,,;;;", "en-GB,en;q=0.9,fr;q=0.8", "é", "a".repeat(4000)];
const COOKIES = (own: string[]) => [
  ...own,
  "conseil_session=",
  "conseil_session=%%%; lng=%%%",
  "lng=ImVuIg%3D%3D",
  "lng=bm9wZQ==; lng=e30=",
  "lng=eyJhIjoxfQ%3D%3D",
  `${own[0] ?? ""}; conseil_session=junk`,
  "=; ;; =x",
  "a=" + "b".repeat(6000),
  "conseil_session=" + "A".repeat(200),
];

/** Latin-1 text that HTTP allows in a header value (no CR, LF or NUL). */
const headerSafe = (s: string) => Buffer.from(s.replace(/[\r\n\u0000]/g, ""), "latin1").toString("latin1");

const formBody = fc
  .array(fc.tuple(fc.constantFrom("title", "body", "intent", "email", "password", "q", "_once", "choices", "lng", "redirectTo", "token", "key", "stance", "councilId", "x[y]", "__proto__"), hostile), { maxLength: 8 })
  .map((entries) => new URLSearchParams(entries.map(([k, v]) => [k, (v as string & { toWellFormed(): string }).toWellFormed()])).toString());
const rawBody = fc.oneof(
  formBody,
  fc.constantFrom("%", "%zz=%", "a=%FF%FE%00", "a=%C0%80", "a=%ED%A0%80", "&&&===", "a".repeat(2000) + "=1", "--fuzz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--fuzz--\r\n", '{"a":1}', "\u0000\u0000"),
  fc.integer({ min: 1, max: 3000 }).map((n) => Array.from({ length: n }, (_, i) => `f${i % 7}=${i}`).join("&")),
);

const own = () => [resident, facilitator];
const slugs = () => [w.A.slug, w.B.slug, "%00", "%2e%2e", "x".repeat(300)];
const ids = () => [String(w.ideaA.id), "0x10", "1e1", "-0", "%00", "99999999999999999999", "%F0%9F%91%8D"];

/** Paths of the sample (GET and POST), built at run time from the world. */
function paths(): string[] {
  const i = ids();
  const s = slugs();
  return [
    "/",
    ...i.map((x) => `/ideas/${x}`),
    ...i.map((x) => `/meetings/${x}`),
    ...i.map((x) => `/votes/${x}`),
    ...s.map((x) => `/councils/${x}`),
    ...s.map((x) => `/councils/${x}/decisions.atom`),
    `/ideas/new`,
    `/ideas`,
    `/decisions`,
    `/decisions/${w.decisionA.seq}`,
    `/search`,
    `/login`,
    `/signup`,
    `/language`,
    `/unsubscribe`,
    `/receipts`,
    `/account`,
    `/account/preferences`,
    `/moderation`,
    `/rules`,
    `/statistics`,
    `/budgets`,
    ...i.slice(1).map((x) => `/budgets/${x}`),
    `/budgets/${w.budgets.voting.id}`,
    `/budgets/${w.budgets.voting.id}/vote`,
    `/budgets/${w.budgets.counted.id}/results`,
    `/budgets/${w.budgets.implementing.id}/projects/${w.budgets.implementing.projects[0]!.id}`,
    `/budgets/${w.budgets.counted.id}/envelopes/${w.budgets.counted.envelopes.town}.pb`,
    `/health`,
    `/uploads/nothing.png`,
    `/uploads/%2e%2e%2fconseil.db`,
    `/open-data/ideas.csv`,
    `/meetings.ics`,
    `/decisions.atom`,
    `/nothing/here`,
    `/build/../../etc/passwd`,
    `/%2e%2e/%2e%2e/etc/passwd`,
    `//evil.example/`,
  ];
}

const QUERY_KEYS = ["q", "page", "council", "status", "theme", "kind", "code", "from", "to", "scope", "redirectTo", "token", "key", "_data", "index", "head"];
const query = fc.array(fc.tuple(fc.constantFrom(...QUERY_KEYS), hostile.map((v) => v.slice(0, 3000))), { maxLength: 4 }).map((entries) =>
  entries.length ? "?" + new URLSearchParams(entries.map(([k, v]) => [k, (v as string & { toWellFormed(): string }).toWellFormed()])).toString() : "",
);

type LengthMode = "exact" | "missing" | "huge" | "negative" | "junk" | "short" | "long" | "chunked" | "twice";

/** Forms of the sample, with their real fields and a valid value for each. */
function forms(): { path: string; fields: Record<string, string>; who: "resident" | "facilitator" | null }[] {
  const A = String(w.A.id);
  return [
    { path: "/ideas/new", fields: { title: "Un banc de plus", body: "Un banc à l'ombre près de l'aire de jeux, pour les parents.", theme: "culture", councilId: A, place: "Square" }, who: "resident" },
    { path: `/ideas/${w.ideaA.id}`, fields: { intent: "comment", target: "", stance: "for", body: "Oui, bonne idée.", parentId: "" }, who: "resident" },
    { path: `/ideas/${w.ideaA.id}`, fields: { intent: "report", target: "", subjectKind: "idea", subjectId: String(w.ideaA.id), reason: "Hors sujet, à vérifier." }, who: "resident" },
    { path: "/login", fields: { email: "personne@test.fr", password: "correct horse battery", redirectTo: "/ideas" }, who: null },
    { path: "/signup", fields: { displayName: "Nouvelle", email: "nouvelle@test.fr", password: "un mot de passe solide" }, who: null },
    { path: "/language", fields: { lng: "en", redirectTo: "/ideas" }, who: null },
    { path: "/account/preferences", fields: { channel: "email", digest: "on", topics: "ideas", locale: "fr", phone: "", postalAddress: "" }, who: "resident" },
    { path: "/meetings/new", fields: { councilId: A, title: "Réunion", startsAt: "2099-03-01T18:00", endsAt: "2099-03-01T20:00", placeName: "Salle", address: "", accessibility: "" }, who: "facilitator" },
    { path: "/account/residency", fields: { reference: "REF-1", familyName: "Martin", birthDate: "17/05/1980" }, who: "resident" },
    { path: "/unsubscribe", fields: { key: "abc" }, who: null },
    { path: `/budgets/${w.budgets.voting.id}/vote`, fields: { choices: w.budgets.voting.choices[0]!, step: "review" }, who: "resident" },
    { path: `/budgets/${w.budgets.counted.id}/results`, fields: { intent: "share", code: w.budgets.counted.receipts[0] ?? "ABCD" }, who: null },
  ];
}

/** A well-formed post of one form, one or more fields hostile. */
const formPost = fc.integer({ min: 0, max: 11 }).chain((i) => {
  const f = forms()[i]!;
  const names = Object.keys(f.fields);
  return fc
    .tuple(fc.subarray(names, { minLength: 1 }), fc.array(fieldValue([], []), { minLength: names.length, maxLength: names.length }), fc.uint8Array({ minLength: 16, maxLength: 16 }))
    .map(([hit, values, once]) => {
      const entries = names.map((n, k) => [n, hit.includes(n) ? well(values[k]!) : f.fields[n]!] as [string, string]);
      entries.push(["_once", Buffer.from(once).toString("base64url")]);
      return { path: f.path, body: new URLSearchParams(entries).toString(), who: f.who };
    });
});

const well = (v: string) => (v as string & { toWellFormed(): string }).toWellFormed();

describe(`the real server under fuzz (seed ${SEED})`, () => {
  it("answers every request below 500 and never sends a NUL byte", async () => {
    const origin = srv.url;
    const cookieOf = (who: "resident" | "facilitator" | null) => (who === "resident" ? resident : who === "facilitator" ? facilitator : null);
    // Well-formed requests (pages and forms a browser would send) with one thing twisted…
    const wellFormed = fc
      .record({
        post: fc.option(formPost, { freq: 2 }),
        path: fc.constantFrom(...paths()),
        query,
        lang: fc.option(fc.constantFrom(...LANGS), { freq: 3 }),
        junkCookie: fc.option(fc.constantFrom("x=%%%", "lng=%E0%A4%A", "a=" + "b".repeat(3000), "lng=e30="), { freq: 4 }),
        acceptEncoding: fc.constantFrom<string | null>(null, "gzip", "br;q=abc", "identity;q=0", "*"),
        data: fc.integer({ min: 0, max: 5 }).map((n) => n === 0),
      })
      .map((r) => {
        const cookie = [r.post ? cookieOf(r.post.who) : resident, r.junkCookie].filter(Boolean).join("; ") || null;
        return {
          method: r.post ? "POST" : "GET",
          path: r.post ? r.post.path : r.path,
          query: r.post ? "" : r.query,
          type: "application/x-www-form-urlencoded",
          origin: r.post ? origin : null,
          referer: null,
          lang: r.lang,
          cookie,
          acceptEncoding: r.acceptEncoding,
          length: "exact" as LengthMode,
          body: r.post?.body ?? "",
          data: r.data,
        };
      });
    // …and requests where anything may be wrong.
    const anything = fc.record({
      method: fc.constantFrom("GET", "GET", "POST", "POST", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"),
      path: fc.constantFrom(...paths()),
      query,
      type: fc.constantFrom(...TYPES),
      origin: fc.constantFrom<string | null>(origin, origin, origin, null, "null", "http://evil.example", origin + "/", origin + ".evil.example", "%%%", "http://localhost"),
      referer: fc.constantFrom<string | null>(null, origin + "/ideas", "http://evil.example/", "::::"),
      lang: fc.option(fc.constantFrom(...LANGS), { freq: 2 }),
      cookie: fc.option(fc.constantFrom(...COOKIES(own())), { freq: 3 }),
      acceptEncoding: fc.constantFrom<string | null>(null, "gzip", "br;q=abc", "identity;q=0", "*"),
      length: fc.constantFrom<LengthMode>("exact", "exact", "exact", "exact", "missing", "huge", "negative", "junk", "short", "long", "chunked", "twice"),
      body: rawBody,
      data: fc.boolean(),
    });
    const request = fc.oneof({ weight: 3, arbitrary: wellFormed }, { weight: 2, arbitrary: anything });
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const body = Buffer.from(r.method === "GET" || r.method === "HEAD" ? "" : r.body, "utf8");
        const path = r.path + r.query + (r.data ? (r.query ? "&" : "?") + "_data=root" : "");
        const h: string[] = [`${r.method} ${path} HTTP/1.1`, `Host: localhost:${srv.port}`, "Connection: close"];
        if (r.method !== "GET" && r.method !== "HEAD") h.push(`Content-Type: ${r.type}`);
        if (r.origin !== null) h.push(`Origin: ${r.origin}`);
        if (r.referer !== null) h.push(`Referer: ${r.referer}`);
        if (r.lang) h.push(`Accept-Language: ${headerSafe(r.lang)}`);
        if (r.cookie) h.push(`Cookie: ${headerSafe(r.cookie)}`);
        if (r.acceptEncoding) h.push(`Accept-Encoding: ${r.acceptEncoding}`);
        let halfClose = false;
        switch (r.length) {
          case "exact":
            h.push(`Content-Length: ${body.length}`);
            break;
          case "huge":
            h.push("Content-Length: 99999999999999999999");
            break;
          case "negative":
            h.push("Content-Length: -1");
            break;
          case "junk":
            h.push("Content-Length: 12abc");
            break;
          case "short":
            h.push(`Content-Length: ${Math.max(0, body.length - 3)}`);
            break;
          case "long":
            h.push(`Content-Length: ${body.length + 50}`);
            halfClose = true;
            break;
          case "chunked":
            h.push("Transfer-Encoding: chunked");
            break;
          case "twice":
            h.push(`Content-Length: ${body.length}`, `Content-Length: ${body.length + 1}`);
            break;
        }
        const payload = r.length === "chunked" ? Buffer.concat([Buffer.from(`${body.length.toString(16)}\r\n`), body, Buffer.from("\r\n0\r\n\r\n")]) : body;
        const res = await rawRequest(h.join("\r\n") + "\r\n\r\n", payload, { halfClose });
        sent++;
        const what = `${r.method} ${path.slice(0, 200)} (${r.length} length, ${JSON.stringify(r.type)})`;
        // A body shorter than announced, with the connection closed: the server may give up
        // without an answer. Every other request gets one.
        if (res.status === null) {
          if (r.length !== "long") throw new Error(`${what}: no answer (seed ${SEED})\n${srv.output().slice(-2000)}`);
          return;
        }
        if (res.status >= 500) throw new Error(`${what}: ${res.status} (seed ${SEED})\n${res.body.toString("utf8").slice(0, 500)}\n${srv.output().slice(-3000)}`);
        const nul = res.body.indexOf(0);
        if (nul >= 0) throw new Error(`${what}: NUL byte at ${nul} of the response (seed ${SEED}): …${JSON.stringify(res.body.subarray(Math.max(0, nul - 120), nul + 40).toString("utf8"))}…`);
        for (const [k, v] of Object.entries(res.headers)) if (v.includes("\u0000")) throw new Error(`${what}: NUL in header ${k}`);
      }),
      fcParams(400),
    );
    expect(sent).toBeGreaterThan(0);
  }, 120_000);
});
