/**
 * The feasibility review of a budget's ideas (officials): for each idea a verdict, a cost in
 * whole euros and the envelope it goes into, each with its explanation, and the reviewer's
 * declaration of any conflict of interest (published with the review). One form per idea.
 */
import { getInputProps, getTextareaProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { euros } from "~/components/budget/budget-ui";
import { IntentForm, useIntentForm, type IntentResult } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { Markdown } from "~/components/markdown";
import { ErrorList, Field, TextareaField } from "~/components/ui/field";
import { canSomewhere } from "~/domain/accounts/policy";
import { budgetIdeas, envelopesOf, getBudget } from "~/domain/budgets/budgets.server";
import { reviewIdea } from "~/domain/budgets/review.server";
import { ReviewSchema } from "~/domain/budgets/schemas";
import { getIdea } from "~/domain/ideas/ideas.server";
import { getFixedT } from "~/i18next.server";
import { renderMarkdown } from "~/lib/markdown";
import { handleIntent } from "~/utils/forms.server";
import { idParam, notFound, requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const b = getBudget(idParam(params.id));
  if (!b) notFound();
  const actor = await requireActor(request);
  if (!canSomewhere(actor, "budget.review")) throw new Response("Forbidden", { status: 403 });
  const t = await getFixedT(request);
  const envelopes = envelopesOf(b.id);
  const pending = budgetIdeas(b.id).filter((i) => !i.review && !i.hiddenAt && ["submitted", "under_review", "accepted"].includes(i.status));
  return {
    title: t("budgets.review.title", { title: b.title }),
    budget: { id: b.id, title: b.title, inReview: b.phase === "review" },
    ideas: pending.map((i) => ({
      id: i.id,
      title: i.title,
      bodyHtml: renderMarkdown(getIdea(i.id)?.body ?? "", { headingBase: 3 }),
      envelopes: envelopes.filter((e) => e.councilId === null || e.councilId === i.councilId).map((e) => ({ id: e.id, label: e.councilName ? t("budgets.envelopeOf", { name: e.councilName }) : t("budgets.townEnvelope"), amount: e.amount })),
    })),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const actor = await requireActor(request);
  return handleIntent(await request.formData(), ReviewSchema, (v) => {
    reviewIdea(actor, id, v);
    return redirect(`/budgets/${id}/review`);
  });
}

type Idea = Awaited<ReturnType<typeof loader>>["ideas"][number];

function ReviewForm({ idea, result }: { idea: Idea; result: IntentResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [form, f] = useIntentForm(`review:${idea.id}`, ReviewSchema, result, { ideaId: String(idea.id), conflict: "", verdict: "" });
  return (
    <IntentForm form={form} intent="review" target={String(idea.id)} className="card form-card">
      <h2 className="h3"><Link to={`/ideas/${idea.id}`}>{idea.title}</Link></h2>
      <Markdown html={idea.bodyHtml} />
      <input type="hidden" name={f.ideaId.name} value={idea.id} />
      <fieldset className="stance-choice">
        <legend>{t("budgets.review.verdict")}</legend>
        {(["feasible", "unfeasible"] as const).map((v) => (
          <label key={v} className="radio">
            <input type="radio" name={f.verdict.name} value={v} defaultChecked={f.verdict.initialValue === v} />
            <span>{t(`budgets.verdicts.${v}`)}</span>
          </label>
        ))}
        <ErrorList id={`${f.verdict.id}-error`} errors={f.verdict.errors} />
      </fieldset>
      <TextareaField label={t("budgets.review.feasibility")} rows={4} errors={f.feasibilityExplanation.errors} {...getTextareaProps(f.feasibilityExplanation, { ariaAttributes: false })} id={f.feasibilityExplanation.id} />
      <Field label={t("budgets.review.cost")} hint={t("budgets.review.costHint")} inputMode="numeric" errors={f.cost.errors} {...getInputProps(f.cost, { type: "text", ariaAttributes: false })} id={f.cost.id} />
      <TextareaField label={t("budgets.review.costExplanation")} rows={3} errors={f.costExplanation.errors} {...getTextareaProps(f.costExplanation, { ariaAttributes: false })} id={f.costExplanation.id} />
      <fieldset className="stance-choice">
        <legend>{t("budgets.review.envelope")}</legend>
        {idea.envelopes.map((e) => (
          <label key={e.id} className="radio">
            <input type="radio" name={f.envelopeId.name} value={e.id} defaultChecked={f.envelopeId.initialValue === String(e.id)} />
            <span>{e.label} · {euros(e.amount, locale)}</span>
          </label>
        ))}
        <ErrorList id={`${f.envelopeId.id}-error`} errors={f.envelopeId.errors} />
      </fieldset>
      <fieldset className="stance-choice">
        <legend>{t("budgets.review.conflict")}</legend>
        {(["none", "declared"] as const).map((v) => (
          <label key={v} className="radio">
            <input type="radio" name={f.conflict.name} value={v} defaultChecked={f.conflict.initialValue === v} />
            <span>{t(`budgets.review.conflict_${v}`)}</span>
          </label>
        ))}
        <ErrorList id={`${f.conflict.id}-error`} errors={f.conflict.errors} />
      </fieldset>
      <TextareaField label={t("budgets.review.conflictText")} hint={t("budgets.review.conflictHint")} rows={2} errors={f.conflictText.errors} {...getTextareaProps(f.conflictText, { ariaAttributes: false })} id={f.conflictText.id} />
      <button type="submit" className="btn btn-primary">{t("budgets.review.submit")}</button>
    </IntentForm>
  );
}

export default function BudgetReviewRoute() {
  const { t } = useTranslation();
  const { budget, ideas } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as IntentResult;
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/budgets">{t("budgets.title")}</Link></li>
          <li><Link to={`/budgets/${budget.id}`}>{budget.title}</Link></li>
          <li aria-current="page">{t("budgets.action.reviewIdeas")}</li>
        </ol>
      </nav>
      <h1>{t("budgets.review.title", { title: budget.title })}</h1>
      <p className="lead">{budget.inReview ? t("budgets.review.intro") : t("errors.budgetNotInReview")}</p>
      {ideas.length === 0 ? <p className="empty">{t("budgets.review.none")}</p> : <div className="stack">{ideas.map((i) => <ReviewForm key={i.id} idea={i} result={result} />)}</div>}
    </div>
  );
}
