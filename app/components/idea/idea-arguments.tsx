/**
 * Arguments for and against in two columns, then the neutral discussion; one level of
 * replies. Hidden comments are replaced by a notice (who, when, why); withdrawn ones too.
 */
import { getInputProps, getTextareaProps } from "@conform-to/react";
import { Link, useNavigate } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { CommentEditSchema, CommentSchema, ModerationSchema, ReportSchema } from "~/domain/ideas/schemas";
import { formatDateTime } from "~/lib/format";
import { useLocale } from "../hooks";
import { Markdown } from "../markdown";
import { ErrorList, TextareaField } from "../ui/field";
import { Icon } from "../ui/icon";
import { IntentForm, PlainIntentForm, textareaBinding, useIntentForm, useLiveForm, type IntentResult, type TextareaBinding } from "../forms";

export interface CommentView {
  id: number;
  parentId: number | null;
  stance: "for" | "against" | "neutral";
  body: string;
  bodyHtml: string;
  createdAt: string;
  editedAt: string | null;
  withdrawnAt: string | null;
  hiddenAt: string | null;
  hiddenByName: string | null;
  hiddenReason: string | null;
  hiddenDecisionSeq: number | null;
  authorId: string | null;
  authorName: string | null;
}

interface Viewer {
  signedIn: boolean;
  userId: string | null;
  canComment: boolean;
  canReport: boolean;
  canModerate: boolean;
}

/** Which page of the discussion is shown (app/domain/ideas/comments.server.ts commentPage); counts cover every page. */
export interface DiscussionView {
  counts: { for: number; against: number; neutral: number };
  threads: number;
  page: number;
  pages: number;
  perPage: number;
}

