/** One published version of a meeting's minutes, as it was. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/hooks";
import { Markdown } from "~/components/markdown";
import { getMeeting, minutesOf, minutesVersion } from "~/domain/meetings/meetings.server";
import { formatDateTime, formatNumber } from "~/lib/format";
import { renderMarkdown } from "~/lib/markdown";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ params }: LoaderFunctionArgs) {
  const m = getMeeting(idParam(params.id));
  if (!m) notFound();
  const v = minutesVersion(m.id, idParam(params.version));
  if (!v) notFound();
  const latest = minutesOf(m.id).length;
  return { title: `${m.title} — v${v.version}`, m: { id: m.id, title: m.title }, v: { ...v, bodyHtml: renderMarkdown(v.body) }, latest };
}

export default function MinutesVersionRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { m, v, latest } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/meetings">{t("meetings.title")}</Link></li>
          <li><Link to={`/meetings/${m.id}`}>{m.title}</Link></li>
          <li aria-current="page">{t("meetings.versionN", { version: v.version })}</li>
        </ol>
      </nav>
      <h1>{t("meetings.minutesOf", { title: m.title })}</h1>
      <div className={`notice ${v.version === latest ? "notice-info" : "notice-warning"}`} role="note">
        <p>
          {t("meetings.versionInfo", { version: v.version, date: formatDateTime(v.publishedAt, locale), name: v.publishedByName })}{" "}
          {v.changeNote ? <>— « {v.changeNote} »</> : null}{" "}
          {v.version === latest ? t("meetings.isCurrent") : <Link to={`/meetings/${m.id}/minutes/diff?from=${v.version}&to=${latest}`}>{t("meetings.compareCurrent")}</Link>}
        </p>
      </div>
      <p className="small muted">{t("meetings.attendance", { count: v.attendanceCount, n: formatNumber(v.attendanceCount, locale) })}</p>
      <Markdown html={v.bodyHtml} className="prose document" />
    </div>
  );
}
