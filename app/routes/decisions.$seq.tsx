/** One register entry, as a document: subject, outcome, explanation, rules, evidence, chain. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { commentLink } from "~/lib/comment-link";
import { useLocale } from "~/components/hooks";
import { Markdown } from "~/components/markdown";
import { OutcomeBadge } from "~/components/outcome-badge";
import { Icon } from "~/components/ui/icon";
import { can } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { getCouncil } from "~/domain/councils/councils.server";
import { getDecision, supersededBy } from "~/domain/decisions/decisions.server";
import { withHiddenSubjects } from "~/domain/moderation/visibility.server";
import { HiddenIdeaNotice } from "~/components/hidden-notice";
import { EvidenceLabel } from "~/components/idea/idea-answers";
import { getFixedT } from "~/i18next.server";
import { formatDateTime } from "~/lib/format";
import { rulesHref, subjectHref } from "~/lib/links";
import { getVersionById } from "~/domain/rules/rules.server";
import { renderMarkdown } from "~/lib/markdown";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const seq = idParam(params.seq);
  const stored = getDecision(seq);
  if (!stored) notFound();
  // The stored title stays in the register; an idea hidden since shows its notice instead.
  const d = withHiddenSubjects([stored])[0]!;
  const t = await getFixedT(request);
  const subject = d.subjectHidden ? t("moderation.hiddenIdeaShort", { id: d.subjectHidden.ideaId }) : d.subjectTitle;
  const actor = await getActor(request);
  const council = d.councilId ? getCouncil(d.councilId) : null;
  const rv = d.ruleVersionId ? getVersionById(d.ruleVersionId) : null;
  return {
    title: `n° ${d.seq} — ${subject}`,
    subject,
    d: { ...d, evidence: JSON.parse(d.evidence) as { label: string; url: string }[] },
    explanationHtml: renderMarkdown(d.explanation),
    council: council ? { slug: council.slug, name: council.name } : null,
    subjectHref: subjectHref(d.subjectKind, d.subjectId),
    ruleHref: rv ? rulesHref(rv.scope, rv.number) : null,
    supersedes: d.supersedesSeq ? withHiddenSubjects([getDecision(d.supersedesSeq)!]).map((s) => ({ seq: s.seq, subjectTitle: s.subjectHidden ? t("moderation.hiddenIdeaShort", { id: s.subjectHidden.ideaId }) : s.subjectTitle }))[0]! : null,
    correctedBy: supersededBy(d.seq).map((c) => ({ seq: c.seq, recordedAt: c.recordedAt })),
    canCorrect: can(actor, "decision.publish", { councilId: d.councilId }) && d.subjectKind === "council_decision",
  };
}

export default function DecisionRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { d, subject, explanationHtml, council, subjectHref, ruleHref, supersedes, correctedBy, canCorrect } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/decisions">{t("decisions.title")}</Link></li>
          <li aria-current="page">{t("decisions.number", { seq: d.seq })}</li>
        </ol>
      </nav>
      {correctedBy.length ? (
        <div className="notice notice-warning" role="note">
          <Icon name="alert" />
          <p>
            {t("decisions.supersededNotice")}{" "}
            {correctedBy.map((c, i) => (
              <span key={c.seq}>
                {i ? ", " : ""}
                <Link to={`/decisions/${c.seq}`}>{t("decisions.number", { seq: c.seq })}</Link>
              </span>
            ))}
          </p>
        </div>
      ) : null}
      <div className="two-col">
        <article className="document-card">
          <p className="eyebrow">
            {t(`decisions.kinds.${d.subjectKind}`)} · {t("decisions.number", { seq: d.seq })}
          </p>
          <h1>{subject}</h1>
          {d.subjectHidden ? (
            <p className="notice notice-warning" role="note">
              <HiddenIdeaNotice id={d.subjectHidden.ideaId} notice={d.subjectHidden} />
            </p>
          ) : null}
          <p className="decision-line">
            <OutcomeBadge outcome={d.outcome} />
            <time dateTime={d.recordedAt}>{formatDateTime(d.recordedAt, locale)}</time>
          </p>
          {supersedes ? (
            <p className="notice notice-info">
              <Icon name="info" />
              <span>
                {t("decisions.correctsLong")}{" "}
                <Link to={`/decisions/${supersedes.seq}`}>
                  {t("decisions.number", { seq: supersedes.seq })} — {supersedes.subjectTitle}
                </Link>
              </span>
            </p>
          ) : null}
          <h2>{t("decisions.explanation")}</h2>
          <Markdown html={explanationHtml} className="prose document" />
          {d.evidence.length ? (
            <>
              <h2>{t("decisions.evidence")}</h2>
              <ul>
                {d.evidence.map((e) => (
                  <li key={e.url}>
                    <a href={commentLink(e.url)} rel={e.url.startsWith("http") ? "noopener nofollow" : undefined}>
                      <EvidenceLabel label={e.label} />
                    </a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </article>
        <aside className="side">
          <section className="card" aria-labelledby="facts-title">
            <h2 id="facts-title" className="h3">
              <Icon name="info" /> {t("decisions.facts")}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t("decisions.author")}</dt>
                <dd>
                  {d.authorName} — {t(`roles.${d.authorRole}`)}
                </dd>
              </div>
              <div>
                <dt>{t("decisions.scope")}</dt>
                <dd>{council ? <Link to={`/councils/${council.slug}`}>{d.councilName}</Link> : d.councilName ?? t("scope.town")}</dd>
              </div>
              <div>
                <dt>{t("decisions.subject")}</dt>
                <dd>{subjectHref ? <Link to={subjectHref}>{subject}</Link> : t(`decisions.kinds.${d.subjectKind}`)}</dd>
              </div>
              <div>
                <dt>{t("decisions.rules")}</dt>
                <dd>{ruleHref ? <Link to={ruleHref}>{t("rules.versionLabel", { label: d.ruleVersionLabel })}</Link> : t("decisions.noRules")}</dd>
              </div>
            </dl>
          </section>
          <section className="card" aria-labelledby="hash-title">
            <h2 id="hash-title" className="h3">
              <Icon name="hash" /> {t("decisions.chainTitle")}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t("decisions.hash")}</dt>
                <dd><code className="hash">{d.hash}</code></dd>
              </div>
              <div>
                <dt>{t("decisions.prevHash")}</dt>
                <dd><code className="hash">{d.prevHash}</code></dd>
              </div>
            </dl>
            <p className="small">
              <Link to="/decisions/verify">{t("decisions.verifyLink")}</Link>
            </p>
          </section>
          {canCorrect ? (
            <Link to={`/decisions/new?supersedes=${d.seq}`} className="btn">
              <Icon name="edit" /> {t("decisions.correct")}
            </Link>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
