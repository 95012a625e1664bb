/**
 * Forms, the one way: Conform + the zod schema the server also uses (client-safe module),
 * validated on submit and revalidated as the person types. Never on blur: a message that
 * disappears when focus leaves a field moves the submit button under the pointer, and the
 * first press is lost (seen at 360 px on the minutes form).
 *
 * Owns:
 *  - `useSchemaForm`: a single-form page (its action returns Conform's reply).
 *  - `useIntentForm` / `IntentForm`: pages with several forms posting an `intent` (and a
 *    `target` record); the action answers `IntentReply` (app/utils/forms.server.ts), and
 *    only the form it names shows the errors and keeps what was typed.
 *  - `IntentErrors`: the error of a one-click form (support, follow…) for that intent.
 *  - `OnceField`: the one-time token that makes a double submission store one record.
 */
import { getFormProps, getTextareaProps, useForm, type FieldMetadata, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form, useRouteLoaderData } from "@remix-run/react";
import { useEffect, useState, type ReactNode, type SyntheticEvent } from "react";
import type { z, ZodTypeAny } from "zod";
import { FormErrors } from "./ui/field";

/** What a multi-form page's action answers for the form that was submitted. */
export type IntentReply = { intent: string; target: string; reply: SubmissionResult<string[]> };
export type IntentResult = IntentReply | undefined;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Fields<S extends ZodTypeAny> = { [K in keyof z.input<S>]: any };

/** A single form validated by `schema` in the browser and on the server. */
export function useSchemaForm<S extends ZodTypeAny>(
  schema: S,
  opts: { id: string; lastResult?: SubmissionResult<string[]> | null; defaultValue?: Record<string, unknown> },
) {
  useClearHiddenFields(opts.id, opts.lastResult);
  return useForm<Fields<S>, unknown, string[]>({
    id: opts.id,
    lastResult: opts.lastResult ?? undefined,
    defaultValue: opts.defaultValue as never,
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

/**
 * A reply that hides fields (passwords, a census reference: `hideFields`) leaves them out of
 * the typed values it sends back. Without JavaScript the page is rendered again and they are
 * empty; with JavaScript the inputs keep what was typed, so they are emptied here. Fields the
 * reply did not send back were hidden or empty: emptying them is what the server asked.
 */
function useClearHiddenFields(formId: string, lastResult: SubmissionResult<string[]> | null | undefined) {
  useEffect(() => {
    if (!lastResult || lastResult.status === "success") return;
    const form = document.getElementById(formId);
    if (!(form instanceof HTMLFormElement)) return;
    const kept = lastResult.initialValue ?? {};
    for (const el of Array.from(form.elements)) {
      const typed = el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && ["text", "password", "email", "search", "tel"].includes(el.type));
      if (typed && el.name && !(el.name in kept)) (el as HTMLInputElement).value = "";
    }
  }, [formId, lastResult]);
}

/** One of several forms on a page; `id` is "<intent>:<target>". */
export function useIntentForm<S extends ZodTypeAny>(id: string, schema: S, result: IntentResult, defaultValue?: Record<string, unknown>) {
  const mine = result && `${result.intent}:${result.target}` === id ? result.reply : undefined;
  return useSchemaForm(schema, { id, lastResult: mine, defaultValue });
}

export function IntentForm({
  form,
  intent,
  target,
  children,
  className = "stack-form",
  action,
  encType,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  intent: string;
  target: string;
  children: ReactNode;
  className?: string;
  action?: string;
  /** "multipart/form-data" for a form with a file. */
  encType?: "multipart/form-data";
}) {
  return (
    <Form method="post" action={action} className={className} encType={encType} {...getFormProps(form)} preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="target" value={target} />
      <OnceField />
      <FormErrors errors={form.errors as string[] | undefined} />
      {children}
    </Form>
  );
}

/** The form-level error of a one-click form (no fields), when the reply is for `intents`. */
export function IntentErrors({ result, intents, target = "" }: { result: IntentResult; intents: readonly string[]; target?: string }) {
  if (!result || !intents.includes(result.intent) || result.target !== target) return null;
  return <FormErrors errors={result.reply.error?.[""] ?? undefined} />;
}

/**
 * The markup of an IntentForm without Conform, for the many closed forms of one page (a report
 * and a reply form under each of 50 comments): the same hidden fields and field names, so it
 * posts the same request and the server validates it; it becomes a live IntentForm as soon as
 * it is opened or holds a reply (`useLiveForm`). One Conform form per comment was most of the
 * render time of a long discussion (decision record 016).
 */
export function PlainIntentForm({ formId, intent, target, children, className = "stack-form" }: { formId: string; intent: string; target: string; children: ReactNode; className?: string }) {
  return (
    <Form method="post" id={formId} className={className} noValidate preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="target" value={target} />
      <OnceField />
      {children}
    </Form>
  );
}

/** What a TextareaField needs from a field: its name and id, and with Conform its errors and value. */
export type TextareaBinding = { name: string; id: string; errors?: string[] } & Record<string, unknown>;

/** A Conform field as TextareaField props (the props PlainIntentForm's callers write by hand). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function textareaBinding(field: FieldMetadata<any, any, string[]>): TextareaBinding {
  return { errors: field.errors, ...getTextareaProps(field, { ariaAttributes: false }), id: field.id };
}

/**
 * For a form in a closed <details>: whether it should be live (a Conform form), because it
 * holds the reply to its last submission or its <details> was opened; and the onToggle handler
 * to put on the <details>.
 */
export function useLiveForm(active: boolean) {
  const [opened, setOpened] = useState(false);
  const onToggle = (e: SyntheticEvent<HTMLDetailsElement>) => setOpened(e.currentTarget.open);
  return [active || opened, onToggle] as const;
}

/**
 * The one-time token of a creating form (app/domain/once/once.server.ts). The root loader
 * issues a fresh one on every page load and after every submission.
 */
export function OnceField() {
  const token = (useRouteLoaderData("root") as { once?: string } | undefined)?.once ?? "";
  return <input type="hidden" name="_once" value={token} />;
}