export function IdeaArguments({ ideaId, comments, discussion, viewer, result }: { ideaId: number; comments: CommentView[]; discussion: DiscussionView; viewer: Viewer; result: IntentResult }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // An older link (/ideas/7#comment-42, kept in the register) to a comment on another page:
  // with JavaScript, open the page that holds it; without, ?comment=42 links do the same.
  useEffect(() => {
    const m = /^#comment-(\d+)$/.exec(window.location.hash);
    if (m && !document.getElementById(`comment-${m[1]}`) && !new URLSearchParams(window.location.search).has("comment")) {
      navigate(`?comment=${m[1]}#comment-${m[1]}`, { replace: true });
    }
  }, [navigate]);
  const { counts } = discussion;
  const top = comments.filter((c) => c.parentId === null);
  const replies = (id: number) => comments.filter((c) => c.parentId === id);
  const column = (stance: CommentView["stance"]) => top.filter((c) => c.stance === stance);
  const item = (c: CommentView) => (
    <li key={c.id}>
      <CommentItem c={c} viewer={viewer} result={result} ideaId={ideaId} />
      {replies(c.id).length ? (
        <ol className="plain replies" aria-label={t("idea.repliesTo", { id: c.id })}>
          {replies(c.id).map((r) => (
            <li key={r.id}>
              <CommentItem c={r} viewer={viewer} result={result} ideaId={ideaId} />
            </li>
          ))}
        </ol>
      ) : null}
      {viewer.canComment && !c.hiddenAt && !c.withdrawnAt ? <ReplyForm parentId={c.id} result={result} /> : null}
    </li>
  );
  return (
    <section id="arguments" aria-labelledby="arguments-title" className="section">
      <h2 id="arguments-title">{t("idea.arguments")}</h2>
      {discussion.pages > 1 ? (
        <p className="small muted" id="discussion-range">
          {t("idea.commentRange", { from: (discussion.page - 1) * discussion.perPage + 1, to: Math.min(discussion.threads, discussion.page * discussion.perPage), total: discussion.threads })}.{" "}
          {t("idea.commentsOnOtherPages")}
        </p>
      ) : null}
      <DiscussionPages d={discussion} />
      <div className="arguments">
        <section aria-labelledby="for-title" className="argument-col argument-for">
          <h3 id="for-title"><Icon name="thumbUp" /> {t("idea.argumentsFor", { count: counts.for })}</h3>
          {column("for").length ? <ol className="plain stack">{column("for").map(item)}</ol> : counts.for === 0 ? <p className="empty">{t("idea.noArgumentFor")}</p> : null}
        </section>
        <section aria-labelledby="against-title" className="argument-col argument-against">
          <h3 id="against-title"><Icon name="thumbDown" /> {t("idea.argumentsAgainst", { count: counts.against })}</h3>
          {column("against").length ? <ol className="plain stack">{column("against").map(item)}</ol> : counts.against === 0 ? <p className="empty">{t("idea.noArgumentAgainst")}</p> : null}
        </section>
      </div>
      <section aria-labelledby="discussion-title" className="discussion">
        <h3 id="discussion-title"><Icon name="message" /> {t("idea.discussion", { count: counts.neutral })}</h3>
        {column("neutral").length ? <ol className="plain stack">{column("neutral").map(item)}</ol> : counts.neutral === 0 ? <p className="empty">{t("idea.noDiscussion")}</p> : null}
      </section>
      <DiscussionPages d={discussion} />
      {viewer.canComment ? (
        <CommentForm result={result} />
      ) : !viewer.signedIn ? (
        <p className="card">
          <Link to={`/login?redirectTo=${encodeURIComponent(`/ideas/${ideaId}#arguments`)}`}>{t("idea.loginToComment")}</Link>
        </p>
      ) : null}
    </section>
  );
}

/** Earlier / later pages of a long discussion: plain links, so they work without JavaScript. */
function DiscussionPages({ d }: { d: DiscussionView }) {
  const { t } = useTranslation();
  if (d.pages <= 1) return null;
  return (
    <nav className="pagination discussion-pages" aria-label={t("idea.commentPages")}>
      {d.page > 1 ? (
        <Link to={`?page=${d.page - 1}#arguments`} rel="prev">← {t("idea.earlierComments")}</Link>
      ) : (
        <span />
      )}
      <span>{t("pagination.pageOf", { page: d.page, pages: d.pages })}</span>
      {d.page < d.pages ? (
        <Link to={`?page=${d.page + 1}#arguments`} rel="next">{t("idea.laterComments")} →</Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

function WithdrawForm({ id, result }: { id: number; result: IntentResult }) {
  const { t } = useTranslation();
  const [form] = useIntentForm(`withdrawComment:${id}`, CommentEditSchema, result);
  return (
    <IntentForm form={form} intent="withdrawComment" target={String(id)} className="inline">
      <button type="submit" className="btn-link">{t("idea.withdrawComment")}</button>
    </IntentForm>
  );
}

function CommentItem({ c, viewer, result }: { c: CommentView; viewer: Viewer; result: IntentResult; ideaId: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const mine = !!viewer.userId && viewer.userId === c.authorId;
  return (
    <article id={`comment-${c.id}`} className={`comment comment-${c.stance}`} tabIndex={-1}>
      <p className="comment-meta">
        <strong>{c.authorName ?? t("idea.anonymous")}</strong>
        {c.parentId === null && c.stance !== "neutral" ? (
          <span className={`stance stance-${c.stance}`}>
            <Icon name={c.stance === "for" ? "thumbUp" : "thumbDown"} size={14} /> {t(`idea.stances.${c.stance}`)}
          </span>
        ) : null}
        <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, locale)}</time>
        {c.editedAt ? <span className="muted">({t("idea.commentEdited")})</span> : null}
      </p>
      {c.hiddenAt ? (
        <div className="notice notice-warning hidden-notice" role="note">
          <Icon name="eyeOff" size={18} />
          <p>
            {t("moderation.commentHiddenBy", { name: c.hiddenByName, date: formatDateTime(c.hiddenAt, locale) })} {t("moderation.reason")} « {c.hiddenReason} »{" "}
            <Link to={`/decisions/${c.hiddenDecisionSeq}`}>{t("decisions.number", { seq: c.hiddenDecisionSeq })}</Link>
          </p>
        </div>
      ) : c.withdrawnAt ? (
        <p className="muted"><em>{t("idea.commentWithdrawn", { date: formatDateTime(c.withdrawnAt, locale) })}</em></p>
      ) : (
        <Markdown html={c.bodyHtml} className="prose comment-body" />
      )}
      <div className="comment-actions">
        {mine && !c.hiddenAt && !c.withdrawnAt ? (
          <>
            <EditCommentForm c={c} result={result} />
            <WithdrawForm id={c.id} result={result} />
          </>
        ) : null}
        {viewer.canReport && !mine && !c.hiddenAt && !c.withdrawnAt ? <ReportForm kind="comment" id={c.id} result={result} /> : null}
        {viewer.canModerate && !c.withdrawnAt ? <ModerateForm kind="comment" id={c.id} hidden={!!c.hiddenAt} result={result} /> : null}
      </div>
    </article>
  );
}

function CommentForm({ result }: { result: IntentResult }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("comment:", CommentSchema, result, { stance: "neutral" });
  const stance = fields.stance;
  return (
    <section className="card comment-form" aria-labelledby="comment-form-title">
      <h3 id="comment-form-title">{t("idea.addComment")}</h3>
      <IntentForm form={form} intent="comment" target="">
        <fieldset className="stance-choice" aria-describedby={`${stance.id}-error`}>
          <legend>{t("idea.yourStance")}</legend>
          {(["for", "against", "neutral"] as const).map((s) => (
            <label key={s} className="radio">
              <input type="radio" name={stance.name} value={s} defaultChecked={(stance.initialValue ?? "neutral") === s} />
              {t(`idea.stanceChoices.${s}`)}
            </label>
          ))}
          <ErrorList id={`${stance.id}-error`} errors={stance.errors} />
        </fieldset>
        <TextareaField label={t("idea.commentBody")} hint={t("form.markdownHint")} rows={5} errors={fields.body.errors} {...getTextareaProps(fields.body, { ariaAttributes: false })} id={fields.body.id} />
        <button type="submit" className="btn btn-primary">{t("idea.publishComment")}</button>
      </IntentForm>
    </section>
  );
}

function ReplyForm({ parentId, result }: { parentId: number; result: IntentResult }) {
  const { t } = useTranslation();
  const id = `reply:${parentId}`;
  const open = !!result && `${result.intent}:${result.target}` === id;
  const [live, onToggle] = useLiveForm(open);
  return (
    <details className="reply" open={open || undefined} onToggle={onToggle}>
      <summary>{t("idea.reply")}</summary>
      {live ? (
        <LiveReplyForm id={id} parentId={parentId} result={result} />
      ) : (
        <PlainIntentForm formId={id} intent="reply" target={String(parentId)}>
          <ReplyFields parentId={parentId} body={{ name: "body", id: `${id}-body` }} />
        </PlainIntentForm>
      )}
    </details>
  );
}

function LiveReplyForm({ id, parentId, result }: { id: string; parentId: number; result: IntentResult }) {
  const [form, fields] = useIntentForm(id, CommentSchema, result);
  return (
    <IntentForm form={form} intent="reply" target={String(parentId)}>
      <ReplyFields parentId={parentId} body={textareaBinding(fields.body)} />
    </IntentForm>
  );
}

/** A reply's fields, plain or bound to Conform (the same markup both ways). */
function ReplyFields({ parentId, body }: { parentId: number; body: TextareaBinding }) {
  const { t } = useTranslation();
  return (
    <>
      <input type="hidden" name="parentId" value={parentId} />
      <TextareaField label={t("idea.replyBody")} rows={3} {...body} />
      <button type="submit" className="btn btn-small">{t("idea.publishReply")}</button>
    </>
  );
}

function EditCommentForm({ c, result }: { c: CommentView; result: IntentResult }) {
  const { t } = useTranslation();
  const id = `editComment:${c.id}`;
  const [form, fields] = useIntentForm(id, CommentEditSchema, result, { body: c.body, commentId: String(c.id) });
  const open = result && `${result.intent}:${result.target}` === id;
  return (
    <details className="inline-details" open={open || undefined}>
      <summary>{t("idea.editComment")}</summary>
      <IntentForm form={form} intent="editComment" target={String(c.id)}>
        <input {...getInputProps(fields.commentId, { type: "hidden" })} />
        <TextareaField label={t("idea.commentBody")} rows={4} errors={fields.body.errors} {...getTextareaProps(fields.body, { ariaAttributes: false })} id={fields.body.id} />
        <button type="submit" className="btn btn-small">{t("form.save")}</button>
      </IntentForm>
    </details>
  );
}

export function ReportForm({ kind, id, result }: { kind: "idea" | "comment"; id: number; result: IntentResult }) {
  const { t } = useTranslation();
  const fid = `report:${kind}-${id}`;
  const open = !!result && `${result.intent}:${result.target}` === fid;
  const [live, onToggle] = useLiveForm(open);
  return (
    <details className="inline-details" open={open || undefined} onToggle={onToggle}>
      <summary><Icon name="flag" size={14} /> {t("moderation.report")}</summary>
      {live ? (
        <LiveReportForm fid={fid} kind={kind} id={id} result={result} />
      ) : (
        <PlainIntentForm formId={fid} intent="report" target={`${kind}-${id}`}>
          <ReportFields kind={kind} id={id} reason={{ name: "reason", id: `${fid}-reason` }} />
        </PlainIntentForm>
      )}
    </details>
  );
}

function LiveReportForm({ fid, kind, id, result }: { fid: string; kind: "idea" | "comment"; id: number; result: IntentResult }) {
  const [form, fields] = useIntentForm(fid, ReportSchema, result);
  return (
    <IntentForm form={form} intent="report" target={`${kind}-${id}`}>
      <ReportFields kind={kind} id={id} reason={textareaBinding(fields.reason)} />
    </IntentForm>
  );
}

/** A report's fields, plain or bound to Conform (the same markup both ways). */
function ReportFields({ kind, id, reason }: { kind: "idea" | "comment"; id: number; reason: TextareaBinding }) {
  const { t } = useTranslation();
  return (
    <>
      <input type="hidden" name="subjectKind" value={kind} />
      <input type="hidden" name="subjectId" value={id} />
      <TextareaField label={t("moderation.reportReason")} hint={t("moderation.reportHint")} rows={2} {...reason} />
      <button type="submit" className="btn btn-small">{t("moderation.sendReport")}</button>
    </>
  );
}

export function ModerateForm({ kind, id, hidden, result }: { kind: "idea" | "comment"; id: number; hidden: boolean; result: IntentResult }) {
  const { t } = useTranslation();
  const intent = hidden ? "restore" : "hide";
  const fid = `${intent}:${kind}-${id}`;
  const [form, fields] = useIntentForm(fid, ModerationSchema, result);
  const open = result && `${result.intent}:${result.target}` === fid;
  return (
    <details className="inline-details" open={open || undefined}>
      <summary><Icon name={hidden ? "check" : "eyeOff"} size={14} /> {t(hidden ? "moderation.restore" : "moderation.hide")}</summary>
      <IntentForm form={form} intent={intent} target={`${kind}-${id}`}>
        <input type="hidden" name="subjectKind" value={kind} />
        <input type="hidden" name="subjectId" value={id} />
        <TextareaField
          label={t(hidden ? "moderation.restoreReason" : "moderation.hideReason")}
          hint={t("moderation.publicReasonHint")}
          rows={3}
          errors={fields.reason.errors}
          {...getTextareaProps(fields.reason, { ariaAttributes: false })}
          id={fields.reason.id}
        />
        <button type="submit" className="btn btn-small">{t(hidden ? "moderation.restoreSubmit" : "moderation.hideSubmit")}</button>
      </IntentForm>
    </details>
  );
}
