/** Participatory budgets: the ones under way first, then the past ones (with their results). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { euros, PhaseBadge } from "~/components/budget/budget-ui";
import { useLocale } from "~/components/hooks";
import { Icon } from "~/components/ui/icon";
import { can } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { listBudgets } from "~/domain/budgets/budgets.server";
import { getFixedT } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await getActor(request);
  const t = await getFixedT(request);
  const all = listBudgets();
  return {
    title: t("budgets.title"),
    open: all.filter((b) => b.phase !== "closed"),
    past: all.filter((b) => b.phase === "closed"),
    canCreate: can(actor, "budget.manage", { councilId: null }),
    canImport: can(actor, "budget.import"),
  };
}

type Row = Awaited<ReturnType<typeof loader>>["open"][number];

function BudgetCard({ b }: { b: Row }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li>
      <article className="card budget-card">
        <h3>
          <Link to={`/budgets/${b.id}`} className="card-link">{b.title}</Link>
        </h3>
        <div className="badges">
          <PhaseBadge phase={b.phase} />
          {b.imported ? <span className="badge badge-neutral">{t("budgets.importedBadge")}</span> : null}
        </div>
        <p className="small">
          {t("budgets.cardSummary", { total: euros(b.total, locale), envelopes: b.envelopes, projects: b.projects })}
          {b.funded ? ` ${t("budgets.cardFunded", { count: b.funded })}` : ""}
        </p>
        {b.phase === "vote" && b.voteClosesAt ? <p className="small">{t("budgets.action.voteUntil", { date: formatDateLong(b.voteClosesAt, locale) })}</p> : null}
        {["results", "implementation", "closed"].includes(b.phase) ? (
          <p className="small"><Link to={`/budgets/${b.id}/results`}>{t("budgets.action.seeResults")}</Link></p>
        ) : null}
      </article>
    </li>
  );
}

export default function BudgetsRoute() {
  const { t } = useTranslation();
  const { open, past, canCreate, canImport } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <div className="page-head">
        <div>
          <h1>{t("budgets.title")}</h1>
          <p className="lead">{t("budgets.intro")}</p>
        </div>
        <div className="hero-actions">
          {canCreate ? <Link to="/budgets/new" className="btn btn-primary"><Icon name="plus" size={18} /> {t("budgets.new")}</Link> : null}
          {canImport ? <Link to="/budgets/import" className="btn"><Icon name="download" size={18} /> {t("budgets.import.link")}</Link> : null}
        </div>
      </div>
      <section className="section" aria-labelledby="open-title">
        <h2 id="open-title">{t("budgets.openTitle")}</h2>
        {open.length ? <ul className="card-grid">{open.map((b) => <BudgetCard key={b.id} b={b} />)}</ul> : <p className="empty">{t("budgets.noneOpen")}</p>}
      </section>
      <section className="section" aria-labelledby="past-title">
        <h2 id="past-title">{t("budgets.pastTitle")}</h2>
        {past.length ? <ul className="card-grid">{past.map((b) => <BudgetCard key={b.id} b={b} />)}</ul> : <p className="empty">{t("budgets.nonePast")}</p>}
      </section>
    </div>
  );
}
