/**
 * Which rulebook version is in force for a scope at a given time. Everything the software
 * enforces (delays, thresholds, explanation length, ballot rules) reads its numbers here.
 */
import { and, desc, eq, lte } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import { ruleVersions } from "#db/schema";
import { BOOTSTRAP_PARAMS, RuleParamsSchema, TOWN_SCOPE, type RuleParams } from "./params";

export { TOWN_SCOPE };

export interface RulesInForce {
  version: { id: number; scope: string; number: number; label: string; publishedAt: string } | null;
  params: RuleParams;
}

export function versionLabel(scope: string, number: number) {
  return scope === TOWN_SCOPE ? `v${number}` : `${scope} v${number}`;
}

function latest(tx: Tx, scope: string, at: string) {
  return tx
    .select()
    .from(ruleVersions)
    .where(and(eq(ruleVersions.scope, scope), lte(ruleVersions.publishedAt, at)))
    .orderBy(desc(ruleVersions.publishedAt), desc(ruleVersions.number))
    .limit(1)
    .get();
}

/**
 * The version in force for `scope` at `at`: the latest published at or before `at`; a
 * process without its own version falls back to the town's. Before any version exists the
 * bootstrap values apply (version null).
 */
export function rulesInForce(scope: string = TOWN_SCOPE, at: Date | string = new Date(), tx: Tx = db): RulesInForce {
  const when = typeof at === "string" ? at : at.toISOString();
  const row = latest(tx, scope, when) ?? (scope !== TOWN_SCOPE ? latest(tx, TOWN_SCOPE, when) : undefined);
  if (!row) return { version: null, params: BOOTSTRAP_PARAMS };
  return {
    version: { id: row.id, scope: row.scope, number: row.number, label: versionLabel(row.scope, row.number), publishedAt: row.publishedAt },
    params: RuleParamsSchema.parse(JSON.parse(row.params)),
  };
}
