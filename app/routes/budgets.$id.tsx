/**
 * One budget: where it stands (phase and dated timeline), its envelopes and projects, the
 * ideas submitted and their public reviews (with any declared conflict of interest), the one
 * main action of the moment (propose an idea, vote, read the results), the money executed
 * against the money allocated, and, for officials, the move to the next phase.
 */
import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { euros, MoneyBar, PhaseBadge, PhaseTimeline, Progress, ProjectStatusBadge } from "~/components/budget/budget-ui";
import { OnceField, useSchemaForm } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { Markdown } from "~/components/markdown";
import { Field, FormErrors, TextareaField } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { FollowCard } from "~/components/follow-card";
import { followBudget, isFollowing } from "~/domain/notifications/follows.server";
import { can, scopeFor } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { budgetIdeas, changePhase, envelopesOf, getBudget, liveTurnout, phaseHistory, projectsOf, settingsOf, voterEnvelopes } from "~/domain/budgets/budgets.server";
import { nextPhase } from "~/domain/budgets/phases";
import { PhaseSchema } from "~/domain/budgets/schemas";
import { getVersionById } from "~/domain/rules/rules.server";
import { formatDateLong, formatDateShort, formatNumber, formatTime } from "~/lib/format";
import { rulesHref } from "~/lib/links";
import { markdownToText, renderMarkdown } from "~/lib/markdown";
import { truncate } from "~/lib/text";
import { handleForm } from "~/utils/forms.server";
import { idParam, notFound, requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const b = getBudget(id);
  if (!b) notFound();
  const actor = await getActor(request);
  const envelopes = envelopesOf(b.id);
  const projects = projectsOf(b.id);
  const ideas = budgetIdeas(b.id);
  const version = b.ruleVersionId ? getVersionById(b.ruleVersionId) : null;
  const voter = voterEnvelopes(b, actor);
  const funded = projects.filter((p) => p.funded);
  const turnout = b.phase === "vote" ? liveTurnout(b) : [];
  // counted now; a stored page is kept up to a minute while a box is open (014-page-cache)
  const turnoutAsOf = new Date().toISOString();
  return {
    title: b.title,
    budget: {
      id: b.id,
      title: b.title,
      phase: b.phase,
      imported: b.imported,
      source: b.source,
      descriptionHtml: renderMarkdown(b.description, { headingBase: 3 }),
      voteClosesAt: b.voteClosesAt,
      settings: settingsOf(b),
      rules: version ? { label: version.label, href: rulesHref(version.scope, version.number) } : null,
    },
    phases: phaseHistory(b.id).map((p) => ({ phase: p.phase, startedAt: p.startedAt, seq: p.decisionSeq })),
    envelopes: envelopes.map((e) => ({
      id: e.id,
      councilName: e.councilName,
      amount: e.amount,
      turnout: turnout.find((x) => x.envelopeId === e.id)?.total ?? null,
      turnoutAsOf,
      projects: projects
        .filter((p) => p.envelopeId === e.id)
        .map((p) => ({ id: p.id, title: p.title, cost: p.cost, funded: p.funded, status: p.status, progress: p.progress, ballotId: p.ballotId, summary: truncate(markdownToText(p.summary), 160) })),
    })),
    ideas: ideas.filter((i) => !i.hiddenAt).map((i) => ({ id: i.id, title: i.title, status: i.status, supportCount: i.supportCount, review: i.review ? { verdict: i.review.verdict, cost: i.review.cost, reviewerName: i.review.reviewerName, conflict: i.review.conflictOfInterest, seq: i.review.decisionSeq } : null })),
    money: { allocated: funded.reduce((s, p) => s + p.cost, 0), spent: funded.reduce((s, p) => s + p.spent, 0) },
    voter: { canVote: voter.envelopes.length > 0, voted: voter.voted, signedIn: !!actor },
    following: actor ? isFollowing(actor.userId, { kind: "budget", id: b.id }) : false,
    loginHref: `/login?redirectTo=${encodeURIComponent(`/budgets/${b.id}`)}`,
    next: !b.imported && can(actor, "budget.manage", { councilId: null }) ? nextPhase(b.phase) : null,
    canReview: b.phase === "review" && can(actor, "budget.review", { councilId: null }),
    canPaper: b.phase === "vote" && can(actor, "vote.count", { councilId: null }),
    canDesk: b.phase === "vote" && !!actor && scopeFor(actor, "vote.desk") !== undefined,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const actor = await requireActor(request);
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "follow" || intent === "unfollow") {
    if (!getBudget(id)) notFound();
    followBudget(actor, id, intent === "follow");
    return redirect(`/budgets/${id}#follow`);
  }
  return handleForm(formData, PhaseSchema, (v) => {
    changePhase(actor, id, v);
    return redirect(v.to === "results" ? `/budgets/${id}/results` : `/budgets/${id}`);
  });
}

