import { describe, expect, it } from "vitest";
import {
  PabulibError,
  Rational,
  allocate,
  compile,
  createElection,
  readPabulib,
  writePabulib,
  type Election,
} from "../../../app/lib/pb/index";
import { PB_FILES, expectedFor, load } from "./fixtures";

/** A small valid file: columns out of order, quoted fields with ";" and "", decimals, an empty ballot. */
const SAMPLE = [
  "META",
  "key;value",
  'description;"a ""quoted"" description; with a semicolon"',
  "num_projects;3",
  "num_votes;4",
  "budget;1000.50",
  "vote_type;approval",
  "PROJECTS",
  "cost;name;project_id;votes",
  '100.25;"Parc ""Olimpijka""; phase 2";10;2',
  "200;Plain;9;2",
  "0;Free;BO.OM.97/24;0",
  "VOTES",
  "voter_id;vote",
  "a;10,9",
  "b;",
  "c; 9 ",
  "d;10",
];

const join = (lines: string[], eol = "\n") => lines.join(eol) + eol;

function error(text: string): PabulibError {
  try {
    readPabulib(text);
  } catch (e) {
    if (e instanceof PabulibError) return e;
    throw e;
  }
  throw new Error("expected a PabulibError");
}

describe("readPabulib: what real files contain", () => {
  const reference = readPabulib(join(SAMPLE));

  it("reads sections, quoted fields with ; and doubled quotes, any column order", () => {
    expect(reference.meta.get("description")).toBe('a "quoted" description; with a semicolon');
    expect(reference.projectColumns).toEqual(["cost", "name", "project_id", "votes"]);
    expect(reference.projects.map((p) => p.id)).toEqual(["10", "9", "BO.OM.97/24"]);
    expect(reference.projects[0]!.fields).toEqual({ name: 'Parc "Olimpijka"; phase 2', votes: "2" });
  });

  it("keeps decimal budgets and costs exact", () => {
    expect(reference.budget.toFraction()).toBe("2001/2");
    expect(reference.projects[0]!.cost.toFraction()).toBe("401/4");
    expect(reference.projects[2]!.cost.isZero()).toBe(true);
  });

  it("reads empty ballots, which count in n", () => {
    expect(reference.ballots.map((b) => b.vote)).toEqual([["10", "9"], [], ["9"], ["10"]]);
    expect(compile(reference).n).toBe(4);
    expect(compile(reference).approvals[0]).toBe(2);
  });

  it.each([
    ["CRLF", join(SAMPLE, "\r\n")],
    ["CR", join(SAMPLE, "\r")],
    ["mixed", SAMPLE.map((l, i) => l + (i % 3 === 0 ? "\r\n" : i % 3 === 1 ? "\n" : "\r")).join("")],
    ["BOM + CRLF", `\ufeff${join(SAMPLE, "\r\n")}`],
    ["BOM + LF", `\ufeff${join(SAMPLE)}`],
    ["no final newline, blank lines", join(SAMPLE).trimEnd().replace("VOTES\n", "VOTES\n\n")],
  ])("gives the same election with %s line endings", (_label, text) => {
    expect(readPabulib(text)).toEqual(reference);
  });

  it("keeps string ids apart from numbers: ties go to the smaller id as a string", () => {
    const e = createElection({
      budget: 60,
      projects: [
        { id: "9", cost: 60 },
        { id: "10", cost: 60 },
      ],
      ballots: [["9", "10"], ["10", "9"], []],
    });
    expect(allocate(e, "greedy").selected).toEqual(["10"]);
  });

  it("reads cumulative, ordinal and choose-1 votes as approval sets", () => {
    const cumulative = readPabulib(
      join([
        "META", "key;value", "budget;100", "vote_type;cumulative",
        "PROJECTS", "project_id;cost", "1;50", "2;50", "3;50",
        "VOTES", "voter_id;vote;points;sex", "v1;3,1;7,3;F", "v2;2;10;M",
      ]),
    );
    expect(cumulative.voteType).toBe("cumulative");
    expect(cumulative.ballots[0]).toEqual({ voterId: "v1", vote: ["3", "1"], fields: { points: "7,3", sex: "F" } });
    expect(compile(cumulative).approvals).toEqual(Int32Array.from([1, 1, 1]));
    const ordinal = readPabulib(
      join([
        "META", "key;value", "budget;100", "vote_type;ordinal",
        "PROJECTS", "project_id;cost", "1;50", "2;50",
        "VOTES", "voter_id;vote", "v1;2,1", "v2;2",
      ]),
    );
    expect(ordinal.ballots[0]!.vote).toEqual(["2", "1"]);
    expect(allocate(ordinal, "greedy").selected).toEqual(["2", "1"]);
    const choose1 = readPabulib(
      join(["META", "key;value", "budget;10", "vote_type;choose-1", "PROJECTS", "project_id;cost", "A;5", "VOTES", "voter_id;vote", "1;A"]),
    );
    expect(choose1.voteType).toBe("choose-1");
    expect(allocate(choose1, "mes").selected).toEqual(["A"]);
  });

  it("reads every fixture with the counts its expected file announces", () => {
    for (const f of PB_FILES) {
      const e = load(f);
      const exp = expectedFor(f);
      expect(e.projects.length, f).toBe(exp.num_projects);
      expect(e.ballots.length, f).toBe(exp.num_votes);
      expect(e.voteType, f).toBe(exp.vote_type);
      expect(e.budget.eq(Rational.parse(exp.budget)!), f).toBe(true);
    }
  });
});

