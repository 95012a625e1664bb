/** Officials open a participatory budget: its text, envelopes (town and councils) and rules. */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OnceField, useSchemaForm } from "~/components/forms";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { createBudget } from "~/domain/budgets/budgets.server";
import { BudgetSchema } from "~/domain/budgets/schemas";
import { listCouncils } from "~/domain/councils/councils.server";
import { ALLOCATION_RULES, BALLOT_TYPES, TIE_BREAKS } from "~/domain/rules/params";
import { rulesInForce } from "~/domain/rules/in-force.server";
import { getFixedT } from "~/i18next.server";
import { handleCreate } from "~/utils/forms.server";
import { requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "budget.manage", { councilId: null });
  const t = await getFixedT(request);
  const p = rulesInForce().params;
  return {
    title: t("budgets.form.title"),
    councils: listCouncils().map((c) => ({ id: c.id, name: c.name })),
    defaults: { ballotType: p.ballotType, allocationRule: p.allocationRule, tieBreak: p.tieBreak, minApprovals: String(p.minApprovals), minSpendPercent: String(p.minSpendPercent), kMin: String(p.kMin), maxChoices: String(p.maxChoices) },
    minLength: p.minExplanationLength,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "budget.manage", { councilId: null });
  return handleCreate(await request.formData(), BudgetSchema, actor, (v) => createBudget(actor, v), (b) => `/budgets/${b.id}`);
}

export default function NewBudgetRoute() {
  const { t } = useTranslation();
  const { councils, defaults, minLength } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(BudgetSchema, { id: "budget", lastResult, defaultValue: { ...defaults, envelopes: councils.map((c) => ({ councilId: String(c.id), amount: "" })) } });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const envelopes = (fields.envelopes as any).getFieldList() as { key: string; getFieldset(): { councilId: any; amount: any } }[];
  const select = (key: "ballotType" | "allocationRule" | "tieBreak", options: readonly string[], label: string) => (
    <SelectField label={label} errors={fields[key].errors} {...getSelectProps(fields[key], { ariaAttributes: false })} id={fields[key].id}>
      {options.map((o) => (
        <option key={o} value={o}>{t(`rules.params.${key}.options.${o}`)}</option>
      ))}
    </SelectField>
  );
  const num = (key: "minApprovals" | "minSpendPercent" | "kMin" | "maxChoices") => (
    <Field label={t(`rules.params.${key}.label`)} hint={t(`rules.params.${key}.help`)} inputMode="numeric" errors={fields[key].errors} {...getInputProps(fields[key], { type: "text", ariaAttributes: false })} id={fields[key].id} />
  );
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/budgets">{t("budgets.title")}</Link></li>
          <li aria-current="page">{t("budgets.form.title")}</li>
        </ol>
      </nav>
      <h1>{t("budgets.form.title")}</h1>
      <p className="lead">{t("budgets.form.intro")}</p>
      <Form method="post" className="card form-card" {...getFormProps(form)}>
        <OnceField />
        <FormErrors errors={form.errors} />
        <Field label={t("budgets.form.name")} errors={fields.title.errors} {...getInputProps(fields.title, { type: "text", ariaAttributes: false })} id={fields.title.id} />
        <TextareaField label={t("budgets.form.description")} hint={t("form.markdownHint")} rows={6} errors={fields.description.errors} {...getTextareaProps(fields.description, { ariaAttributes: false })} id={fields.description.id} />
        <fieldset className="fieldset">
          <legend>{t("budgets.form.envelopes")}</legend>
          <p className="hint">{t("budgets.form.envelopesHint")}</p>
          <Field label={t("budgets.townEnvelope")} inputMode="numeric" errors={fields.townAmount.errors} {...getInputProps(fields.townAmount, { type: "text", ariaAttributes: false })} id={fields.townAmount.id} />
          {envelopes.map((e, i) => {
            const f = e.getFieldset();
            return (
              <div key={e.key}>
                <input {...getInputProps(f.councilId, { type: "hidden" })} />
                <Field label={t("budgets.envelopeOf", { name: councils[i]?.name ?? "" })} inputMode="numeric" errors={f.amount.errors} {...getInputProps(f.amount, { type: "text", ariaAttributes: false })} id={f.amount.id} />
              </div>
            );
          })}
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t("budgets.form.rules")}</legend>
          {select("ballotType", BALLOT_TYPES, t("rules.params.ballotType.label"))}
          {num("minSpendPercent")}
          {num("kMin")}
          {num("maxChoices")}
          {select("allocationRule", ALLOCATION_RULES, t("rules.params.allocationRule.label"))}
          {select("tieBreak", TIE_BREAKS, t("rules.params.tieBreak.label"))}
          {num("minApprovals")}
        </fieldset>
        <TextareaField label={t("budgets.form.explanation")} hint={t("rulesForm.explanationHint", { min: minLength })} rows={5} errors={fields.explanation.errors} {...getTextareaProps(fields.explanation, { ariaAttributes: false })} id={fields.explanation.id} />
        <button type="submit" className="btn btn-primary">{t("budgets.form.submit")}</button>
      </Form>
    </div>
  );
}
