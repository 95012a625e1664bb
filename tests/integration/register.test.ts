/**
 * The decision register against a real database: one way in, all-or-nothing with the
 * subject change, append-only, tamper detection (verify page and command), feeds and data.
 */
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { count, eq } from "drizzle-orm";
import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { councils, decisions, ruleVersions } from "#db/schema";
import { publicOrigin } from "~/config/site.server";
import canonicalize from "canonicalize";
import type { Actor } from "~/domain/accounts/policy";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { listDecisions, verifyRegister } from "~/domain/decisions/decisions.server";
import { registerJson } from "~/domain/decisions/opendata.server";
import { recordDecision } from "~/domain/decisions/record.server";
import { DomainError } from "~/domain/errors";
import * as newDecision from "~/routes/decisions.new";
import * as verifyRoute from "~/routes/decisions.verify";
import * as decisionRoute from "~/routes/decisions.$seq";
import * as atomRoute from "~/routes/decisions[.]atom";
import * as councilAtomRoute from "~/routes/councils.$slug.decisions[.]atom";
import { demoTown, makeUser } from "../support/fixtures";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";

const run$ = promisify(execFile);
const EXPLANATION =
  "Le conseil a comparé les trois devis reçus et retient celui de l'entreprise locale, moins cher de 12 % et capable d'intervenir avant l'hiver, comme le demandaient les riverains lors de la réunion publique.";

let official: Actor;
let officialCookie: string;
let centre: number;

beforeAll(async () => {
  await demoTown();
  centre = getCouncilBySlug("centre-ville")!.id;
  official = await makeUser({ name: "Élue Test", roles: [{ role: "official", councilId: null }] });
  officialCookie = await sessionCookieFor(official.userId);
});

const entries = () => db.select({ n: count() }).from(decisions).get()!.n;

describe("recording", () => {
  it("commits an entry and its subject change together", () => {
    const before = entries();
    db.transaction((tx) => {
      tx.update(councils).set({ territory: "Nouveau périmètre" }).where(eq(councils.id, centre)).run();
      recordDecision(tx, official, {
        councilId: centre,
        subject: { kind: "council_decision", id: null, title: "Nouveau périmètre" },
        outcome: "adopted",
        explanation: EXPLANATION,
        authorRole: "official",
      });
    });
    expect(entries()).toBe(before + 1);
    expect(getCouncilBySlug("centre-ville")!.territory).toBe("Nouveau périmètre");
  });

  it("rolls both back when the explanation is refused", () => {
    const before = entries();
    expect(() =>
      db.transaction((tx) => {
        tx.update(councils).set({ territory: "Ne doit pas rester" }).where(eq(councils.id, centre)).run();
        recordDecision(tx, official, {
          councilId: centre,
          subject: { kind: "council_decision", id: null, title: "x" },
          outcome: "adopted",
          explanation: "Trop court.",
          authorRole: "official",
        });
      }),
    ).toThrow(DomainError);
    expect(entries()).toBe(before);
    expect(getCouncilBySlug("centre-ville")!.territory).toBe("Nouveau périmètre");
  });

  it("rolls the entry back when the subject change fails after it", () => {
    const before = entries();
    expect(() =>
      db.transaction((tx) => {
        recordDecision(tx, official, {
          councilId: centre,
          subject: { kind: "council_decision", id: null, title: "Échec" },
          outcome: "adopted",
          explanation: EXPLANATION,
          authorRole: "official",
        });
        tx.insert(councils).values({ slug: "centre-ville", name: "Doublon" }).run(); // UNIQUE violation
      }),
    ).toThrow();
    expect(entries()).toBe(before);
    expect(verifyRegister().ok).toBe(true);
  });

  it("snapshots the rulebook version in force and chains hashes", () => {
    const rows = listDecisions({}).rows;
    const latest = rows[0]!;
    expect(latest.ruleVersionLabel).toBe("v2");
    const previous = rows[1]!;
    expect(latest.prevHash).toBe(previous.hash);
  });
});

