/**
 * A budget's results, explained: per envelope, the funded and unfunded projects with a
 * sentence each saying why, the margins of those left out, the Equal Shares rounds, a chart
 * of approvals and costs (SVG, with the table as its text alternative), the money allocated,
 * turnout, the what-if under the other rules, and each envelope's Pabulib download. Below:
 * the official decision beside the computed result, and "how my share was spent" for anyone
 * holding a receipt code (no login).
 */
import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ApprovalsCostChart, euros, MoneyBar, PhaseBadge } from "~/components/budget/budget-ui";
import { OnceField, useIntentForm, type IntentResult } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { Markdown } from "~/components/markdown";
import { OutcomeBadge } from "~/components/outcome-badge";
import { ErrorList, Field, FormErrors, TextareaField } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { can } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { decideResults, getBudget, projectsOf } from "~/domain/budgets/budgets.server";
import { hasResults } from "~/domain/budgets/phases";
import { ResultsDecisionSchema, ShareSchema } from "~/domain/budgets/schemas";
import { resultsView, shareView } from "~/domain/budgets/views.server";
import { getFixedT, getLocale } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { cleanReply, handleIntent, readIntent, userError } from "~/utils/forms.server";
import { parseWithZod } from "@conform-to/zod";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { data } from "@remix-run/node";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const b = getBudget(id);
  if (!b) notFound();
  const [actor, locale, t] = await Promise.all([getActor(request), getLocale(request), getFixedT(request)]);
  const view = hasResults(b.phase) ? resultsView(b, locale, t) : null;
  const canDecide = !b.imported && b.phase === "results" && !b.decisionSeq && can(actor, "budget.decide", { councilId: null });
  return {
    title: t("budgets.results.title", { title: b.title }),
    budget: { id: b.id, title: b.title, phase: b.phase, imported: b.imported, source: b.source, decisionOutcome: b.decisionOutcome },
    view,
    canDecide,
    decidable: canDecide ? projectsOf(b.id).filter((p) => p.computedFunded !== null).map((p) => ({ id: p.id, title: p.title, computedFunded: !!p.computedFunded })) : [],
  };
}

