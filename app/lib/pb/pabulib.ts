/**
 * Pabulib (.pb) reader and writer, on strings (no file I/O here).
 * Owns: splitting a file into its META / PROJECTS / VOTES sections, parsing each section with
 * csv-parse (`;`, quoted fields with `;` and `""`, CRLF / LF / CR and mixed endings, BOM),
 * exact decimal budgets and costs, validation with errors that name the line, and writing an
 * election back so that reading the output gives the same election.
 */
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { Rational } from "./rational";
import { PabulibError, VOTE_TYPES, type Election, type PbBallot, type PbProject, type VoteType } from "./types";

type SectionName = "META" | "PROJECTS" | "VOTES";

interface Section {
  name: SectionName;
  /** Line of the section header ("META"). */
  headerLine: number;
  /** Text after the header line, up to the next header. */
  text: string;
}

const CSV_OPTIONS = {
  delimiter: ";",
  record_delimiter: ["\r\n", "\n", "\r"],
  relax_quotes: true,
  skip_empty_lines: true,
};

/** Number of line breaks in text[from, to) (CRLF counts once). */
function countBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) count++;
    else if (c === 13) {
      count++;
      if (text.charCodeAt(i + 1) === 10) i++;
    }
  }
  return count;
}

function splitSections(text: string): Section[] {
  const re = /^[ \t]*(META|PROJECTS|VOTES)[ \t;]*$/gm;
  const found: { name: SectionName; start: number; end: number; line: number }[] = [];
  let line = 1;
  let pos = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    line += countBreaks(text, pos, m.index);
    pos = m.index;
    let end = m.index + m[0].length;
    if (text.charCodeAt(end) === 13) end++;
    if (text.charCodeAt(end) === 10) end++;
    found.push({ name: m[1] as SectionName, start: m.index, end, line });
  }
  if (found.length === 0) {
    throw new PabulibError(1, "not a Pabulib file: no META, PROJECTS or VOTES section header");
  }
  const first = found[0]!;
  const before = text.slice(0, first.start);
  if (before.trim() !== "") {
    const offset = before.search(/\S/);
    throw new PabulibError(1 + countBreaks(text, 0, offset), "unexpected text before the META section");
  }
  const seen = new Set<SectionName>();
  const sections: Section[] = [];
  found.forEach((f, i) => {
    if (seen.has(f.name)) throw new PabulibError(f.line, `duplicated ${f.name} section`);
    seen.add(f.name);
    const next = found[i + 1];
    sections.push({ name: f.name, headerLine: f.line, text: text.slice(f.end, next ? next.start : text.length) });
  });
  const lastLine = line + countBreaks(text, pos, text.length);
  const order: SectionName[] = ["META", "PROJECTS", "VOTES"];
  for (const name of order) {
    if (!seen.has(name)) throw new PabulibError(lastLine, `missing ${name} section`);
  }
  sections.forEach((s, i) => {
    if (s.name !== order[i]) throw new PabulibError(s.headerLine, `section ${s.name} out of order (expected META, PROJECTS, VOTES)`);
  });
  return sections;
}

interface ParsedSection {
  rows: string[][];
  /** Line of row i (lazily computed; rows include the column header at index 0). */
  lineOf(i: number): number;
}

function csvError(section: Section, err: unknown): PabulibError {
  const e = err as { code?: string; lines?: number; message?: string; record?: unknown };
  const line = typeof e.lines === "number" ? section.headerLine + e.lines : section.headerLine;
  const msg = String(e.message ?? err);
  if (e.code === "CSV_RECORD_INCONSISTENT_FIELDS_LENGTH") {
    const m = /expect (\d+), got (\d+)/.exec(msg);
    return new PabulibError(
      line,
      m ? `wrong number of fields in ${section.name}: expected ${m[1]}, found ${m[2]}` : `wrong number of fields in ${section.name}`,
    );
  }
  if (e.code === "CSV_QUOTE_NOT_CLOSED") return new PabulibError(line, `unclosed quote in ${section.name}`);
  return new PabulibError(line, `invalid CSV in ${section.name}: ${msg.replace(/ on line \d+.*$/s, "")}`);
}

function parseSection(section: Section, eagerLines: boolean): ParsedSection {
  let rows: string[][];
  let lines: number[] | null = null;
  const withLines = () => {
    const acc: number[] = [];
    const r = parse(section.text, {
      ...CSV_OPTIONS,
      on_record: (record: string[], ctx: { lines: number }) => {
        acc.push(section.headerLine + ctx.lines);
        return record;
      },
    }) as string[][];
    return { r, acc };
  };
  try {
    if (eagerLines) {
      const { r, acc } = withLines();
      rows = r;
      lines = acc;
    } else {
      rows = parse(section.text, CSV_OPTIONS);
    }
  } catch (err) {
    throw csvError(section, err);
  }
  return {
    rows,
    lineOf(i: number) {
      if (lines === null) lines = withLines().acc;
      return lines[i] ?? section.headerLine + 1;
    },
  };
}

