/**
 * Input schemas for the register's forms and filters (client-safe: the officials' form
 * uses them for Conform's client checks). Messages are translation keys.
 */
import { z } from "zod";
import { SUBJECT_KINDS } from "#db/enums";
import { councilRefField, explanationField, optionalIdField, optionalQueryTextField, optionalTextField, pageParam, textField } from "~/lib/fields";
import type { Evidence } from "./types";

/** Outcomes an official may give a free council decision. */
export const FREE_OUTCOMES = ["adopted", "rejected", "postponed", "noted"] as const;

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export const DecisionFiltersSchema = z.object({
  council: optionalQueryTextField(80),
  kind: z.enum(SUBJECT_KINDS).optional().catch(undefined),
  author: optionalQueryTextField(120),
  from: z.string().regex(DAY_RE).optional().catch(undefined),
  to: z.string().regex(DAY_RE).optional().catch(undefined),
  page: pageParam,
});
export type DecisionFilters = z.infer<typeof DecisionFiltersSchema>;

/** "https://… Label" or "/path Label", one per line; null when a line is not a link. */
export function parseEvidence(text: string): Evidence[] | null {
  const out: Evidence[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const [url, ...rest] = line.split(/\s+/);
    if (!url || !(/^https?:\/\/[^\s]+$/i.test(url) || /^\/[^\s/\\][^\s]*$/.test(url) || url === "/")) return null;
    out.push({ url, label: rest.join(" ") || url });
  }
  return out;
}

export const FreeDecisionSchema = z.object({
  councilId: councilRefField(),
  title: textField({ max: 200, singleLine: true }),
  outcome: z.enum(FREE_OUTCOMES, { errorMap: () => ({ message: "errors.choose" }) }),
  explanation: explanationField(),
  evidence: optionalTextField(4_000).refine((t) => parseEvidence(t) !== null, "errors.evidenceInvalid"),
  supersedes: optionalIdField("errors.number"),
});
export type FreeDecisionInput = z.infer<typeof FreeDecisionSchema>;
