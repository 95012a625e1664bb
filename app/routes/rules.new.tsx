/** Officials publish a new rulebook version; the explanation becomes its register entry. */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { OnceField, useSchemaForm } from "~/components/forms";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { PARAM_FIELDS, PublishRulesSchema, SCOPE_RE, TOWN_SCOPE } from "~/domain/rules/params";
import { listVersions, publishRuleVersion, rulesInForce } from "~/domain/rules/rules.server";
import { getFixedT } from "~/i18next.server";
import { rulesHref } from "~/lib/links";
import { requirePermission } from "~/utils/http.server";
import { handleCreate } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "rules.publish");
  const scopeParam = new URL(request.url).searchParams.get("scope") ?? TOWN_SCOPE;
  const scope = SCOPE_RE.test(scopeParam) ? scopeParam : TOWN_SCOPE;
  const current = listVersions(scope)[0] ?? null;
  const inForce = rulesInForce(scope);
  const t = await getFixedT(request);
  const defaults: Record<string, string> = {
    scope,
    title: current?.title ?? "",
    body: current?.body ?? "",
    ...Object.fromEntries(Object.entries(inForce.params).map(([k, v]) => [k, typeof v === "boolean" ? (v ? "on" : "") : String(v)])),
  };
  return { title: t("rulesForm.title"), defaults, currentLabel: current?.label ?? null, minLength: inForce.params.minExplanationLength };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "rules.publish");
  return handleCreate(await request.formData(), PublishRulesSchema, actor, (input) => publishRuleVersion(actor, input), (v) => rulesHref(v.scope, v.number));
}

export default function NewRulesRoute() {
  const { t } = useTranslation();
  const { defaults, currentLabel, minLength } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(PublishRulesSchema, { id: "rules", lastResult, defaultValue: defaults });
  const f = (key: string) => fields[key as keyof typeof fields]!;
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/rules">{t("rules.title")}</Link></li>
          <li aria-current="page">{t("rulesForm.title")}</li>
        </ol>
      </nav>
      <h1>{t("rulesForm.title")}</h1>
      <p className="lead">{currentLabel ? t("rulesForm.intro", { label: currentLabel }) : t("rulesForm.introFirst")}</p>
      <Form method="post" className="card form-card" {...getFormProps(form)}>
        <OnceField />
        <FormErrors errors={form.errors} />
        <input {...getInputProps(f("scope"), { type: "hidden" })} />
        <Field label={t("rulesForm.versionTitle")} errors={f("title").errors} {...getInputProps(f("title"), { type: "text", ariaAttributes: false })} id={f("title").id} />
        <TextareaField label={t("rulesForm.body")} hint={t("form.markdownHint")} rows={16} errors={f("body").errors} {...getTextareaProps(f("body"), { ariaAttributes: false })} id={f("body").id} />
        <fieldset className="fieldset">
          <legend>{t("rulesForm.numbers")}</legend>
          <p className="hint">{t("rulesForm.numbersHint")}</p>
          {PARAM_FIELDS.map((p) => {
            const meta = f(p.key);
            const label = t(`rules.params.${p.key}.label`);
            const hint = t(`rules.params.${p.key}.help`);
            if (p.kind === "bool") {
              return (
                <div className="field checkbox" key={p.key}>
                  <input {...getInputProps(meta, { type: "checkbox", ariaAttributes: false })} id={meta.id} aria-describedby={`${meta.id}-hint`} />
                  <label htmlFor={meta.id}>{label}</label>
                  <p id={`${meta.id}-hint`} className="hint">{hint}</p>
                  <ErrorList id={`${meta.id}-error`} errors={meta.errors} />
                </div>
              );
            }
            if (p.kind === "enum") {
              return (
                <Fragment key={p.key}>
                <SelectField label={label} hint={hint} errors={meta.errors} {...getSelectProps(meta, { ariaAttributes: false })} id={meta.id}>
                  {p.options!.map((o) => (
                    <option key={o} value={o}>{t(`rules.params.${p.key}.options.${o}`)}</option>
                  ))}
                </SelectField>
                </Fragment>
              );
            }
            return <Fragment key={p.key}><Field label={label} hint={hint} inputMode="numeric" errors={meta.errors} {...getInputProps(meta, { type: "text", ariaAttributes: false })} id={meta.id} /></Fragment>;
          })}
        </fieldset>
        <TextareaField
          label={t("rulesForm.explanation")}
          hint={t("rulesForm.explanationHint", { min: minLength })}
          rows={8}
          errors={f("explanation").errors}
          {...getTextareaProps(f("explanation"), { ariaAttributes: false })}
          id={f("explanation").id}
        />
        <button type="submit" className="btn btn-primary">{t("rulesForm.submit")}</button>
      </Form>
    </div>
  );
}
