/** A meeting in a list: date and time in full, council, place, status, agenda and minutes state. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/lib/format";
import { useLocale } from "../hooks";
import { Icon } from "../ui/icon";

export interface MeetingSummary {
  id: number;
  title: string;
  councilName: string;
  startsAt: string;
  placeName: string;
  status: string;
  agendaPublishedAt: string | null;
  versions: number;
  minutesOverdue: boolean;
}

export function MeetingStatus({ m }: { m: Pick<MeetingSummary, "status" | "versions" | "minutesOverdue" | "agendaPublishedAt"> }) {
  const { t } = useTranslation();
  if (m.status === "cancelled") return <span className="badge badge-danger"><Icon name="x" size={16} />{t("meetings.statuses.cancelled")}</span>;
  if (m.status === "scheduled")
    return (
      <span className="badge badge-info">
        <Icon name="calendar" size={16} />
        {m.agendaPublishedAt ? t("meetings.agendaPublished") : t("meetings.statuses.scheduled")}
      </span>
    );
  if (m.versions > 0) return <span className="badge badge-success"><Icon name="check" size={16} />{t("meetings.minutesPublished")}</span>;
  return m.minutesOverdue ? (
    <span className="badge badge-danger"><Icon name="clock" size={16} />{t("meetings.minutesOverdue")}</span>
  ) : (
    <span className="badge badge-warning"><Icon name="clock" size={16} />{t("meetings.minutesExpected")}</span>
  );
}

export function MeetingItem({ m, showCouncil = true, headingLevel = 3 }: { m: MeetingSummary; showCouncil?: boolean; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card meeting-item">
      <p className="meeting-date">
        <Icon name="calendar" size={18} /> <time dateTime={m.startsAt}>{formatDateTime(m.startsAt, locale)}</time>
      </p>
      <H className="h3">
        <Link to={`/meetings/${m.id}`} className="card-link">{m.title}</Link>
      </H>
      <p className="muted small">
        {showCouncil ? `${m.councilName} · ` : ""}
        <Icon name="map" size={14} /> {m.placeName}
      </p>
      <p className="badges"><MeetingStatus m={m} /></p>
      <span className="visually-hidden">{t("meetings.number", { id: m.id })}</span>
    </article>
  );
}
