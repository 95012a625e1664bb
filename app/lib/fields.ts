/**
 * Zod building blocks for every form field and URL parameter. Client-safe (no `.server`
 * imports): route components use the same schemas for Conform's client checks.
 *
 * Owns the input rules every schema shares:
 *  - text is normalised before it is checked (`normalizeText`: NFC, control and bidi
 *    characters removed) and must contain visible text when required;
 *  - every text has a maximum length (in UTF-16 code units, the unit the database and
 *    the browser's maxlength use);
 *  - numbers and ids are decimal digits only: "0x10", "1e1", "1.0", " 7" and "" are refused
 *    (`Number()` and `z.coerce.number()` accept them);
 *  - messages are translation keys (app/locales/*.json "errors.*"), with parameters
 *    through `msg`.
 */
import { z } from "zod";
import { msg } from "./messages";
import { hasVisibleText, normalizeText, visibleLength } from "./text";

/**
 * Zod's own messages for the checks a schema leaves without one are English sentences that
 * quote what was typed ("Invalid enum value. Expected 'idea' | 'comment', received '…'"):
 * every schema gets translation keys instead, which quote nothing. Set once, when the
 * first schema module loads (every schema builds on this module).
 */
export const fieldErrorMap: z.ZodErrorMap = (issue, ctx) => {
  switch (issue.code) {
    case z.ZodIssueCode.invalid_enum_value:
    case z.ZodIssueCode.invalid_literal:
    case z.ZodIssueCode.invalid_union_discriminator:
      return { message: "errors.choose" };
    case z.ZodIssueCode.invalid_type:
      return { message: issue.received === "undefined" || issue.received === "null" ? "errors.required" : "errors.badRequest" };
    default:
      return { message: ctx.defaultError };
  }
};
z.setErrorMap(fieldErrorMap);

/** Digits only, no sign, no leading zero: the one id syntax of every route and form. */
export const ID_RE = /^[1-9][0-9]{0,14}$/;

/** A positive integer id from a URL or form value, or null when it is not one. */
export function parseId(value: unknown): number | null {
  if (typeof value !== "string" || !ID_RE.test(value)) return null;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : null;
}

const str = (v: unknown) => (typeof v === "string" ? v : v);

interface TextOpts {
  /** Minimum length after normalisation (default 1: required). */
  min?: number;
  max: number;
  /** Titles and names: line breaks and tabs become spaces. */
  singleLine?: boolean;
  /** Message when empty (default "errors.required"). */
  requiredMessage?: string;
}

/**
 * A required text field: normalised, then checked for visible text, minimum and maximum
 * length. Output: the normalised string.
 */
export function textField({ min = 1, max, singleLine = false, requiredMessage = "errors.required" }: TextOpts) {
  return z.preprocess(
    (v) => (typeof v === "string" ? normalizeText(v, { singleLine }) : str(v)),
    z
      .string({ required_error: requiredMessage, invalid_type_error: requiredMessage })
      .superRefine((s, ctx) => {
        // one message, the first that applies
        const problem =
          s === ""
            ? requiredMessage
            : !hasVisibleText(s)
              ? "errors.invisibleText"
              : visibleLength(s) < min
                ? msg("errors.tooShort", { min })
                : s.length > max
                  ? msg("errors.tooLong", { max })
                  : null;
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  );
}

/** An optional text field: normalised; "" when absent or blank. */
export function optionalTextField(max: number, opts: { singleLine?: boolean } = {}) {
  return z
    .preprocess(
      (v) => (typeof v === "string" ? normalizeText(v, opts) : v),
      z
        .string({ invalid_type_error: "errors.required" })
        .refine((s) => s.length <= max, msg("errors.tooLong", { max }))
        .refine((s) => s === "" || hasVisibleText(s), "errors.invisibleText")
        .optional(),
    )
    .transform((s) => s ?? "");
}

/**
 * A written explanation (register entries, answers, moderation reasons): normalised and
 * bounded here; its minimum length comes from the rulebook in force and is checked by the
 * domain (`assertExplanation`), so the message can name the rule.
 */
export function explanationField(max = 20_000) {
  return z.preprocess(
    (v) => (typeof v === "string" ? normalizeText(v) : v),
    z
      .string({ required_error: "errors.explanationBlank", invalid_type_error: "errors.explanationBlank" })
      .refine((s) => s.length <= max, msg("errors.tooLong", { max })),
  );
}

/**
 * A whole number typed in a form, digits only (an optional leading minus when min < 0).
 * Also accepts a safe integer (values read back from stored JSON).
 */
export function intField(min: number, max: number) {
  const re = min < 0 ? /^-?[0-9]{1,15}$/ : /^[0-9]{1,15}$/;
  return z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : typeof v === "number" && Number.isSafeInteger(v) ? String(v) : v),
    z
      .string({ required_error: "errors.required", invalid_type_error: "errors.number" })
      .min(1, "errors.required")
      .superRefine((s, ctx) => {
        if (s === "" || re.test(s)) return;
        // "3.5" is a number but not a whole one; "abc", "0x10" or "1e1" are not typed numbers
        ctx.addIssue({ code: "custom", message: /^-?[0-9]+[.,][0-9]+$/.test(s) ? "errors.integer" : "errors.number" });
      })
      .transform(Number)
      .pipe(z.number().min(min, msg("errors.numberMin", { min })).max(max, msg("errors.numberMax", { max }))),
  );
}

/** A reference to a record by id (a hidden field or a select): digits only. */
export function idField(message = "errors.choose") {
  return z
    .string({ required_error: message, invalid_type_error: message })
    .regex(ID_RE, message)
    .transform(Number)
    .pipe(z.number().int().positive(message).max(Number.MAX_SAFE_INTEGER, message));
}

/** An optional id: "" or absent → null. */
export function optionalIdField(message = "errors.choose") {
  return z.preprocess((v) => (v === "" || v == null ? null : v), idField(message).nullable());
}

/** A council select: "town" (or empty) → null, otherwise a council id. */
export function councilRefField(message = "errors.choose") {
  return z.preprocess((v) => (v === "town" || v === "" || v == null ? null : v), idField(message).nullable());
}

/** Zero or more ids from repeated fields (checkboxes). */
export function idListField(message = "errors.choose", max = 500) {
  return z
    .preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(idField(message)).max(max, msg("errors.tooMany", { max })))
    .default([]);
}

/** A checkbox: "on" / "true" → true; absent → false. */
export const checkboxField = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

/**
 * Text from a URL (a search, a filter, a code or a token in a link) as a page may show it
 * back: normalised like every text (no control or bidi characters, lone surrogates
 * replaced), on one line, at most `max` characters.
 */
export function queryText(value: string | null | undefined, max: number): string {
  return normalizeText((value ?? "").slice(0, max), { singleLine: true });
}

/** A query-string text field: normalised (`queryText`); "" when absent, longer than `max` or not text. */
export function queryTextField(max: number) {
  return z
    .preprocess((v) => (typeof v === "string" ? normalizeText(v, { singleLine: true }) : v), z.string().max(max))
    .catch("")
    .default("");
}

/** An optional query-string text field (a filter): normalised; undefined when absent or invalid. */
export function optionalQueryTextField(max: number) {
  return z
    .preprocess((v) => (typeof v === "string" ? normalizeText(v, { singleLine: true }) : v), z.string().max(max).optional())
    .catch(undefined);
}

/** A page number in a query string; anything else falls back to 1. */
export const pageParam = z
  .string()
  .regex(/^[1-9][0-9]{0,5}$/)
  .transform(Number)
  .optional()
  .catch(undefined)
  .transform((n) => n ?? 1);
