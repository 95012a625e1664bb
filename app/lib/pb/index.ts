/**
 * Public surface of the participatory-budget allocation engine (pure TypeScript, no I/O):
 * Pabulib reading and writing, the rules, explanations and their sentences, what-if.
 */
export { Rational, sumRationals } from "./rational";
export { PabulibError, RULES, VOTE_TYPES, compareIds, isRuleName } from "./types";
export type { Election, PbBallot, PbProject, RuleName, VoteType } from "./types";
export { createElection, readPabulib, writePabulib, type ReadOptions } from "./pabulib";
export { compile, costOf, type Profile } from "./profile";
export { allocate, allocateProfile, parseIncrement, type AllocateOptions, type Allocation } from "./rules";
export type {
  BelowMinimumExplanation,
  GreedyExplanation,
  MesFundedExplanation,
  MesNotFundedExplanation,
  MoneyDestination,
  ProjectExplanation,
} from "./explain";
export { formatCount, formatMoney, ordinal, renderExplanation, roundPhrase, type Lang, type RenderOptions } from "./render";
export { compareRules, type DifferingProject, type RuleOutcome, type WhatIf } from "./compare";
export { approvalCounts, eligibleElection, metaMinApprovals } from "./eligible";
export { defaultUnit, projectMargins, type MarginOptions, type ProjectMargin } from "./margins";
export type { MesRound } from "./rules";
