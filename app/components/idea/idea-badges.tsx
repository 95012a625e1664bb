/** An idea's status, deadline and agenda flags, each as a word and an icon. */
import { useTranslation } from "react-i18next";
import { formatDateLong } from "~/lib/format";
import { useLocale } from "../hooks";
import { OutcomeBadge } from "../outcome-badge";
import { Icon } from "../ui/icon";

export interface DeadlineInfo {
  status: string;
  dueAt: string;
  answeredAt: string | null;
  answeredInTime: boolean | null;
  overdue: boolean;
  thresholdReachedAt?: string | null;
}

export function IdeaStatusBadge({ status }: { status: string }) {
  return status === "submitted" ? <SubmittedBadge /> : <OutcomeBadge outcome={status} keyPrefix="ideas.statuses" />;
}

function SubmittedBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-neutral">
      <Icon name="bulb" size={16} />
      {t("ideas.statuses.submitted")}
    </span>
  );
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-danger">
      <Icon name="clock" size={16} />
      {t("ideas.overdue")}
    </span>
  );
}

export function AgendaBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-info">
      <Icon name="calendar" size={16} />
      {t("ideas.mustGoOnAgenda")}
    </span>
  );
}

/** One sentence about the promised delay: due, overdue, met or missed. */
export function DeadlineLine({ d }: { d: DeadlineInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (d.answeredAt) {
    return (
      <p className={`deadline ${d.answeredInTime ? "deadline-met" : "deadline-missed"}`}>
        <Icon name={d.answeredInTime ? "check" : "alert"} size={18} />
        {t(d.answeredInTime ? "ideas.answeredInTime" : "ideas.answeredLate", {
          date: formatDateLong(d.answeredAt, locale),
          due: formatDateLong(d.dueAt, locale),
        })}
      </p>
    );
  }
  if (d.status === "merged") return null;
  return (
    <p className={`deadline ${d.overdue ? "deadline-missed" : ""}`}>
      <Icon name="clock" size={18} />
      {t(d.overdue ? "ideas.overdueSince" : "ideas.dueBy", { date: formatDateLong(d.dueAt, locale) })}
    </p>
  );
}
