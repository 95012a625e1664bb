/** Create or edit a meeting's details (times typed on the town's clock). */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OnceField, useSchemaForm } from "../forms";
import { MeetingSchema } from "~/domain/meetings/schemas";
import { Field, FormErrors, SelectField, TextareaField } from "../ui/field";

export function MeetingForm({
  lastResult,
  councils,
  defaultValue,
  submitLabel,
  councilFixed,
}: {
  lastResult: SubmissionResult<string[]> | undefined;
  councils: { id: number; name: string }[];
  defaultValue?: Record<string, string>;
  submitLabel: string;
  councilFixed?: boolean;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(MeetingSchema, { id: "meeting", lastResult, defaultValue: defaultValue as Record<string, string | undefined> | undefined });
  const f = (k: string) => fields[k as keyof typeof fields]!;
  return (
    <Form method="post" className="card form-card" {...getFormProps(form)}>
      <OnceField />
      <FormErrors errors={form.errors} />
      {councilFixed ? (
        <input {...getInputProps(f("councilId"), { type: "hidden" })} />
      ) : (
        <SelectField label={t("meetingForm.council")} errors={f("councilId").errors} {...getSelectProps(f("councilId"), { ariaAttributes: false })} id={f("councilId").id}>
          <option value="">{t("form.choose")}</option>
          {councils.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </SelectField>
      )}
      <Field label={t("meetingForm.title")} hint={t("meetingForm.titleHint")} errors={f("title").errors} {...getInputProps(f("title"), { type: "text", ariaAttributes: false })} id={f("title").id} />
      <div className="field-row">
        <Field label={t("meetingForm.startsAt")} hint={t("meetingForm.timeHint")} errors={f("startsAt").errors} {...getInputProps(f("startsAt"), { type: "datetime-local", ariaAttributes: false })} id={f("startsAt").id} />
        <Field label={t("meetingForm.endsAt")} errors={f("endsAt").errors} {...getInputProps(f("endsAt"), { type: "datetime-local", ariaAttributes: false })} id={f("endsAt").id} />
      </div>
      <Field label={t("meetingForm.placeName")} errors={f("placeName").errors} {...getInputProps(f("placeName"), { type: "text", ariaAttributes: false })} id={f("placeName").id} />
      <Field label={t("meetingForm.address")} errors={f("address").errors} {...getInputProps(f("address"), { type: "text", ariaAttributes: false })} id={f("address").id} />
      <TextareaField label={t("meetingForm.accessibility")} hint={t("meetingForm.accessibilityHint")} rows={3} errors={f("accessibility").errors} {...getTextareaProps(f("accessibility"), { ariaAttributes: false })} id={f("accessibility").id} />
      <button type="submit" className="btn btn-primary">{submitLabel}</button>
    </Form>
  );
}
