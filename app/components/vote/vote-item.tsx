/** A proposal vote in a list, and its state as a word and an icon (never colour alone). */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime, formatNumber, formatTime } from "~/lib/format";
import { useLocale } from "../hooks";
import { Icon } from "../ui/icon";

export type VoteState = "scheduled" | "open" | "counting" | "closed";

export function VoteStateBadge({ state }: { state: VoteState }) {
  const { t } = useTranslation();
  switch (state) {
    case "open":
      return <span className="badge badge-success"><Icon name="vote" size={16} />{t("votes.states.open")}</span>;
    case "scheduled":
      return <span className="badge badge-info"><Icon name="calendar" size={16} />{t("votes.states.scheduled")}</span>;
    case "counting":
      return <span className="badge badge-warning"><Icon name="clock" size={16} />{t("votes.states.counting")}</span>;
    case "closed":
      return <span className="badge badge-neutral"><Icon name="chart" size={16} />{t("votes.states.closed")}</span>;
  }
}

export interface VoteSummary {
  id: number;
  question: string;
  councilName: string | null;
  binding: boolean;
  opensAt: string;
  closesAt: string;
  closedAt: string | null;
  decisionSeq: number | null;
  state: VoteState;
  turnout?: number;
  /** When the turnout was counted (ISO): lists are kept up to a minute while a box is open. */
  turnoutAsOf?: string;
}

export function VoteItem({ v, headingLevel = 3 }: { v: VoteSummary; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card vote-card">
      <p className="idea-meta">
        {v.councilName ?? t("scope.town")} · {v.binding ? t("votes.binding") : t("votes.advisory")}
      </p>
      <H className="h3">
        <Link to={`/votes/${v.id}`} className="card-link">
          {v.question}
        </Link>
      </H>
      <p className="badges">
        <VoteStateBadge state={v.state} />
        {v.decisionSeq ? <span className="badge badge-success"><Icon name="scale" size={16} />{t("votes.decided")}</span> : null}
      </p>
      <p className="small muted">
        {v.state === "scheduled"
          ? t("votes.opensOnShort", { date: formatDateTime(v.opensAt, locale) })
          : v.state === "open"
            ? t("votes.closesOn", { date: formatDateTime(v.closesAt, locale) })
            : t("votes.closedOn", { date: formatDateTime(v.closesAt, locale) })}
      </p>
      {v.turnout !== undefined ? <p className="small">{t("votes.participantsSoFar", { count: v.turnout, n: formatNumber(v.turnout, locale), time: v.turnoutAsOf ? formatTime(v.turnoutAsOf, locale) : "" })}</p> : null}
    </article>
  );
}
