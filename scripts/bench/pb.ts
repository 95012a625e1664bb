/**
 * Benchmark of the allocation rules (app/lib/pb) on the Pabulib files.
 *
 *   npm run bench:pb                                    every file × every rule
 *   npm run bench:pb -- --file Lodz --rule mes-add1u    one case (filters are substrings, repeatable)
 *   npm run bench:pb -- --file Budapest --rule mes-add1 --increment 1
 *   npm run bench:pb -- --budapest-inc1                 adds the case mes-add1 --increment 1 on Budapest
 *
 * Each case runs in its own child process (so its peak memory, resourceUsage().maxRSS, is its
 * own): the file is read and compiled once, then the rule runs --runs times (default 5; the
 * Budapest increment-1 case defaults to 1 run); the table gives the median, min and max of the
 * rule's wall time, the read and compile times, peak RSS, and the pabutools reference time
 * from expected/*.json. Budapest uses increment 1000 for Add1 unless --increment is given.
 * Options: --dir DIR (default tests/fixtures/pabulib), --runs N, --explain (time with
 * explanations), --json (machine-readable output).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RULES, allocateProfile, compile, isRuleName, readPabulib, type RuleName } from "../../app/lib/pb/index";
import { truncate } from "../../app/lib/text";

interface Case {
  file: string;
  rule: RuleName;
  increment: string;
  runs: number;
  explain: boolean;
}

interface CaseResult extends Case {
  readMs: number;
  compileMs: number;
  times: number[];
  maxRssMB: number;
  heapUsedMB: number;
  selected: number;
  cost: string;
  add1Steps?: number;
  mesRuns?: number;
  certifications?: number;
  refSeconds?: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, "../..");

function fail(msg: string): never {
  process.stderr.write(`bench:pb: ${msg}\n`);
  process.exit(2);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function runChild(c: Case, dir: string): CaseResult {
  const text = fs.readFileSync(path.join(dir, c.file), "utf8");
  let t = performance.now();
  const election = readPabulib(text);
  const readMs = performance.now() - t;
  t = performance.now();
  const profile = compile(election);
  const compileMs = performance.now() - t;
  const times: number[] = [];
  let last = null as ReturnType<typeof allocateProfile> | null;
  for (let i = 0; i < c.runs; i++) {
    t = performance.now();
    last = allocateProfile(profile, c.rule, { increment: c.increment, explain: c.explain });
    times.push(performance.now() - t);
  }
  const a = last!;
  const expectedFile = path.join(dir, "expected", c.file.replace(/^synthetic\//, "synthetic_").replace(/\.pb$/, ".json"));
  let refSeconds: number | undefined;
  if (fs.existsSync(expectedFile)) {
    const ref = JSON.parse(fs.readFileSync(expectedFile, "utf8")) as { reference_seconds?: Record<string, number> };
    const key = c.rule.replace(/-/g, "_") + (c.rule.startsWith("mes-add1") && c.increment !== "1" ? `_inc${c.increment}` : "");
    refSeconds = ref.reference_seconds?.[key];
  }
  return {
    ...c,
    readMs,
    compileMs,
    times,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
    heapUsedMB: process.memoryUsage().heapUsed / 1e6,
    selected: a.selected.length,
    cost: a.cost.toString(),
    ...(a.add1Steps !== undefined ? { add1Steps: a.add1Steps } : {}),
    ...(a.stats ? { mesRuns: a.stats.runs, certifications: a.stats.certifications } : {}),
    ...(refSeconds !== undefined ? { refSeconds } : {}),
  };
}

function main(argv: string[]): void {
  if (argv[0] === "--child") {
    const c = JSON.parse(argv[1]!) as Case & { dir: string };
    process.stdout.write(JSON.stringify(runChild(c, c.dir)));
    return;
  }
  const files: string[] = [];
  const rules: RuleName[] = [];
  let dir = path.join(repo, "tests/fixtures/pabulib");
  let runs: number | null = null;
  let increment: string | null = null;
  let budapestInc1 = false;
  let explain = false;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => argv[++i] ?? fail(`${a} needs a value`);
    if (a === "--file") files.push(next());
    else if (a === "--rule") {
      const r = next();
      if (!isRuleName(r)) fail(`unknown rule "${r}" (expected ${RULES.join(", ")})`);
      rules.push(r);
    } else if (a === "--dir") dir = path.resolve(next());
    else if (a === "--runs") {
      runs = Number(next());
      if (!Number.isInteger(runs) || runs < 1) fail("--runs must be a positive integer");
    } else if (a === "--increment") {
      increment = next();
      if (!/^\d+(\.\d+)?$/.test(increment) || Number(increment) <= 0) fail("--increment must be a positive number");
    } else if (a === "--budapest-inc1") budapestInc1 = true;
    else if (a === "--explain") explain = true;
    else if (a === "--json") json = true;
    else if (a === "-h" || a === "--help") {
      process.stdout.write(
        "Usage: npm run bench:pb -- [--file SUBSTR]… [--rule RULE]… [--runs N] [--increment N] [--budapest-inc1] [--explain] [--dir DIR] [--json]\n",
      );
      return;
    } else if (!a.startsWith("-")) files.push(a);
    else fail(`unknown option ${a}`);
  }
  if (!fs.existsSync(dir)) fail(`no such directory ${dir}`);
  const all = [
    ...fs.readdirSync(dir).filter((f) => f.endsWith(".pb")),
    ...(fs.existsSync(path.join(dir, "synthetic")) ? fs.readdirSync(path.join(dir, "synthetic")).filter((f) => f.endsWith(".pb")).map((f) => `synthetic/${f}`) : []),
  ].sort();
  const chosen = files.length ? all.filter((f) => files.some((s) => f.includes(s))) : all;
  if (chosen.length === 0) fail(`no .pb file in ${dir} matches ${files.join(", ")}`);
  const chosenRules = rules.length ? rules : [...RULES];
  const cases: Case[] = [];
  for (const file of chosen) {
    const budapest = file.includes("Budapest");
    for (const rule of chosenRules) {
      const inc = increment ?? (budapest ? "1000" : "1");
      const slow = budapest && inc === "1" && rule.startsWith("mes-add1");
      cases.push({ file, rule, increment: inc, runs: runs ?? (slow ? 1 : 5), explain });
    }
    if (budapest && budapestInc1 && !cases.some((c) => c.file === file && c.rule === "mes-add1" && c.increment === "1")) {
      cases.push({ file, rule: "mes-add1", increment: "1", runs: runs ?? 1, explain });
    }
  }

  const results: CaseResult[] = [];
  for (const c of cases) {
    process.stderr.write(`… ${c.file} ${c.rule} (increment ${c.increment}, ${c.runs} run${c.runs > 1 ? "s" : ""})\n`);
    const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), "--child", JSON.stringify({ ...c, dir })], {
      encoding: "utf8",
      maxBuffer: 1 << 26,
    });
    if (child.status !== 0) {
      process.stderr.write(`bench:pb: case ${c.file} ${c.rule} failed: ${(child.stderr || "").trim().split("\n").pop()}\n`);
      process.exitCode = 1;
      continue;
    }
    results.push(JSON.parse(child.stdout) as CaseResult);
  }
  if (json) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  const short = (f: string) => truncate(f, 34);
  const rows = [
    ["file", "rule", "inc", "runs", "median ms", "min ms", "max ms", "read ms", "compile ms", "peak RSS MB", "selected", "Add1 steps", "MES runs (cert.)", "pabutools s"],
  ];
  for (const r of results) {
    rows.push([
      short(r.file),
      r.rule + (r.explain ? "+expl" : ""),
      r.rule.startsWith("mes-add1") ? r.increment : "",
      String(r.runs),
      median(r.times).toFixed(1),
      Math.min(...r.times).toFixed(1),
      Math.max(...r.times).toFixed(1),
      r.readMs.toFixed(0),
      r.compileMs.toFixed(0),
      r.maxRssMB.toFixed(0),
      String(r.selected),
      r.add1Steps !== undefined ? String(r.add1Steps) : "",
      r.mesRuns !== undefined ? `${r.mesRuns} (${r.certifications ?? 0})` : "",
      r.refSeconds !== undefined ? String(r.refSeconds) : "",
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const out = [line(rows[0]!), `|${widths.map((w, i) => (i < 2 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...rows.slice(1).map(line)];
  process.stdout.write(`${out.join("\n")}\n`);
  process.stdout.write(
    `\nnode ${process.version}, ${process.platform}/${process.arch}; times are per rule call on a compiled profile (read and compile once per case); peak RSS is the case's child process.\n`,
  );
}

main(process.argv.slice(2));
