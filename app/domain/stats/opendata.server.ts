/** The statistics page's figures as open data: one row per scope (town, councils) and figure; JSON adds the monthly series. */
import { toCsv } from "~/lib/csv";
import type { Dataset } from "../opendata/types";
import { statistics } from "./statistics.server";

function rows() {
  const s = statistics();
  const out: { scope: string; council_slug: string; section: string; figure: string; unit: string; value: number | null; suppressed: boolean }[] = [];
  for (const sec of s.sections) {
    for (const f of sec.town.figures) out.push({ scope: "town", council_slug: "", section: sec.id, figure: f.key, unit: f.unit, value: f.value, suppressed: false });
    for (const c of sec.councils) {
      const slug = s.councils.find((x) => x.id === c.councilId)!.slug;
      for (const f of c.figures) out.push({ scope: "council", council_slug: slug, section: sec.id, figure: f.key, unit: f.unit, value: f.value, suppressed: c.suppressed });
    }
  }
  return { s, out };
}

export const statisticsDatasets: Dataset[] = [
  {
    file: "statistics.csv",
    titleKey: "openData.sets.statisticsCsv.title",
    descriptionKey: "openData.sets.statisticsCsv.description",
    format: "CSV",
    contentType: "text/csv; charset=utf-8",
    produce: () =>
      toCsv(
        ["scope", "council_slug", "section", "figure", "unit", "value", "suppressed"],
        rows().out.map((r) => [r.scope, r.council_slug, r.section, r.figure, r.unit, r.value ?? "", r.suppressed ? "yes" : "no"]),
      ),
  },
  {
    file: "statistics.json",
    titleKey: "openData.sets.statisticsJson.title",
    descriptionKey: "openData.sets.statisticsJson.description",
    format: "JSON",
    contentType: "application/json; charset=utf-8",
    produce: () => {
      const { s, out } = rows();
      return JSON.stringify({ computedAt: s.computedAt, minPeople: s.minPeople, months: s.months, figures: out, series: s.sections.map((x) => ({ section: x.id, series: x.series })) }, null, 2);
    },
  },
];
