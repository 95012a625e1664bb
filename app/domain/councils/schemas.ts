/** Input schema for creating and editing a council. Messages are translation keys. */
import { z } from "zod";
import { msg } from "~/lib/messages";

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const CouncilSchema = z.object({
  name: z.string({ required_error: "errors.required" }).trim().min(1, "errors.required").max(120, msg("errors.tooLong", { max: 120 })),
  slug: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(60, msg("errors.tooLong", { max: 60 }))
    .regex(SLUG_RE, "errors.slugInvalid"),
  description: z.string().trim().max(5000, msg("errors.tooLong", { max: 5000 })).default(""),
  territory: z.string().trim().max(2000, msg("errors.tooLong", { max: 2000 })).default(""),
});
export type CouncilInput = z.infer<typeof CouncilSchema>;
