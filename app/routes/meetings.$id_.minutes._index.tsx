/**
 * Facilitators publish the minutes of a held meeting, or a corrected version with a change
 * note (every version is kept and public).
 */
import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { OnceField, useSchemaForm } from "~/components/forms";
import { Field, FormErrors, TextareaField } from "~/components/ui/field";
import { minutesOf, publishMinutes } from "~/domain/meetings/meetings.server";
import { MinutesSchema } from "~/domain/meetings/schemas";
import { getFixedT } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { useLocale } from "~/components/hooks";
import { handleCreate } from "~/utils/forms.server";
import { managedMeeting } from "~/utils/meeting.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { m } = await managedMeeting(request, params);
  const t = await getFixedT(request);
  const versions = minutesOf(m.id);
  const last = versions[versions.length - 1];
  return {
    title: last ? t("minutesForm.correctTitle") : t("minutesForm.title"),
    m: { id: m.id, title: m.title, status: m.status, minutesDueAt: m.minutesDueAt, startsAt: m.startsAt },
    next: (last?.version ?? 0) + 1,
    defaults: { body: last?.body ?? "", attendanceCount: last ? String(last.attendanceCount) : "", changeNote: "" },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { m, actor } = await managedMeeting(request, params);
  const id = m.id;
  return handleCreate(await request.formData(), MinutesSchema, actor, (v) => publishMinutes(actor, id, v), () => `/meetings/${id}#minutes`);
}

export default function MinutesFormRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { m, next, defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(MinutesSchema, { id: "minutes", lastResult, defaultValue: defaults });
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/meetings">{t("meetings.title")}</Link></li>
          <li><Link to={`/meetings/${m.id}`}>{m.title}</Link></li>
          <li aria-current="page">{next > 1 ? t("minutesForm.correctTitle") : t("minutesForm.title")}</li>
        </ol>
      </nav>
      <h1>{next > 1 ? t("minutesForm.correctTitle") : t("minutesForm.title")}</h1>
      {m.status !== "held" ? (
        <p className="notice notice-warning">{t("errors.minutesNotHeld")}</p>
      ) : (
        <>
          <p className="lead">
            {next > 1 ? t("minutesForm.correctIntro", { version: next }) : t("minutesForm.intro", { date: m.minutesDueAt ? formatDateLong(m.minutesDueAt, locale) : "" })}
          </p>
          <Form method="post" className="card form-card" {...getFormProps(form)}>
            <OnceField />
            <FormErrors errors={form.errors} />
            <TextareaField label={t("minutesForm.body")} hint={t("form.markdownHint")} rows={18} errors={fields.body.errors} {...getTextareaProps(fields.body, { ariaAttributes: false })} id={fields.body.id} />
            <Field label={t("minutesForm.attendance")} hint={t("minutesForm.attendanceHint")} inputMode="numeric" errors={fields.attendanceCount.errors} {...getInputProps(fields.attendanceCount, { type: "text", ariaAttributes: false })} id={fields.attendanceCount.id} />
            {next > 1 ? (
              <TextareaField label={t("minutesForm.changeNote")} hint={t("minutesForm.changeNoteHint")} rows={2} errors={fields.changeNote.errors} {...getTextareaProps(fields.changeNote, { ariaAttributes: false })} id={fields.changeNote.id} />
            ) : null}
            <button type="submit" className="btn btn-primary">{next > 1 ? t("minutesForm.publishVersion", { version: next }) : t("minutesForm.publish")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
