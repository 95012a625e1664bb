/** Input schemas for notification preferences and follows (client-safe). */
import { z } from "zod";
import { checkboxField, idField, optionalTextField } from "~/lib/fields";
import { DELIVERY_CHANNELS, FOLLOW_KINDS, TOPICS } from "./kinds";

export const PHONE_MAX = 20;
export const ADDRESS_MAX = 300;

/** French and international numbers: digits, spaces, dots, dashes, an optional leading +. */
const PHONE_RE = /^\+?[0-9][0-9 .-]{7,18}[0-9]$/;

export const PreferencesSchema = z
  .object({
    channel: z.enum(DELIVERY_CHANNELS, { errorMap: () => ({ message: "errors.choose" }) }),
    digest: checkboxField,
    topics: z
      .preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.enum(TOPICS, { errorMap: () => ({ message: "errors.choose" }) })))
      .default([]),
    locale: z.enum(["fr", "en"], { errorMap: () => ({ message: "errors.choose" }) }),
    phone: optionalTextField(PHONE_MAX, { singleLine: true }).refine((p) => p === "" || PHONE_RE.test(p), "errors.phoneInvalid"),
    postalAddress: optionalTextField(ADDRESS_MAX),
  })
  .superRefine((v, ctx) => {
    if (v.channel === "sms" && !v.phone) ctx.addIssue({ code: "custom", path: ["phone"], message: "errors.phoneRequired" });
    if (v.channel === "post" && !v.postalAddress) ctx.addIssue({ code: "custom", path: ["postalAddress"], message: "errors.addressRequired" });
  });
export type PreferencesInput = z.infer<typeof PreferencesSchema>;

export const FollowSchema = z.object({
  kind: z.enum(FOLLOW_KINDS, { errorMap: () => ({ message: "errors.choose" }) }),
  id: idField(),
});
