/**
 * One idea: its text, status and deadline, the written answers (from the register), the
 * arguments for and against, supports and following; facilitators and officials answer,
 * merge and record supports on a resident's behalf from here. Every form works without
 * JavaScript: each posts an `intent`, and errors come back to that form.
 */
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { AgendaBadge, DeadlineLine, IdeaStatusBadge, OverdueBadge } from "~/components/idea/idea-badges";
import { IdeaAnswers } from "~/components/idea/idea-answers";
import { IdeaArguments } from "~/components/idea/idea-arguments";
import { IdeaSidebar } from "~/components/idea/idea-sidebar";
import type { IntentResult } from "~/components/idea/intent-form";
import { useLocale } from "~/components/hooks";
import { IdeaTitleLink } from "~/components/hidden-notice";
import { Markdown } from "~/components/markdown";
import { Icon } from "~/components/ui/icon";
import { getActor } from "~/domain/accounts/session.server";
import { DomainError } from "~/domain/errors";
import { answerIdea, mergeIdea } from "~/domain/ideas/answers.server";
import { addComment, editComment, withdrawComment } from "~/domain/ideas/comments.server";
import { followIdea, supportIdea, supportOnBehalf, withdrawSupport } from "~/domain/ideas/ideas.server";
import { ideaPage } from "~/domain/ideas/idea-page.server";
import { AnswerSchema, CommentEditSchema, CommentSchema, MergeSchema, ModerationSchema, ReportSchema, SupportOnBehalfSchema } from "~/domain/ideas/schemas";
import { hideContent, reportContent, restoreContent } from "~/domain/moderation/moderation.server";
import { formatDateLong, formatDateTime } from "~/lib/format";
import { markdownToText, renderMarkdown } from "~/lib/markdown";
import { msg } from "~/lib/messages";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const actor = await getActor(request);
  const page = ideaPage(id, actor);
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

const IntentSchema = z.object({ intent: z.string(), target: z.string().default("") });

function fail(intent: string, target: string, reply: unknown, status = 400) {
  return data({ intent, target, reply } as NonNullable<IntentResult>, { status });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const actor = await getActor(request);
  if (!actor) throw redirect(`/login?redirectTo=${encodeURIComponent(`/ideas/${id}`)}`);
  const formData = await request.formData();
  const { intent, target } = IntentSchema.parse({ intent: formData.get("intent") ?? "", target: formData.get("target") ?? "" });
  const back = (hash = "", query = "") => redirect(`/ideas/${id}${query}${hash}`);

  // One-click actions: no fields to keep.
  try {
    switch (intent) {
      case "support":
        supportIdea(actor, id);
        return back("#support");
      case "unsupport":
        withdrawSupport(actor, id);
        return back("#support");
      case "follow":
        followIdea(actor, id, true);
        return back("#support");
      case "unfollow":
        followIdea(actor, id, false);
        return back("#support");
      case "withdrawComment": {
        const parsed = z.coerce.number().int().positive().safeParse(target);
        if (!parsed.success) throw new Response("Bad comment", { status: 400 });
        const commentId = parsed.data;
        withdrawComment(actor, commentId);
        return back(`#comment-${commentId}`);
      }
    }
  } catch (e) {
    if (e instanceof DomainError && e.status < 500 && e.status !== 403 && e.status !== 404) {
      return fail(intent, target, { status: "error", error: { "": [msg(e.key, e.params)] } }, e.status);
    }
    if (e instanceof DomainError) throw new Response(e.key, { status: e.status });
    throw e;
  }

  /** Parses the form with `schema`, runs `run`, and turns user-fixable errors into a reply for that form. */
  const handle = <S extends z.ZodTypeAny>(schema: S, run: (v: z.output<S>) => Response) => {
    const submission = parseWithZod(formData, { schema });
    if (submission.status !== "success") return fail(intent, target, submission.reply());
    try {
      return run(submission.value);
    } catch (e) {
      if (e instanceof DomainError && e.status !== 403 && e.status !== 404) {
        const m = msg(e.key, e.params);
        return fail(intent, target, submission.reply(e.field ? { fieldErrors: { [e.field]: [m] } } : { formErrors: [m] }), e.status);
      }
      if (e instanceof DomainError) throw new Response(e.key, { status: e.status });
      throw e;
    }
  };
  const hash = (v: { subjectKind: string; subjectId: number }) => (v.subjectKind === "comment" ? `#comment-${v.subjectId}` : "");

  switch (intent) {
    case "comment":
    case "reply":
      return handle(CommentSchema, (v) => back(`#comment-${addComment(actor, id, v).id}`));
    case "editComment":
      return handle(CommentEditSchema, (v) => back(`#comment-${editComment(actor, v.commentId, v.body).id}`));
    case "report":
      return handle(ReportSchema, (v) => (reportContent(actor, v), back("", "?reported=1")));
    case "answer":
      return handle(AnswerSchema, (v) => (answerIdea(actor, id, v), back("#answers")));
    case "merge":
      return handle(MergeSchema, (v) => (mergeIdea(actor, id, v.targetId, v.explanation), redirect(`/ideas/${v.targetId}#merged`)));
    case "supportOnBehalf":
      return handle(SupportOnBehalfSchema, (v) => (supportOnBehalf(actor, id, v), back("#support", "?recorded=1")));
    case "hide":
      return handle(ModerationSchema, (v) => (hideContent(actor, v), back(hash(v))));
    case "restore":
      return handle(ModerationSchema, (v) => (restoreContent(actor, v), back(hash(v))));
  }
  throw new Response("Unknown intent", { status: 400 });
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
      {result && result.intent !== "comment" && result.target === "" && !["answer", "merge", "supportOnBehalf", "report", "hide", "restore"].includes(result.intent) ? (
        <div className="notice notice-error" role="alert"><p>{t((result.reply.error?.[""]?.[0] ?? "errors.notFound").split("::")[0]!)}</p></div>
      ) : null}
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
          <IdeaAnswers answers={d.answers} comments={d.comments} />
          <IdeaArguments ideaId={idea.id} comments={d.comments} viewer={d.viewer} result={result} />
        </article>
        <IdeaSidebar d={d} result={result} />
      </div>
    </div>
  );
}
