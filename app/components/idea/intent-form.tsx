/**
 * A small form posting one `intent` to the idea page's action, with Conform handling its
 * errors and keeping what was typed when the action answers 400 for this form.
 */
import { getFormProps, useForm, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { z, ZodTypeAny } from "zod";
import { FormErrors } from "../ui/field";

export type IntentResult = { intent: string; target: string; reply: SubmissionResult<string[]> } | undefined;

export function useIntentForm<S extends ZodTypeAny>(id: string, schema: S, result: IntentResult, defaultValue?: Record<string, unknown>) {
  const mine = result && `${result.intent}:${result.target}` === id ? result.reply : undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return useForm<{ [K in keyof z.input<S>]: any }, any, string[]>({
    id,
    lastResult: mine,
    defaultValue: defaultValue as never,
    shouldValidate: "onSubmit",
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  });
}

export function IntentForm({
  form,
  intent,
  target,
  children,
  className = "stack-form",
  action,
}: {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form: FormMetadata<any, string[]>;
  intent: string;
  target: string;
  children: ReactNode;
  className?: string;
  action?: string;
}) {
  return (
    <Form method="post" action={action} className={className} {...getFormProps(form)} preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <input type="hidden" name="target" value={target} />
      <FormErrors errors={form.errors as string[] | undefined} />
      {children}
    </Form>
  );
}
