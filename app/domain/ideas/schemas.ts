/** Input schemas for ideas, comments, answers, merges and médiation. Messages are translation keys. */
import { z } from "zod";
import { CHANNELS, IDEA_STATUSES, IDEA_THEMES, STANCES } from "#db/enums";
import { msg } from "~/lib/messages";

const text = (max: number) =>
  z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(max, msg("errors.tooLong", { max }));
const optionalText = (max: number) => z.string().trim().max(max, msg("errors.tooLong", { max })).optional().default("");
const councilRef = z.preprocess((v) => (v === "town" || v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable());

export const TITLE_MAX = 120;
export const BODY_MIN = 20;

export const IdeaSchema = z.object({
  title: z.string({ required_error: "errors.required" }).trim().min(5, msg("errors.tooShort", { min: 5 })).max(TITLE_MAX, msg("errors.tooLong", { max: TITLE_MAX })),
  body: z.string({ required_error: "errors.required" }).trim().min(BODY_MIN, msg("errors.tooShort", { min: BODY_MIN })).max(10_000, msg("errors.tooLong", { max: 10_000 })),
  theme: z.enum(IDEA_THEMES, { errorMap: () => ({ message: "errors.choose" }) }),
  councilId: councilRef,
  place: optionalText(200),
});
export type IdeaInput = z.infer<typeof IdeaSchema>;

/** Médiation: a facilitator records an idea for a resident who came in person or wrote. */
export const OnBehalfSchema = z.object({
  channel: z.enum(CHANNELS, { errorMap: () => ({ message: "errors.choose" }) }).refine((c) => c !== "online", "errors.choose"),
  onBehalfName: text(120),
  onBehalfContact: optionalText(200),
  consent: z.literal("on", { errorMap: () => ({ message: "errors.consentRequired" }) }),
});

export const IdeaOnBehalfSchema = IdeaSchema.merge(OnBehalfSchema);
export type IdeaOnBehalfInput = z.infer<typeof IdeaOnBehalfSchema>;

export const CommentSchema = z.object({
  stance: z.enum(STANCES, { errorMap: () => ({ message: "errors.choose" }) }).default("neutral"),
  body: text(5_000),
  parentId: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number().int().positive().nullable()).default(null),
});
export type CommentInput = z.infer<typeof CommentSchema>;

export const CommentEditSchema = z.object({ commentId: z.coerce.number().int().positive(), body: text(5_000) });

export const AnswerSchema = z.object({
  status: z.enum(IDEA_STATUSES, { errorMap: () => ({ message: "errors.choose" }) }),
  explanation: z.string({ required_error: "errors.explanationBlank" }).max(20_000, msg("errors.tooLong", { max: 20_000 })),
  /** Comment ids the answer weighed. */
  cites: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.coerce.number().int().positive())).default([]),
  /** For ideas about the rulebook: the version (number) that carries the idea out. */
  ruleVersion: z.preprocess((v) => (v === "" || v == null ? null : v), z.coerce.number({ invalid_type_error: "errors.number" }).int().positive().nullable()).default(null),
});
export type AnswerInput = z.infer<typeof AnswerSchema>;

export const MergeSchema = z.object({
  targetId: z.coerce.number({ invalid_type_error: "errors.choose", required_error: "errors.choose" }).int().positive("errors.choose"),
  explanation: z.string({ required_error: "errors.explanationBlank" }).max(20_000, msg("errors.tooLong", { max: 20_000 })),
});

export const SupportOnBehalfSchema = z.object({
  onBehalfName: text(120),
  channel: z.enum(["assisted", "letter"], { errorMap: () => ({ message: "errors.choose" }) }),
  consent: z.literal("on", { errorMap: () => ({ message: "errors.consentRequired" }) }),
});

export const ReportSchema = z.object({
  subjectKind: z.enum(["idea", "comment"]),
  subjectId: z.coerce.number().int().positive(),
  reason: z.string({ required_error: "errors.required" }).trim().min(5, msg("errors.tooShort", { min: 5 })).max(1_000, msg("errors.tooLong", { max: 1_000 })),
});

export const IdeaFiltersSchema = z.object({
  council: z.string().trim().max(80).optional().catch(undefined),
  status: z.enum(IDEA_STATUSES).optional().catch(undefined),
  theme: z.enum(IDEA_THEMES).optional().catch(undefined),
  overdue: z.enum(["1"]).optional().catch(undefined),
  sort: z.enum(["newest", "supported", "discussed"]).catch("newest").default("newest"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
});
export type IdeaFilters = z.infer<typeof IdeaFiltersSchema>;

/** Hiding or restoring: the reason is a public explanation, checked against the rulebook's minimum. */
export const ModerationSchema = z.object({
  subjectKind: z.enum(["idea", "comment"]),
  subjectId: z.coerce.number().int().positive(),
  reason: z.string({ required_error: "errors.explanationBlank" }).max(20_000, msg("errors.tooLong", { max: 20_000 })),
});