function header(section: Section, parsed: ParsedSection, required: string[]): string[] {
  const head = parsed.rows[0];
  if (!head) throw new PabulibError(section.headerLine, `${section.name} section has no column header line`);
  const cols = head.map((c) => c.trim());
  const seen = new Set<string>();
  for (const c of cols) {
    if (c === "") throw new PabulibError(parsed.lineOf(0), `empty column name in the ${section.name} header`);
    if (seen.has(c)) throw new PabulibError(parsed.lineOf(0), `duplicated column "${c}" in the ${section.name} header`);
    seen.add(c);
  }
  for (const r of required) {
    if (!seen.has(r)) throw new PabulibError(parsed.lineOf(0), `missing column "${r}" in the ${section.name} header`);
  }
  return cols;
}

export interface ReadOptions {
  /** Accept a vote_type outside the known list (read as approval). Default false. */
  lenientVoteType?: boolean;
}

/** Reads a Pabulib file's text. Throws PabulibError naming the line on malformed input. */
export function readPabulib(input: string, options: ReadOptions = {}): Election {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const [metaS, projS, voteS] = splitSections(text) as [Section, Section, Section];

  // META
  const metaP = parseSection(metaS, true);
  header(metaS, metaP, []);
  if (metaP.rows[0]!.length !== 2) {
    throw new PabulibError(metaP.lineOf(0), `META header must have 2 columns (key;value), found ${metaP.rows[0]!.length}`);
  }
  const meta = new Map<string, string>();
  const metaLine = new Map<string, number>();
  for (let i = 1; i < metaP.rows.length; i++) {
    const [k, v] = metaP.rows[i] as [string, string];
    const key = k.trim();
    if (key === "") throw new PabulibError(metaP.lineOf(i), "empty key in META");
    if (meta.has(key)) throw new PabulibError(metaP.lineOf(i), `duplicated META key "${key}"`);
    meta.set(key, v);
    metaLine.set(key, metaP.lineOf(i));
  }
  const budgetText = meta.get("budget");
  if (budgetText === undefined) throw new PabulibError(metaS.headerLine, "missing budget in META");
  const budget = Rational.parseDecimal(budgetText);
  if (budget === null) throw new PabulibError(metaLine.get("budget")!, `budget is not a number: "${budgetText}"`);
  if (budget.sign() < 0) throw new PabulibError(metaLine.get("budget")!, `budget is negative: "${budgetText}"`);
  const vt = (meta.get("vote_type") ?? "approval").trim();
  let voteType: VoteType;
  if ((VOTE_TYPES as readonly string[]).includes(vt)) voteType = vt as VoteType;
  else if (options.lenientVoteType) voteType = "approval";
  else {
    throw new PabulibError(
      metaLine.get("vote_type") ?? metaS.headerLine,
      `unknown vote_type "${vt}" (expected ${VOTE_TYPES.join(", ")})`,
    );
  }

  // PROJECTS
  const projP = parseSection(projS, true);
  const projectColumns = header(projS, projP, ["project_id", "cost"]);
  const idCol = projectColumns.indexOf("project_id");
  const costCol = projectColumns.indexOf("cost");
  const projects: PbProject[] = [];
  const ids = new Set<string>();
  for (let i = 1; i < projP.rows.length; i++) {
    const row = projP.rows[i]!;
    const id = row[idCol]!.trim();
    if (id === "") throw new PabulibError(projP.lineOf(i), "empty project_id");
    if (ids.has(id)) throw new PabulibError(projP.lineOf(i), `duplicated project id "${id}"`);
    ids.add(id);
    const costText = row[costCol]!;
    const cost = Rational.parseDecimal(costText);
    if (cost === null) throw new PabulibError(projP.lineOf(i), `cost of project "${id}" is not a number: "${costText}"`);
    if (cost.sign() < 0) throw new PabulibError(projP.lineOf(i), `cost of project "${id}" is negative: "${costText}"`);
    const fields: Record<string, string> = {};
    projectColumns.forEach((c, j) => {
      if (j !== idCol && j !== costCol) fields[c] = row[j]!;
    });
    projects.push({ id, cost, fields });
  }

  // VOTES
  const voteP = parseSection(voteS, false);
  const voteColumns = header(voteS, voteP, ["voter_id", "vote"]);
  const voterCol = voteColumns.indexOf("voter_id");
  const voteCol = voteColumns.indexOf("vote");
  const others = voteColumns.map((c, j) => [c, j] as const).filter(([, j]) => j !== voterCol && j !== voteCol);
  const ballots: PbBallot[] = [];
  const voters = new Set<string>();
  for (let i = 1; i < voteP.rows.length; i++) {
    const row = voteP.rows[i]!;
    const voterId = row[voterCol]!.trim();
    if (voterId === "") throw new PabulibError(voteP.lineOf(i), "empty voter_id");
    if (voters.has(voterId)) throw new PabulibError(voteP.lineOf(i), `duplicated voter_id "${voterId}"`);
    voters.add(voterId);
    const raw = row[voteCol]!.trim();
    const vote: string[] = raw === "" ? [] : raw.split(",").map((x) => x.trim());
    const inVote = new Set<string>();
    for (const pid of vote) {
      if (pid === "") throw new PabulibError(voteP.lineOf(i), `empty project id in the vote of voter "${voterId}"`);
      if (!ids.has(pid)) throw new PabulibError(voteP.lineOf(i), `unknown project "${pid}" in the vote of voter "${voterId}"`);
      if (inVote.has(pid)) throw new PabulibError(voteP.lineOf(i), `project "${pid}" listed twice in the vote of voter "${voterId}"`);
      inVote.add(pid);
    }
    const fields: Record<string, string> = {};
    for (const [c, j] of others) fields[c] = row[j]!;
    ballots.push({ voterId, vote, fields });
  }

  return { meta, budget, voteType, projectColumns, projects, voteColumns, ballots };
}

