/**
 * Propose an idea. Facilitators can also record one for a resident who came in person or
 * wrote a letter (médiation: ?onBehalf=1), with the channel and consent noted.
 */
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OnceField, useSchemaForm } from "~/components/forms";
import { IdeaFields } from "~/components/idea/idea-fields";
import { ErrorList, Field, FormErrors, SelectField } from "~/components/ui/field";
import { can, canSomewhere } from "~/domain/accounts/policy";
import { getCouncilBySlug, listCouncils } from "~/domain/councils/councils.server";
import { submitIdea, submitIdeaOnBehalf } from "~/domain/ideas/ideas.server";
import { IdeaOnBehalfSchema, IdeaSchema } from "~/domain/ideas/schemas";
import { rulesInForce } from "~/domain/rules/in-force.server";
import { getFixedT } from "~/i18next.server";
import { requireActor } from "~/utils/http.server";
import { handleForm } from "~/utils/forms.server";
import { submitOnce } from "~/domain/once/once.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const url = new URL(request.url);
  const onBehalf = url.searchParams.get("onBehalf") === "1" && canSomewhere(actor, "idea.createOnBehalf");
  const preset = getCouncilBySlug(url.searchParams.get("council") ?? "");
  const action = onBehalf ? "idea.createOnBehalf" : "idea.create";
  const t = await getFixedT(request);
  return {
    title: onBehalf ? t("ideaForm.onBehalfTitle") : t("ideaForm.newTitle"),
    onBehalf,
    canMediate: canSomewhere(actor, "idea.createOnBehalf"),
    townAllowed: can(actor, action, { councilId: null }),
    councils: listCouncils().filter((c) => can(actor, action, { councilId: c.id })).map((c) => ({ id: c.id, name: c.name })),
    defaultCouncil: preset ? String(preset.id) : undefined,
    delay: rulesInForce().params.answerDelayDays,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const formData = await request.formData();
  const onBehalf = formData.get("onBehalf") === "1";
  const submit = (run: () => { id: number }) => redirect(submitOnce(actor, formData.get("_once"), run, (idea) => `/ideas/${idea.id}?new=1`).location);
  return onBehalf
    ? handleForm(formData, IdeaOnBehalfSchema, (v) => submit(() => submitIdeaOnBehalf(actor, v)))
    : handleForm(formData, IdeaSchema, (v) => submit(() => submitIdea(actor, v)));
}

export default function NewIdeaRoute() {
  const { t } = useTranslation();
  const { onBehalf, canMediate, councils, townAllowed, defaultCouncil, delay } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(onBehalf ? IdeaOnBehalfSchema : IdeaSchema, { id: "idea", lastResult, defaultValue: { councilId: defaultCouncil ?? (townAllowed ? "town" : councils[0] ? String(councils[0].id) : undefined) } as Record<string, string | undefined> });
  const f = (k: string) => fields[k as keyof typeof fields]!;
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/ideas">{t("ideas.title")}</Link></li>
          <li aria-current="page">{onBehalf ? t("ideaForm.onBehalfTitle") : t("ideaForm.newTitle")}</li>
        </ol>
      </nav>
      <h1>{onBehalf ? t("ideaForm.onBehalfTitle") : t("ideaForm.newTitle")}</h1>
      <p className="lead">{onBehalf ? t("ideaForm.onBehalfIntro") : t("ideaForm.intro", { days: delay })}</p>
      {canMediate && !onBehalf ? (
        <p>
          <Link to="/ideas/new?onBehalf=1">{t("ideaForm.switchToOnBehalf")}</Link>
        </p>
      ) : null}
      <Form method="post" className="card form-card" {...getFormProps(form)}>
        <OnceField />
        <FormErrors errors={form.errors} />
        {onBehalf ? (
          <fieldset className="fieldset">
            <legend>{t("ideaForm.resident")}</legend>
            <input type="hidden" name="onBehalf" value="1" />
            <Field label={t("ideaForm.onBehalfName")} errors={f("onBehalfName").errors} {...getInputProps(f("onBehalfName"), { type: "text", ariaAttributes: false })} id={f("onBehalfName").id} />
            <Field label={t("ideaForm.onBehalfContact")} hint={t("ideaForm.onBehalfContactHint")} errors={f("onBehalfContact").errors} {...getInputProps(f("onBehalfContact"), { type: "text", ariaAttributes: false })} id={f("onBehalfContact").id} />
            <SelectField label={t("ideaForm.channel")} errors={f("channel").errors} {...getSelectProps(f("channel"), { ariaAttributes: false })} id={f("channel").id}>
              <option value="">{t("form.choose")}</option>
              <option value="assisted">{t("ideas.channels.assisted")}</option>
              <option value="letter">{t("ideas.channels.letter")}</option>
            </SelectField>
            <div className="field checkbox">
              <input {...getInputProps(f("consent"), { type: "checkbox", ariaAttributes: false })} id={f("consent").id} aria-describedby={`${f("consent").id}-error`} />
              <label htmlFor={f("consent").id}>{t("ideaForm.consent")}</label>
              <ErrorList id={`${f("consent").id}-error`} errors={f("consent").errors} />
            </div>
          </fieldset>
        ) : null}
        <IdeaFields fields={{ title: f("title"), body: f("body"), theme: f("theme"), place: f("place"), councilId: f("councilId") }} councils={councils} townAllowed={townAllowed} />
        <button type="submit" className="btn btn-primary">{onBehalf ? t("ideaForm.submitOnBehalf") : t("ideaForm.submit")}</button>
      </Form>
    </div>
  );
}
