/**
 * Residency forms (client-safe): the online claim (match one's census entry) and the
 * desk's in-person verification. Messages are translation keys.
 */
import { z } from "zod";
import { DOCUMENT_TYPES } from "#db/enums";
import { idField, queryTextField, textField } from "~/lib/fields";

/** YYYY-MM-DD, or DD/MM/YYYY as typed in France; output YYYY-MM-DD. */
export const birthDateField = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ required_error: "errors.required" })
    .min(1, "errors.required")
    .transform((s, ctx) => {
      const iso = normalizeBirthDate(s);
      if (!iso) {
        ctx.addIssue({ code: "custom", message: "errors.birthDateInvalid" });
        return z.NEVER;
      }
      return iso;
    }),
);

/** "1987-03-09" or "09/03/1987" → "1987-03-09"; null when not a real date. */
export function normalizeBirthDate(s: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || y < 1890) return null;
  // nobody is born in the future (a day of margin for time zones)
  if (date.getTime() > Date.now() + 86_400_000) return null;
  return date.toISOString().slice(0, 10);
}

export const ClaimSchema = z.object({
  reference: textField({ max: 40, singleLine: true }),
  familyName: textField({ max: 120, singleLine: true }),
  birthDate: birthDateField,
});
export type ClaimInput = z.infer<typeof ClaimSchema>;

export const DeskVerifySchema = z.object({
  censusEntryId: idField(),
  email: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(254).email("errors.emailInvalid").transform((e) => e.toLowerCase()),
  documentType: z.enum(DOCUMENT_TYPES, { errorMap: () => ({ message: "errors.choose" }) }),
});
export type DeskVerifyInput = z.infer<typeof DeskVerifySchema>;

export const CensusSearchSchema = z.object({
  q: queryTextField(120),
});
