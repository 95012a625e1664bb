/**
 * A small town built by each test file for itself, through the domain functions: no demo
 * ids, names or rule values. Pair with makeUser from ./fixtures.
 */
import { randomUUID } from "node:crypto";
import { db } from "#db/client.server";
import { councils, towns } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import type { PublishRulesInput } from "~/domain/rules/params";
import { publishRuleVersion } from "~/domain/rules/rules.server";
import { BOOTSTRAP_PARAMS } from "~/domain/rules/params";
import { makeUser } from "./fixtures";

/** Long and varied enough for any minimum-explanation rule a test sets. */
export const EXPLANATION =
  "Le conseil a examiné la demande avec les services techniques, qui ont vérifié le coût, le calendrier des travaux et l'accord des riverains consultés lors de la réunion publique ; la décision suit leur avis écrit, joint au dossier.";

/** The town row (name given) if none exists yet. */
export function makeTown(name = `Testville-${randomUUID().slice(0, 6)}`) {
  db.insert(towns).values({ id: 1, name }).onConflictDoNothing().run();
}

export function makeCouncil(name = `Quartier ${randomUUID().slice(0, 6)}`) {
  const slug = `q-${randomUUID().slice(0, 8)}`;
  return db.insert(councils).values({ slug, name, description: "", territory: "" }).returning().get();
}

/** A town-wide official and a rulebook version with the test's own numbers. */
export async function makeRules(params: Partial<PublishRulesInput> = {}, official?: Actor) {
  const a = official ?? (await makeUser({ name: "Officielle Test", roles: [{ role: "official", councilId: null }] }));
  return publishRuleVersion(a, {
    ...BOOTSTRAP_PARAMS,
    minExplanationLength: 40,
    scope: "town",
    title: "Charte de test",
    body: "## Délais\n\nUne réponse **écrite** sous trente jours.",
    explanation: EXPLANATION,
    ...params,
  } as PublishRulesInput);
}
