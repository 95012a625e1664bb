/** The search form's parameters (client-safe: the page renders its filters from them). */
import { z } from "zod";
import { IDEA_STATUSES, IDEA_THEMES } from "#db/enums";
import { optionalQueryTextField, pageParam, queryTextField } from "~/lib/fields";

export const SEARCH_KINDS = ["idea", "comment", "decision", "minutes"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export const SearchSchema = z.object({
  q: queryTextField(200),
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
  council: optionalQueryTextField(80),
  status: z.enum(IDEA_STATUSES).optional().catch(undefined),
  theme: z.enum(IDEA_THEMES).optional().catch(undefined),
  page: pageParam,
});
