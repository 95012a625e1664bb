/**
 * Facilitators write and publish a meeting's agenda, linking ideas. Ideas of the council
 * that reached the support threshold and are on no agenda yet come first, pre-ticked.
 */
import { getFormProps, getTextareaProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OnceField, useSchemaForm } from "~/components/forms";
import { ErrorList, FormErrors, TextareaField } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { listIdeas } from "~/domain/ideas/ideas.server";
import { agendaIdeas, proposedAgendaIdeas, publishAgenda } from "~/domain/meetings/meetings.server";
import { AgendaSchema } from "~/domain/meetings/schemas";
import { getFixedT } from "~/i18next.server";
import { handleCreate } from "~/utils/forms.server";
import { managedMeeting } from "~/utils/meeting.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { m } = await managedMeeting(request, params);
  const t = await getFixedT(request);
  const linked = agendaIdeas(m.id);
  const proposed = proposedAgendaIdeas(m.councilId);
  const others = listIdeas({ councilId: m.councilId, sort: "supported", pageSize: 40 }).rows.filter(
    (i) => !proposed.some((p) => p.id === i.id) && !["merged", "rejected", "implemented"].includes(i.status),
  );
  const defaultAgenda =
    m.agenda ||
    [t("agendaForm.template.welcome"), ...proposed.map((p) => `${t("agendaForm.template.idea")} « ${p.title} » (${t("ideas.supportCount", { count: p.supportCount, n: p.supportCount })})`), t("agendaForm.template.questions")]
      .map((line, i) => `${i + 1}. ${line}`)
      .join("\n");
  return {
    title: t("agendaForm.title"),
    m: { id: m.id, title: m.title, published: !!m.agendaPublishedAt },
    proposed: proposed.map((p) => ({ id: p.id, title: p.title, supportCount: p.supportCount })),
    others: others.map((o) => ({ id: o.id, title: o.title, supportCount: o.supportCount })),
    defaults: {
      agenda: defaultAgenda,
      ideaIds: linked.length ? linked.map((i) => String(i.id)) : proposed.map((p) => String(p.id)),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { m, actor } = await managedMeeting(request, params);
  const id = m.id;
  return handleCreate(await request.formData(), AgendaSchema, actor, (v) => publishAgenda(actor, id, v), () => `/meetings/${id}`);
}

export default function AgendaRoute() {
  const { t } = useTranslation();
  const { m, proposed, others, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(AgendaSchema, { id: "agenda", lastResult, defaultValue: defaults as unknown as Record<string, string> });
  const typed = fields.ideaIds!.initialValue as unknown;
  const checked = new Set(Array.isArray(typed) ? (typed as string[]) : typeof typed === "string" ? [typed] : defaults.ideaIds);
  const box = (i: { id: number; title: string; supportCount: number }) => (
    <label key={i.id} className="radio">
      <input type="checkbox" name="ideaIds" value={i.id} defaultChecked={checked.has(String(i.id))} />
      <span>{i.title} — {t("ideas.supportCount", { count: i.supportCount, n: i.supportCount })}</span>
    </label>
  );
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/meetings">{t("meetings.title")}</Link></li>
          <li><Link to={`/meetings/${m.id}`}>{m.title}</Link></li>
          <li aria-current="page">{t("agendaForm.title")}</li>
        </ol>
      </nav>
      <h1>{t("agendaForm.title")}</h1>
      <p className="lead">{m.published ? t("agendaForm.introChange") : t("agendaForm.intro")}</p>
      <Form method="post" className="card form-card" {...getFormProps(form)}>
        <OnceField />
        <FormErrors errors={form.errors} />
        <TextareaField label={t("agendaForm.agenda")} hint={t("form.markdownHint")} rows={12} errors={fields.agenda!.errors} {...getTextareaProps(fields.agenda!, { ariaAttributes: false })} id={fields.agenda!.id} />
        <fieldset className="cite-choice" aria-describedby={`${fields.ideaIds!.id}-error`}>
          <legend>{t("agendaForm.ideas")}</legend>
          {proposed.length ? (
            <div className="notice notice-info">
              <Icon name="calendar" />
              <div>
                <p>{t("agendaForm.proposed", { count: proposed.length })}</p>
                {proposed.map(box)}
              </div>
            </div>
          ) : (
            <p className="small muted">{t("agendaForm.noneProposed")}</p>
          )}
          {others.length ? (
            <details>
              <summary>{t("agendaForm.otherIdeas", { count: others.length })}</summary>
              <div className="checkbox-list">{others.map(box)}</div>
            </details>
          ) : null}
          <ErrorList id={`${fields.ideaIds!.id}-error`} errors={fields.ideaIds!.errors} />
        </fieldset>
        <button type="submit" className="btn btn-primary">{m.published ? t("agendaForm.update") : t("agendaForm.publish")}</button>
      </Form>
    </div>
  );
}