export default function BudgetRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { budget, phases, envelopes, ideas, money, voter, next, canReview, canPaper, canDesk, following, loginHref } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(PhaseSchema, { id: "phase", lastResult, defaultValue: { to: next ?? "" } });
  const dates = Object.fromEntries(phases.map((p) => [p.phase, formatDateShort(p.startedAt, locale)]));
  const total = envelopes.reduce((s, e) => s + e.amount, 0);
  const showFunding = ["results", "implementation", "closed"].includes(budget.phase);
  return (
    <div className="wrap page budget-page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/budgets">{t("budgets.title")}</Link></li>
          <li aria-current="page">{budget.title}</li>
        </ol>
      </nav>
      <div className="page-head">
        <div>
          <p className="eyebrow">{t("budgets.eyebrow")}</p>
          <h1>{budget.title}</h1>
        </div>
        <PhaseBadge phase={budget.phase} />
      </div>
      <PhaseTimeline phase={budget.phase} dates={dates} />

      <div className="two-col">
        <div>
          <div className="card main-action">
            {budget.phase === "collection" ? (
              <>
                <p>{t("budgets.action.collection")}</p>
                <Link to={`/budgets/${budget.id}/ideas/new`} className="btn btn-primary"><Icon name="plus" size={18} /> {t("budgets.action.propose")}</Link>
              </>
            ) : budget.phase === "vote" ? (
              <>
                <p>{budget.voteClosesAt ? t("budgets.action.voteUntil", { date: formatDateLong(budget.voteClosesAt, locale) }) : null}</p>
                {voter.voted ? (
                  <p className="notice notice-success"><Icon name="check" /> {t("budgets.ballot.alreadyVoted")}</p>
                ) : (
                  <Link to={`/budgets/${budget.id}/vote`} className="btn btn-primary"><Icon name="vote" size={18} /> {t("budgets.action.vote")}</Link>
                )}
              </>
            ) : ["results", "implementation", "closed"].includes(budget.phase) ? (
              <>
                <p>{t("budgets.action.results")}</p>
                <Link to={`/budgets/${budget.id}/results`} className="btn btn-primary"><Icon name="chart" size={18} /> {t("budgets.action.seeResults")}</Link>
              </>
            ) : (
              <p>{t(`budgets.action.${budget.phase}`)}</p>
            )}
            {canDesk ? (
              <p><Link to={`/budgets/${budget.id}/desk`} className="btn"><Icon name="user" size={18} /> {t("budgetDesk.link")}</Link></p>
            ) : null}
            {canPaper ? (
              <p><Link to={`/budgets/${budget.id}/paper`} className="btn"><Icon name="edit" size={18} /> {t("budgets.paper.link")}</Link></p>
            ) : null}
            {canReview ? (
              <p><Link to={`/budgets/${budget.id}/review`} className="btn"><Icon name="search" size={18} /> {t("budgets.action.reviewIdeas")}</Link></p>
            ) : null}
          </div>
          {budget.imported ? (
            <div className="notice notice-info"><Icon name="info" /><div><p>{t("budgets.importedNotice")}</p><p className="small">{budget.source}</p></div></div>
          ) : null}
          <Markdown html={budget.descriptionHtml} />

          <h2>{t("budgets.envelopesTitle")}</h2>
          {envelopes.map((e) => (
            <section key={e.id} className="card envelope-card" aria-labelledby={`env-${e.id}`}>
              <h3 id={`env-${e.id}`}>
                <Icon name="euro" size={20} /> {e.councilName ? t("budgets.envelopeOf", { name: e.councilName }) : t("budgets.townEnvelope")} · {euros(e.amount, locale)}
              </h3>
              {e.turnout !== null ? <p className="small muted">{t("budgets.liveTurnout", { count: e.turnout, n: formatNumber(e.turnout, locale), time: formatTime(e.turnoutAsOf, locale) })}</p> : null}
              {e.projects.length === 0 ? (
                <p className="empty">{t("budgets.noProjects")}</p>
              ) : (
                <ul className="plain project-list">
                  {e.projects.map((p) => (
                    <li key={p.id}>
                      <div className="project-line">
                        <Link to={`/budgets/${budget.id}/projects/${p.id}`}>{p.title}</Link>
                        <span className="muted">{euros(p.cost, locale)}</span>
                      </div>
                      <div className="badges">
                        {showFunding ? (
                          <span className={`badge ${p.funded ? "badge-success" : "badge-neutral"}`}>
                            <Icon name={p.funded ? "check" : "x"} size={16} /> {p.funded ? t("budgets.results.fundedWord") : t("budgets.results.notFundedWord")}
                          </span>
                        ) : null}
                        {p.status ? <ProjectStatusBadge status={p.status} /> : null}
                      </div>
                      {p.status && p.status !== "abandoned" ? <Progress value={p.progress} label={t("budgets.progress", { value: p.progress })} /> : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}

          {ideas.length ? (
            <>
              <h2>{t("budgets.ideasTitle")}</h2>
              <ul className="plain stack">
                {ideas.map((i) => (
                  <li key={i.id} className="card idea-review">
                    <p className="project-line">
                      <Link to={`/ideas/${i.id}`}>{i.title}</Link>
                      <span className="small muted">{t("budgets.supports", { count: i.supportCount })}</span>
                    </p>
                    {i.review ? (
                      <p className="small">
                        <span className={`badge ${i.review.verdict === "feasible" ? "badge-success" : "badge-danger"}`}>
                          <Icon name={i.review.verdict === "feasible" ? "check" : "x"} size={16} /> {t(`budgets.verdicts.${i.review.verdict}`)}
                        </span>{" "}
                        {i.review.cost ? `${euros(i.review.cost, locale)} · ` : ""}
                        {t("budgets.reviewedBy", { name: i.review.reviewerName })} ·{" "}
                        {i.review.conflict ? <strong>{t("budgets.conflictDeclared", { text: i.review.conflict })}</strong> : t("budgets.noConflict")} ·{" "}
                        <Link to={`/decisions/${i.review.seq}`}>{t("budgets.reviewInRegister")}</Link>
                      </p>
                    ) : (
                      <p className="small muted">{t("budgets.awaitingReview")}</p>
                    )}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>

        <aside className="side">
          {budget.imported ? null : <FollowCard following={following} signedIn={voter.signedIn} loginHref={loginHref} follow={t("follow.budget")} unfollow={t("follow.stopBudget")} hint={t("follow.budgetHint")} />}
          <div className="card">
            <h2 className="h3"><Icon name="book" size={20} /> {t("budgets.rulesTitle")}</h2>
            <dl className="facts">
              <dt>{t("budgets.total")}</dt>
              <dd>{euros(total, locale)}</dd>
              <dt>{t("rules.params.ballotType.label")}</dt>
              <dd>{budget.settings.ballotType === "approval" ? t("budgets.ballotApproval") : t("budgets.ballotK", { min: budget.settings.kMin, max: budget.settings.maxChoices })}</dd>
              <dt>{t("rules.params.allocationRule.label")}</dt>
              <dd>{t(`rules.params.allocationRule.options.${budget.settings.allocationRule}`)}</dd>
              <dt>{t("rules.params.tieBreak.label")}</dt>
              <dd>{t(`rules.params.tieBreak.options.${budget.settings.tieBreak}`)}</dd>
              <dt>{t("rules.params.minApprovals.label")}</dt>
              <dd>{budget.settings.minApprovals}</dd>
            </dl>
            {budget.rules ? (
              <p><Link to={budget.rules.href}>{t("budgets.frozenRules", { label: budget.rules.label })}</Link></p>
            ) : (
              <p className="small muted">{t("budgets.rulesNotFrozen")}</p>
            )}
          </div>
          {showFunding ? (
            <div className="card">
              <h2 className="h3"><Icon name="euro" size={20} /> {t("budgets.executedTitle")}</h2>
              <MoneyBar used={money.spent} total={money.allocated} label={t("budgets.executedTitle")} text={t("budgets.executed", { spent: euros(money.spent, locale), allocated: euros(money.allocated, locale) })} />
            </div>
          ) : null}
          <div className="card">
            <h2 className="h3"><Icon name="calendar" size={20} /> {t("budgets.historyTitle")}</h2>
            <ol className="plain version-list">
              {phases.map((p) => (
                <li key={p.seq}>
                  {formatDateLong(p.startedAt, locale)} — {t(`budgets.phases.${p.phase}`)} · <Link to={`/decisions/${p.seq}`}>{t("budgets.registerEntry", { seq: p.seq })}</Link>
                </li>
              ))}
            </ol>
          </div>
          {next ? (
            <Form method="post" className="card form-card staff-card" {...getFormProps(form)}>
              <OnceField />
              <h2 className="h3">{t("budgets.phaseForm.title", { phase: t(`budgets.phases.${next}`) })}</h2>
              <FormErrors errors={form.errors} />
              <input type="hidden" name={fields.to.name} value={next} />
              {next === "vote" ? (
                <Field label={t("budgets.phaseForm.closesAt")} errors={fields.closesAt.errors} {...getInputProps(fields.closesAt, { type: "datetime-local", ariaAttributes: false })} id={fields.closesAt.id} />
              ) : null}
              {next === "results" ? (
                <TextareaField label={t("budgets.phaseForm.difference")} hint={t("budgets.phaseForm.differenceHint")} rows={3} errors={fields.differenceExplanation.errors} {...getTextareaProps(fields.differenceExplanation, { ariaAttributes: false })} id={fields.differenceExplanation.id} />
              ) : null}
              <TextareaField label={t("budgets.phaseForm.explanation")} hint={t("budgets.phaseForm.explanationHint")} rows={5} errors={fields.explanation.errors} {...getTextareaProps(fields.explanation, { ariaAttributes: false })} id={fields.explanation.id} />
              <button type="submit" className="btn btn-primary">{t("budgets.phaseForm.submit", { phase: t(`budgets.phases.${next}`) })}</button>
            </Form>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
