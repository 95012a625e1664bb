/**
 * One project of a budget: where it came from (the idea and its review), its cost and result,
 * and, once funded, its implementation: status, progress, money executed, dated updates with
 * optional photos. Residents follow it to hear of each update; the officials in charge post
 * updates (abandoning it or changing its scope goes to the register).
 */
import { getInputProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PROJECT_STATUSES } from "#db/enums";
import { euros, Progress, ProjectStatusBadge } from "~/components/budget/budget-ui";
import { IntentErrors, IntentForm, useIntentForm, type IntentResult } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { Markdown } from "~/components/markdown";
import { ErrorList, Field, SelectField, TextareaField } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { can } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { envelopesOf, getBudget, getProject } from "~/domain/budgets/budgets.server";
import { followProject, isFollowingProject, postProjectUpdate, projectUpdates } from "~/domain/budgets/implementation.server";
import { ProjectUpdateSchema } from "~/domain/budgets/schemas";
import { getFixedT } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { renderMarkdown } from "~/lib/markdown";
import { handleIntent, readIntent, runIntent } from "~/utils/forms.server";
import { fileBytes, readMultipart } from "~/utils/multipart.server";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const b = getBudget(idParam(params.id));
  const p = getProject(idParam(params.projectId));
  if (!b || !p || p.budgetId !== b.id) notFound();
  const actor = await getActor(request);
  await getFixedT(request);
  const envelope = envelopesOf(b.id).find((e) => e.id === p.envelopeId)!;
  return {
    title: p.title,
    budget: { id: b.id, title: b.title, phase: b.phase },
    project: {
      id: p.id,
      title: p.title,
      cost: p.cost,
      summaryHtml: renderMarkdown(p.summary, { headingBase: 3 }),
      ideaId: p.ideaId,
      funded: p.funded,
      computedFunded: p.computedFunded,
      status: p.status,
      progress: p.progress,
      spent: p.spent,
      envelope: envelope.councilName,
    },
    updates: projectUpdates(p.id).map((u) => ({ ...u, html: renderMarkdown(u.body, { headingBase: 3 }) })),
    following: actor ? isFollowingProject(actor.userId, p.id) : false,
    signedIn: !!actor,
    canUpdate: !!p.funded && b.phase === "implementation" && p.status !== "abandoned" && can(actor, "project.update", { councilId: envelope.councilId }),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const budgetId = idParam(params.id);
  const projectId = idParam(params.projectId);
  const actor = await getActor(request);
  if (!actor) throw redirect(`/login?redirectTo=${encodeURIComponent(`/budgets/${budgetId}/projects/${projectId}`)}`);
  const formData = await readMultipart(request, 10 * 1024 * 1024, "photo");
  const { intent } = readIntent(formData);
  const back = redirect(`/budgets/${budgetId}/projects/${projectId}#updates`);
  if (intent === "follow" || intent === "unfollow") return runIntent(formData, () => (followProject(actor, projectId, intent === "follow"), back));
  if (intent === "update") {
    const photo = await fileBytes(formData, "photo");
    return handleIntent(formData, ProjectUpdateSchema, (v) => (postProjectUpdate(actor, projectId, v, photo), back));
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function BudgetProjectRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { budget, project, updates, following, signedIn, canUpdate } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as IntentResult;
  const [form, f] = useIntentForm("update:", ProjectUpdateSchema, result, { status: project.status ?? "in_progress", progress: String(project.progress), spent: String(project.spent) });
  const [followForm] = useIntentForm(following ? "unfollow:" : "follow:", ProjectUpdateSchema.pick({}), result);
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/budgets">{t("budgets.title")}</Link></li>
          <li><Link to={`/budgets/${budget.id}`}>{budget.title}</Link></li>
          <li aria-current="page">{project.title}</li>
        </ol>
      </nav>
      <div className="page-head">
        <div>
          <p className="eyebrow">{project.envelope ? t("budgets.envelopeOf", { name: project.envelope }) : t("budgets.townEnvelope")}</p>
          <h1>{project.title}</h1>
        </div>
        <div className="badges">
          {project.funded !== null ? (
            <span className={`badge ${project.funded ? "badge-success" : "badge-neutral"}`}>
              <Icon name={project.funded ? "check" : "x"} size={16} /> {project.funded ? t("budgets.results.fundedWord") : t("budgets.results.notFundedWord")}
            </span>
          ) : null}
          {project.status ? <ProjectStatusBadge status={project.status} /> : null}
        </div>
      </div>
      <div className="two-col">
        <div>
          <p className="lead">{t("budgets.project.cost", { cost: euros(project.cost, locale) })}</p>
          <Markdown html={project.summaryHtml} />
          {project.ideaId ? <p><Link to={`/ideas/${project.ideaId}`}>{t("budgets.project.fromIdea")}</Link></p> : null}
          <h2 id="updates">{t("budgets.project.updatesTitle")}</h2>
          {updates.length === 0 ? (
            <p className="empty">{t("budgets.project.noUpdates")}</p>
          ) : (
            <ol className="plain timeline">
              {updates.map((u) => (
                <li key={u.id} className="card">
                  <p className="decision-line">
                    <ProjectStatusBadge status={u.status} />
                    <span className="small muted">{formatDateLong(u.at, locale)} · {u.authorName}</span>
                  </p>
                  <Markdown html={u.html} />
                  {u.photo ? <img src={`/uploads/${u.photo}`} alt={u.photoAlt} className="update-photo" loading="lazy" /> : null}
                  <p className="small">{t("budgets.project.updateNumbers", { progress: u.progress, spent: euros(u.spent, locale) })}</p>
                  {u.decisionSeq ? <p className="small"><Link to={`/decisions/${u.decisionSeq}`}>{t("budgets.registerEntry", { seq: u.decisionSeq })}</Link></p> : null}
                </li>
              ))}
            </ol>
          )}
        </div>
        <aside className="side">
          {project.status ? (
            <div className="card">
              <h2 className="h3">{t("budgets.project.where")}</h2>
              <Progress value={project.progress} label={t("budgets.progress", { value: project.progress })} />
              <p>{t("budgets.progress", { value: project.progress })}</p>
              <p>{t("budgets.executed", { spent: euros(project.spent, locale), allocated: euros(project.cost, locale) })}</p>
            </div>
          ) : null}
          <div className="card">
            <IntentErrors result={result} intents={["follow", "unfollow"]} />
            {signedIn ? (
              <IntentForm form={followForm} intent={following ? "unfollow" : "follow"} target="">
                <button type="submit" className="btn wide"><Icon name={following ? "x" : "heart"} size={18} /> {following ? t("budgets.project.unfollow") : t("budgets.project.follow")}</button>
              </IntentForm>
            ) : (
              <p className="small">{t("budgets.project.followSignIn")}</p>
            )}
          </div>
          {canUpdate ? (
            <IntentForm form={form} intent="update" target="" className="card form-card staff-card" encType="multipart/form-data">
              <h2 className="h3">{t("budgets.project.updateTitle")}</h2>
              <SelectField label={t("budgets.project.status")} errors={f.status.errors} {...getSelectProps(f.status, { ariaAttributes: false })} id={f.status.id}>
                {PROJECT_STATUSES.map((s) => <option key={s} value={s}>{t(`budgets.projectStatuses.${s}`)}</option>)}
              </SelectField>
              <Field label={t("budgets.project.progressLabel")} inputMode="numeric" errors={f.progress.errors} {...getInputProps(f.progress, { type: "text", ariaAttributes: false })} id={f.progress.id} />
              <Field label={t("budgets.project.spentLabel")} inputMode="numeric" errors={f.spent.errors} {...getInputProps(f.spent, { type: "text", ariaAttributes: false })} id={f.spent.id} />
              <TextareaField label={t("budgets.project.body")} rows={5} errors={f.body.errors} {...getTextareaProps(f.body, { ariaAttributes: false })} id={f.body.id} />
              <div className="field checkbox">
                <input {...getInputProps(f.scopeChanged, { type: "checkbox", ariaAttributes: false })} id={f.scopeChanged.id} />
                <label htmlFor={f.scopeChanged.id}>{t("budgets.project.scopeChanged")}</label>
              </div>
              <div className="field">
                <label htmlFor="photo">{t("budgets.project.photo")}</label>
                <input type="file" id="photo" name="photo" accept="image/jpeg,image/png,image/webp" aria-describedby="photo-error" />
                <ErrorList id="photo-error" errors={form.allErrors.photo as string[] | undefined} />
              </div>
              <Field label={t("budgets.project.photoAlt")} errors={f.photoAlt.errors} {...getInputProps(f.photoAlt, { type: "text", ariaAttributes: false })} id={f.photoAlt.id} />
              <button type="submit" className="btn btn-primary">{t("budgets.project.post")}</button>
            </IntentForm>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
