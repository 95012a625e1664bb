/** A register entry in a list: number, date, subject, outcome, author, scope, summary. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateLong } from "~/lib/format";
import { HiddenIdeaNotice, type HiddenNoticeView } from "./hidden-notice";
import { useLocale } from "./hooks";
import { OutcomeBadge } from "./outcome-badge";

export interface DecisionSummary {
  seq: number;
  recordedAt: string;
  subjectKind: string;
  subjectTitle: string;
  /** Set when the subject is an idea hidden by moderation: shown instead of the title. */
  subjectHidden?: (HiddenNoticeView & { ideaId: number }) | null;
  outcome: string;
  authorName: string;
  authorRole: string;
  councilName: string | null;
  summary: string;
  supersedesSeq: number | null;
}

export function DecisionItem({ d, headingLevel = 2 }: { d: DecisionSummary; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card decision-item">
      <p className="decision-meta">
        <span className="seq">{t("decisions.number", { seq: d.seq })}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={d.recordedAt}>{formatDateLong(d.recordedAt, locale)}</time>
        <span aria-hidden="true"> · </span>
        <span>{t(`decisions.kinds.${d.subjectKind}`)}</span>
      </p>
      <H className="h3">
        <Link to={`/decisions/${d.seq}`} className="card-link">
          {d.subjectHidden ? t("moderation.hiddenIdeaShort", { id: d.subjectHidden.ideaId }) : d.subjectTitle}
        </Link>
      </H>
      {d.subjectHidden ? <p className="small"><HiddenIdeaNotice id={d.subjectHidden.ideaId} notice={d.subjectHidden} /></p> : null}
      <p className="decision-line">
        <OutcomeBadge outcome={d.outcome} />
        <span className="muted">
          {t("decisions.byLine", { name: d.authorName, role: t(`roles.${d.authorRole}`), scope: d.councilName ?? t("scope.town") })}
        </span>
      </p>
      {d.supersedesSeq ? <p className="small">{t("decisions.corrects", { seq: d.supersedesSeq })}</p> : null}
      <p className="summary">{d.summary}</p>
    </article>
  );
}
