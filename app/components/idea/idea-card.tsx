/** An idea in a list. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateShort, formatNumber } from "~/lib/format";
import { useLocale } from "../hooks";
import { Icon } from "../ui/icon";
import { AgendaBadge, IdeaStatusBadge, OverdueBadge } from "./idea-badges";

export interface IdeaSummary {
  id: number;
  title: string;
  theme: string;
  status: string;
  councilName: string | null;
  submittedAt: string;
  supportCount: number;
  commentCount: number;
  overdue: boolean;
  awaitingAgenda: boolean;
  channel: string;
}

export function IdeaCard({ idea, headingLevel = 2 }: { idea: IdeaSummary; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const H = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="card idea-card">
      <p className="idea-meta">
        <span>{t(`ideas.themes.${idea.theme}`)}</span>
        <span aria-hidden="true"> · </span>
        <span>{idea.councilName ?? t("scope.town")}</span>
        <span aria-hidden="true"> · </span>
        <time dateTime={idea.submittedAt}>{formatDateShort(idea.submittedAt, locale)}</time>
      </p>
      <H className="h3">
        <Link to={`/ideas/${idea.id}`} className="card-link">
          {idea.title}
        </Link>
      </H>
      <p className="badges">
        <IdeaStatusBadge status={idea.status} />
        {idea.overdue ? <OverdueBadge /> : null}
        {idea.awaitingAgenda ? <AgendaBadge /> : null}
        {idea.channel !== "online" ? (
          <span className="badge badge-neutral">
            <Icon name="users" size={16} />
            {t(`ideas.channels.${idea.channel}`)}
          </span>
        ) : null}
      </p>
      <p className="counts">
        <span>
          <Icon name="heart" size={16} /> {t("ideas.supportCount", { count: idea.supportCount, n: formatNumber(idea.supportCount, locale) })}
        </span>
        <span>
          <Icon name="message" size={16} /> {t("ideas.commentCount", { count: idea.commentCount, n: formatNumber(idea.commentCount, locale) })}
        </span>
      </p>
    </article>
  );
}