describe("readPabulib: malformed files name the line and the problem", () => {
  const replace = (i: number, line: string) => join(SAMPLE.map((l, j) => (j === i ? line : l)));
  const drop = (i: number) => join(SAMPLE.filter((_, j) => j !== i));
  const cases: [string, string, number, RegExp][] = [
    ["missing VOTES section", join(SAMPLE.slice(0, 12)), 13, /missing VOTES section/],
    ["missing PROJECTS section", join([...SAMPLE.slice(0, 7), ...SAMPLE.slice(12)]), 14, /missing PROJECTS section/],
    ["missing budget", drop(5), 1, /missing budget in META/],
    ["non-numeric budget", replace(5, "budget;lots"), 6, /budget is not a number: "lots"/],
    ["unknown project in a vote", replace(16, "c;9,42"), 17, /unknown project "42" in the vote of voter "c"/],
    ["project listed twice in a vote", replace(16, "c;9,9"), 17, /project "9" listed twice/],
    ["non-numeric cost", replace(10, "12,5;Plain;9;2"), 11, /cost of project "9" is not a number: "12,5"/],
    ["negative cost", replace(10, "-5;Plain;9;2"), 11, /cost of project "9" is negative/],
    ["duplicated project id", replace(10, "200;Plain;10;2"), 11, /duplicated project id "10"/],
    ["too many fields", replace(15, "b;;extra"), 16, /wrong number of fields in VOTES: expected 2, found 3/],
    ["too few fields", replace(10, "200;Plain;9"), 11, /wrong number of fields in PROJECTS: expected 4, found 3/],
    ["missing cost column", replace(8, "price;name;project_id;votes"), 9, /missing column "cost" in the PROJECTS header/],
    ["missing vote column", replace(13, "voter_id;ballot"), 14, /missing column "vote" in the VOTES header/],
    ["duplicated voter", replace(16, "a;9"), 17, /duplicated voter_id "a"/],
    ["unknown vote_type", replace(6, "vote_type;quadratic"), 7, /unknown vote_type "quadratic"/],
    ["duplicated META key", replace(4, "budget;5"), 6, /duplicated META key "budget"/],
    ["unclosed quote", replace(10, '200;"Plain;9;2'), 11, /unclosed quote|wrong number of fields/],
    ["text before META", `hello\n${join(SAMPLE)}`, 1, /unexpected text before the META section/],
    ["sections out of order", join([...SAMPLE.slice(7, 12), ...SAMPLE.slice(0, 7), ...SAMPLE.slice(12)]), 1, /section PROJECTS out of order/],
    ["duplicated section", join([...SAMPLE, "VOTES", "voter_id;vote"]), 19, /duplicated VOTES section/],
    ["not a Pabulib file", "just;some;csv\n", 1, /not a Pabulib file/],
  ];
  it.each(cases)("%s", (_label, text, line, message) => {
    const e = error(text);
    expect(e).toBeInstanceOf(PabulibError);
    if (!/unclosed/.test(message.source)) expect(e.line).toBe(line);
    expect(e.message).toMatch(message);
    expect(e.message).toMatch(/^line \d+: /);
  });
});

describe("writePabulib", () => {
  it.each(PB_FILES)("round-trips %s", (f) => {
    const e = load(f);
    const text = writePabulib(e);
    const back = readPabulib(text);
    expect(back).toEqual(e);
    expect(writePabulib(back)).toBe(text);
  });

  it("round-trips quoted fields, decimals, empty ballots and a changed budget", () => {
    const e = readPabulib(join(SAMPLE, "\r\n"));
    const changed: Election = { ...e, budget: Rational.parseDecimal("2081866.72")! };
    const back = readPabulib(writePabulib(changed));
    expect(back.budget.toFraction()).toBe("52046668/25");
    expect(back.meta.get("budget")).toBe("2081866.72");
    expect(back.projects).toEqual(e.projects);
    expect(back.ballots).toEqual(e.ballots);
    expect(readPabulib(writePabulib(e))).toEqual(e);
  });

  it("refuses amounts without a finite decimal form", () => {
    const e = createElection({ budget: Rational.of(1n, 3n), projects: [{ id: "a", cost: 1 }], ballots: [["a"]] });
    expect(() => writePabulib(e)).toThrow(/budget 1\/3 has no finite decimal form/);
  });
});
