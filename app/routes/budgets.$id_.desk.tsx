/**
 * The budget's voting desk (guichet), for facilitators (the town's for everyone, a council's
 * for its own residents) while the budget is in its vote
 * phase: find a resident in the census (they may have no account), open their line to check
 * their identity, and there record that they put a paper ballot in the box (a separate step,
 * since it cannot be undone). One paper ballot covers the town envelope
 * and the resident's neighbourhood envelope; they can no longer vote online. The sheets are
 * typed in after the close on /budgets/<id>/paper (app/domain/budgets/desk.server.ts).
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IntentErrors, OnceField } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { Icon } from "~/components/ui/icon";
import { TableWrap } from "~/components/ui/table-wrap";
import { getBudget } from "~/domain/budgets/budgets.server";
import { budgetDeskPerson, recordBudgetPaper } from "~/domain/budgets/desk.server";
import { searchCensus } from "~/domain/residency/census.server";
import { CensusSearchSchema } from "~/domain/residency/schemas";
import { DeskPersonSchema } from "~/domain/votes/schemas";
import { getFixedT } from "~/i18next.server";
import { formatDateLong, formatDateShort } from "~/lib/format";
import { handleIntent, readIntent } from "~/utils/forms.server";
import { idParam, notFound, optionalIdParam, requireActor } from "~/utils/http.server";
import { scopeFor } from "~/domain/accounts/policy";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

/** The town desk sees everyone; a neighbourhood's desk, its own council's residents. */
async function load(request: Request, id: number) {
  const b = getBudget(id);
  if (!b) notFound();
  const actor = await requireActor(request);
  const scope = scopeFor(actor, "vote.desk");
  if (scope === undefined) throw new Response("Forbidden", { status: 403 });
  return { b, actor, scope };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const { b, scope } = await load(request, id);
  const url = new URL(request.url);
  const { q } = CensusSearchSchema.parse({ q: url.searchParams.get("q") ?? undefined });
  const personId = optionalIdParam(url.searchParams.get("person"));
  const t = await getFixedT(request);
  return {
    title: t("budgetDesk.title", { budget: b.title }),
    budget: { id: b.id, title: b.title },
    open: b.phase === "vote",
    q,
    results: q ? searchCensus(q, { councilIds: scope }).map((r) => budgetDeskPerson(b.id, r.id)).filter((p): p is NonNullable<typeof p> => p !== null) : [],
    person: personId ? budgetDeskPerson(b.id, personId, scope) : null,
    recorded: url.searchParams.get("recorded") === "paper",
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const { actor } = await load(request, id);
  const formData = await request.formData();
  const { intent } = readIntent(formData);
  if (intent !== "paper") throw new Response("errors.badRequest", { status: 400 });
  const q = String(formData.get("q") ?? "").slice(0, 120);
  return handleIntent(formData, DeskPersonSchema, (v) => {
    recordBudgetPaper(actor, id, v.censusEntryId);
    return redirect(`/budgets/${id}/desk?recorded=paper${q ? `&q=${encodeURIComponent(q)}` : ""}`);
  });
}

export default function BudgetDeskRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/budgets">{t("budgets.title")}</Link></li>
          <li><Link to={`/budgets/${d.budget.id}`}>{d.budget.title}</Link></li>
          <li aria-current="page">{t("desk.short")}</li>
        </ol>
      </nav>
      <p className="eyebrow">{t("desk.eyebrow")}</p>
      <h1>{t("budgetDesk.heading")}</h1>
      <p className="lead">{t("budgetDesk.intro")}</p>
      {!d.open ? <p className="notice notice-warning">{t("budgetDesk.notVoting")}</p> : null}
      {d.recorded ? (
        <div className="notice notice-success" role="status"><Icon name="check" /><p>{t("budgetDesk.recorded")}</p></div>
      ) : null}
      <IntentErrors result={result} intents={["paper"]} />
      {d.person ? (
        <section aria-labelledby="person-title" className="desk-person card">
          <h2 id="person-title" className="h3">
            <Icon name="user" /> {d.person.name}
          </h2>
          <p className="small">{t("desk.born", { date: formatDateLong(d.person.birthDate, locale) })} · {d.person.address}</p>
          <p className="small">{t("budgetDesk.envelopes")} : {d.person.envelopes.join(" · ")}</p>
          <p className="notice notice-info small">
            <Icon name="info" /> {t("desk.checkIdentity")}
          </p>
          {d.person.voted ? (
            <p className="notice notice-success"><Icon name="check" /> {t("desk.alreadyVoted")}</p>
          ) : d.person.ineligible ? (
            <p className="notice notice-warning"><Icon name="info" /> {t(`votes.why_${d.person.ineligible.replace("errors.", "")}`)}</p>
          ) : d.open ? (
            <Form method="post">
              <p className="small">{t("desk.paperConfirm", { name: d.person.name })}</p>
              <input type="hidden" name="intent" value="paper" />
              <input type="hidden" name="target" value="" />
              <input type="hidden" name="censusEntryId" value={d.person.id} />
              <input type="hidden" name="q" value={d.q} />
              <OnceField />
              <button type="submit" className="btn btn-primary" aria-label={t("budgetDesk.paperFor", { name: d.person.name })}>{t("desk.paper")}</button>
            </Form>
          ) : null}
          <p>
            <Link to={`/budgets/${d.budget.id}/desk${d.q ? `?q=${encodeURIComponent(d.q)}` : ""}`}>{t("desk.otherPerson")}</Link>
          </p>
        </section>
      ) : null}
      <Form method="get" role="search" className="card search-form">
        <div className="search-row">
          <div className="field grow">
            <label htmlFor="q">{t("desk.search")}</label>
            <p id="q-hint" className="hint">{t("desk.searchHint")}</p>
            <input id="q" type="search" name="q" defaultValue={d.q} aria-describedby="q-hint" autoComplete="off" />
          </div>
          <button type="submit" className="btn btn-primary"><Icon name="search" /> {t("search.submit")}</button>
        </div>
      </Form>
      {d.q ? (
        d.results.length ? (
          <TableWrap label={t("desk.results", { count: d.results.length })}>
            <table>
              <caption>{t("desk.results", { count: d.results.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("desk.person")}</th>
                  <th scope="col">{t("desk.birthDate")}</th>
                  <th scope="col">{t("desk.address")}</th>
                  <th scope="col">{t("desk.action")}</th>
                </tr>
              </thead>
              <tbody>
                {d.results.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">{r.voted || r.ineligible || !d.open ? r.name : <Link to={`/budgets/${d.budget.id}/desk?person=${r.id}&q=${encodeURIComponent(d.q)}`}>{r.name}</Link>}</th>
                    <td>{formatDateShort(r.birthDate, locale)}</td>
                    <td>{r.address}</td>
                    <td>
                      {r.voted ? (
                        <span className="badge badge-success"><Icon name="check" size={16} />{t("desk.hasVoted")}</span>
                      ) : r.ineligible ? (
                        <span className="small">{t(`votes.why_${r.ineligible.replace("errors.", "")}`)}</span>
                      ) : d.open ? (
                        <Link to={`/budgets/${d.budget.id}/desk?person=${r.id}&q=${encodeURIComponent(d.q)}`} className="btn btn-small btn-primary" aria-label={t("desk.chooseNamed", { name: r.name })}>
                          {t("desk.choose")}
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ) : (
          <p className="empty">{t("desk.none")}</p>
        )
      ) : null}
      <p className="small">
        <Link to={`/budgets/${d.budget.id}/paper`}>{t("budgetDesk.paperLink")}</Link>
      </p>
    </div>
  );
}
