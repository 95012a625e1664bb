/** The idea page's side column: supports, following, and the staff's answer, merge and médiation forms. */
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AnswerSchema, MergeSchema, SupportOnBehalfSchema } from "~/domain/ideas/schemas";
import { formatNumber } from "~/lib/format";
import { truncate } from "~/lib/text";
import { useLocale } from "../hooks";
import { ErrorList, Field, SelectField, TextareaField } from "../ui/field";
import { Icon } from "../ui/icon";
import type { CommentView } from "./idea-arguments";
import { ModerateForm, ReportForm } from "./idea-arguments";
import { IntentForm, useIntentForm, type IntentResult } from "../forms";

interface SidebarData {
  idea: { id: number; status: string; supportCount: number; theme: string; hiddenAt: string | null };
  threshold: number;
  supportChannels: { channel: string; n: number }[];
  comments: CommentView[];
  viewer: {
    signedIn: boolean;
    supported: boolean;
    following: boolean;
    canSupport: boolean;
    canEdit: boolean;
    canReport: boolean;
    canAnswer: boolean;
    nextAnswers: string[];
    canMerge: boolean;
    mergeTargets: { id: number; title: string }[];
    canMediate: boolean;
    canModerate: boolean;
    ruleVersions: { number: number; title: string }[];
  };
}

function OneClick({ intent, label, icon, primary }: { intent: string; label: string; icon: "heart" | "x" | "feed"; primary?: boolean }) {
  return (
    <Form method="post" preventScrollReset>
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className={primary ? "btn btn-primary wide" : "btn wide"}>
        <Icon name={icon} /> {label}
      </button>
    </Form>
  );
}

export function IdeaSidebar({ d, result }: { d: SidebarData; result: IntentResult }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { idea, viewer } = d;
  const offline = d.supportChannels.filter((c) => c.channel !== "online").reduce((a, c) => a + c.n, 0);
  return (
    <aside className="side">
      <section id="support" className="card support-card" aria-labelledby="support-title">
        <h2 id="support-title" className="h3"><Icon name="heart" /> {t("idea.supports")}</h2>
        <p className="big-number">
          {formatNumber(idea.supportCount, locale)}
          <span className="small muted"> / {t("idea.thresholdShort", { threshold: formatNumber(d.threshold, locale) })}</span>
        </p>
        <div className="meter" aria-hidden="true"><span style={{ width: `${Math.min(100, (idea.supportCount / d.threshold) * 100)}%` }} /></div>
        {offline ? <p className="small muted">{t("idea.offlineSupports", { count: offline })}</p> : null}
        {viewer.canSupport ? (
          viewer.supported ? (
            <OneClick intent="unsupport" label={t("idea.withdrawSupport")} icon="x" />
          ) : (
            <OneClick intent="support" label={t("idea.support")} icon="heart" primary />
          )
        ) : !viewer.signedIn ? (
          <p><Link to={`/login?redirectTo=${encodeURIComponent(`/ideas/${idea.id}`)}`}>{t("idea.loginToSupport")}</Link></p>
        ) : null}
        {viewer.signedIn ? (
          viewer.following ? (
            <OneClick intent="unfollow" label={t("idea.unfollow")} icon="feed" />
          ) : (
            <OneClick intent="follow" label={t("idea.follow")} icon="feed" />
          )
        ) : null}
        {viewer.canEdit ? (
          <p><Link to={`/ideas/${idea.id}/edit`} className="btn wide"><Icon name="edit" /> {t("idea.edit")}</Link></p>
        ) : null}
        {viewer.canReport && !idea.hiddenAt ? <ReportForm kind="idea" id={idea.id} result={result} /> : null}
      </section>
      {viewer.canAnswer ? <AnswerForm d={d} result={result} /> : null}
      {viewer.canMerge && viewer.mergeTargets.length ? <MergeForm targets={viewer.mergeTargets} result={result} /> : null}
      {viewer.canMediate ? <OnBehalfForm result={result} /> : null}
      {viewer.canModerate ? (
        <section className="card" aria-labelledby="moderate-title">
          <h2 id="moderate-title" className="h3"><Icon name="shield" /> {t("moderation.title")}</h2>
          <ModerateForm kind="idea" id={idea.id} hidden={!!idea.hiddenAt} result={result} />
        </section>
      ) : null}
    </aside>
  );
}

