/**
 * Public statistics, town-wide and per council, computed live from the data on every
 * request (no batch, no stored totals), each query read from one index
 * (tests/integration/statistics.test.ts checks the plans).
 *
 * Extension point: STAT_SECTIONS. A section computes its figures for the town and for each
 * council, and its monthly series for the charts. Ideas and meetings are here; turnout per
 * channel (votes and budgets) and the budgets' money and projects are in
 * participation-stats.server.ts (see docs/decisions/010).
 *
 * Privacy: a per-council figure that rests on fewer than MIN_PEOPLE people is not shown
 * (the section says how many people each figure rests on: `people`).
 */
import { sql } from "drizzle-orm";
import { db } from "#db/client.server";
import { councils } from "#db/schema";
import { budgetsSection, turnoutSection } from "./participation-stats.server";

export const MIN_PEOPLE = 5;
export const MONTHS = 12;

export type Unit = "count" | "percent" | "days" | "cents";
export interface Figure {
  /** Translation key under statistics.figures. */
  key: string;
  value: number | null;
  unit: Unit;
}
export interface Series {
  key: string;
  unit: Unit;
  kind: "bars" | "line";
  /** One value per month of `months` (null: nothing to measure that month). */
  values: (number | null)[];
}
export interface ScopeFigures {
  figures: Figure[];
  /** How many distinct people the figures rest on (null: not about people). */
  people: number | null;
}
export interface SectionResult {
  town: ScopeFigures;
  councils: Map<number, ScopeFigures>;
  series: Series[];
}
export interface StatSection {
  id: string;
  titleKey: string;
  /** `only`: the monthly series of one council instead of the town. */
  compute(months: string[], only?: number): SectionResult;
}

