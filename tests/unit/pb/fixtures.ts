/** Helpers shared by the pb tests: the in-repo copy of the Pabulib fixtures and their expected outcomes. */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readPabulib, type Election, type RuleName } from "../../../app/lib/pb/index";

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/pabulib");

/** Every .pb fixture, relative to FIXTURES (real files first, then synthetic/). */
export const PB_FILES: string[] = [
  ...fs.readdirSync(FIXTURES).filter((f) => f.endsWith(".pb")).sort(),
  ...fs.readdirSync(path.join(FIXTURES, "synthetic")).filter((f) => f.endsWith(".pb")).sort().map((f) => `synthetic/${f}`),
];

export interface Expected {
  file: string;
  vote_type: string;
  num_projects: number;
  num_votes: number;
  budget: string;
  [key: string]: unknown;
}

export function expectedFor(file: string): Expected {
  const name = file.replace(/^synthetic\//, "synthetic_").replace(/\.pb$/, ".json");
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, "expected", name), "utf8")) as Expected;
}

/** Rule cases present in an expected file: key, rule and Add1 increment. */
export function expectedCases(exp: Expected): { key: string; rule: RuleName; increment: number; ids: string[] }[] {
  const out: { key: string; rule: RuleName; increment: number; ids: string[] }[] = [];
  for (const [key, value] of Object.entries(exp)) {
    const m = /^(greedy|mes|mes_add1|mes_add1u)(?:_inc(\d+))?$/.exec(key);
    if (!m || !Array.isArray(value)) continue;
    out.push({ key, rule: m[1]!.replace(/_/g, "-") as RuleName, increment: m[2] ? Number(m[2]) : 1, ids: value as string[] });
  }
  return out;
}

const cache = new Map<string, Election>();
export function load(file: string): Election {
  let e = cache.get(file);
  if (!e) {
    e = readPabulib(fs.readFileSync(path.join(FIXTURES, file), "utf8"));
    cache.set(file, e);
  }
  return e;
}

export const sorted = (xs: readonly string[]) => [...xs].sort();