function AnswerForm({ d, result }: { d: SidebarData; result: IntentResult }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("answer:", AnswerSchema, result);
  const citable = d.comments.filter((c) => c.parentId === null && !c.hiddenAt && !c.withdrawnAt && c.stance !== "neutral");
  return (
    <section className="card staff-card" aria-labelledby="answer-title">
      <h2 id="answer-title" className="h3"><Icon name="scale" /> {t("idea.answerTitle")}</h2>
      <p className="small">{t("idea.answerIntro")}</p>
      <IntentForm form={form} intent="answer" target="">
        <SelectField label={t("idea.answerStatus")} errors={fields.status.errors} {...getSelectProps(fields.status, { ariaAttributes: false })} id={fields.status.id}>
          <option value="">{t("form.choose")}</option>
          {d.viewer.nextAnswers.map((s) => (
            <option key={s} value={s}>{t(`ideas.statuses.${s}`)}</option>
          ))}
        </SelectField>
        {d.idea.theme === "rules" ? (
          <SelectField label={t("idea.answerRuleVersion")} hint={t("idea.answerRuleVersionHint")} errors={fields.ruleVersion.errors} {...getSelectProps(fields.ruleVersion, { ariaAttributes: false })} id={fields.ruleVersion.id}>
            <option value="">{t("form.choose")}</option>
            {d.viewer.ruleVersions.map((v) => (
              <option key={v.number} value={v.number}>v{v.number} — {v.title}</option>
            ))}
          </SelectField>
        ) : null}
        <TextareaField label={t("idea.answerExplanation")} hint={t("idea.answerExplanationHint")} rows={8} errors={fields.explanation.errors} {...getTextareaProps(fields.explanation, { ariaAttributes: false })} id={fields.explanation.id} />
        {citable.length ? (
          <fieldset className="cite-choice">
            <legend>{t("idea.answerCites")}</legend>
            {citable.map((c) => (
              <label key={c.id} className="radio">
                <input type="checkbox" name="cites" value={c.id} defaultChecked={(fields.cites.initialValue as string[] | undefined)?.includes(String(c.id))} />
                <span>
                  {t(`idea.stances.${c.stance}`)} — {c.authorName ?? t("idea.anonymous")} : « {truncate(c.body, 70)} »
                </span>
              </label>
            ))}
            <ErrorList id={`${fields.cites.id}-error`} errors={fields.cites.errors} />
          </fieldset>
        ) : null}
        <button type="submit" className="btn btn-primary">{t("idea.answerSubmit")}</button>
      </IntentForm>
    </section>
  );
}

function MergeForm({ targets, result }: { targets: { id: number; title: string }[]; result: IntentResult }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("merge:", MergeSchema, result);
  return (
    <section className="card staff-card" aria-labelledby="merge-title">
      <h2 id="merge-title" className="h3"><Icon name="link" /> {t("idea.mergeTitle")}</h2>
      <p className="small">{t("idea.mergeIntro")}</p>
      <IntentForm form={form} intent="merge" target="">
        <SelectField label={t("idea.mergeTarget")} errors={fields.targetId.errors} {...getSelectProps(fields.targetId, { ariaAttributes: false })} id={fields.targetId.id}>
          <option value="">{t("form.choose")}</option>
          {targets.map((x) => (
            <option key={x.id} value={x.id}>n° {x.id} — {x.title}</option>
          ))}
        </SelectField>
        <TextareaField label={t("idea.mergeExplanation")} rows={5} errors={fields.explanation.errors} {...getTextareaProps(fields.explanation, { ariaAttributes: false })} id={fields.explanation.id} />
        <button type="submit" className="btn">{t("idea.mergeSubmit")}</button>
      </IntentForm>
    </section>
  );
}

function OnBehalfForm({ result }: { result: IntentResult }) {
  const { t } = useTranslation();
  const [form, fields] = useIntentForm("supportOnBehalf:", SupportOnBehalfSchema, result);
  return (
    <section className="card staff-card" aria-labelledby="behalf-title">
      <h2 id="behalf-title" className="h3"><Icon name="users" /> {t("idea.onBehalfTitle")}</h2>
      <p className="small">{t("idea.onBehalfIntro")}</p>
      <IntentForm form={form} intent="supportOnBehalf" target="">
        <Field label={t("ideaForm.onBehalfName")} errors={fields.onBehalfName.errors} {...getInputProps(fields.onBehalfName, { type: "text", ariaAttributes: false })} id={fields.onBehalfName.id} />
        <SelectField label={t("ideaForm.channel")} errors={fields.channel.errors} {...getSelectProps(fields.channel, { ariaAttributes: false })} id={fields.channel.id}>
          <option value="">{t("form.choose")}</option>
          <option value="assisted">{t("ideas.channels.assisted")}</option>
          <option value="letter">{t("ideas.channels.letter")}</option>
        </SelectField>
        <div className="field checkbox">
          <input {...getInputProps(fields.consent, { type: "checkbox", ariaAttributes: false })} id={fields.consent.id} />
          <label htmlFor={fields.consent.id}>{t("ideaForm.consent")}</label>
          <ErrorList id={`${fields.consent.id}-error`} errors={fields.consent.errors} />
        </div>
        <button type="submit" className="btn">{t("idea.onBehalfSubmit")}</button>
      </IntentForm>
    </section>
  );
}
