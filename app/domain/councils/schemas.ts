/** Input schema for creating and editing a council (client-safe). Messages are translation keys. */
import { z } from "zod";
import { optionalTextField, textField } from "~/lib/fields";
import { msg } from "~/lib/messages";

export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const CouncilSchema = z.object({
  name: textField({ max: 120, singleLine: true }),
  slug: z
    .string({ required_error: "errors.required" })
    .trim()
    .min(1, "errors.required")
    .max(60, msg("errors.tooLong", { max: 60 }))
    .regex(SLUG_RE, "errors.slugInvalid"),
  description: optionalTextField(5000),
  territory: optionalTextField(2000),
});
export type CouncilInput = z.infer<typeof CouncilSchema>;
