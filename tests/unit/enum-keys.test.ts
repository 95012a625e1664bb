/**
 * Every code the product stores or shows (each enum in db/enums.ts, every outcome the
 * domain can write, search kinds, rulebook options) has a word in both locales, and a
 * rendered outcome or status never shows the raw code.
 */
import i18next from "i18next";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { describe, expect, it } from "vitest";
import * as enums from "#db/enums";
import { OutcomeBadge } from "~/components/outcome-badge";
import { IdeaStatusBadge } from "~/components/idea/idea-badges";
import { EvidenceLabel } from "~/components/idea/idea-answers";
import { FREE_OUTCOMES } from "~/domain/decisions/schemas";
import { nextAnswers } from "~/domain/ideas/lifecycle";
import { PARAM_FIELDS } from "~/domain/rules/params";
import { SEARCH_KINDS } from "~/domain/search/schemas";
import en from "~/locales/en.json";
import fr from "~/locales/fr.json";

/** Where each enum of db/enums.ts finds its words. A new enum must be added here. */
const KEY_OF: Record<string, (v: string) => string> = {
  ROLES: (v) => `roles.${v}`,
  SUBJECT_KINDS: (v) => `decisions.kinds.${v}`,
  IDEA_STATUSES: (v) => `ideas.statuses.${v}`,
  IDEA_THEMES: (v) => `ideas.themes.${v}`,
  CHANNELS: (v) => `ideas.channels.${v}`,
  STANCES: (v) => `idea.stances.${v}`,
  REPORT_STATUSES: (v) => `moderation.reportStatuses.${v}`,
  MEETING_STATUSES: (v) => `meetings.statuses.${v}`,
  DECISION_OUTCOMES: (v) => `decisions.outcomes.${v}`,
  ROLE_CHANGES: (v) => `admin.roles.changes.${v}`,
  ASSIGNABLE_ROLES: (v) => `roles.${v}`,
  VERIFICATION_METHODS: (v) => `residency.methods.${v}`,
  DOCUMENT_TYPES: (v) => `residency.documents.${v}`,
  BALLOT_CHANNELS: (v) => `votes.channels.${v}`,
  BOX_KINDS: (v) => `receipts.kinds.${v}`,
  VOTE_FORMS: (v) => `votes.forms.${v}`,
  BUDGET_PHASES: (v) => `budgets.phases.${v}`,
  FEASIBILITY_VERDICTS: (v) => `budgets.verdicts.${v}`,
  PROJECT_STATUSES: (v) => `budgets.projectStatuses.${v}`,
  FOLLOW_KINDS: (v) => `space.followKinds.${v}`,
  DELIVERY_CHANNELS: (v) => `preferences.channels.${v}`,
  SEND_CHANNELS: (v) => `preferences.channels.${v}`,
  TOPICS: (v) => `preferences.topicNames.${v}`,
};

/**
 * Enums that never reach a page (the outbox's and the tokens' inner states): listed so that
 * a new enum must still be classified, here or in KEY_OF.
 */
const INTERNAL = new Set([
  "OUTBOX_STATUSES",
  "OUTBOX_PURPOSES",
  "TOKEN_PURPOSES",
  // worded by a template per kind in app/domain/notifications/kinds.ts (tests/integration/notify.test.ts)
  "NOTIFICATION_KINDS",
]);

const locales = { fr, en } as Record<string, unknown>;
function has(locale: string, key: string) {
  let node: unknown = locales[locale];
  for (const part of key.split(".")) {
    if (!node || typeof node !== "object") return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" && node.trim() !== "";
}

const arrays = (Object.entries(enums) as [string, unknown][]).filter((e): e is [string, readonly string[]] => Array.isArray(e[1]) && !INTERNAL.has(e[0]));

describe("every code has a word", () => {
  it("each enum of db/enums.ts is mapped to its translation keys", () => {
    expect(arrays.length).toBeGreaterThan(8);
    for (const [name] of arrays) expect(KEY_OF[name], `${name}: add it to KEY_OF`).toBeTypeOf("function");
  });

  it.each(["fr", "en"])("every value has a key in %s", (locale) => {
    const missing: string[] = [];
    for (const [name, values] of arrays) for (const v of values) if (!has(locale, KEY_OF[name]!(v))) missing.push(KEY_OF[name]!(v));
    for (const k of SEARCH_KINDS) if (!has(locale, `search.kinds.${k}`)) missing.push(`search.kinds.${k}`);
    for (const f of PARAM_FIELDS) for (const o of f.options ?? []) if (!has(locale, `rules.params.${f.key}.options.${o}`)) missing.push(`rules.params.${f.key}.options.${o}`);
    expect(missing).toEqual([]);
  });

  it("every outcome the domain writes is a DECISION_OUTCOME", () => {
    const written = new Set<string>([...FREE_OUTCOMES, "rules_published", "hidden", "restored", "merged", ...enums.IDEA_STATUSES.flatMap((s) => nextAnswers(s))]);
    for (const o of written) expect(enums.DECISION_OUTCOMES as readonly string[], o).toContain(o);
  });
});

describe("rendered outcomes and statuses", () => {
  const render = async (locale: "fr" | "en", el: ReturnType<typeof createElement>) => {
    const i18n = i18next.createInstance();
    await i18n.use(initReactI18next).init({ lng: locale, resources: { fr: { common: fr }, en: { common: en } }, defaultNS: "common", interpolation: { escapeValue: false } });
    return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, el)).replace(/<[^>]+>/g, "").trim();
  };

  it.each(["fr", "en"] as const)("never show a raw code (%s)", async (locale) => {
    for (const o of enums.DECISION_OUTCOMES) {
      const text = await render(locale, createElement(OutcomeBadge, { outcome: o }));
      expect(text, o).not.toBe(o);
      expect(text, o).not.toMatch(/^[a-z]+(_[a-z]+)+$|decisions\.outcomes/);
      expect(text.length, o).toBeGreaterThan(2);
    }
    for (const s of enums.IDEA_STATUSES) {
      const text = await render(locale, createElement(IdeaStatusBadge, { status: s }));
      expect(text, s).not.toContain(s);
    }
    // evidence labels are codes too (comment:ID:stance, rules:vN, idea:ID), on the decision page
    for (const label of ["comment:3:for", "comment:3:against", "comment:3:neutral", "rules:v2", "idea:7"]) {
      const text = await render(locale, createElement(EvidenceLabel, { label }));
      expect(text, label).not.toContain(label);
      expect(text, label).toMatch(/\d/);
    }
    // an unknown code still shows a word, not the code
    expect(await render(locale, createElement(OutcomeBadge, { outcome: "not_a_code" }))).not.toContain("not_a_code");
  });
});
