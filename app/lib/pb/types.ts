/**
 * Data types of the participatory-budget engine: an election as read from a Pabulib file
 * (projects with exact costs, ballots as approval sets), the rule names, and the error class
 * the reader throws. No logic beyond tiny helpers.
 */
import type { Rational } from "./rational";

/** How the `vote` column is to be read. Every type is turned into approval sets by the rules. */
export type VoteType = "approval" | "choose-1" | "cumulative" | "ordinal" | "scoring";
export const VOTE_TYPES: readonly VoteType[] = ["approval", "choose-1", "cumulative", "ordinal", "scoring"];

export interface PbProject {
  /** Project id, a string ("L132", "BO.OM.97/24", "10"). */
  id: string;
  /** Exact cost. */
  cost: Rational;
  /** Every other PROJECTS column (name, votes, category, selected…), as raw text. */
  fields: Record<string, string>;
}

export interface PbBallot {
  voterId: string;
  /**
   * The projects listed in `vote`, in file order (a ranking for ordinal files). The rules read
   * this as an approval set; an empty list is an empty ballot, which still counts in n.
   */
  vote: string[];
  /** Every other VOTES column (points, age, sex…), as raw text. */
  fields: Record<string, string>;
}

export interface Election {
  /** META key/value pairs in file order, raw text (budget included as written). */
  meta: Map<string, string>;
  /** META `budget`, exact. */
  budget: Rational;
  voteType: VoteType;
  /** PROJECTS header in file order (contains `project_id` and `cost`). */
  projectColumns: string[];
  projects: PbProject[];
  /** VOTES header in file order (contains `voter_id` and `vote`). */
  voteColumns: string[];
  ballots: PbBallot[];
}

export type RuleName = "greedy" | "mes" | "mes-add1" | "mes-add1u";
export const RULES: readonly RuleName[] = ["greedy", "mes", "mes-add1", "mes-add1u"];

export function isRuleName(x: string): x is RuleName {
  return (RULES as readonly string[]).includes(x);
}

/** A malformed Pabulib file. `line` is 1-based (null when no line applies). */
export class PabulibError extends Error {
  readonly line: number | null;
  constructor(line: number | null, message: string) {
    super(line === null ? message : `line ${line}: ${message}`);
    this.name = "PabulibError";
    this.line = line;
  }
}

/** String order of project ids ("10" < "9"): plain UTF-16 code-unit comparison. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
