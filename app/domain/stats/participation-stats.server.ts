/**
 * The statistics sections of the ballot box and the budgets (registered in STAT_SECTIONS):
 *  - turnout: boxes counted (votes and budget envelopes), participations and the share of
 *    each channel (online, at the desk, on paper), read from each box's closing certificate —
 *    one row per box, never the participations themselves, so the cost does not grow with
 *    the number of voters. Open boxes show their own live turnout on their pages.
 *  - budgets: money put to the vote, allocated (funded projects) and executed (spent so far),
 *    projects funded and done; money in cents (Unit "cents"). Budgets imported from
 *    Pabulib (another town's history, for the demo or for comparison) are not the town's money
 *    and are left out.
 * A council's turnout figures rest on its participations: under MIN_PEOPLE they are hidden.
 */
import { sql } from "drizzle-orm";
import { db } from "#db/client.server";
import type { Certificate } from "../ballot-box/count.server";
import type { Figure, ScopeFigures, SectionResult } from "./statistics.server";

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

type Turnout = { boxes: number; online: number; desk: number; paper: number; total: number };
const emptyTurnout = (): Turnout => ({ boxes: 0, online: 0, desk: 0, paper: 0, total: 0 });

export function turnoutSection(months: string[], only?: number): SectionResult {
  const rows = db.all<{ c: number | null; at: string; certificate: string | null }>(
    sql`SELECT council_id AS c, closed_at AS at, certificate FROM ballot_boxes WHERE closed_at IS NOT NULL`,
  );
  const town = emptyTurnout();
  const scopes = new Map<number, Turnout>();
  const monthIdx = new Map(months.map((m, i) => [m, i]));
  const series = { online: months.map(() => 0), desk: months.map(() => 0), paper: months.map(() => 0) };
  for (const r of rows) {
    if (!r.certificate) continue;
    const p = (JSON.parse(r.certificate) as Certificate).participations;
    const targets = [town];
    if (r.c !== null) {
      let s = scopes.get(r.c);
      if (!s) scopes.set(r.c, (s = emptyTurnout()));
      targets.push(s);
    }
    for (const s of targets) {
      s.boxes++;
      s.online += p.online;
      s.desk += p.desk;
      s.paper += p.paper;
      s.total += p.total;
    }
    const i = monthIdx.get(r.at.slice(0, 7));
    if (i !== undefined && (only === undefined || r.c === only)) {
      series.online[i]! += p.online;
      series.desk[i]! += p.desk;
      series.paper[i]! += p.paper;
    }
  }
  const figures = (s: Turnout): Figure[] => [
    { key: "boxesCounted", value: s.boxes, unit: "count" },
    { key: "participations", value: s.total, unit: "count" },
    { key: "onlineShare", value: ratio(s.online, s.total), unit: "percent" },
    { key: "deskShare", value: ratio(s.desk, s.total), unit: "percent" },
    { key: "paperShare", value: ratio(s.paper, s.total), unit: "percent" },
  ];
  return {
    town: { figures: figures(town), people: town.total },
    councils: new Map<number, ScopeFigures>([...scopes].map(([c, s]) => [c, { figures: figures(s), people: s.total }])),
    series: [
      { key: "participationsOnline", unit: "count", kind: "bars", values: series.online },
      { key: "participationsDesk", unit: "count", kind: "bars", values: series.desk },
      { key: "participationsPaper", unit: "count", kind: "bars", values: series.paper },
    ],
  };
}

type Money = { offered: number; allocated: number; spent: number; funded: number; done: number };
const emptyMoney = (): Money => ({ offered: 0, allocated: 0, spent: 0, funded: 0, done: 0 });

export function budgetsSection(months: string[], only?: number): SectionResult {
  // envelopes whose results are published, with their funded projects summed (whole euros)
  const rows = db.all<{ c: number | null; amount: number; allocated: number; spent: number; funded: number; done: number }>(
    sql`SELECT e.council_id AS c, e.amount AS amount,
          coalesce(sum(p.cost), 0) AS allocated, coalesce(sum(p.spent), 0) AS spent,
          count(p.id) AS funded, coalesce(sum(p.status = 'done'), 0) AS done
        FROM budget_envelopes e
        JOIN budgets b ON b.id = e.budget_id AND b.imported = 0
        LEFT JOIN budget_projects p ON p.budget_id = e.budget_id AND p.envelope_id = e.id AND p.funded = 1
        WHERE e.results IS NOT NULL
        GROUP BY e.id`,
  );
  const done = db.all<{ c: number | null; m: string; n: number }>(
    sql`SELECT e.council_id AS c, substr(u.at, 1, 7) AS m, count(DISTINCT u.project_id) AS n
        FROM budget_project_updates u
        JOIN budget_projects p ON p.id = u.project_id
        JOIN budget_envelopes e ON e.id = p.envelope_id
        JOIN budgets b ON b.id = e.budget_id AND b.imported = 0
        WHERE u.status = 'done' AND u.at >= ${`${months[0]}-01`}
        GROUP BY e.council_id, m`,
  );
  const town = emptyMoney();
  const scopes = new Map<number, Money>();
  for (const r of rows) {
    const targets = [town];
    if (r.c !== null) {
      let s = scopes.get(r.c);
      if (!s) scopes.set(r.c, (s = emptyMoney()));
      targets.push(s);
    }
    for (const s of targets) {
      s.offered += r.amount;
      s.allocated += r.allocated;
      s.spent += r.spent;
      s.funded += r.funded;
      s.done += r.done;
    }
  }
  const monthIdx = new Map(months.map((m, i) => [m, i]));
  const doneSeries = months.map(() => 0);
  for (const d of done) {
    const i = monthIdx.get(d.m);
    if (i !== undefined && (only === undefined || d.c === only)) doneSeries[i]! += d.n;
  }
  // money in cents for the page's money unit
  const figures = (s: Money): Figure[] => [
    { key: "moneyOffered", value: s.offered * 100, unit: "cents" },
    { key: "moneyAllocated", value: s.allocated * 100, unit: "cents" },
    { key: "moneySpent", value: s.spent * 100, unit: "cents" },
    { key: "projectsFunded", value: s.funded, unit: "count" },
    { key: "projectsDone", value: s.done, unit: "count" },
  ];
  return {
    town: { figures: figures(town), people: null },
    councils: new Map<number, ScopeFigures>([...scopes].map(([c, s]) => [c, { figures: figures(s), people: null }])),
    series: [{ key: "projectsDone", unit: "count", kind: "bars", values: doneSeries }],
  };
}