/** The last `n` months, oldest first, as "YYYY-MM" (UTC). */
export function lastMonths(now: Date, n = MONTHS): string[] {
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

export function median(xs: number[]): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

// ------------------------------------------------------------------ ideas

/** The median of a histogram of whole days ({ days, n }), exact on those whole days. */
export function histogramMedian(h: { days: number; n: number }[]): number | null {
  const total = h.reduce((a, b) => a + b.n, 0);
  if (!total) return null;
  const sorted = [...h].sort((a, b) => a.days - b.days);
  const at = (k: number) => {
    let seen = 0;
    for (const b of sorted) {
      seen += b.n;
      if (seen > k) return b.days;
    }
    return sorted[sorted.length - 1]!.days;
  };
  return total % 2 ? at((total - 1) / 2) : (at(total / 2 - 1) + at(total / 2)) / 2;
}

function ideasSection(months: string[], only?: number): SectionResult {
  // Kept in step with every submission and first answer by triggers (migration 0012).
  const monthly = db.all<{ c: number; m: string; received: number; answered: number; inTime: number }>(
    sql`SELECT council_key AS c, month AS m, received, answered, in_time AS inTime FROM idea_monthly_stats ORDER BY council_key, month`,
  );
  const days = db.all<{ c: number; days: number; n: number }>(sql`SELECT council_key AS c, days, n FROM idea_answer_days ORDER BY council_key, days`);
  const people = db.all<{ c: number; n: number }>(sql`SELECT council_key AS c, count(*) AS n FROM idea_authors GROUP BY council_key`);
  const townPeople = db.get<{ n: number }>(sql`SELECT count(DISTINCT person) AS n FROM idea_authors`)?.n ?? 0;

  type Acc = { received: number; answered: number; inTime: number; days: { days: number; n: number }[] };
  const scopes = new Map<number, Acc>();
  const scope = (c: number) => {
    let s = scopes.get(c);
    if (!s) scopes.set(c, (s = { received: 0, answered: 0, inTime: 0, days: [] }));
    return s;
  };
  const town: Acc = { received: 0, answered: 0, inTime: 0, days: [] };
  const monthIdx = new Map(months.map((m, i) => [m, i]));
  const recvSeries = months.map(() => 0);
  const answSeries = months.map(() => 0);
  const inTimeSeries = months.map(() => 0);
  for (const r of monthly) {
    for (const s of [scope(r.c), town]) {
      s.received += r.received;
      s.answered += r.answered;
      s.inTime += r.inTime;
    }
    const i = monthIdx.get(r.m);
    if (i !== undefined && (only === undefined || r.c === only)) {
      recvSeries[i]! += r.received;
      answSeries[i]! += r.answered;
      inTimeSeries[i]! += r.inTime;
    }
  }
  const townDays = new Map<number, number>();
  for (const d of days) {
    scope(d.c).days.push({ days: d.days, n: d.n });
    townDays.set(d.days, (townDays.get(d.days) ?? 0) + d.n);
  }
  town.days = [...townDays].map(([d, n]) => ({ days: d, n }));
  const figures = (s: Acc): Figure[] => [
    { key: "ideasReceived", value: s.received, unit: "count" },
    { key: "ideasAnswered", value: s.answered, unit: "count" },
    { key: "answeredInTime", value: ratio(s.inTime, s.answered), unit: "percent" },
    { key: "medianDays", value: histogramMedian(s.days), unit: "days" },
  ];
  const peopleOf = new Map(people.map((p) => [p.c, p.n]));
  const councilsOut = new Map<number, ScopeFigures>();
  for (const [k, s] of scopes) if (k !== 0) councilsOut.set(k, { figures: figures(s), people: peopleOf.get(k) ?? 0 });
  return {
    town: { figures: figures(town), people: townPeople },
    councils: councilsOut,
    series: [
      { key: "ideasReceived", unit: "count", kind: "bars", values: recvSeries },
      { key: "ideasAnswered", unit: "count", kind: "bars", values: answSeries },
      { key: "answeredInTime", unit: "percent", kind: "line", values: answSeries.map((n, i) => ratio(inTimeSeries[i]!, n)) },
    ],
  };
}

// ------------------------------------------------------------------ meetings

function meetingsSection(months: string[], only?: number): SectionResult {
  const rows = db.all<{ c: number; m: string; due: string | null; first: string | null }>(
    sql`SELECT m.council_id AS c, substr(m.starts_at, 1, 7) AS m, m.minutes_due_at AS due,
          (SELECT min(v.published_at) FROM minutes_versions v INDEXED BY minutes_versions_published_idx WHERE v.meeting_id = m.id) AS first
        FROM meetings m INDEXED BY meetings_stats_idx WHERE m.status = 'held'`,
  );
  const monthIdx = new Map(months.map((m, i) => [m, i]));
  const held = months.map(() => 0);
  const scopes = new Map<number, { held: number; onTime: number; due: number }>();
  const town = { held: 0, onTime: 0, due: 0 };
  for (const r of rows) {
    let s = scopes.get(r.c);
    if (!s) scopes.set(r.c, (s = { held: 0, onTime: 0, due: 0 }));
    const onTime = r.due && r.first && r.first <= r.due ? 1 : 0;
    for (const x of [s, town]) {
      x.held++;
      x.due += r.due ? 1 : 0;
      x.onTime += onTime;
    }
    const i = monthIdx.get(r.m);
    if (i !== undefined && (only === undefined || r.c === only)) held[i]! += 1;
  }
  const figures = (s: { held: number; onTime: number; due: number }): Figure[] => [
    { key: "meetingsHeld", value: s.held, unit: "count" },
    { key: "minutesOnTime", value: ratio(s.onTime, s.due), unit: "percent" },
  ];
  return {
    town: { figures: figures(town), people: null },
    councils: new Map([...scopes].map(([c, s]) => [c, { figures: figures(s), people: null }])),
    series: [{ key: "meetingsHeld", unit: "count", kind: "bars", values: held }],
  };
}

/** The sections, in page order. */
export const STAT_SECTIONS: StatSection[] = [
  { id: "ideas", titleKey: "statistics.sections.ideas", compute: ideasSection },
  { id: "meetings", titleKey: "statistics.sections.meetings", compute: meetingsSection },
  { id: "turnout", titleKey: "statistics.sections.turnout", compute: turnoutSection },
  { id: "budgets", titleKey: "statistics.sections.budgets", compute: budgetsSection },
];

/** Everything the statistics page, its CSV and its JSON show. */
export function statistics(now = new Date(), only?: number) {
  const months = lastMonths(now);
  const list = db.select({ id: councils.id, name: councils.name, slug: councils.slug }).from(councils).orderBy(councils.name).all();
  const sections = STAT_SECTIONS.map((s) => {
    const r = s.compute(months, only);
    const mine = only === undefined ? null : r.councils.get(only);
    // a council's charts rest on its people too: hidden under the threshold
    const hidden = only !== undefined && (mine?.people ?? 0) < MIN_PEOPLE && r.town.people !== null;
    return {
      id: s.id,
      titleKey: s.titleKey,
      town: r.town,
      series: hidden ? [] : r.series,
      seriesHidden: hidden,
      councils: list.map((c) => {
        const f = r.councils.get(c.id) ?? { figures: r.town.figures.map((x) => ({ ...x, value: x.unit === "count" ? 0 : null })), people: r.town.people === null ? null : 0 };
        const suppressed = f.people !== null && f.people < MIN_PEOPLE;
        return { councilId: c.id, figures: suppressed ? f.figures.map((x) => ({ ...x, value: null })) : f.figures, suppressed };
      }),
    };
  });
  return { computedAt: now.toISOString(), months, councils: list, council: list.find((c) => c.id === only) ?? null, sections, minPeople: MIN_PEOPLE };
}

export type Statistics = ReturnType<typeof statistics>;
