/**
 * The rulebook (le cadre): versions per scope, publishing a new version (itself a register
 * entry explaining why the rules change, written in the same transaction), and the
 * readable diff between two versions.
 */
import { and, asc, desc, eq, max } from "drizzle-orm";
import { db } from "#db/client.server";
import { ruleVersions } from "#db/schema";
import { markdownWordDiff, type DiffPart } from "~/lib/diff";
import { actingRole, assertCanAs, type MaybeActor } from "../accounts/policy";
import { assertExplanation, recordDecision } from "../decisions/record.server";
import { DomainError } from "../errors";
import { rulesInForce, TOWN_SCOPE, versionLabel } from "./in-force.server";
import { PARAM_FIELDS, RuleParamsSchema, type PublishRulesInput, type RuleParams } from "./params";

export { rulesInForce, TOWN_SCOPE, versionLabel };

export type RuleVersionRow = typeof ruleVersions.$inferSelect;

export function parseVersion(row: RuleVersionRow) {
  return { ...row, label: versionLabel(row.scope, row.number), params: RuleParamsSchema.parse(JSON.parse(row.params)) as RuleParams };
}

export function listVersions(scope = TOWN_SCOPE) {
  return db.select().from(ruleVersions).where(eq(ruleVersions.scope, scope)).orderBy(desc(ruleVersions.number)).all().map(parseVersion);
}

export function listScopes(): string[] {
  return db.selectDistinct({ scope: ruleVersions.scope }).from(ruleVersions).orderBy(asc(ruleVersions.scope)).all().map((r) => r.scope);
}

export function getVersionById(id: number) {
  const row = db.select().from(ruleVersions).where(eq(ruleVersions.id, id)).get();
  return row ? parseVersion(row) : null;
}

export function getVersion(scope: string, number: number) {
  const row = db.select().from(ruleVersions).where(and(eq(ruleVersions.scope, scope), eq(ruleVersions.number, number))).get();
  return row ? parseVersion(row) : null;
}

/**
 * Publishes version n+1 of a scope and its register entry, together. The explanation must
 * meet the minimum of the rules in force before the change (for the very first version,
 * the new version's own minimum).
 */
export function publishRuleVersion(actor: MaybeActor, input: PublishRulesInput, at = new Date()) {
  const a = assertCanAs(actor, "rules.publish");
  const role = actingRole(a, "rules.publish") ?? "official";
  const { scope, title, body, explanation, ...rest } = input;
  const params = RuleParamsSchema.parse(rest);
  return db.transaction((tx) => {
    const current = rulesInForce(scope, at, tx);
    // The explanation is checked first: it is what the person filling the form must fix.
    assertExplanation(tx, explanation, scope, "explanation", current.version ? undefined : params.minExplanationLength);
    const n = (tx.select({ n: max(ruleVersions.number) }).from(ruleVersions).where(eq(ruleVersions.scope, scope)).get()?.n ?? 0) + 1;
    if (current.version && current.version.scope === scope) {
      const same =
        JSON.stringify(current.params) === JSON.stringify(params) &&
        getVersionTx(tx, scope, current.version.number)?.body.trim() === body.trim() &&
        getVersionTx(tx, scope, current.version.number)?.title === title;
      if (same) throw new DomainError("errors.rulesUnchanged", 400);
    }
    const entry = recordDecision(tx, a, {
      councilId: null,
      subject: { kind: "rule_change", id: `${scope}/${n}`, title: `${title} (${versionLabel(scope, n)})` },
      outcome: "rules_published",
      explanation,
      authorRole: role,
      ruleScope: scope,
      at,
      minExplanationLength: current.version ? undefined : params.minExplanationLength,
    });
    return tx
      .insert(ruleVersions)
      .values({ scope, number: n, title, body, params: JSON.stringify(params), publishedAt: at.toISOString(), publishedBy: a.userId, decisionSeq: entry.seq })
      .returning()
      .get();
  });
}

function getVersionTx(tx: Parameters<Parameters<typeof db.transaction>[0]>[0], scope: string, number: number) {
  return tx.select().from(ruleVersions).where(and(eq(ruleVersions.scope, scope), eq(ruleVersions.number, number))).get();
}

export type { DiffPart };

/** Word-level diff of the two texts as read (not their markdown), and the parameters that changed. */
export function diffVersions(from: ReturnType<typeof parseVersion>, to: ReturnType<typeof parseVersion>) {
  const text: DiffPart[] = markdownWordDiff(from.body, to.body);
  const params = PARAM_FIELDS.map((f) => ({
    key: f.key,
    from: from.params[f.key],
    to: to.params[f.key],
    changed: from.params[f.key] !== to.params[f.key],
  }));
  return { text, params, titleChanged: from.title !== to.title };
}
