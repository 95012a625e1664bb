/**
 * Input schemas for account forms. Messages are translation keys (app/locales/*.json,
 * "errors.*"), turned into text by the form that shows them.
 */
import { z } from "zod";
import { ASSIGNABLE_ROLES } from "#db/enums";
import { councilRefField, textField } from "~/lib/fields";
import { msg } from "~/lib/messages";

export const EMAIL_MAX = 254;
export const NAME_MAX = 80;
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

const email = z
  .string({ required_error: "errors.required" })
  .trim()
  .min(1, "errors.required")
  .max(EMAIL_MAX, msg("errors.tooLong", { max: EMAIL_MAX }))
  .email("errors.emailInvalid")
  .transform((e) => e.toLowerCase());

export const SignUpSchema = z.object({
  displayName: textField({ max: NAME_MAX, singleLine: true }),
  email,
  password: z
    .string({ required_error: "errors.required" })
    .min(PASSWORD_MIN, msg("errors.passwordShort", { min: PASSWORD_MIN }))
    .max(PASSWORD_MAX, msg("errors.tooLong", { max: PASSWORD_MAX })),
});
export type SignUpInput = z.infer<typeof SignUpSchema>;

export const LogInSchema = z.object({
  email,
  password: z.string({ required_error: "errors.required" }).min(1, "errors.required").max(PASSWORD_MAX, msg("errors.tooLong", { max: PASSWORD_MAX })),
  redirectTo: z.string().max(2_000).optional(),
});
export type LogInInput = z.infer<typeof LogInSchema>;

export const GrantRoleSchema = z.object({
  email,
  role: z.enum(ASSIGNABLE_ROLES, { errorMap: () => ({ message: "errors.choose" }) }),
  councilId: councilRefField(),
});
export type GrantRoleInput = z.infer<typeof GrantRoleSchema>;

const newPassword = z
  .string({ required_error: "errors.required" })
  .min(PASSWORD_MIN, msg("errors.passwordShort", { min: PASSWORD_MIN }))
  .max(PASSWORD_MAX, msg("errors.tooLong", { max: PASSWORD_MAX }));
const currentPassword = z.string({ required_error: "errors.required" }).min(1, "errors.required").max(PASSWORD_MAX, msg("errors.tooLong", { max: PASSWORD_MAX }));
/** Tokens from emailed links: 43 base64url characters (the domain checks them). */
const token = z.string({ required_error: "errors.tokenInvalid" }).max(100, "errors.tokenInvalid");

export const ForgotPasswordSchema = z.object({ email });
export const ResetPasswordSchema = z.object({ token, password: newPassword });
export type ResetPasswordInput = z.infer<typeof ResetPasswordSchema>;
export const ChangePasswordSchema = z.object({ currentPassword, newPassword });
export type ChangePasswordInput = z.infer<typeof ChangePasswordSchema>;
export const ChangeEmailSchema = z.object({ newEmail: email, password: currentPassword });
export type ChangeEmailInput = z.infer<typeof ChangeEmailSchema>;
export const TokenSchema = z.object({ token });
export const ProfileSchema = z.object({ displayName: textField({ max: NAME_MAX, singleLine: true }) });
export const DeleteAccountSchema = z.object({
  password: currentPassword,
  confirm: z.preprocess((v) => v === "on" || v === "true", z.literal(true, { errorMap: () => ({ message: "errors.confirmRequired" }) })),
});
