/**
 * Command line of the allocation engine (app/lib/pb): allocate, explain, compare.
 *
 *   npm run -s pb -- allocate FILE.pb --rule RULE [--increment N]
 *   npm run -s pb -- explain FILE.pb --rule RULE [--project ID] [--lang fr|en] [--currency CODE] [--increment N]
 *   npm run -s pb -- compare FILE.pb [--increment N]
 *
 * Errors (bad arguments, unreadable or malformed files) print one line on stderr and exit
 * non-zero (2: usage, 1: file), never a stack trace.
 */
import fs from "node:fs";
import {
  PabulibError,
  RULES,
  allocate,
  compareRules,
  formatMoney,
  isRuleName,
  metaMinApprovals,
  parseIncrement,
  readPabulib,
  renderExplanation,
  type Election,
  type Lang,
  type Rational,
  type RuleName,
} from "../app/lib/pb/index";
import { truncate } from "../app/lib/text";

const USAGE = `Usage:
  pb allocate FILE.pb --rule RULE [--increment N]
      Prints {"rule": RULE, "selected": [ids in selection order], "cost": "exact total"}.
  pb explain FILE.pb --rule RULE [--project ID] [--lang fr|en] [--currency CODE] [--increment N]
      Prints one sentence per project (id, name, sentence).
  pb compare FILE.pb [--increment N]
      What-if table: every rule, selected count and cost, and the projects that differ.

Rules: ${RULES.join(", ")}
  A project with fewer votes than META min_project_score_threshold (when the file has it)
  takes no part in the allocation, as the Pabulib format defines.
  --increment N   Add1 endowment step in currency units (default 1; mes-add1, mes-add1u)
  --lang fr|en    Language of the sentences (default fr)
  --currency CODE ISO 4217 code or unit for amounts (default: the file's META currency, else EUR)
  -h, --help      This help`;

class UsageError extends Error {}
class FileError extends Error {}

interface Args {
  command: "allocate" | "explain" | "compare";
  file: string;
  rule?: RuleName;
  increment?: Rational;
  project?: string;
  lang: Lang;
  currency?: string;
}

const VALUE_OPTIONS = new Set(["--rule", "--increment", "--project", "--lang", "--currency"]);

