/**
 * Input schemas for ideas, comments, answers, merges and médiation (client-safe: the forms
 * use them for Conform's client checks). Every text is normalised and bounded, every id
 * is digits only (app/lib/fields.ts). Messages are translation keys.
 */
import { z } from "zod";
import { CHANNELS, IDEA_STATUSES, IDEA_THEMES, STANCES } from "#db/enums";
import {
  councilRefField,
  explanationField,
  idField,
  idListField,
  optionalIdField,
  optionalQueryTextField,
  optionalTextField,
  pageParam,
  textField,
} from "~/lib/fields";

export const TITLE_MAX = 120;
export const BODY_MIN = 20;
export const COMMENT_MAX = 5_000;

export const IdeaSchema = z.object({
  title: textField({ min: 5, max: TITLE_MAX, singleLine: true }),
  body: textField({ min: BODY_MIN, max: 10_000 }),
  theme: z.enum(IDEA_THEMES, { errorMap: () => ({ message: "errors.choose" }) }),
  councilId: councilRefField(),
  place: optionalTextField(200, { singleLine: true }),
});
export type IdeaInput = z.infer<typeof IdeaSchema>;

/** Médiation: a facilitator records an idea for a resident who came in person or wrote. */
export const OnBehalfSchema = z.object({
  channel: z.enum(CHANNELS, { errorMap: () => ({ message: "errors.choose" }) }).refine((c) => c !== "online", "errors.choose"),
  onBehalfName: textField({ max: 120, singleLine: true }),
  onBehalfContact: optionalTextField(200, { singleLine: true }),
  consent: z.literal("on", { errorMap: () => ({ message: "errors.consentRequired" }) }),
});

export const IdeaOnBehalfSchema = IdeaSchema.merge(OnBehalfSchema);
export type IdeaOnBehalfInput = z.infer<typeof IdeaOnBehalfSchema>;

export const CommentSchema = z.object({
  stance: z.enum(STANCES, { errorMap: () => ({ message: "errors.choose" }) }).default("neutral"),
  body: textField({ max: COMMENT_MAX }),
  parentId: optionalIdField().default(null),
});
export type CommentInput = z.infer<typeof CommentSchema>;

export const CommentEditSchema = z.object({ commentId: idField(), body: textField({ max: COMMENT_MAX }) });

export const AnswerSchema = z.object({
  status: z.enum(IDEA_STATUSES, { errorMap: () => ({ message: "errors.choose" }) }),
  explanation: explanationField(),
  /** Comment ids the answer weighed. */
  cites: idListField("errors.citeUnknown"),
  /** For ideas about the rulebook: the version (number) that carries the idea out. */
  ruleVersion: optionalIdField("errors.number").default(null),
});
export type AnswerInput = z.infer<typeof AnswerSchema>;

export const MergeSchema = z.object({
  targetId: idField(),
  explanation: explanationField(),
});

export const SupportOnBehalfSchema = z.object({
  onBehalfName: textField({ max: 120, singleLine: true }),
  channel: z.enum(["assisted", "letter"], { errorMap: () => ({ message: "errors.choose" }) }),
  consent: z.literal("on", { errorMap: () => ({ message: "errors.consentRequired" }) }),
});

export const ReportSchema = z.object({
  subjectKind: z.enum(["idea", "comment"]),
  subjectId: idField(),
  reason: textField({ min: 5, max: 1_000 }),
});

export const IdeaFiltersSchema = z.object({
  council: optionalQueryTextField(80),
  status: z.enum(IDEA_STATUSES).optional().catch(undefined),
  theme: z.enum(IDEA_THEMES).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  sort: z.enum(["newest", "supported", "discussed"]).catch("newest").default("newest"),
  page: pageParam,
});
export type IdeaFilters = z.infer<typeof IdeaFiltersSchema>;

/** Hiding or restoring: the reason is a public explanation, checked against the rulebook's minimum. */
export const ModerationSchema = z.object({
  subjectKind: z.enum(["idea", "comment"]),
  subjectId: idField(),
  reason: explanationField(),
});
