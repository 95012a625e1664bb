/** The council create/edit form (fields from Conform; errors are translation keys). */
import { getFormProps, getInputProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OnceField, useSchemaForm } from "./forms";
import { CouncilSchema } from "~/domain/councils/schemas";
import { Field, FormErrors, TextareaField } from "./ui/field";

export function CouncilForm({
  lastResult,
  defaultValue,
  submitLabel,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  defaultValue?: { name: string; slug: string; description: string; territory: string };
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(CouncilSchema, { id: "council", lastResult, defaultValue });
  return (
    <Form method="post" className="card form-card" {...getFormProps(form)}>
      <OnceField />
      <FormErrors errors={form.errors} />
      <Field label={t("fields.councilName")} errors={fields.name.errors} {...getInputProps(fields.name, { type: "text", ariaAttributes: false })} id={fields.name.id} />
      <Field
        label={t("fields.slug")}
        hint={t("admin.councils.slugHint")}
        errors={fields.slug.errors}
        {...getInputProps(fields.slug, { type: "text", ariaAttributes: false })}
        id={fields.slug.id}
      />
      <TextareaField
        label={t("fields.territory")}
        rows={3}
        errors={fields.territory.errors}
        {...getTextareaProps(fields.territory, { ariaAttributes: false })}
        id={fields.territory.id}
      />
      <TextareaField
        label={t("fields.description")}
        hint={t("form.markdownHint")}
        rows={8}
        errors={fields.description.errors}
        {...getTextareaProps(fields.description, { ariaAttributes: false })}
        id={fields.description.id}
      />
      <button type="submit" className="btn btn-primary">
        {submitLabel}
      </button>
    </Form>
  );
}