function decimalText(r: Rational, what: string): string {
  if (!r.isDecimal()) throw new PabulibError(null, `${what} ${r.toFraction()} has no finite decimal form`);
  return r.toString();
}

/**
 * Writes an election as Pabulib text (LF line endings, `;`, quotes where needed). META is
 * written as stored except `budget` (rewritten when it no longer matches the election's
 * budget), `vote_type`, and `num_projects` / `num_votes` (set to the actual counts when present).
 */
export function writePabulib(e: Election): string {
  const meta = new Map(e.meta);
  const rawBudget = meta.get("budget");
  const parsedRaw = rawBudget === undefined ? null : Rational.parseDecimal(rawBudget);
  if (parsedRaw === null || !parsedRaw.eq(e.budget)) meta.set("budget", decimalText(e.budget, "budget"));
  if (meta.get("vote_type")?.trim() !== e.voteType && !(meta.get("vote_type") === undefined && e.voteType === "approval")) {
    meta.set("vote_type", e.voteType);
  }
  if (meta.has("num_projects") && meta.get("num_projects")!.trim() !== String(e.projects.length)) {
    meta.set("num_projects", String(e.projects.length));
  }
  if (meta.has("num_votes") && meta.get("num_votes")!.trim() !== String(e.ballots.length)) {
    meta.set("num_votes", String(e.ballots.length));
  }
  const csv = (rows: string[][]) => stringify(rows, { delimiter: ";", record_delimiter: "unix" });
  const metaRows: string[][] = [["key", "value"], ...[...meta].map(([k, v]) => [k, v])];
  const projRows: string[][] = [e.projectColumns];
  for (const p of e.projects) {
    projRows.push(
      e.projectColumns.map((c) =>
        c === "project_id" ? p.id : c === "cost" ? decimalText(p.cost, `cost of project ${p.id}`) : (p.fields[c] ?? ""),
      ),
    );
  }
  const voteRows: string[][] = [e.voteColumns];
  for (const b of e.ballots) {
    voteRows.push(e.voteColumns.map((c) => (c === "voter_id" ? b.voterId : c === "vote" ? b.vote.join(",") : (b.fields[c] ?? ""))));
  }
  return `META\n${csv(metaRows)}PROJECTS\n${csv(projRows)}VOTES\n${csv(voteRows)}`;
}

/** A small election built in code (tests, demo data): ballots are lists of project ids. */
export function createElection(input: {
  budget: Rational | string | number;
  projects: { id: string; cost: Rational | string | number; name?: string }[];
  ballots: string[][];
  meta?: Record<string, string>;
}): Election {
  const toR = (x: Rational | string | number, what: string) => {
    if (x instanceof Rational) return x;
    const r = Rational.parseDecimal(String(x));
    if (r === null) throw new PabulibError(null, `${what} is not a number: ${String(x)}`);
    return r;
  };
  const budget = toR(input.budget, "budget");
  const hasName = input.projects.some((p) => p.name !== undefined);
  const ids = new Set(input.projects.map((p) => p.id));
  input.ballots.forEach((b, i) => {
    for (const id of b) if (!ids.has(id)) throw new PabulibError(null, `unknown project "${id}" in ballot ${i + 1}`);
  });
  const meta = new Map<string, string>(Object.entries(input.meta ?? {}));
  if (!meta.has("budget")) meta.set("budget", budget.isDecimal() ? budget.toString() : budget.toFraction());
  if (!meta.has("vote_type")) meta.set("vote_type", "approval");
  return {
    meta,
    budget,
    voteType: "approval",
    projectColumns: hasName ? ["project_id", "cost", "name"] : ["project_id", "cost"],
    projects: input.projects.map(
      (p): PbProject => ({
        id: p.id,
        cost: toR(p.cost, `cost of ${p.id}`),
        fields: hasName ? { name: p.name ?? "" } : {},
      }),
    ),
    voteColumns: ["voter_id", "vote"],
    ballots: input.ballots.map((vote, i) => ({ voterId: String(i + 1), vote: [...vote], fields: {} })),
  };
}
