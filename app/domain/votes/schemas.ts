/**
 * Proposal-vote forms (client-safe): creating or editing a vote, casting (with a review
 * step), the desk's and the counting team's forms, and the decision that follows.
 */
import { z } from "zod";
import { VOTE_FORMS } from "#db/enums";
import { checkboxField, councilRefField, explanationField, idField, intField, optionalTextField, queryTextField, textField } from "~/lib/fields";
import { msg } from "~/lib/messages";
import { ballotMessage, ballotProblem, type BallotSpec } from "../ballot-box/spec";
import { isLocalDateTime } from "~/lib/time";

export const MAX_OPTIONS = 12;

const localTime = z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").refine(isLocalDateTime, "errors.dateTimeInvalid");

/** One option per line; blank lines ignored. */
export function optionLines(text: string): string[] {
  return text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
}

export const VoteSchema = z
  .object({
    councilId: councilRefField(),
    question: textField({ min: 10, max: 300, singleLine: true }),
    description: textField({ min: 1, max: 20_000 }),
    form: z.enum(VOTE_FORMS, { errorMap: () => ({ message: "errors.choose" }) }),
    options: optionalTextField(MAX_OPTIONS * 200),
    minChoices: intField(0, MAX_OPTIONS).optional(),
    maxChoices: intField(1, MAX_OPTIONS).optional(),
    opensAt: localTime,
    closesAt: localTime,
    binding: checkboxField,
  })
  .superRefine((v, ctx) => {
    if (v.form === "options") {
      const lines = optionLines(v.options);
      if (lines.length < 2) ctx.addIssue({ code: "custom", path: ["options"], message: "errors.voteOptionsFew" });
      if (lines.length > MAX_OPTIONS) ctx.addIssue({ code: "custom", path: ["options"], message: msg("errors.voteOptionsMany", { max: MAX_OPTIONS }) });
      if (lines.some((l) => l.length > 200)) ctx.addIssue({ code: "custom", path: ["options"], message: msg("errors.tooLong", { max: 200 }) });
      if (new Set(lines.map((l) => l.toLowerCase())).size !== lines.length) ctx.addIssue({ code: "custom", path: ["options"], message: "errors.voteOptionsDuplicate" });
      const min = v.minChoices ?? 1;
      const max = v.maxChoices ?? 1;
      if (max < min) ctx.addIssue({ code: "custom", path: ["maxChoices"], message: "errors.maxBelowMin" });
      if (max > lines.length && lines.length >= 2) ctx.addIssue({ code: "custom", path: ["maxChoices"], message: msg("errors.numberMax", { max: lines.length }) });
    }
  });
export type VoteInput = z.infer<typeof VoteSchema>;

const choiceList = z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().max(40)).max(500)).default([]);

/**
 * The ballot for a box's rules: the chosen ids, checked against the spec (the same check in
 * the browser and on the server; a tampered form fails here too).
 */
export function ballotSchemaFor(spec: BallotSpec) {
  return z.object({ choices: choiceList }).superRefine((v, ctx) => {
    const p = ballotProblem(spec, v.choices);
    if (p) ctx.addIssue({ code: "custom", path: ["choices"], message: ballotMessage(p) });
  });
}

/** The desk: a census person chosen by the facilitator. */
export const DeskPersonSchema = z.object({ censusEntryId: idField() });

/** A paper sheet typed in: its number, and its choices or "spoiled". */
export function paperSheetSchemaFor(spec: BallotSpec) {
  return z
    .object({ sheet: intField(1, 1_000_000), spoiled: checkboxField, choices: choiceList })
    .superRefine((v, ctx) => {
      if (v.spoiled) {
        if (v.choices.length) ctx.addIssue({ code: "custom", path: ["choices"], message: "errors.spoiledWithChoices" });
        return;
      }
      const p = ballotProblem(spec, v.choices);
      if (p) ctx.addIssue({ code: "custom", path: ["choices"], message: ballotMessage(p) });
    });
}

export const CountSchema = z.object({ explanation: optionalTextField(20_000) });

export const VoteDecisionSchema = z.object({
  outcome: z.string({ required_error: "errors.choose" }).min(1, "errors.choose").max(60),
  explanation: explanationField(),
});

export const ReceiptSchema = z.object({ code: queryTextField(60) });
