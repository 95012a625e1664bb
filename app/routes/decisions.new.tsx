/** Officials publish a council decision (or a correction of an earlier entry) with its explanation. */
import { getFormProps, getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OnceField, useSchemaForm } from "~/components/forms";
import { Field, FormErrors, SelectField, TextareaField } from "~/components/ui/field";
import { can, canSomewhere } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { listCouncils } from "~/domain/councils/councils.server";
import { getDecision, publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { FREE_OUTCOMES, FreeDecisionSchema } from "~/domain/decisions/schemas";
import { rulesInForce } from "~/domain/rules/in-force.server";
import { getMeeting } from "~/domain/meetings/meetings.server";
import { getFixedT } from "~/i18next.server";
import { optionalIdParam, requireActor } from "~/utils/http.server";
import { handleCreate } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!canSomewhere(actor, "decision.publish")) throw new Response("Forbidden", { status: 403 });
  const t = await getFixedT(request);
  const q = new URL(request.url).searchParams;
  const supersedesSeq = optionalIdParam(q.get("supersedes"));
  const old = supersedesSeq ? getDecision(supersedesSeq) : null;
  // Published from a meeting: the decision cites the meeting's minutes as evidence.
  const meetingId = optionalIdParam(q.get("meeting"));
  const meeting = meetingId ? getMeeting(meetingId) : null;
  return {
    title: t("decisionForm.title"),
    townAllowed: can(actor, "decision.publish", { councilId: null }),
    councils: listCouncils()
      .filter((c) => can(actor, "decision.publish", { councilId: c.id }))
      .map((c) => ({ id: c.id, name: c.name })),
    minLength: rulesInForce().params.minExplanationLength,
    defaults: old
      ? { councilId: old.councilId === null ? "town" : String(old.councilId), title: old.subjectTitle, supersedes: String(old.seq) }
      : meeting
        ? { councilId: String(meeting.councilId), evidence: `/meetings/${meeting.id}#minutes ${t("decisionForm.minutesOf", { title: meeting.title })}` }
        : undefined,
    old: old ? { seq: old.seq, title: old.subjectTitle } : null,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await getActor(request);
  if (!canSomewhere(actor, "decision.publish")) throw new Response("Forbidden", { status: 403 });
  return handleCreate(await request.formData(), FreeDecisionSchema, actor, (v) => publishCouncilDecision(actor, v), (entry) => `/decisions/${entry.seq}`);
}

export default function NewDecisionRoute() {
  const { t } = useTranslation();
  const { councils, townAllowed, minLength, defaults, old } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(FreeDecisionSchema, { id: "decision", lastResult, defaultValue: defaults });
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/decisions">{t("decisions.title")}</Link></li>
          <li aria-current="page">{t("decisionForm.title")}</li>
        </ol>
      </nav>
      <h1>{old ? t("decisionForm.correctTitle", { seq: old.seq }) : t("decisionForm.title")}</h1>
      <p className="lead">{t("decisionForm.intro")}</p>
      <Form method="post" className="card form-card" {...getFormProps(form)}>
        <OnceField />
        <FormErrors errors={form.errors} />
        <input type="hidden" name="supersedes" value={defaults?.supersedes ?? ""} />
        <FormErrors errors={fields.supersedes.errors} />
        <SelectField label={t("decisionForm.scope")} errors={fields.councilId.errors} {...getSelectProps(fields.councilId, { ariaAttributes: false })} id={fields.councilId.id}>
          {townAllowed ? <option value="town">{t("scope.town")}</option> : null}
          {councils.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
        <Field label={t("decisionForm.subject")} hint={t("decisionForm.subjectHint")} errors={fields.title.errors} {...getInputProps(fields.title, { type: "text", ariaAttributes: false })} id={fields.title.id} />
        <SelectField label={t("decisionForm.outcome")} errors={fields.outcome.errors} {...getSelectProps(fields.outcome, { ariaAttributes: false })} id={fields.outcome.id}>
          <option value="">{t("form.choose")}</option>
          {FREE_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {t(`decisions.outcomes.${o}`)}
            </option>
          ))}
        </SelectField>
        <TextareaField
          label={t("decisionForm.explanation")}
          hint={t("decisionForm.explanationHint", { min: minLength })}
          rows={10}
          errors={fields.explanation.errors}
          {...getTextareaProps(fields.explanation, { ariaAttributes: false })}
          id={fields.explanation.id}
        />
        <TextareaField
          label={t("decisionForm.evidence")}
          hint={t("decisionForm.evidenceHint")}
          rows={3}
          errors={fields.evidence.errors}
          {...getTextareaProps(fields.evidence, { ariaAttributes: false })}
          id={fields.evidence.id}
        />
        <button type="submit" className="btn btn-primary">
          {t("decisionForm.submit")}
        </button>
      </Form>
    </div>
  );
}
