/** What changed between two versions of a meeting's minutes, word by word. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DiffLegend, DiffText, type DiffPart } from "~/components/diff-text";
import { getMeeting, minutesOf } from "~/domain/meetings/meetings.server";
import { getFixedT } from "~/i18next.server";
import { markdownWordDiff } from "~/lib/diff";
import { idParam, notFound, optionalIdParam } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const m = getMeeting(idParam(params.id));
  if (!m) notFound();
  const versions = minutesOf(m.id);
  if (versions.length === 0) notFound();
  const q = new URL(request.url).searchParams;
  const to = optionalIdParam(q.get("to")) ?? versions.length;
  const from = optionalIdParam(q.get("from")) ?? Math.max(1, to - 1);
  const a = versions.find((v) => v.version === from);
  const b = versions.find((v) => v.version === to);
  if (!a || !b) notFound();
  const t = await getFixedT(request);
  const parts: DiffPart[] = markdownWordDiff(a.body, b.body);
  return {
    title: t("meetings.diffTitle", { from, to }),
    m: { id: m.id, title: m.title },
    versions: versions.map((v) => v.version),
    a: { version: a.version, attendance: a.attendanceCount },
    b: { version: b.version, attendance: b.attendanceCount, changeNote: b.changeNote },
    parts,
  };
}

export default function MinutesDiffRoute() {
  const { t } = useTranslation();
  const { m, versions, a, b, parts } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/meetings">{t("meetings.title")}</Link></li>
          <li><Link to={`/meetings/${m.id}`}>{m.title}</Link></li>
          <li aria-current="page">{t("meetings.diffTitle", { from: a.version, to: b.version })}</li>
        </ol>
      </nav>
      <h1>{t("meetings.diffTitle", { from: a.version, to: b.version })}</h1>
      <Form method="get" className="inline-form">
        <div className="field">
          <label htmlFor="from">{t("rules.diffFrom")}</label>
          <select id="from" name="from" defaultValue={a.version}>{versions.map((v) => <option key={v} value={v}>v{v}</option>)}</select>
        </div>
        <div className="field">
          <label htmlFor="to">{t("rules.diffTo")}</label>
          <select id="to" name="to" defaultValue={b.version}>{versions.map((v) => <option key={v} value={v}>v{v}</option>)}</select>
        </div>
        <button type="submit" className="btn">{t("rules.diffCompare")}</button>
      </Form>
      {b.changeNote ? <p className="notice notice-info">{t("meetings.changeNote", { version: b.version })} « {b.changeNote} »</p> : null}
      {a.attendance !== b.attendance ? (
        <p>{t("meetings.attendanceChanged")} <del>{a.attendance}</del> → <ins>{b.attendance}</ins></p>
      ) : null}
      <DiffLegend />
      <DiffText parts={parts} />
    </div>
  );
}
