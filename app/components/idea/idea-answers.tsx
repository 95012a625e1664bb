/** The written answers to an idea (its register entries), oldest first, with what they weighed. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { commentLink } from "~/lib/comment-link";
import { formatDateLong } from "~/lib/format";
import { truncate } from "~/lib/text";
import { useLocale } from "../hooks";
import { Markdown } from "../markdown";
import { OutcomeBadge } from "../outcome-badge";

export interface AnswerView {
  seq: number;
  recordedAt: string;
  outcome: string;
  authorName: string;
  authorRole: string;
  explanationHtml: string;
  evidence: { label: string; url: string }[];
}

export function EvidenceLabel({ label }: { label: string }) {
  const { t } = useTranslation();
  const c = /^comment:(\d+):(for|against|neutral)$/.exec(label);
  if (c) return <>{t(`idea.citedArgument.${c[2]}`, { id: c[1] })}</>;
  const r = /^rules:v(\d+)$/.exec(label);
  if (r) return <>{t("idea.citedRules", { label: `v${r[1]}` })}</>;
  const i = /^idea:(\d+)$/.exec(label);
  if (i) return <>{t("idea.citedIdea", { id: i[1] })}</>;
  return <>{label}</>;
}

export function IdeaAnswers({ answers, comments }: { answers: AnswerView[]; comments: { id: number; body: string; authorName: string | null }[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <section id="answers" aria-labelledby="answers-title" className="section">
      <h2 id="answers-title">{t("idea.answers")}</h2>
      {answers.length === 0 ? (
        <p className="empty">{t("idea.noAnswer")}</p>
      ) : (
        <ol className="plain timeline">
          {answers.map((a) => (
            <li key={a.seq} className="card answer">
              <p className="decision-line">
                <OutcomeBadge outcome={a.outcome} keyPrefix="ideas.statuses" />
                <span>
                  {t("idea.answeredBy", { name: a.authorName, role: t(`roles.${a.authorRole}`), date: formatDateLong(a.recordedAt, locale) })}
                </span>
              </p>
              <Markdown html={a.explanationHtml} />
              {a.evidence.length ? (
                <div className="cited">
                  <p className="small"><strong>{t("idea.weighed")}</strong></p>
                  <ul>
                    {a.evidence.map((e) => {
                      const cid = /^comment:(\d+)/.exec(e.label)?.[1];
                      const c = cid ? comments.find((x) => x.id === Number(cid)) : undefined;
                      return (
                        <li key={e.url}>
                          <Link to={commentLink(e.url)}><EvidenceLabel label={e.label} /></Link>
                          {c && c.body ? <> — « {truncate(c.body, 120)} »</> : null}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              ) : null}
              <p className="small">
                <Link to={`/decisions/${a.seq}`}>{t("idea.registerEntry", { seq: a.seq })}</Link>
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
