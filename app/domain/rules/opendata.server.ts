/** Every rulebook version as open data (JSON and CSV). */
import { asc } from "drizzle-orm";
import { db } from "#db/client.server";
import { ruleVersions } from "#db/schema";
import { snakeCase, toCsv } from "~/lib/csv";
import type { Dataset } from "../opendata/types";
import { PARAM_FIELDS } from "./params";
import { parseVersion } from "./rules.server";

function all() {
  return db.select().from(ruleVersions).orderBy(asc(ruleVersions.scope), asc(ruleVersions.number)).all().map(parseVersion);
}

export const rulesDatasets: Dataset[] = [
  {
    file: "rules.json",
    titleKey: "openData.sets.rulesJson.title",
    descriptionKey: "openData.sets.rulesJson.description",
    format: "JSON",
    contentType: "application/json; charset=utf-8",
    produce: () =>
      JSON.stringify(
        all().map((v) => ({ scope: v.scope, number: v.number, label: v.label, title: v.title, publishedAt: v.publishedAt, decision: v.decisionSeq, params: v.params, body: v.body })),
        null,
        1,
      ),
  },
  {
    file: "rules.csv",
    titleKey: "openData.sets.rulesCsv.title",
    descriptionKey: "openData.sets.rulesCsv.description",
    format: "CSV",
    contentType: "text/csv; charset=utf-8",
    produce: () =>
      toCsv(
        // parameter names are camelCase in code and JSON; the CSV keeps its one convention
        ["scope", "number", "title", "published_at", "decision", ...PARAM_FIELDS.map((f) => snakeCase(f.key))],
        all().map((v) => [v.scope, v.number, v.title, v.publishedAt, v.decisionSeq, ...PARAM_FIELDS.map((f) => v.params[f.key])]),
      ),
  },
];
