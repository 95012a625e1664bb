/** Propose an idea for a participatory budget collecting ideas (an ordinary idea, linked to the budget). */
import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OnceField, useSchemaForm } from "~/components/forms";
import { IdeaFields } from "~/components/idea/idea-fields";
import { FormErrors } from "~/components/ui/field";
import { can } from "~/domain/accounts/policy";
import { getBudget, submitBudgetIdea } from "~/domain/budgets/budgets.server";
import { listCouncils } from "~/domain/councils/councils.server";
import { IdeaSchema } from "~/domain/ideas/schemas";
import { submitOnce } from "~/domain/once/once.server";
import { getFixedT } from "~/i18next.server";
import { handleForm } from "~/utils/forms.server";
import { idParam, notFound, requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const b = getBudget(idParam(params.id));
  if (!b) notFound();
  const actor = await requireActor(request);
  const t = await getFixedT(request);
  return {
    title: t("budgets.ideaForm.title", { title: b.title }),
    budget: { id: b.id, title: b.title, collecting: b.phase === "collection" },
    townAllowed: can(actor, "idea.create", { councilId: null }),
    councils: listCouncils().filter((c) => can(actor, "idea.create", { councilId: c.id })).map((c) => ({ id: c.id, name: c.name })),
    defaultCouncil: actor.residency?.councilId ? String(actor.residency.councilId) : "town",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const actor = await requireActor(request);
  const formData = await request.formData();
  return handleForm(formData, IdeaSchema, (v) => redirect(submitOnce(actor, formData.get("_once"), () => submitBudgetIdea(actor, id, v), (idea) => `/ideas/${idea.id}?new=1`).location));
}

export default function NewBudgetIdeaRoute() {
  const { t } = useTranslation();
  const { budget, councils, townAllowed, defaultCouncil } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(IdeaSchema, { id: "budget-idea", lastResult, defaultValue: { councilId: defaultCouncil } });
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/budgets">{t("budgets.title")}</Link></li>
          <li><Link to={`/budgets/${budget.id}`}>{budget.title}</Link></li>
          <li aria-current="page">{t("budgets.action.propose")}</li>
        </ol>
      </nav>
      <h1>{t("budgets.ideaForm.title", { title: budget.title })}</h1>
      {!budget.collecting ? (
        <p className="lead">{t("errors.budgetNotCollecting")}</p>
      ) : (
        <>
          <p className="lead">{t("budgets.ideaForm.intro")}</p>
          <Form method="post" className="card form-card" {...getFormProps(form)}>
            <OnceField />
            <FormErrors errors={form.errors} />
            <IdeaFields fields={{ title: fields.title, body: fields.body, theme: fields.theme, place: fields.place, councilId: fields.councilId }} councils={councils} townAllowed={townAllowed} />
            <button type="submit" className="btn btn-primary">{t("ideaForm.submit")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
