/**
 * The budget ballot. A verified resident fills one basket per envelope they vote in (the
 * town's and their own council's) and casts them together, with one receipt. Without
 * JavaScript, "Update my total" sends the basket back and the page shows each envelope's
 * total and what is wrong; with JavaScript the totals follow every tick. A basket over the
 * envelope (or over k) is refused by the server with a clear message, and kept.
 */
import { parseWithZod } from "@conform-to/zod";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { euros, MoneyBar } from "~/components/budget/budget-ui";
import { OnceField } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { ErrorList, splitMessage } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { getActor } from "~/domain/accounts/session.server";
import { getBox } from "~/domain/ballot-box/boxes.server";
import { ballotProblem, basketTotal, type BallotSpec } from "~/domain/ballot-box/spec";
import { castBasket, readBasket } from "~/domain/budgets/ballot.server";
import { getBudget, projectsOf, voterEnvelopes } from "~/domain/budgets/budgets.server";
import { BasketSchema } from "~/domain/budgets/schemas";
import { getFixedT } from "~/i18next.server";
import { formatDateTime } from "~/lib/format";
import { markdownToText } from "~/lib/markdown";
import { msg } from "~/lib/messages";
import { truncate } from "~/lib/text";
import { typedValues, userError } from "~/utils/forms.server";
import { here, idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const b = getBudget(id);
  if (!b) notFound();
  const actor = await getActor(request);
  const t = await getFixedT(request);
  const { person, envelopes, voted } = voterEnvelopes(b, actor);
  const projects = projectsOf(b.id);
  return {
    title: t("budgets.ballot.title", { title: b.title }),
    budget: { id: b.id, title: b.title, phase: b.phase, voteClosesAt: b.voteClosesAt },
    signedIn: !!actor,
    verified: !!person,
    voted,
    loginTo: `/login?redirectTo=${encodeURIComponent(here(request))}`,
    envelopes: envelopes.map((e) => {
      const spec = getBox(e.boxId!)!.spec;
      return {
        id: e.id,
        councilName: e.councilName,
        amount: e.amount,
        spec,
        projects: spec.type === "choice" ? [] : spec.projects.map((p) => {
          const row = projects.find((x) => x.envelopeId === e.id && x.ballotId === p.id);
          return { ballotId: p.id, projectId: row?.id ?? null, title: p.label, cost: p.cost, summary: row ? truncate(markdownToText(row.summary), 220) : "" };
        }),
      };
    }),
  };
}

type BasketState = { envelopeId: number; total: number; problem: string | null }[];
type ActionData =
  | { kind: "basket"; chosen: string[]; basket: BasketState | null; error: string | null }
  | { kind: "receipt"; receipt: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const b = getBudget(id);
  if (!b) notFound();
  const actor = await getActor(request);
  const formData = await request.formData();
  const parsed = parseWithZod(formData, { schema: BasketSchema });
  if (parsed.status !== "success") {
    return data<ActionData>({ kind: "basket", chosen: typedValues(formData, "choices", 1000), basket: null, error: "errors.ballotUnknownChoice" }, { status: 400 });
  }
  const { choices, step } = parsed.value;
  let basket: BasketState | null = null;
  try {
    basket = readBasket(b, actor, choices).map((e) => ({ envelopeId: e.envelopeId, total: e.total, problem: e.spec.type === "choice" ? null : problemOf(e.spec, e.chosen) }));
    if (step === "review") return data<ActionData>({ kind: "basket", chosen: choices, basket, error: null });
    const { receipt } = castBasket(actor, b.id, choices);
    return data<ActionData>({ kind: "receipt", receipt });
  } catch (e) {
    const u = userError(e);
    return data<ActionData>({ kind: "basket", chosen: choices, basket, error: u.message }, { status: u.status });
  }
}

/** The envelope's rule broken by this basket, as a message (money formatted by the words themselves). */
function problemOf(spec: BallotSpec, chosen: string[]): string | null {
  const p = ballotProblem(spec, chosen);
  return p ? msg(p.key, p.params) : null;
}

