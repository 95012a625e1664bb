/**
 * The numbers the software enforces, as set by a rulebook version (never code constants
 * elsewhere). Validated by zod when a version is published and when it is read back.
 */
import { z } from "zod";
import { checkboxField, explanationField, intField, textField } from "~/lib/fields";

/** The town's own rulebook; processes have scopes such as "budget:<slug>". */
export const TOWN_SCOPE = "town";
export const SCOPE_RE = /^(town|[a-z]+:[a-z0-9-]+)$/;

export const ALLOCATION_RULES = ["greedy", "mes", "mes-add1", "mes-add1u"] as const;
export const BALLOT_TYPES = ["approval", "choose-k"] as const;
/**
 * Participatory budgets: which project goes first when two are tied — the cheaper one (then the
 * one submitted first), the one submitted first, or the smaller project number read as text
 * (Pabulib's convention, for imported files). The ballot ids are numbered in this order when
 * the vote opens, so the engine's id order is the declared order.
 */
export const TIE_BREAKS = ["cheaper", "earlier", "id"] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

const int = intField;

export const RuleParamsSchema = z.object({
  /** Days after submission by which an idea must have a written answer. */
  answerDelayDays: int(1, 365),
  /** Supports after which an idea must go on its council's agenda. */
  supportThreshold: int(1, 100_000),
  /** Minimum length (characters, markdown removed) of every decision's explanation. */
  minExplanationLength: int(20, 5_000),
  /** Days after a meeting by which its minutes must be published. */
  minutesDelayDays: int(1, 180),
  /** Minimum age to vote in votes and budgets. */
  minVotingAge: int(11, 18),
  /** Participatory budget ballot: approval under the envelope, or choose at most k. */
  ballotType: z.enum(BALLOT_TYPES, { errorMap: () => ({ message: "errors.choose" }) }),
  /** k for choose-k ballots. */
  maxChoices: int(1, 100),
  /** Participatory budgets, choose-k ballots: the fewest projects a ballot must choose. */
  kMin: int(1, 100).default(1),
  /** Approval ballots under the envelope: the least share of the envelope a ballot must spend (percent, 0 = none). */
  minSpendPercent: int(0, 100).default(0),
  /** The fewest approvals a project needs to be funded (1: a project nobody chose is never funded). */
  minApprovals: int(1, 1_000_000).default(1),
  /** Which project goes first on a tie. */
  tieBreak: z.enum(TIE_BREAKS, { errorMap: () => ({ message: "errors.choose" }) }).default("cheaper"),
  /** How budget results are computed (declared before the vote). */
  allocationRule: z.enum(ALLOCATION_RULES, { errorMap: () => ({ message: "errors.choose" }) }),
  /** Whether proposal votes bind the council (otherwise they are advisory). */
  votesBinding: checkboxField,
});
export type RuleParams = z.infer<typeof RuleParamsSchema>;

/** Parameter order and kind, for forms, tables and diffs. */
export const PARAM_FIELDS: { key: keyof RuleParams; kind: "int" | "enum" | "bool"; options?: readonly string[] }[] = [
  { key: "answerDelayDays", kind: "int" },
  { key: "supportThreshold", kind: "int" },
  { key: "minExplanationLength", kind: "int" },
  { key: "minutesDelayDays", kind: "int" },
  { key: "minVotingAge", kind: "int" },
  { key: "ballotType", kind: "enum", options: BALLOT_TYPES },
  { key: "maxChoices", kind: "int" },
  { key: "kMin", kind: "int" },
  { key: "minSpendPercent", kind: "int" },
  { key: "allocationRule", kind: "enum", options: ALLOCATION_RULES },
  { key: "minApprovals", kind: "int" },
  { key: "tieBreak", kind: "enum", options: TIE_BREAKS },
  { key: "votesBinding", kind: "bool" },
];

/**
 * Used only before a town has published its first rulebook (SEED=none): the first
 * version then sets the real values.
 */
export const BOOTSTRAP_PARAMS: RuleParams = {
  answerDelayDays: 30,
  supportThreshold: 25,
  minExplanationLength: 100,
  minutesDelayDays: 15,
  minVotingAge: 16,
  ballotType: "approval",
  maxChoices: 5,
  kMin: 1,
  minSpendPercent: 0,
  allocationRule: "mes-add1u",
  minApprovals: 1,
  tieBreak: "cheaper",
  votesBinding: false,
};

/** The officials' form for a new rulebook version (its explanation becomes the register entry). */
export const PublishRulesSchema = RuleParamsSchema.extend({
  scope: z.string().trim().regex(SCOPE_RE, "errors.scopeInvalid").default(TOWN_SCOPE),
  title: textField({ max: 200, singleLine: true }),
  body: textField({ max: 100_000 }),
  explanation: explanationField(),
});
export type PublishRulesInput = z.infer<typeof PublishRulesSchema>;