describe("append-only", () => {
  it("refuses UPDATE and DELETE on entries and rule versions at the database level", () => {
    const versions = db.select({ n: count() }).from(ruleVersions).get()!.n;
    expect(() => sqlite().prepare("UPDATE decisions SET outcome = 'rejected' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => sqlite().prepare("DELETE FROM decisions WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.update(decisions).set({ explanation: "x" }).run()).toThrow(/append-only/);
    expect(() => sqlite().prepare("UPDATE rule_versions SET params = '{}'").run()).toThrow(/never edited/);
    expect(() => sqlite().prepare("DELETE FROM rule_versions").run()).toThrow(/cannot be deleted/);
    // every version is still there (the demo town has the town's and a budget's)
    expect(db.select({ n: count() }).from(ruleVersions).get()!.n).toBe(versions);
  });
});

describe("the officials' form", () => {
  it("publishes a council decision with evidence, then a correction that links both ways", async () => {
    const res = await run(
      newDecision.action,
      formRequest(
        "/decisions/new",
        { councilId: String(centre), title: "Rénovation du kiosque", outcome: "adopted", explanation: EXPLANATION, evidence: "/councils/centre-ville Présentation du projet\nhttps://exemple.fr/devis.pdf Devis", supersedes: "" },
        { cookie: officialCookie },
      ),
    );
    expect(res.status).toBe(302);
    const seq = Number(res.location!.split("/").pop());
    const page = await run(decisionRoute.loader, getRequest(`/decisions/${seq}`), { seq: String(seq) });
    expect(page.data.d.evidence).toEqual([
      { url: "/councils/centre-ville", label: "Présentation du projet" },
      { url: "https://exemple.fr/devis.pdf", label: "Devis" },
    ]);
    expect(page.data.d.authorRole).toBe("official");
    expect(page.data.ruleHref).toBe("/rules/2");

    const fix = await run(
      newDecision.action,
      formRequest("/decisions/new", { councilId: String(centre), title: "Rénovation du kiosque", outcome: "postponed", explanation: EXPLANATION + " Correction : les travaux sont reportés au printemps.", supersedes: String(seq) }, { cookie: officialCookie }),
    );
    const fixSeq = Number(fix.location!.split("/").pop());
    const old = await run(decisionRoute.loader, getRequest(`/decisions/${seq}`), { seq: String(seq) });
    expect(old.data.correctedBy.map((c: { seq: number }) => c.seq)).toEqual([fixSeq]);
    const fixed = await run(decisionRoute.loader, getRequest(`/decisions/${fixSeq}`), { seq: String(fixSeq) });
    expect(fixed.data.supersedes.seq).toBe(seq);
  });

  const bad: [string, Record<string, string>, string, string][] = [
    ["blank explanation", { explanation: "" }, "explanation", "errors.explanationBlank"],
    ["too short explanation", { explanation: "Parce que." }, "explanation", 'errors.explanationShort::{"min":150,"length":10}'],
    ["filler explanation", { explanation: "bien ".repeat(60) }, "explanation", "errors.explanationFiller"],
    ["bad evidence", { evidence: "javascript:alert(1) x" }, "evidence", "errors.evidenceInvalid"],
    ["unknown superseded entry", { supersedes: "99999" }, "supersedes", "errors.supersedesUnknown"],
    ["missing outcome", { outcome: "" }, "outcome", "errors.choose"],
  ];
  for (const [name, override, field, key] of bad) {
    it(`refuses a ${name} with a message, keeps what was typed, writes nothing`, async () => {
      const before = entries();
      const fields = { councilId: String(centre), title: "Mon sujet", outcome: "adopted", explanation: EXPLANATION, evidence: "", supersedes: "", ...override };
      const res = await run(newDecision.action, formRequest("/decisions/new", fields, { cookie: officialCookie }));
      expect(res.status).toBe(400);
      expect(res.data.error[field]).toEqual([key]);
      expect(res.data.initialValue.title).toBe("Mon sujet");
      expect(entries()).toBe(before);
    });
  }

  it("refuses residents and officials of another council", async () => {
    const resident = await sessionCookieFor((await makeUser()).userId);
    const res = await run(newDecision.action, formRequest("/decisions/new", { councilId: String(centre), title: "x", outcome: "adopted", explanation: EXPLANATION }, { cookie: resident }));
    expect(res.status).toBe(403);
    const other = getCouncilBySlug("les-coteaux")!.id;
    const officialB = await sessionCookieFor((await makeUser({ roles: [{ role: "official", councilId: other }] })).userId);
    const res2 = await run(newDecision.action, formRequest("/decisions/new", { councilId: String(centre), title: "x", outcome: "adopted", explanation: EXPLANATION }, { cookie: officialB }));
    expect(res2.status).toBe(403);
    const res3 = await run(newDecision.action, formRequest("/decisions/new", { councilId: String(other), title: "Chemin des Vignes", outcome: "adopted", explanation: EXPLANATION }, { cookie: officialB }));
    expect(res3.status).toBe(302);
  });
});

describe("feeds and data", () => {
  it("serves Atom feeds that a feed parser reads", async () => {
    const res = await atomRoute.loader({ request: getRequest("/decisions.atom"), params: {}, context: {} });
    expect(res.headers.get("Content-Type")).toMatch(/atom\+xml/);
    const feed = await new Parser().parseString(await res.text());
    expect(feed.title).toContain("Registre des arbitrages");
    expect(feed.items.length).toBeGreaterThan(3);
    expect(feed.items[0]!.link).toMatch(new RegExp(`^${publicOrigin()}/decisions/\\d+$`));
    expect(feed.items[0]!.content).toContain("<p>");

    const council = await councilAtomRoute.loader({ request: getRequest("/councils/centre-ville/decisions.atom", { lang: "en" }), params: { slug: "centre-ville" }, context: {} });
    const cfeed = await new Parser().parseString(await council.text());
    expect(cfeed.title).toContain("Centre-Ville");
    expect(cfeed.items.every((i) => i.title)).toBe(true);
  });

  it("publishes a register.json that an independent verifier accepts", () => {
    const data = JSON.parse(registerJson());
    let prev = "0".repeat(64);
    for (const e of data.entries) {
      const { prevHash, hash, ...body } = e;
      const h = createHash("sha256").update(prev + "\n" + canonicalize(body)).digest("hex");
      expect(prevHash).toBe(prev);
      expect(hash).toBe(h);
      prev = h;
    }
    expect(data.head).toBe(prev);
    expect(data.count).toBe(entries());
  });
});

describe("tampering", () => {
  it("makes the verify page and `npm run verify-register` name the altered entry", async () => {
    const ok = await run$("npx", ["tsx", "scripts/verify-register.ts"], { env: { ...process.env } });
    expect(ok.stdout).toMatch(/Register intact: \d+ entries/);

    // someone with file access drops the trigger and changes one byte of entry 4
    sqlite().exec("DROP TRIGGER decisions_no_update");
    const row = sqlite().prepare("SELECT explanation FROM decisions WHERE seq = 4").get() as { explanation: string };
    const altered = row.explanation.replace(/\d/, (d) => String((Number(d) + 1) % 10));
    expect(altered).not.toBe(row.explanation);
    sqlite().prepare("UPDATE decisions SET explanation = ? WHERE seq = 4").run(altered);

    const page = await run(verifyRoute.loader, getRequest("/decisions/verify"));
    expect(page.data.verdict).toMatchObject({ ok: false, seq: 4, reason: "hash", count: 3 });

    const bad = await run$("npx", ["tsx", "scripts/verify-register.ts"], { env: { ...process.env } }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(bad?.code).toBe(1);
    expect(bad?.stderr).toContain("Register BROKEN at entry n° 4");
    expect(bad?.stderr).not.toMatch(/at .*\.ts:\d+/); // a message, not a stack trace
  });
});
