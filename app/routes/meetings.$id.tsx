/**
 * One meeting: when and where (with accessibility), the agenda and its ideas, who is
 * coming, the minutes with their version history, and the decisions taken there.
 * Facilitators record it as held or cancel it from here.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { DecisionItem } from "~/components/decision-item";
import { IdeaTitleLink } from "~/components/hidden-notice";
import { useLocale } from "~/components/hooks";
import { IntentErrors, IntentForm, useIntentForm, type IntentResult } from "~/components/forms";
import { Markdown } from "~/components/markdown";
import { MeetingStatus } from "~/components/meeting/meeting-item";
import { TextareaField } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { getTextareaProps } from "@conform-to/react";
import { can } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { getCouncil } from "~/domain/councils/councils.server";
import { decisionListItems } from "~/domain/decisions/views.server";
import { agendaIdeas, attendeeCount, cancelMeeting, decisionsFromMeeting, getMeeting, isComing, markHeld, minutesOf, minutesOverdue, setAttendance } from "~/domain/meetings/meetings.server";
import { CancelSchema } from "~/domain/meetings/schemas";
import { formatDateLong, formatDateTime, formatNumber, formatTime } from "~/lib/format";
import { renderMarkdown } from "~/lib/markdown";
import { handleIntent, readIntent, runIntent } from "~/utils/forms.server";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const m = getMeeting(idParam(params.id));
  if (!m) notFound();
  const actor = await getActor(request);
  const council = getCouncil(m.councilId)!;
  const versions = minutesOf(m.id);
  const current = versions[versions.length - 1] ?? null;
  return {
    title: `${m.title} — ${council.name}`,
    m,
    council: { slug: council.slug, name: council.name },
    agendaHtml: m.agendaPublishedAt ? renderMarkdown(m.agenda, { headingBase: 3 }) : "",
    accessibilityHtml: renderMarkdown(m.accessibility),
    ideas: m.agendaPublishedAt ? agendaIdeas(m.id) : [],
    attendees: attendeeCount(m.id),
    coming: actor ? isComing(actor.userId, m.id) : false,
    versions: versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt, publishedByName: v.publishedByName, changeNote: v.changeNote })),
    current: current ? { ...current, bodyHtml: renderMarkdown(current.body, { headingBase: 3 }) } : null,
    minutesOverdue: minutesOverdue(m, versions.length > 0),
    decisions: decisionListItems(decisionsFromMeeting(m.id)),
    viewer: {
      signedIn: !!actor,
      canManage: can(actor, "meeting.manage", { councilId: m.councilId }),
      canAttend: can(actor, "meeting.attend", { councilId: m.councilId }) && m.status === "scheduled",
      canDecide: can(actor, "decision.publish", { councilId: m.councilId }),
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const actor = await getActor(request);
  if (!actor) throw redirect(`/login?redirectTo=/meetings/${id}`);
  const formData = await request.formData();
  const { intent } = readIntent(formData);
  switch (intent) {
    case "attend":
    case "unattend":
      return runIntent(formData, () => (setAttendance(actor, id, intent === "attend"), redirect(`/meetings/${id}#attendance`)));
    case "held":
      return runIntent(formData, () => (markHeld(actor, id), redirect(`/meetings/${id}/minutes`)));
    case "cancel":
      return handleIntent(formData, CancelSchema, (v) => (cancelMeeting(actor, id, v.reason), redirect(`/meetings/${id}`)));
  }
  throw new Response("errors.badRequest", { status: 400 });
}

function PrintButton() {
  const { t } = useTranslation();
  const [js, setJs] = useState(false);
  useEffect(() => setJs(true), []);
  return js ? (
    <button type="button" className="btn" onClick={() => window.print()}>
      <Icon name="print" /> {t("meetings.print")}
    </button>
  ) : null;
}

function CancelForm({ result }: { result: IntentResult }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("cancel:", CancelSchema, result);
  return (
    <details className="inline-details" open={result?.intent === "cancel" || undefined}>
      <summary><Icon name="x" size={16} /> {t("meetings.cancel")}</summary>
      <IntentForm form={form} intent="cancel" target="">
        <TextareaField label={t("meetings.cancelReason")} rows={3} errors={fields.reason.errors} {...getTextareaProps(fields.reason, { ariaAttributes: false })} id={fields.reason.id} />
        <button type="submit" className="btn btn-small btn-danger">{t("meetings.cancelSubmit")}</button>
      </IntentForm>
    </details>
  );
}

export default function MeetingRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as IntentResult;
  const { m, viewer } = d;
  const started = Date.parse(m.startsAt) <= Date.now();
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/meetings">{t("meetings.title")}</Link></li>
          <li><Link to={`/councils/${d.council.slug}`}>{d.council.name}</Link></li>
          <li aria-current="page">{m.title}</li>
        </ol>
      </nav>
      <IntentErrors result={result} intents={["attend", "unattend", "held"]} />
      <div className="page-head">
        <div>
          <p className="eyebrow">{t("meetings.eyebrowOf", { council: d.council.name })}</p>
          <h1>{m.title}</h1>
          <p className="badges"><MeetingStatus m={{ ...m, versions: d.versions.length, minutesOverdue: d.minutesOverdue }} /></p>
        </div>
        <PrintButton />
      </div>
      {m.status === "cancelled" ? (
        <div className="notice notice-warning" role="note"><Icon name="alert" /><p>{t("meetings.cancelledBecause", { reason: m.cancelReason })}</p></div>
      ) : null}
      <div className="two-col">
        <div>
          <section className="card meeting-facts" aria-labelledby="when-title">
            <h2 id="when-title" className="h3"><Icon name="calendar" /> {t("meetings.whenWhere")}</h2>
            <dl className="facts">
              <div><dt>{t("meetings.when")}</dt><dd>{formatDateTime(m.startsAt, locale)} – {formatTime(m.endsAt, locale)}</dd></div>
              <div><dt>{t("meetings.where")}</dt><dd>{m.placeName}{m.address ? <><br />{m.address}</> : null}</dd></div>
              {m.accessibility ? <div><dt>{t("meetings.accessibility")}</dt><dd><Markdown html={d.accessibilityHtml} /></dd></div> : null}
            </dl>
          </section>
          <section aria-labelledby="agenda-title" className="section document-section">
            <h2 id="agenda-title">{t("meetings.agenda")}</h2>
            {m.agendaPublishedAt ? (
              <>
                <p className="small muted">{t("meetings.agendaPublishedOn", { date: formatDateLong(m.agendaPublishedAt, locale) })}</p>
                <Markdown html={d.agendaHtml} className="prose document" />
                {d.ideas.length ? (
                  <>
                    <h3>{t("meetings.agendaIdeas")}</h3>
                    <ul>
                      {d.ideas.map((i) => (
                        <li key={i.id}>
                          <IdeaTitleLink idea={i} />
                          {i.hidden ? null : <> — {t(`ideas.statuses.${i.status}`)}, {t("ideas.supportCount", { count: i.supportCount, n: formatNumber(i.supportCount, locale) })}</>}
                        </li>
                      ))}
                    </ul>
                  </>
                ) : null}
              </>
            ) : (
              <p className="empty">{t("meetings.noAgenda")}</p>
            )}
            {viewer.canManage && m.status !== "cancelled" ? (
              <p><Link to={`/meetings/${m.id}/agenda`} className="btn"><Icon name="edit" /> {m.agendaPublishedAt ? t("meetings.editAgenda") : t("meetings.writeAgenda")}</Link></p>
            ) : null}
          </section>
          <section id="minutes" aria-labelledby="minutes-title" className="section document-section">
            <h2 id="minutes-title">{t("meetings.minutes")}</h2>
            {d.current ? (
              <>
                <p className="small muted">
                  {t("meetings.minutesVersion", { version: d.current.version, date: formatDateLong(d.current.publishedAt, locale), name: d.current.publishedByName })}{" "}
                  · {t("meetings.attendance", { count: d.current.attendanceCount, n: formatNumber(d.current.attendanceCount, locale) })}
                </p>
                <Markdown html={d.current.bodyHtml} className="prose document" />
              </>
            ) : m.status === "held" ? (
              <p className={d.minutesOverdue ? "notice notice-error" : "empty"}>
                {t(d.minutesOverdue ? "meetings.minutesLate" : "meetings.minutesDue", { date: m.minutesDueAt ? formatDateLong(m.minutesDueAt, locale) : "" })}
              </p>
            ) : (
              <p className="empty">{t("meetings.minutesAfter")}</p>
            )}
            {viewer.canManage && m.status === "held" ? (
              <p><Link to={`/meetings/${m.id}/minutes`} className="btn"><Icon name="edit" /> {d.current ? t("meetings.correctMinutes") : t("meetings.writeMinutes")}</Link></p>
            ) : null}
            {d.versions.length > 1 ? (
              <section aria-labelledby="history-title" className="card history">
                <h3 id="history-title">{t("meetings.history")}</h3>
                <ol className="plain version-list">
                  {[...d.versions].reverse().map((v) => (
                    <li key={v.version}>
                      <Link to={`/meetings/${m.id}/minutes/${v.version}`}>{t("meetings.versionN", { version: v.version })}</Link> — {formatDateTime(v.publishedAt, locale)}, {v.publishedByName}
                      {v.changeNote ? <> — <em>« {v.changeNote} »</em></> : null}
                      {v.version > 1 ? (
                        <> · <Link to={`/meetings/${m.id}/minutes/diff?from=${v.version - 1}&to=${v.version}`}>{t("meetings.seeChanges")}</Link></>
                      ) : null}
                    </li>
                  ))}
                </ol>
              </section>
            ) : null}
          </section>
          <section aria-labelledby="decisions-title" className="section">
            <h2 id="decisions-title">{t("meetings.decisions")}</h2>
            {d.decisions.length ? (
              <ul className="plain stack">{d.decisions.map((x) => <li key={x.seq}><DecisionItem d={x} headingLevel={3} /></li>)}</ul>
            ) : (
              <p className="empty">{t("meetings.noDecisions")}</p>
            )}
            {viewer.canDecide && d.current ? (
              <p><Link to={`/decisions/new?meeting=${m.id}`} className="btn"><Icon name="scale" /> {t("meetings.publishDecision")}</Link></p>
            ) : null}
          </section>
        </div>
        <aside className="side">
          {m.status === "scheduled" ? (
          <section id="attendance" className="card" aria-labelledby="coming-title">
            <h2 id="coming-title" className="h3"><Icon name="users" /> {t("meetings.coming")}</h2>
            <p className="big-number">{formatNumber(d.attendees, locale)}</p>
            <p className="small muted">{t("meetings.comingCount", { count: d.attendees })}</p>
            {viewer.canAttend ? (
              <Form method="post" preventScrollReset>
                <input type="hidden" name="intent" value={d.coming ? "unattend" : "attend"} />
                <button type="submit" className={d.coming ? "btn wide" : "btn btn-primary wide"}>
                  <Icon name={d.coming ? "x" : "check"} /> {d.coming ? t("meetings.notComing") : t("meetings.willCome")}
                </button>
              </Form>
            ) : !viewer.signedIn && m.status === "scheduled" ? (
              <p><Link to={`/login?redirectTo=/meetings/${m.id}`}>{t("meetings.loginToCome")}</Link></p>
            ) : null}
          </section>
          ) : null}
          {viewer.canManage && m.status === "scheduled" ? (
            <section className="card staff-card" aria-labelledby="manage-title">
              <h2 id="manage-title" className="h3"><Icon name="shield" /> {t("meetings.manage")}</h2>
              <ul className="link-list">
                <li><Link to={`/meetings/${m.id}/edit`}>{t("meetings.editDetails")}</Link></li>
                <li><Link to={`/meetings/${m.id}/agenda`}>{m.agendaPublishedAt ? t("meetings.editAgenda") : t("meetings.writeAgenda")}</Link></li>
              </ul>
              {started ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="held" />
                  <button type="submit" className="btn btn-primary wide"><Icon name="check" /> {t("meetings.markHeld")}</button>
                </Form>
              ) : (
                <p className="small muted">{t("meetings.heldLater")}</p>
              )}
              <CancelForm result={result} />
            </section>
          ) : null}
          <section className="card no-print">
            <h2 className="h3"><Icon name="calendar" /> {t("meetings.calendars")}</h2>
            <ul className="link-list">
              <li><a href={`/councils/${d.council.slug}/meetings.ics`}>{t("meetings.councilCalendar", { council: d.council.name })}</a></li>
              <li><a href="/meetings.ics">{t("meetings.townCalendar")}</a></li>
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
