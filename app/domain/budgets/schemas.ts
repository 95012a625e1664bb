/**
 * Participatory-budget forms (client-safe): creating a budget and its envelopes, the phase
 * change, the review of an idea, the basket (ballot), the official's decision on the
 * computed result, implementation updates, the Pabulib import, the receipt lookup.
 * Money is whole euros. Messages are translation keys.
 */
import { z } from "zod";
import { FEASIBILITY_VERDICTS, PROJECT_STATUSES } from "#db/enums";
import { checkboxField, explanationField, idField, intField, optionalTextField, queryTextField, textField } from "~/lib/fields";
import { msg } from "~/lib/messages";
import { ALLOCATION_RULES, BALLOT_TYPES, TIE_BREAKS } from "../rules/params";

/** The largest envelope or cost accepted (whole euros). */
export const MAX_EUROS = 1_000_000_000;

/** The rules of one budget, editable until the vote opens, then published as its rulebook version. */
export const BudgetSettingsSchema = z.object({
  ballotType: z.enum(BALLOT_TYPES, { errorMap: () => ({ message: "errors.choose" }) }),
  allocationRule: z.enum(ALLOCATION_RULES, { errorMap: () => ({ message: "errors.choose" }) }),
  tieBreak: z.enum(TIE_BREAKS, { errorMap: () => ({ message: "errors.choose" }) }),
  minApprovals: intField(1, 1_000_000),
  minSpendPercent: intField(0, 100),
  kMin: intField(1, 100),
  maxChoices: intField(1, 100),
});
export type BudgetSettings = z.infer<typeof BudgetSettingsSchema>;

/** A budget, its town envelope and its council envelopes (`envelopes[i].councilId`, `envelopes[i].amount`; 0 = none). */
export const BudgetSchema = BudgetSettingsSchema.extend({
  title: textField({ min: 5, max: 200, singleLine: true }),
  description: textField({ min: 20, max: 20_000 }),
  townAmount: intField(0, MAX_EUROS),
  envelopes: z
    .array(z.object({ councilId: idField(), amount: z.preprocess((v) => (v === "" || v == null ? "0" : v), intField(0, MAX_EUROS)) }))
    .max(200)
    .default([]),
  explanation: explanationField(),
}).superRefine((v, ctx) => {
  if (v.kMin > v.maxChoices) ctx.addIssue({ code: "custom", path: ["kMin"], message: "errors.maxBelowMin" });
});
export type BudgetInput = z.infer<typeof BudgetSchema>;

export const PhaseSchema = z.object({
  to: z.string().max(20),
  explanation: explanationField(),
  /** Entering the vote: when it closes (town's clock, datetime-local). */
  closesAt: z.string().trim().max(20).optional().default(""),
  /** Entering the results: explanation of a paper difference, if any. */
  differenceExplanation: optionalTextField(5_000),
});

export const ReviewSchema = z
  .object({
    ideaId: idField(),
    verdict: z.enum(FEASIBILITY_VERDICTS, { errorMap: () => ({ message: "errors.choose" }) }),
    /** Whole euros; required when feasible. */
    cost: z.preprocess((v) => (v === "" ? undefined : v), intField(1, MAX_EUROS).optional()),
    /** Envelope the project goes into (when feasible). */
    envelopeId: z.preprocess((v) => (v === "" ? undefined : v), idField().optional()),
    feasibilityExplanation: explanationField(),
    costExplanation: optionalTextField(20_000),
    /** "none" or "declared" (then conflictText says what). */
    conflict: z.enum(["none", "declared"], { errorMap: () => ({ message: "errors.conflictDeclare" }) }),
    conflictText: optionalTextField(2_000),
  })
  .superRefine((v, ctx) => {
    if (v.verdict === "feasible" && v.cost === undefined) ctx.addIssue({ code: "custom", path: ["cost"], message: "errors.required" });
    if (v.verdict === "feasible" && v.envelopeId === undefined) ctx.addIssue({ code: "custom", path: ["envelopeId"], message: "errors.choose" });
    if (v.verdict === "feasible" && v.costExplanation.trim() === "") ctx.addIssue({ code: "custom", path: ["costExplanation"], message: "errors.required" });
    if (v.conflict === "declared" && v.conflictText.trim() === "") ctx.addIssue({ code: "custom", path: ["conflictText"], message: "errors.required" });
  });
export type ReviewInput = z.infer<typeof ReviewSchema>;

/**
 * The basket: every ticked project as "<envelope id>:<ballot id>", and what to do: "review"
 * (show the totals again, nothing stored) or "cast".
 */
export const BasketSchema = z.object({
  choices: z
    .preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().regex(/^[1-9][0-9]{0,14}:[A-Za-z0-9._-]{1,40}$/, "errors.ballotUnknownChoice")).max(1000, msg("errors.tooMany", { max: 1000 })))
    .default([]),
  step: z.enum(["review", "cast"]).default("review"),
});

/** The official's decision on the computed result: confirm it, or depart from it project by project. */
export const ResultsDecisionSchema = z.object({
  outcome: z.enum(["confirmed", "departed"], { errorMap: () => ({ message: "errors.choose" }) }),
  explanation: explanationField(),
  /** For a departure: the projects whose outcome changes ("<project id>"), each with its reason field `reason-<id>`. */
  changed: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(idField()).max(500)).default([]),
});

export const ProjectUpdateSchema = z.object({
  status: z.enum(PROJECT_STATUSES, { errorMap: () => ({ message: "errors.choose" }) }),
  progress: intField(0, 100),
  spent: intField(0, MAX_EUROS),
  body: textField({ min: 10, max: 20_000 }),
  scopeChanged: checkboxField,
  photoAlt: optionalTextField(300, { singleLine: true }),
});

export const ImportSchema = z.object({
  title: textField({ min: 5, max: 200, singleLine: true }),
  allocationRule: z.enum(ALLOCATION_RULES, { errorMap: () => ({ message: "errors.choose" }) }),
  source: textField({ min: 10, max: 2_000 }),
  explanation: explanationField(),
});

export const ShareSchema = z.object({ code: queryTextField(60) });

export const FollowSchema = z.object({ on: checkboxField });