export default function BudgetBallotRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { budget, signedIn, verified, voted, envelopes, loginTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionData | undefined;
  const navigation = useNavigation();
  const initial = result?.kind === "basket" ? result.chosen : [];
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(initial));
  const [live, setLive] = useState(false);
  const toggle = (value: string, on: boolean) => {
    setLive(true);
    setChosen((s) => {
      const n = new Set(s);
      if (on) n.add(value);
      else n.delete(value);
      return n;
    });
  };
  const head = (
    <>
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/budgets">{t("budgets.title")}</Link></li>
          <li><Link to={`/budgets/${budget.id}`}>{budget.title}</Link></li>
          <li aria-current="page">{t("budgets.ballot.short")}</li>
        </ol>
      </nav>
      <h1>{t("budgets.ballot.title", { title: budget.title })}</h1>
    </>
  );

  if (result?.kind === "receipt") {
    return (
      <div className="wrap page narrow">
        {head}
        <div className="card receipt-card" role="status">
          <p className="notice notice-success"><Icon name="check" /> {t("budgets.ballot.thanks")}</p>
          <p>{t("budgets.ballot.receiptIntro")}</p>
          <p className="receipt-code" aria-label={t("budgets.ballot.receiptLabel")}><code>{result.receipt}</code></p>
          <p>{t("budgets.ballot.receiptKeep")}</p>
          <p>
            <Link to={`/budgets/${budget.id}/results#share`} className="btn">{t("budgets.ballot.receiptLater")}</Link>
          </p>
        </div>
      </div>
    );
  }

  if (budget.phase !== "vote") {
    return (
      <div className="wrap page narrow">
        {head}
        <p className="lead">{t("budgets.ballot.notOpen")}</p>
        <p><Link to={`/budgets/${budget.id}`}>{t("budgets.backToBudget")}</Link></p>
      </div>
    );
  }
  if (!signedIn || !verified || voted) {
    return (
      <div className="wrap page narrow">
        {head}
        {!signedIn ? (
          <p className="lead">{t("budgets.ballot.signIn")} <Link to={loginTo}>{t("nav.login")}</Link></p>
        ) : !verified ? (
          <p className="lead">{t("errors.notVerified")} <Link to="/account">{t("budgets.ballot.verifyLink")}</Link></p>
        ) : (
          <p className="notice notice-success"><Icon name="check" /> {t("budgets.ballot.alreadyVoted")}</p>
        )}
      </div>
    );
  }

  const serverState = result?.kind === "basket" ? result.basket : null;
  const error = result?.kind === "basket" ? result.error : null;
  const busy = navigation.state !== "idle";
  return (
    <div className="wrap page ballot-page">
      {head}
      <p className="lead">
        {t("budgets.ballot.intro", { count: envelopes.length })}{" "}
        {budget.voteClosesAt ? t("budgets.ballot.closes", { date: formatDateTime(budget.voteClosesAt, locale) }) : null}
      </p>
      <Form method="post" className="ballot-form" noValidate>
        <OnceField />
        {error ? (
          <div className="notice notice-error" role="alert" id="basket-error">
            {(() => {
              const [key, params] = splitMessage(error);
              return <p>{t(key, params)}</p>;
            })()}
            <p className="small">{t("budgets.ballot.keptBasket")}</p>
          </div>
        ) : null}
        {envelopes.map((e) => {
          const spec = e.spec as BallotSpec;
          const mine = e.projects.filter((p) => chosen.has(`${e.id}:${p.ballotId}`)).map((p) => p.ballotId);
          const server = serverState?.find((s) => s.envelopeId === e.id);
          const total = live || !server ? (spec.type === "choice" ? 0 : basketTotal(spec, mine)) : server.total;
          const problem = live || !server ? (mine.length ? problemOf(spec, mine) : null) : server.problem;
          const label = e.councilName ? t("budgets.envelopeOf", { name: e.councilName }) : t("budgets.townEnvelope");
          const over = spec.type === "approval-budget" && total > spec.budget;
          return (
            <fieldset key={e.id} className="card envelope-ballot" aria-describedby={`total-${e.id}`}>
              <legend className="h3">
                <Icon name="euro" size={20} /> {label} · {euros(e.amount, locale)}
              </legend>
              <p className="hint">
                {spec.type === "approval-budget"
                  ? t("budgets.ballot.ruleBudget", { amount: euros(spec.budget, locale) }) + (spec.minSpendShare > 0 ? ` ${t("budgets.ballot.ruleMin", { amount: euros(Math.ceil(spec.budget * spec.minSpendShare), locale) })}` : "")
                  : spec.type === "approval-k"
                    ? t("budgets.ballot.ruleK", { min: spec.kMin, max: spec.kMax })
                    : null}
              </p>
              <ul className="plain ballot-projects">
                {e.projects.map((p) => {
                  const value = `${e.id}:${p.ballotId}`;
                  const inputId = `p-${e.id}-${p.ballotId}`;
                  return (
                    <li key={value} className={`ballot-project${chosen.has(value) ? " chosen" : ""}`}>
                      <input type="checkbox" id={inputId} name="choices" value={value} defaultChecked={initial.includes(value)} onChange={(ev) => toggle(value, ev.currentTarget.checked)} aria-describedby={`${inputId}-cost`} />
                      <label htmlFor={inputId}>
                        <span className="ballot-project-title">
                          <span className="ballot-number">{t("budgets.ballot.number", { id: p.ballotId })}</span> {p.title}
                        </span>
                        <span className="ballot-project-cost" id={`${inputId}-cost`}>{euros(p.cost, locale)}</span>
                        {p.summary ? <span className="ballot-project-summary">{p.summary}</span> : null}
                      </label>
                      {p.projectId ? (
                        <Link to={`/budgets/${budget.id}/projects/${p.projectId}`} className="small ballot-more">
                          {t("budgets.ballot.more")}<span className="visually-hidden"> : {p.title}</span>
                        </Link>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
              <div className={`basket-total${over || problem ? " basket-problem" : ""}`} id={`total-${e.id}`} role="status" aria-live="polite">
                {spec.type === "approval-budget" ? (
                  <MoneyBar used={total} total={spec.budget} label={t("budgets.ballot.totalLabel")} text={total > spec.budget ? t("budgets.ballot.totalOver", { total: euros(total, locale), budget: euros(spec.budget, locale), over: euros(total - spec.budget, locale) }) : t("budgets.ballot.total", { total: euros(total, locale), budget: euros(spec.budget, locale), left: euros(spec.budget - total, locale) })} />
                ) : (
                  <p className="small">{t("budgets.ballot.countChosen", { count: mine.length, max: spec.type === "approval-k" ? spec.kMax : 0 })}</p>
                )}
                {problem ? (
                  <p className="basket-warning">
                    <Icon name="alert" size={18} /> <ErrorList id={`problem-${e.id}`} errors={[problem]} />
                  </p>
                ) : null}
              </div>
            </fieldset>
          );
        })}
        <div className="ballot-actions">
          <button type="submit" name="step" value="review" className="btn" disabled={busy}>
            {t("budgets.ballot.update")}
          </button>
          <button type="submit" name="step" value="cast" className="btn btn-primary" disabled={busy}>
            <Icon name="vote" size={18} /> {t("budgets.ballot.cast")}
          </button>
        </div>
        <p className="small muted">{t("budgets.ballot.secret")}</p>
      </Form>
    </div>
  );
}
