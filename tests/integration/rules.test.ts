/** The rulebook: versions in force by date, publishing with its register entry, diffs, bad input. */
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { decisions, ruleVersions } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { diffVersions, getVersion, listVersions, publishRuleVersion, rulesInForce } from "~/domain/rules/rules.server";
import * as newRules from "~/routes/rules.new";
import * as diffRoute from "~/routes/rules.diff";
import { ForbiddenError } from "~/domain/errors";
import { demoTown, makeUser } from "../support/fixtures";
import { formRequest, getRequest, run, sessionCookieFor } from "../support/http";

const WHY =
  "Le délai de réponse passe à 20 jours : les services ont montré sur six mois qu'ils répondent en moyenne en 14 jours, et les habitants des Coteaux demandaient des réponses plus rapides.";

let official: Actor;
let cookie: string;
beforeAll(async () => {
  await demoTown();
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  cookie = await sessionCookieFor(official.userId);
});

function formFor(overrides: Record<string, string> = {}) {
  const current = listVersions()[0]!;
  const p = current.params;
  return {
    scope: "town",
    title: current.title,
    body: current.body,
    answerDelayDays: String(p.answerDelayDays),
    supportThreshold: String(p.supportThreshold),
    minExplanationLength: String(p.minExplanationLength),
    minutesDelayDays: String(p.minutesDelayDays),
    minVotingAge: String(p.minVotingAge),
    ballotType: p.ballotType,
    maxChoices: String(p.maxChoices),
    allocationRule: p.allocationRule,
    ...(p.votesBinding ? { votesBinding: "on" } : {}),
    explanation: WHY,
    ...overrides,
  };
}

describe("rules in force", () => {
  it("reads the version in force at a given time", () => {
    expect(rulesInForce("town", "2025-12-31T00:00:00Z").version).toBeNull();
    const march = rulesInForce("town", "2026-03-01T00:00:00Z");
    expect(march.version?.label).toBe("v1");
    expect(march.params.answerDelayDays).toBe(45);
    const october = rulesInForce("town", "2026-10-01T00:00:00Z");
    expect(october.version?.label).toBe("v2");
    expect(october.params.answerDelayDays).toBe(30);
  });

  it("falls back to the town's rules for a process without its own version", () => {
    expect(rulesInForce("budget:bp-2027").version?.label).toBe("v2");
  });
});

describe("publishing a version", () => {
  it("writes version n+1 and its register entry together, through the form", async () => {
    const res = await run(newRules.action, formRequest("/rules/new", formFor({ answerDelayDays: "20", body: listVersions()[0]!.body + "\n\nLes réponses tardives sont signalées aux élus." }), { cookie }));
    expect(res.status).toBe(302);
    expect(res.location).toBe("/rules/3");
    const v3 = getVersion("town", 3)!;
    expect(v3.params.answerDelayDays).toBe(20);
    const entry = db.select().from(decisions).where(eq(decisions.seq, v3.decisionSeq)).get()!;
    expect(entry).toMatchObject({ subjectKind: "rule_change", subjectId: "town/3", outcome: "rules_published", explanation: WHY, ruleVersionLabel: "v2" });
    expect(rulesInForce().params.answerDelayDays).toBe(20);
  });

  it("shows a readable diff between versions", async () => {
    const d = diffVersions(getVersion("town", 2)!, getVersion("town", 3)!);
    expect(d.params.filter((p) => p.changed)).toEqual([{ key: "answerDelayDays", from: 30, to: 20, changed: true }]);
    expect(d.text.filter((p) => p.kind === "added").map((p) => p.text).join("")).toContain("signalées aux élus");
    const page = await run(diffRoute.loader, getRequest("/rules/diff?from=1&to=3"));
    expect(page.status).toBe(200);
    expect(page.data.diff.params.filter((p: { changed: boolean }) => p.changed).map((p: { key: string }) => p.key)).toEqual(["answerDelayDays", "supportThreshold", "minutesDelayDays"]);
    const missing = await run(diffRoute.loader, getRequest("/rules/diff?from=1&to=99"));
    expect(missing.status).toBe(404);
  });

  const bad: [string, Record<string, string>, string, string][] = [
    ["a blank explanation", { explanation: "  " }, "explanation", "errors.explanationBlank"],
    ["a short explanation", { explanation: "On change.", answerDelayDays: "10" }, "explanation", 'errors.explanationShort::{"min":150,"length":10}'],
    ["a non-number", { answerDelayDays: "trente" }, "answerDelayDays", "errors.number"],
    ["a number out of range", { minVotingAge: "5" }, "minVotingAge", 'errors.numberMin::{"min":11}'],
    ["an unknown rule", { allocationRule: "dictator" }, "allocationRule", "errors.choose"],
    ["no change at all", {}, "", "errors.rulesUnchanged"],
  ];
  for (const [name, override, field, key] of bad) {
    it(`refuses ${name}, keeps what was typed, writes nothing`, async () => {
      const versions = db.select({ n: count() }).from(ruleVersions).get()!.n;
      const entries = db.select({ n: count() }).from(decisions).get()!.n;
      const res = await run(newRules.action, formRequest("/rules/new", formFor(override), { cookie }));
      expect(res.status).toBe(400);
      expect(res.data.error[field]).toEqual([key]);
      expect(res.data.initialValue.explanation).toBe(override.explanation ?? WHY);
      expect(db.select({ n: count() }).from(ruleVersions).get()!.n).toBe(versions);
      expect(db.select({ n: count() }).from(decisions).get()!.n).toBe(entries);
    });
  }

  it("refuses anyone but a town-wide official", async () => {
    const facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: null }] });
    expect(() => publishRuleVersion(facilitator, { ...formFor(), answerDelayDays: 10 } as never)).toThrow(ForbiddenError);
    const res = await run(newRules.action, formRequest("/rules/new", formFor({ answerDelayDays: "10" }), { cookie: await sessionCookieFor(facilitator.userId) }));
    expect(res.status).toBe(403);
  });

  it("numbers versions per scope", () => {
    const v = publishRuleVersion(official, {
      ...listVersions()[0]!.params,
      scope: "budget:bp-2027",
      title: "Règlement du budget participatif 2027",
      body: "Le vote se fait par approbation sous l'enveloppe.",
      explanation: WHY,
    });
    expect(v.number).toBe(1);
    expect(rulesInForce("budget:bp-2027").version?.label).toBe("budget:bp-2027 v1");
  });
});