function parseArgs(argv: string[]): Args | "help" {
  if (argv.length === 0) throw new UsageError("missing command (allocate, explain or compare); see --help");
  if (argv.includes("-h") || argv.includes("--help")) return "help";
  const positional: string[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      const name = eq >= 0 ? a.slice(0, eq) : a;
      if (!VALUE_OPTIONS.has(name)) throw new UsageError(`unknown option ${name}`);
      const value = eq >= 0 ? a.slice(eq + 1) : argv[++i];
      if (value === undefined || value === "") throw new UsageError(`option ${name} needs a value`);
      if (opts.has(name)) throw new UsageError(`option ${name} given twice`);
      opts.set(name, value);
    } else positional.push(a);
  }
  const [command, file, ...extra] = positional;
  if (command !== "allocate" && command !== "explain" && command !== "compare") {
    throw new UsageError(`unknown command "${command ?? ""}" (expected allocate, explain or compare)`);
  }
  if (file === undefined) throw new UsageError(`${command}: missing FILE.pb`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`);
  const args: Args = { command, file, lang: "fr" };
  const rule = opts.get("--rule");
  if (command === "compare") {
    if (rule !== undefined) throw new UsageError("compare runs every rule; --rule is not accepted");
  } else {
    if (rule === undefined) throw new UsageError(`${command}: missing --rule (one of ${RULES.join(", ")})`);
    if (!isRuleName(rule)) throw new UsageError(`unknown rule "${rule}" (expected one of ${RULES.join(", ")})`);
    args.rule = rule;
  }
  const inc = opts.get("--increment");
  if (inc !== undefined) {
    try {
      args.increment = parseIncrement(inc);
    } catch {
      throw new UsageError(`--increment must be a positive number, got "${inc}"`);
    }
  }
  for (const name of ["--project", "--lang", "--currency"]) {
    if (opts.has(name) && command !== "explain") throw new UsageError(`${name} only applies to explain`);
  }
  const lang = opts.get("--lang");
  if (lang !== undefined) {
    if (lang !== "fr" && lang !== "en") throw new UsageError(`--lang must be fr or en, got "${lang}"`);
    args.lang = lang;
  }
  const project = opts.get("--project");
  if (project !== undefined) args.project = project;
  const currency = opts.get("--currency");
  if (currency !== undefined) args.currency = currency;
  return args;
}

function load(file: string): Election {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : code === "EACCES" ? "permission denied" : String(code ?? err);
    throw new FileError(`cannot read ${file}: ${why}`);
  }
  try {
    return readPabulib(text);
  } catch (err) {
    if (err instanceof PabulibError) throw new FileError(`${file}: ${err.message}`);
    throw err;
  }
}

function table(rows: string[][]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) => r.map((c, i) => c + " ".repeat(widths[i]! - [...c].length)).join("  ").trimEnd()).join("\n");
}

function main(argv: string[]): number {
  const args = parseArgs(argv);
  if (args === "help") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const election = load(args.file);
  const increment = args.increment;
  if (args.command === "allocate") {
    const a = allocate(election, args.rule!, { explain: false, minApprovals: metaMinApprovals(election), ...(increment ? { increment } : {}) });
    process.stdout.write(`${JSON.stringify({ rule: a.rule, selected: a.selected, cost: a.cost.toString() })}\n`);
    return 0;
  }
  if (args.command === "explain") {
    if (args.project !== undefined && !election.projects.some((p) => p.id === args.project)) {
      throw new UsageError(`unknown project "${args.project}" in ${args.file}`);
    }
    const a = allocate(election, args.rule!, { minApprovals: metaMinApprovals(election), ...(increment ? { increment } : {}) });
    const currency = args.currency ?? election.meta.get("currency")?.trim() ?? "EUR";
    const names = new Map(election.projects.map((p) => [p.id, p.fields["name"] ?? ""]));
    const lines: string[] = [];
    for (const x of a.explanations ?? []) {
      if (args.project !== undefined && x.projectId !== args.project) continue;
      const name = names.get(x.projectId);
      const sentence = renderExplanation(x, { lang: args.lang, currency });
      lines.push(`${x.projectId}${name ? ` · ${name}` : ""} — ${sentence}`);
    }
    process.stdout.write(`${lines.join("\n")}\n`);
    return 0;
  }
  // compare
  const w = compareRules(election, { explain: false, minApprovals: metaMinApprovals(election), ...(increment ? { increment } : {}) });
  const currency = election.meta.get("currency")?.trim() ?? "EUR";
  const money = (r: Rational) => formatMoney(r, "en", currency);
  const rows = [["rule", "selected", "cost", "budget left", "endowment / voter"]];
  for (const o of w.outcomes) {
    const a = o.allocation;
    const endow = a.endowment ? `${money(a.endowment)}${a.add1Steps !== undefined ? ` (${a.add1Steps} steps of ${a.increment!.toString()})` : ""}` : "";
    rows.push([o.rule, String(o.count), money(o.cost), money(a.budget.sub(o.cost)), endow]);
  }
  const out = [table(rows), ""];
  out.push(`Selected by every rule (${w.common.length}): ${w.common.join(", ") || "none"}`);
  out.push("");
  if (w.differing.length === 0) out.push("All rules select the same projects.");
  else {
    out.push(`Projects that differ between rules (${w.differing.length}):`);
    const head = ["project", "votes", "cost", ...w.outcomes.map((o) => o.rule), "name"];
    const drows = [head];
    for (const d of w.differing) {
      const name = truncate(d.name ?? "", 60);
      drows.push([d.projectId, String(d.approvals), money(d.cost), ...w.outcomes.map((o) => (d.selectedBy.includes(o.rule) ? "yes" : "-")), name]);
    }
    out.push(table(drows));
  }
  process.stdout.write(`${out.join("\n")}\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  if (err instanceof UsageError) {
    process.stderr.write(`pb: ${err.message}\n`);
    process.exitCode = 2;
  } else if (err instanceof FileError) {
    process.stderr.write(`pb: ${err.message}\n`);
    process.exitCode = 1;
  } else {
    process.stderr.write(`pb: internal error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 70;
  }
}
