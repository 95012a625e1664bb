/**
 * Admins import a past budget from a Pabulib file (history, demo): it becomes a closed budget
 * whose results are recomputed by the chosen rule and explained like any other. A malformed
 * file is refused with its line, and nothing is stored.
 */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OnceField, useSchemaForm } from "~/components/forms";
import { ErrorList, Field, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { importPabulib } from "~/domain/budgets/import.server";
import { ImportSchema } from "~/domain/budgets/schemas";
import { submitOnce } from "~/domain/once/once.server";
import { ALLOCATION_RULES } from "~/domain/rules/params";
import { rulesInForce } from "~/domain/rules/in-force.server";
import { getFixedT } from "~/i18next.server";
import { cleanReply, replyWithError } from "~/utils/forms.server";
import { requirePermission } from "~/utils/http.server";
import { fileBytes, readMultipart } from "~/utils/multipart.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

const MAX_PB_BYTES = 10 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "budget.import");
  const t = await getFixedT(request);
  return { title: t("budgets.import.title"), minLength: rulesInForce().params.minExplanationLength };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "budget.import");
  let formData: FormData;
  try {
    formData = await readMultipart(request, MAX_PB_BYTES, "file");
  } catch (e) {
    return replyWithError(parseWithZod(new FormData(), { schema: ImportSchema }), e);
  }
  const submission = parseWithZod(formData, { schema: ImportSchema });
  if (submission.status !== "success") return data(cleanReply(submission.reply()), { status: 400 });
  try {
    const bytes = await fileBytes(formData, "file");
    const text = bytes ? new TextDecoder("utf-8", { fatal: false }).decode(bytes) : "";
    const { location } = submitOnce(actor, formData.get("_once"), () => importPabulib(actor, { ...submission.value, text }), (b) => `/budgets/${b.id}/results`);
    return redirect(location);
  } catch (e) {
    return replyWithError(submission, e);
  }
}

export default function ImportBudgetRoute() {
  const { t } = useTranslation();
  const { minLength } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, f] = useSchemaForm(ImportSchema, { id: "import", lastResult, defaultValue: { allocationRule: "greedy" } });
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/budgets">{t("budgets.title")}</Link></li>
          <li aria-current="page">{t("budgets.import.title")}</li>
        </ol>
      </nav>
      <h1>{t("budgets.import.title")}</h1>
      <p className="lead">{t("budgets.import.intro")}</p>
      <Form method="post" encType="multipart/form-data" className="card form-card" {...getFormProps(form)}>
        <OnceField />
        <FormErrors errors={form.errors} />
        <div className="field">
          <label htmlFor="file">{t("budgets.import.file")}</label>
          <input type="file" id="file" name="file" accept=".pb,text/plain" aria-describedby="file-error" aria-invalid={form.allErrors.file ? true : undefined} />
          <ErrorList id="file-error" errors={form.allErrors.file as string[] | undefined} />
        </div>
        <Field label={t("budgets.form.name")} errors={f.title.errors} {...getInputProps(f.title, { type: "text", ariaAttributes: false })} id={f.title.id} />
        <SelectField label={t("rules.params.allocationRule.label")} hint={t("budgets.import.ruleHint")} errors={f.allocationRule.errors} {...getSelectProps(f.allocationRule, { ariaAttributes: false })} id={f.allocationRule.id}>
          {ALLOCATION_RULES.map((r) => <option key={r} value={r}>{t(`rules.params.allocationRule.options.${r}`)}</option>)}
        </SelectField>
        <TextareaField label={t("budgets.import.source")} hint={t("budgets.import.sourceHint")} rows={3} errors={f.source.errors} {...getTextareaProps(f.source, { ariaAttributes: false })} id={f.source.id} />
        <TextareaField label={t("budgets.form.explanation")} hint={t("rulesForm.explanationHint", { min: minLength })} rows={4} errors={f.explanation.errors} {...getTextareaProps(f.explanation, { ariaAttributes: false })} id={f.explanation.id} />
        <button type="submit" className="btn btn-primary">{t("budgets.import.submit")}</button>
      </Form>
    </div>
  );
}
