/** The officials' form to create or edit a proposal vote (before it opens). */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VoteSchema } from "~/domain/votes/schemas";
import { OnceField, useSchemaForm } from "../forms";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "../ui/field";

export function VoteForm({
  lastResult,
  defaultValue,
  councils,
  townAllowed,
  bindingAllowed,
  minDescription,
  submitLabel,
}: {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: Record<string, string | undefined>;
  councils: { id: number; name: string }[];
  townAllowed: boolean;
  bindingAllowed: boolean;
  minDescription: number;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(VoteSchema, { id: "vote", lastResult, defaultValue });
  const f = (k: string) => fields[k as keyof typeof fields]!;
  return (
    <Form method="post" className="card form-card" {...getFormProps(form)}>
      <OnceField />
      <FormErrors errors={form.errors} />
      <SelectField label={t("voteForm.electorate")} hint={t("voteForm.electorateHint")} errors={f("councilId").errors} {...getSelectProps(f("councilId"), { ariaAttributes: false })} id={f("councilId").id}>
        {townAllowed ? <option value="town">{t("voteForm.wholeTown")}</option> : null}
        {councils.map((c) => (
          <option key={c.id} value={c.id}>
            {t("voteForm.councilResidents", { council: c.name })}
          </option>
        ))}
      </SelectField>
      <Field label={t("voteForm.question")} hint={t("voteForm.questionHint")} errors={f("question").errors} {...getInputProps(f("question"), { type: "text", ariaAttributes: false })} id={f("question").id} />
      <TextareaField label={t("voteForm.description")} hint={t("voteForm.descriptionHint", { min: minDescription })} rows={8} errors={f("description").errors} {...getTextareaProps(f("description"), { ariaAttributes: false })} id={f("description").id} />
      <fieldset className="fieldset">
        <legend>{t("voteForm.form")}</legend>
        {(["yes_no", "options"] as const).map((v) => (
          <label key={v} className="radio">
            <input type="radio" name={f("form").name} value={v} defaultChecked={(f("form").initialValue ?? "yes_no") === v} />
            <span>{t(`votes.forms.${v}`)}</span>
          </label>
        ))}
        <ErrorList id={`${f("form").id}-error`} errors={f("form").errors} />
        <TextareaField label={t("voteForm.options")} hint={t("voteForm.optionsHint")} rows={5} errors={f("options").errors} {...getTextareaProps(f("options"), { ariaAttributes: false })} id={f("options").id} />
        <div className="field-row">
          <Field label={t("voteForm.minChoices")} inputMode="numeric" errors={f("minChoices").errors} {...getInputProps(f("minChoices"), { type: "text", ariaAttributes: false })} id={f("minChoices").id} />
          <Field label={t("voteForm.maxChoices")} inputMode="numeric" errors={f("maxChoices").errors} {...getInputProps(f("maxChoices"), { type: "text", ariaAttributes: false })} id={f("maxChoices").id} />
        </div>
      </fieldset>
      <div className="field-row">
        <Field label={t("voteForm.opensAt")} hint={t("meetingForm.timeHint")} errors={f("opensAt").errors} {...getInputProps(f("opensAt"), { type: "datetime-local", ariaAttributes: false })} id={f("opensAt").id} />
        <Field label={t("voteForm.closesAt")} errors={f("closesAt").errors} {...getInputProps(f("closesAt"), { type: "datetime-local", ariaAttributes: false })} id={f("closesAt").id} />
      </div>
      <div className="field checkbox">
        <input {...getInputProps(f("binding"), { type: "checkbox", ariaAttributes: false })} id={f("binding").id} disabled={!bindingAllowed} aria-describedby={`${f("binding").id}-hint`} />
        <label htmlFor={f("binding").id}>{t("voteForm.binding")}</label>
        <p id={`${f("binding").id}-hint`} className="hint">{bindingAllowed ? t("voteForm.bindingHint") : t("voteForm.bindingNotAllowed")}</p>
        <ErrorList id={`${f("binding").id}-error`} errors={f("binding").errors} />
      </div>
      <p className="hint">{t("voteForm.frozenHint")}</p>
      <button type="submit" className="btn btn-primary">{submitLabel}</button>
    </Form>
  );
}
