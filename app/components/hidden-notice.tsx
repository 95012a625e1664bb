/**
 * An idea named in a list: a link with its title, or — once moderation hid it — the
 * moderation notice (who, when, why, and the register entry), never the title.
 * The data comes from app/domain/moderation/visibility.server.ts.
 */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateLong } from "~/lib/format";
import { useLocale } from "./hooks";
import { Icon } from "./ui/icon";

export interface HiddenNoticeView {
  byName: string | null;
  at: string;
  reason: string | null;
  decisionSeq: number | null;
}

export interface IdeaRefView {
  id: number;
  title: string | null;
  hidden: HiddenNoticeView | null;
}

/** "Idée n° 12 masquée par X le … Raison : « … » (n° 40)", inline. */
export function HiddenIdeaNotice({ id, notice }: { id: number; notice: HiddenNoticeView }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <span className="hidden-notice">
      <Icon name="eyeOff" size={16} /> {t("moderation.hiddenIdea", { id, name: notice.byName ?? "", date: formatDateLong(notice.at, locale) })}
      {notice.reason ? <> {t("moderation.reason")} « {notice.reason} »</> : null}
      {notice.decisionSeq ? (
        <>
          {" "}(<Link to={`/decisions/${notice.decisionSeq}`}>{t("decisions.number", { seq: notice.decisionSeq })}</Link>)
        </>
      ) : null}
    </span>
  );
}

/** The idea's title as a link, or its moderation notice. */
export function IdeaTitleLink({ idea, className }: { idea: IdeaRefView; className?: string }) {
  if (idea.hidden || idea.title === null) {
    return idea.hidden ? <HiddenIdeaNotice id={idea.id} notice={idea.hidden} /> : null;
  }
  return (
    <Link to={`/ideas/${idea.id}`} className={className}>
      {idea.title}
    </Link>
  );
}
