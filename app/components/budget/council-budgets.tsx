/** A council page's participatory budgets: its envelope in each, and the projects funded in it. */
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BudgetPhase, ProjectStatus } from "#db/enums";
import { useLocale } from "../hooks";
import { euros, PhaseBadge, ProjectStatusBadge } from "./budget-ui";

export function CouncilBudgets({
  budgets,
}: {
  budgets: { id: number; title: string; phase: BudgetPhase; amount: number; funded: { id: number; title: string; cost: number; status: ProjectStatus | null; progress: number }[] }[];
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (budgets.length === 0) return null;
  return (
    <section aria-labelledby="council-budgets-title" className="section">
      <h2 id="council-budgets-title">{t("budgets.title")}</h2>
      <ul className="plain stack">
        {budgets.map((b) => (
          <li key={b.id} className="card">
            <p className="project-line">
              <Link to={`/budgets/${b.id}`}>{b.title}</Link>
              <PhaseBadge phase={b.phase} />
            </p>
            <p className="small">{t("budgets.councilEnvelope", { amount: euros(b.amount, locale) })}</p>
            {b.funded.length ? (
              <ul className="plain project-list">
                {b.funded.map((p) => (
                  <li key={p.id}>
                    <div className="project-line">
                      <Link to={`/budgets/${b.id}/projects/${p.id}`}>{p.title}</Link>
                      <span className="muted">{euros(p.cost, locale)}</span>
                    </div>
                    {p.status ? <ProjectStatusBadge status={p.status} /> : null}
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
