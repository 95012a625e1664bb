/**
 * Form actions, the one way. Every action that reads a form goes through one of these, so
 * that the mapping "domain error → reply" exists once:
 *  - a user-fixable DomainError (4xx other than 403/404) becomes the form's reply with its
 *    status, the typed values kept, the message carrying its parameters (`msg`);
 *  - 403 and 404 become the error page (thrown Response);
 *  - anything else is rethrown (a real 500).
 *
 *  `handleForm`   single-form pages: the reply is Conform's SubmissionResult.
 *  `handleIntent` pages with several forms: the reply says which form (`intent`, `target`).
 *  `runIntent`    one-click forms without fields (support, follow…), same reply shape.
 *  `readIntent`   the intent and target of a multi-form post.
 *  `handleCreate` a creating form: `handleForm` + the one-time token (`submitOnce`).
 *
 * Every reply gives back what was typed (`initialValue`) and its messages without control
 * characters (`cleanReply`): a NUL typed into a field must not come back as a NUL byte in
 * the page.
 */
import type { Submission, SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect } from "@remix-run/node";
import type { z, ZodTypeAny } from "zod";
import type { IntentReply } from "~/components/forms";
import type { Actor } from "~/domain/accounts/policy";
import { DomainError } from "~/domain/errors";
import { submitOnce } from "~/domain/once/once.server";
import { msg } from "~/lib/messages";
import { withoutControls } from "~/lib/text";

function clean(v: unknown): unknown {
  if (typeof v === "string") return withoutControls(v);
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [withoutControls(k), clean(x)]));
  return v;
}

/**
 * A reply with no control characters (NUL…) anywhere: neither in the typed values it gives
 * back (`initialValue`) nor in its messages (which may quote what was typed).
 */
export function cleanReply<R>(reply: R): R {
  return clean(reply) as R;
}

/** Every value of a repeated field as typed, for a reply (control characters dropped, at most `max`). */
export function typedValues(formData: FormData, name: string, max = 50): string[] {
  return formData.getAll(name).slice(0, max).map((v) => withoutControls(String(v)));
}

/** A user-fixable error's status, message and field; throws the error page for the rest. */
export function userError(error: unknown): { status: number; message: string; field?: string } {
  if (!(error instanceof DomainError)) throw error;
  if (error.status === 403 || error.status === 404 || error.status >= 500) {
    throw new Response(error.key, { status: error.status });
  }
  return { status: error.status, message: msg(error.key, error.params), field: error.field };
}

function errorReply<S extends Submission<unknown>>(submission: S, error: unknown, hideFields?: string[]) {
  const e = userError(error);
  const reply = cleanReply(submission.reply(e.field ? { fieldErrors: { [e.field]: [e.message] }, hideFields } : { formErrors: [e.message], hideFields }));
  return { status: e.status, reply };
}

/** Turns a DomainError into the single form's reply (typed values kept). */
export function replyWithError<S extends Submission<unknown>>(submission: S, error: unknown, hideFields?: string[]) {
  const { status, reply } = errorReply(submission, error, hideFields);
  return data(reply, { status });
}

/**
 * The usual single-form action: parse with `schema` (400 with the typed values when
 * invalid), run the domain call, and turn a user-fixable DomainError into the reply.
 */
export function handleForm<S extends ZodTypeAny>(
  formData: FormData,
  schema: S,
  run: (value: z.output<S>) => Response,
  hideFields?: string[],
) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data(cleanReply(submission.reply({ hideFields })), { status: 400 });
  try {
    return run(submission.value);
  } catch (e) {
    return replyWithError(submission, e, hideFields);
  }
}

/** `handleForm` for domain calls that wait (password hashing, throttles). */
export async function handleFormAsync<S extends ZodTypeAny>(
  formData: FormData,
  schema: S,
  run: (value: z.output<S>) => Promise<Response>,
  hideFields?: string[],
) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data(cleanReply(submission.reply({ hideFields })), { status: 400 });
  try {
    return await run(submission.value);
  } catch (e) {
    return replyWithError(submission, e, hideFields);
  }
}

/** `handleIntent` for domain calls that wait. */
export async function handleIntentAsync<S extends ZodTypeAny>(
  formData: FormData,
  schema: S,
  run: (value: z.output<S>) => Promise<Response>,
  hideFields?: string[],
) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return intentReply(formData, submission.reply({ hideFields }) as SubmissionResult<string[]>, 400);
  try {
    return await run(submission.value);
  } catch (e) {
    const { status, reply } = errorReply(submission, e, hideFields);
    return intentReply(formData, reply as SubmissionResult<string[]>, status);
  }
}

/** The intent and target record of a multi-form post ("" when absent). */
export function readIntent(formData: FormData): { intent: string; target: string } {
  const intent = formData.get("intent");
  const target = formData.get("target");
  return {
    intent: typeof intent === "string" ? withoutControls(intent.slice(0, 40)) : "",
    target: typeof target === "string" ? withoutControls(target.slice(0, 40)) : "",
  };
}

function intentReply(formData: FormData, reply: SubmissionResult<string[]>, status: number) {
  const { intent, target } = readIntent(formData);
  return data({ intent, target, reply: cleanReply(reply) } satisfies IntentReply, { status });
}

/** A form among several on a page: like `handleForm`, the reply naming the form. */
export function handleIntent<S extends ZodTypeAny>(
  formData: FormData,
  schema: S,
  run: (value: z.output<S>) => Response,
  hideFields?: string[],
) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return intentReply(formData, submission.reply({ hideFields }) as SubmissionResult<string[]>, 400);
  try {
    return run(submission.value);
  } catch (e) {
    const { status, reply } = errorReply(submission, e, hideFields);
    return intentReply(formData, reply as SubmissionResult<string[]>, status);
  }
}

/** A one-click form (no fields): a user-fixable error becomes that form's reply. */
export function runIntent(formData: FormData, run: () => Response) {
  try {
    return run();
  } catch (e) {
    const { status, message } = userError(e);
    return intentReply(formData, { status: "error", error: { "": [message] } }, status);
  }
}

/**
 * A creating form: like `handleForm`, and the record is created once per form token
 * (`_once`), so a double submission lands on the record the first one created.
 */
export function handleCreate<S extends ZodTypeAny, T>(
  formData: FormData,
  schema: S,
  actor: Actor | null,
  create: (value: z.output<S>) => T,
  locate: (created: T) => string,
) {
  return handleForm(formData, schema, (v) => redirect(submitOnce(actor, formData.get("_once"), () => create(v), locate).location));
}
