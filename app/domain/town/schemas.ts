/** Input schema for the town's settings (client-safe). */
import { z } from "zod";
import { contrastRatio, HEX_COLOUR } from "~/lib/contrast";
import { optionalTextField, textField } from "~/lib/fields";

/** The accent colour is used for text on white and for white text on it: both need 4.5:1. */
export const TownSchema = z.object({
  name: textField({ max: 120, singleLine: true }),
  accentColor: z
    .string({ required_error: "errors.required" })
    .trim()
    .regex(HEX_COLOUR, "errors.colourInvalid")
    .refine((c) => !HEX_COLOUR.test(c) || contrastRatio(c, "#ffffff") >= 4.5, "errors.colourContrast"),
  deskInfo: optionalTextField(1_000),
});
export type TownInput = z.infer<typeof TownSchema>;