type ShareResult = { intent: "share"; target: ""; share: ReturnType<typeof shareView> };

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const b = getBudget(id);
  if (!b) notFound();
  const formData = await request.formData();
  const { intent } = readIntent(formData);
  const [locale, t] = await Promise.all([getLocale(request), getFixedT(request)]);
  if (intent === "share") {
    const submission = parseWithZod(formData, { schema: ShareSchema });
    const code = submission.status === "success" ? submission.value.code : "";
    try {
      return data({ intent: "share", target: "", share: shareView(b, code, locale, t) } as ShareResult);
    } catch (e) {
      const u = userError(e);
      return data({ intent: "share", target: "", reply: cleanReply(submission.reply({ fieldErrors: { code: [u.message] } })) }, { status: u.status });
    }
  }
  if (intent === "decide") {
    const actor = await getActor(request);
    return handleIntent(formData, ResultsDecisionSchema, (v) => {
      const changes = v.outcome === "departed" ? v.changed.map((projectId) => ({ projectId, reason: String(formData.get(`reason-${projectId}`) ?? "") })) : [];
      decideResults(actor, b.id, { outcome: v.outcome, explanation: v.explanation, changes });
      return redirect(`/budgets/${b.id}/results#decision`);
    });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function BudgetResultsRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { budget, view, canDecide, decidable } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as (IntentResult & Partial<ShareResult>) | undefined;
  const [shareForm, shareFields] = useIntentForm("share:", ShareSchema, result?.intent === "share" && !result.share ? result : undefined);
  const [decideForm, decideFields] = useIntentForm("decide:", ResultsDecisionSchema, result, { outcome: "confirmed" });
  const share = result?.intent === "share" ? result.share : undefined;
  const currency = view?.currency ?? "EUR";
  return (
    <div className="wrap page results-page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/budgets">{t("budgets.title")}</Link></li>
          <li><Link to={`/budgets/${budget.id}`}>{budget.title}</Link></li>
          <li aria-current="page">{t("budgets.results.short")}</li>
        </ol>
      </nav>
      <div className="page-head">
        <div>
          <p className="eyebrow">{t("budgets.results.eyebrow")}</p>
          <h1>{t("budgets.results.title", { title: budget.title })}</h1>
        </div>
        <PhaseBadge phase={budget.phase} />
      </div>
      {budget.imported ? (
        <div className="notice notice-info">
          <Icon name="info" />
          <div>
            <p>{t("budgets.importedNotice")}</p>
            <p className="small">{budget.source}</p>
          </div>
        </div>
      ) : null}
      {!view ? (
        <p className="lead">{t("budgets.results.notYet")}</p>
      ) : (
        <>
          <p className="lead">{t(`budgets.results.ruleLead.${view.rule}`, { min: view.minApprovals })}</p>
          <nav aria-label={t("budgets.results.envelopesNav")} className="chips">
            {view.envelopes.map((e) => (
              <a key={e.id} href={`#envelope-${e.id}`} className="chip">{e.label}</a>
            ))}
            <a href="#decision" className="chip">{t("budgets.results.decisionTitle")}</a>
            {budget.imported ? null : <a href="#share" className="chip">{t("budgets.share.title")}</a>}
          </nav>
          {view.envelopes.map((e) =>
            !e.counted ? null : (
              <section key={e.id} id={`envelope-${e.id}`} className="section envelope-results" aria-labelledby={`env-title-${e.id}`}>
                <h2 id={`env-title-${e.id}`}>{e.label}</h2>
                <div className="result-facts">
                  <div className="card fact">
                    <p className="fact-label">{t("budgets.results.allocated")}</p>
                    <p className="fact-value">{e.allocatedText}</p>
                    <MoneyBar used={e.allocated} total={e.amount} label={t("budgets.results.allocated")} text={t("budgets.results.allocatedOf", { allocated: e.allocatedText, envelope: euros(e.amount, locale, currency), left: e.leftText })} />
                  </div>
                  <div className="card fact">
                    <p className="fact-label">{t("budgets.results.turnout")}</p>
                    <p className="fact-value">{t("budgets.results.ballots", { count: e.voters, n: new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB").format(e.voters) })}</p>
                    {e.turnout ? (
                      <p className="small">
                        {e.turnout.ratio ? t("budgets.results.turnoutOf", { ratio: e.turnout.ratio, electorate: e.turnout.electorate }) : null}{" "}
                        {t("budgets.results.channels", { online: e.turnout.online, desk: e.turnout.desk, paper: e.turnout.paper })}
                      </p>
                    ) : (
                      <p className="small">{t("budgets.results.turnoutImported")}</p>
                    )}
                  </div>
                  <div className="card fact">
                    <p className="fact-label">{t("budgets.results.recount")}</p>
                    <p>
                      <a href={e.pbUrl} className="btn btn-small" download>
                        <Icon name="download" size={18} /> {t("budgets.results.downloadPb")}
                      </a>
                    </p>
                    <p className="small">{t("budgets.results.recountHint", { rule: e.rule })}</p>
                  </div>
                </div>

                <h3>{t("budgets.results.projectsTitle")}</h3>
                <ol className="plain stack result-list">
                  {e.projects.map((p) => (
                    <li key={p.ballotId} className={`card result-item ${p.funded ? "is-funded" : "is-unfunded"}`}>
                      <div className="result-head">
                        <h4 className="h3">
                          {p.id ? <Link to={`/budgets/${budget.id}/projects/${p.id}`}>{p.title}</Link> : p.title}
                        </h4>
                        <span className={`badge ${p.funded ? "badge-success" : "badge-neutral"}`}>
                          <Icon name={p.funded ? "check" : "x"} size={16} /> {p.funded ? t("budgets.results.fundedWord") : t("budgets.results.notFundedWord")}
                        </span>
                      </div>
                      <p className="result-numbers small muted">
                        {t("budgets.results.votes", { count: p.approvals, n: new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB").format(p.approvals) })} · {p.costText}
                      </p>
                      <p className="result-sentence">{p.sentence}</p>
                      {p.computedFunded !== p.funded ? (
                        <p className="notice notice-warning small">
                          <Icon name="alert" size={18} /> {p.funded ? t("budgets.results.departedFunded") : t("budgets.results.departedUnfunded")}
                        </p>
                      ) : null}
                      {p.margin ? (
                        <p className="result-margin small">
                          <strong>{t("budgets.results.whatWouldChange")}</strong> {p.margin}
                          {p.effectiveSupport ? <> {t("budgets.results.effectiveSupport", { value: p.effectiveSupport })}</> : null}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ol>
                <details className="method-note">
                  <summary>{t("budgets.results.marginHowTitle")}</summary>
                  <p className="small">{t("budgets.results.marginHow")}</p>
                </details>

                <h3>{t("budgets.results.chartHeading")}</h3>
                <ApprovalsCostChart id={`chart-${e.id}`} rows={e.projects.map((p) => ({ title: p.title, approvals: p.approvals, cost: p.cost, funded: p.funded }))} envelope={e.amount} locale={locale} currency={currency} />
                <div className="table-wrap">
                  <table>
                    <caption>{t("budgets.results.tableCaption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("budgets.results.colProject")}</th>
                        <th scope="col">{t("budgets.results.colVotes")}</th>
                        <th scope="col">{t("budgets.results.colCost")}</th>
                        <th scope="col">{t("budgets.results.colComputed")}</th>
                        {view.decision ? <th scope="col">{t("budgets.results.colDecided")}</th> : null}
                      </tr>
                    </thead>
                    <tbody>
                      {e.projects.map((p) => (
                        <tr key={p.ballotId}>
                          <th scope="row">{p.title}</th>
                          <td>{p.approvals}</td>
                          <td>{p.costText}</td>
                          <td>{p.computedFunded ? t("budgets.results.fundedWord") : t("budgets.results.notFundedWord")}</td>
                          {view.decision ? <td>{p.funded ? t("budgets.results.fundedWord") : t("budgets.results.notFundedWord")}</td> : null}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>

                {e.rounds.length ? (
                  <>
                    <h3>{t("budgets.results.roundsTitle")}</h3>
                    <p>{t("budgets.results.roundsIntro", { share: e.baseShareText, endowment: e.endowmentText })}</p>
                    <div className="table-wrap">
                      <table>
                        <caption>{t("budgets.results.roundsCaption")}</caption>
                        <thead>
                          <tr>
                            <th scope="col">{t("budgets.results.colRound")}</th>
                            <th scope="col">{t("budgets.results.colProject")}</th>
                            <th scope="col">{t("budgets.results.colPrice")}</th>
                            <th scope="col">{t("budgets.results.colPayers")}</th>
                            <th scope="col">{t("budgets.results.colEffective")}</th>
                            <th scope="col">{t("budgets.results.colLeft")}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {e.rounds.map((r) => (
                            <tr key={r.round}>
                              <td>{r.round}</td>
                              <th scope="row">{r.title} <span className="small muted">({r.costText})</span></th>
                              <td>{r.priceText}</td>
                              <td>{t("budgets.results.payers", { full: r.paidFull, less: r.paidLess })}</td>
                              <td>{r.effectiveVotes}</td>
                              <td>{r.leftText}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                    </div>
                    {e.completion.length ? <p>{t("budgets.results.completion", { list: e.completion.join(", ") })}</p> : null}
                  </>
                ) : null}

                <h3>{t("budgets.results.whatIfTitle")}</h3>
                <div className="table-wrap">
                  <table>
                    <caption>{t("budgets.results.whatIfCaption")}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t("budgets.results.colRule")}</th>
                        <th scope="col">{t("budgets.results.colFunded")}</th>
                        <th scope="col">{t("budgets.results.colSpent")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {e.whatIf.map((w) => (
                        <tr key={w.rule}>
                          <th scope="row">
                            {t(`rules.params.allocationRule.options.${w.rule}`)}
                            {w.declared ? <span className="badge badge-info small-badge">{t("budgets.results.declared")}</span> : null}
                          </th>
                          <td>{w.count}</td>
                          <td>{w.costText}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
                {e.differing.length ? (
                  <ul className="differing">
                    {e.differing.map((d) => (
                      <li key={d.title}>
                        <strong>{d.title}</strong> — {t("budgets.results.fundedBy", { rules: d.selectedBy.map((r) => t(`rules.params.allocationRule.options.${r}`)).join(" ; ") })}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p>{t("budgets.results.sameEverywhere")}</p>
                )}
              </section>
            ),
          )}

          <section id="decision" className="section" aria-labelledby="decision-title">
            <h2 id="decision-title">{t("budgets.results.decisionTitle")}</h2>
            {view.decision ? (
              <article className="card answer">
                <p className="decision-line">
                  <OutcomeBadge outcome={view.decision.outcome} />
                  <span className="small muted">
                    {t("budgets.results.decisionBy", { name: view.decision.authorName, date: formatDateLong(view.decision.recordedAt, locale) })} ·{" "}
                    <Link to={`/decisions/${view.decision.seq}`}>{t("budgets.results.inRegister", { seq: view.decision.seq })}</Link>
                  </span>
                </p>
                <Markdown html={view.decision.html} />
              </article>
            ) : budget.imported ? (
              <p>{t("budgets.results.importedDecision")}</p>
            ) : (
              <p className="empty">{t("budgets.results.noDecisionYet")}</p>
            )}
            {canDecide ? (
              <Form method="post" className="card form-card staff-card" {...getFormProps(decideForm)}>
                <input type="hidden" name="intent" value="decide" />
                <input type="hidden" name="target" value="" />
                <OnceField />
                <FormErrors errors={decideForm.errors} />
                <h3>{t("budgets.results.decideTitle")}</h3>
                <fieldset className="stance-choice">
                  <legend>{t("budgets.results.decideOutcome")}</legend>
                  {(["confirmed", "departed"] as const).map((o) => (
                    <label key={o} className="radio">
                      <input type="radio" name={decideFields.outcome.name} value={o} defaultChecked={o === "confirmed"} />
                      <span>{t(`budgets.results.decide.${o}`)}</span>
                    </label>
                  ))}
                </fieldset>
                <TextareaField label={t("budgets.results.decideExplanation")} rows={6} errors={decideFields.explanation.errors} {...getTextareaProps(decideFields.explanation, { ariaAttributes: false })} id={decideFields.explanation.id} />
                <fieldset className="fieldset">
                  <legend>{t("budgets.results.decideChanges")}</legend>
                  <p className="hint">{t("budgets.results.decideChangesHint")}</p>
                  <ErrorList id="changed-error" errors={decideFields.changed.errors} />
                  {decidable.map((p) => (
                    <div key={p.id} className="change-row">
                      <div className="field checkbox">
                        <input type="checkbox" id={`changed-${p.id}`} name="changed" value={p.id} />
                        <label htmlFor={`changed-${p.id}`}>
                          {p.title} — {p.computedFunded ? t("budgets.results.changeToUnfunded") : t("budgets.results.changeToFunded")}
                        </label>
                      </div>
                      <TextareaField label={t("budgets.results.changeReason", { title: p.title })} rows={2} name={`reason-${p.id}`} id={`reason-${p.id}`} errors={(decideForm.allErrors[`reason-${p.id}`] as string[] | undefined) ?? undefined} />
                    </div>
                  ))}
                </fieldset>
                <button type="submit" className="btn btn-primary">{t("budgets.results.decideSubmit")}</button>
              </Form>
            ) : null}
          </section>

          {budget.imported ? (
          <section id="share" className="section" aria-labelledby="share-title">
            <h2 id="share-title">{t("budgets.share.title")}</h2>
            <p>{t("budgets.share.importedNone")}</p>
          </section>
          ) : (
          <section id="share" className="section" aria-labelledby="share-title">
            <h2 id="share-title">{t("budgets.share.title")}</h2>
            <p>{t("budgets.share.intro")}</p>
            <Form method="post" className="card form-card narrow" {...getFormProps(shareForm)} preventScrollReset>
              <input type="hidden" name="intent" value="share" />
              <input type="hidden" name="target" value="" />
              <FormErrors errors={shareForm.errors} />
              <Field label={t("budgets.share.code")} hint={t("budgets.share.codeHint")} autoComplete="off" spellCheck={false} errors={shareFields.code.errors} {...getInputProps(shareFields.code, { type: "text", ariaAttributes: false })} id={shareFields.code.id} />
              <button type="submit" className="btn btn-primary">{t("budgets.share.submit")}</button>
            </Form>
            {share ? (
              <div className="stack share-result" aria-live="polite">
                {share.map((s) => (
                  <article key={s.ballotId} className="card">
                    <h3>{s.label}</h3>
                    {!s.counted ? (
                      <p>{t("budgets.share.notCounted")}</p>
                    ) : (
                      <>
                        <p className="small muted">{t("budgets.share.ballotKey", { key: s.ballotId.slice(0, 16) })}</p>
                        <h4>{t("budgets.share.yourBallot")}</h4>
                        <ul>{s.chosen.length ? s.chosen.map((c) => <li key={c}>{c}</li>) : <li>{t("budgets.share.empty")}</li>}</ul>
                        {s.endowment ? (
                          <>
                            <h4>{t("budgets.share.howSpent", { endowment: s.endowment })}</h4>
                            <ul>
                              {s.lines.map((l) => (
                                <li key={l.title}>
                                  <strong>{l.title}</strong> : {l.text}
                                </li>
                              ))}
                            </ul>
                            <p>{t("budgets.share.left", { left: s.left })}</p>
                          </>
                        ) : (
                          <p>{t("budgets.share.greedy")}</p>
                        )}
                      </>
                    )}
                  </article>
                ))}
              </div>
            ) : null}
          </section>
          )}
        </>
      )}
    </div>
  );
}
