/**
 * One idea: its text, status and deadline, the written answers (from the register), the
 * arguments for and against, supports and following; facilitators and officials answer,
 * merge and record supports on a resident's behalf from here. Every form works without
 * JavaScript: each posts an `intent`, and errors come back to that form.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AgendaBadge, DeadlineLine, IdeaStatusBadge, OverdueBadge } from "~/components/idea/idea-badges";
import { IdeaAnswers } from "~/components/idea/idea-answers";
import { IdeaArguments } from "~/components/idea/idea-arguments";
import { IdeaSidebar } from "~/components/idea/idea-sidebar";
import { IntentErrors, type IntentResult } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { IdeaTitleLink } from "~/components/hidden-notice";
import { Markdown } from "~/components/markdown";
import { Icon } from "~/components/ui/icon";
import { getActor } from "~/domain/accounts/session.server";
import { answerIdea, mergeIdea } from "~/domain/ideas/answers.server";
import { addComment, editComment, withdrawComment } from "~/domain/ideas/comments.server";
import { followIdea, supportIdea, supportOnBehalf, withdrawSupport } from "~/domain/ideas/ideas.server";
import { ideaPage } from "~/domain/ideas/idea-page.server";
import { AnswerSchema, CommentEditSchema, CommentSchema, MergeSchema, ModerationSchema, ReportSchema, SupportOnBehalfSchema } from "~/domain/ideas/schemas";
import { hideContent, reportContent, restoreContent } from "~/domain/moderation/moderation.server";
import { formatDateLong, formatDateTime } from "~/lib/format";
import { markdownToText, renderMarkdown } from "~/lib/markdown";
import { submitOnce } from "~/domain/once/once.server";
import { parseId } from "~/lib/fields";
import { commentHref } from "~/lib/comment-link";
import { readIntent, handleIntent, runIntent } from "~/utils/forms.server";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const actor = await getActor(request);
  // Long discussions are paginated: ?page=N, or ?comment=N for the page holding comment N
  const search = new URL(request.url).searchParams;
  const page = ideaPage(id, actor, new Date(), { page: Number(search.get("page")) || undefined, commentId: Number(search.get("comment")) || undefined });
  if (!page) notFound();
  const { idea } = page;
  const hidden = !!idea.hiddenAt;
  // After submission (?new=1): an idea recorded through médiation is the resident's, not
  // the facilitator's, and the message says so, naming the resident.
  const onBehalf = idea.recordedById !== null && idea.onBehalfName !== null;
  const published = new URL(request.url).searchParams.get("new")
    ? { key: onBehalf ? ("idea.publishedOnBehalf" as const) : ("idea.published" as const), name: onBehalf ? idea.onBehalfName : null }
    : null;
  return {
    title: hidden ? `n° ${idea.id}` : idea.title,
    published,
    ...page,
    idea: {
      ...idea,
      title: hidden ? null : idea.title,
      place: hidden ? "" : idea.place,
      body: undefined,
      bodyHtml: hidden ? "" : renderMarkdown(idea.body, { headingBase: 3 }),
      onBehalfContact: undefined,
    },
    revisions: hidden ? [] : page.revisions.map((r) => ({ ...r, text: markdownToText(r.body) })),
    comments: page.comments.map((c) => ({
      ...c,
      body: c.hiddenAt || c.withdrawnAt ? "" : c.body,
      bodyHtml: c.hiddenAt || c.withdrawnAt ? "" : renderMarkdown(c.body, { headingBase: 3 }),
    })),
    citedComments: page.citedComments.map((c) => ({ id: c.id, authorName: c.authorName, body: c.hiddenAt || c.withdrawnAt ? "" : c.body })),
    answers: page.answers.map((a) => ({
      seq: a.seq,
      recordedAt: a.recordedAt,
      outcome: a.outcome,
      authorName: a.authorName,
      authorRole: a.authorRole,
      explanationHtml: renderMarkdown(a.explanation, { headingBase: 3 }),
      evidence: JSON.parse(a.evidence) as { label: string; url: string }[],
    })),
  };
}

export type IdeaLoader = typeof loader;

/** Forms without fields; their errors show at the top of the page. */
const ONE_CLICK_INTENTS = ["support", "unsupport", "follow", "unfollow"] as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const actor = await getActor(request);
  if (!actor) throw redirect(`/login?redirectTo=${encodeURIComponent(`/ideas/${id}`)}`);
  const formData = await request.formData();
  const { intent, target } = readIntent(formData);
  const back = (hash = "", query = "") => redirect(`/ideas/${id}${query}${hash}`);
  const once = <T,>(run: () => T, locate: (v: T) => string) => redirect(submitOnce(actor, formData.get("_once"), run, locate).location);
  // a comment's address names its page too (?comment=N): long discussions are paginated
  const hash = (v: { subjectKind: string; subjectId: number }) => (v.subjectKind === "comment" ? `?comment=${v.subjectId}#comment-${v.subjectId}` : "");

  switch (intent) {
    // one-click forms: no fields to keep
    case "support":
      return runIntent(formData, () => (supportIdea(actor, id), back("#support")));
    case "unsupport":
      return runIntent(formData, () => (withdrawSupport(actor, id), back("#support")));
    case "follow":
    case "unfollow":
      return runIntent(formData, () => (followIdea(actor, id, intent === "follow"), back("#support")));
    case "withdrawComment": {
      const commentId = parseId(target);
      if (commentId === null) throw new Response("errors.badRequest", { status: 400 });
      return runIntent(formData, () => (withdrawComment(actor, commentId), redirect(commentHref(id, commentId))));
    }
    // forms with fields: errors come back to the form that was sent
    case "comment":
    case "reply":
      return handleIntent(formData, CommentSchema, (v) => once(() => addComment(actor, id, v), (c) => commentHref(id, c.id)));
    case "editComment":
      return handleIntent(formData, CommentEditSchema, (v) => redirect(commentHref(id, editComment(actor, v.commentId, v.body).id)));
    case "report":
      return handleIntent(formData, ReportSchema, (v) => once(() => reportContent(actor, v), () => `/ideas/${id}?reported=1`));
    case "answer":
      return handleIntent(formData, AnswerSchema, (v) => once(() => answerIdea(actor, id, v), () => `/ideas/${id}#answers`));
    case "merge":
      return handleIntent(formData, MergeSchema, (v) => once(() => mergeIdea(actor, id, v.targetId, v.explanation), () => `/ideas/${v.targetId}#merged`));
    case "supportOnBehalf":
      return handleIntent(formData, SupportOnBehalfSchema, (v) => once(() => supportOnBehalf(actor, id, v), () => `/ideas/${id}?recorded=1#support`));
    case "hide":
      return handleIntent(formData, ModerationSchema, (v) => once(() => hideContent(actor, v), () => `/ideas/${id}${hash(v)}`));
    case "restore":
      return handleIntent(formData, ModerationSchema, (v) => once(() => restoreContent(actor, v), () => `/ideas/${id}${hash(v)}`));
  }
  throw new Response("errors.badRequest", { status: 400 });
}

export default function IdeaRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as IntentResult;
  const [params] = useSearchParams();
  const { idea } = d;
  const hidden = !!idea.hiddenAt;
  return (
    <div className="wrap page idea-page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/ideas">{t("ideas.title")}</Link></li>
          {d.council ? (
            <li><Link to={`/ideas?council=${d.council.slug}`}>{d.council.name}</Link></li>
          ) : null}
          <li aria-current="page">{t("ideas.number", { id: idea.id })}</li>
        </ol>
      </nav>
      {d.published ? (
        <div className="notice notice-success" role="status">
          <Icon name="check" />
          <p>{t(d.published.key, { date: formatDateLong(idea.dueAt, locale), name: d.published.name ?? "", channel: t(`ideas.channels.${idea.channel}`) })}</p>
        </div>
      ) : null}
      {params.get("reported") ? (
        <div className="notice notice-success" role="status"><Icon name="check" /><p>{t("idea.reported")}</p></div>
      ) : null}
      {params.get("recorded") ? (
        <div className="notice notice-success" role="status"><Icon name="check" /><p>{t("idea.supportRecorded")}</p></div>
      ) : null}
      <IntentErrors result={result} intents={ONE_CLICK_INTENTS} />
      <div className="two-col">
        <article className="idea-main">
          <p className="eyebrow">
            {t(`ideas.themes.${idea.theme}`)} · {d.council?.name ?? t("scope.town")} · {t("ideas.number", { id: idea.id })}
          </p>
          {hidden ? (
            <>
              <h1>{t("idea.hiddenTitle")}</h1>
              <div className="notice notice-warning hidden-notice" role="note">
                <Icon name="eyeOff" />
                <p>
                  {t("moderation.hiddenBy", { name: idea.hiddenByName, date: formatDateLong(idea.hiddenAt!, locale) })} {t("moderation.reason")} « {idea.hiddenReason} »{" "}
                  <Link to={`/decisions/${idea.hiddenDecisionSeq}`}>{t("decisions.number", { seq: idea.hiddenDecisionSeq })}</Link>
                </p>
              </div>
            </>
          ) : (
            <>
              <h1>{idea.title}</h1>
              <p className="badges">
                <IdeaStatusBadge status={idea.status} />
                {d.overdue ? <OverdueBadge /> : null}
                {d.awaitingAgenda ? <AgendaBadge /> : null}
              </p>
              <DeadlineLine d={{ ...idea, overdue: d.overdue }} />
              <p className="byline">
                {idea.channel === "online"
                  ? t("idea.submittedBy", { name: d.authorName ?? t("idea.anonymous"), date: formatDateLong(idea.submittedAt, locale) })
                  : t("idea.submittedWithHelp", {
                      name: d.authorName ?? t("idea.anonymous"),
                      date: formatDateLong(idea.submittedAt, locale),
                      channel: t(`ideas.channels.${idea.channel}`),
                      helper: d.recordedByName ?? t("roles.facilitator"),
                    })}
                {idea.place ? <> · <Icon name="map" size={16} /> {idea.place}</> : null}
              </p>
              {idea.editedAt ? (
                <details className="revisions">
                  <summary>{t("idea.edited", { date: formatDateTime(idea.editedAt, locale), count: d.revisions.length })}</summary>
                  <ol className="plain">
                    {d.revisions.map((r) => (
                      <li key={r.id}>
                        <p className="small muted">{t("idea.versionUntil", { date: formatDateTime(r.replacedAt, locale) })}</p>
                        <p><strong>{r.title}</strong></p>
                        <p>{r.text}</p>
                      </li>
                    ))}
                  </ol>
                </details>
              ) : null}
              <Markdown html={idea.bodyHtml} className="prose idea-body" />
            </>
          )}
          {d.mergedInto ? (
            <div className="notice notice-info" role="note">
              <Icon name="link" />
              <p>{t("idea.mergedInto")} <IdeaTitleLink idea={d.mergedInto} /></p>
            </div>
          ) : null}
          {d.mergedFrom.length ? (
            <div className="notice notice-info" id="merged" role="note">
              <Icon name="link" />
              <p>
                {t("idea.mergedFrom", { count: d.mergedFrom.length })}{" "}
                {d.mergedFrom.map((m, i) => (
                  <span key={m.id}>{i ? ", " : ""}<Link to={`/ideas/${m.id}`}>{m.title}</Link></span>
                ))}
              </p>
            </div>
          ) : null}
          {d.awaitingAgenda ? (
            <div className="notice notice-info" role="note">
              <Icon name="calendar" />
              <p>{t("idea.thresholdReached", { threshold: d.threshold, date: formatDateLong(idea.thresholdReachedAt!, locale) })}</p>
            </div>
          ) : null}
          {d.implementedBy ? (
            <p>
              <Link to={`/rules/${d.implementedBy.number}`}>{t("idea.implementedByRules", { label: `v${d.implementedBy.number}` })}</Link>
            </p>
          ) : null}
          <IdeaAnswers answers={d.answers} comments={d.citedComments} />
          <IdeaArguments ideaId={idea.id} comments={d.comments} discussion={d.discussion} viewer={d.viewer} result={result} />
        </article>
        <IdeaSidebar d={d} result={result} />
      </div>
    </div>
  );
}
