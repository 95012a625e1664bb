/** The decision register: every arbitration with its explanation, filterable, newest first. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DecisionItem } from "~/components/decision-item";
import { FilterSelect } from "~/components/filter-select";
import { FiltersFold } from "~/components/filters-fold";
import { Pagination } from "~/components/pagination";
import { Icon } from "~/components/ui/icon";
import { SUBJECT_KINDS } from "#db/enums";
import { canSomewhere } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { getCouncilBySlug, listCouncils } from "~/domain/councils/councils.server";
import { decisionAuthors, listDecisions, registerHead } from "~/domain/decisions/decisions.server";
import { DecisionFiltersSchema } from "~/domain/decisions/schemas";
import { decisionListItems } from "~/domain/decisions/views.server";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const filters = DecisionFiltersSchema.parse(Object.fromEntries(url.searchParams));
  const council = filters.council && filters.council !== "town" ? getCouncilBySlug(filters.council) : null;
  const councilId = filters.council === "town" ? ("town" as const) : council?.id ?? (filters.council ? -1 : undefined);
  const result = listDecisions({ ...filters, councilId });
  const t = await getFixedT(request);
  const actor = await getActor(request);
  return {
    title: t("decisions.title"),
    filters,
    councils: listCouncils().map((c) => ({ slug: c.slug, name: c.name })),
    authors: decisionAuthors(),
    head: registerHead(),
    canPublish: canSomewhere(actor, "decision.publish"),
    ...result,
    rows: decisionListItems(result.rows),
  };
}

export default function DecisionsRoute() {
  const { t } = useTranslation();
  const { rows, total, page, pages, filters, councils, authors, head, canPublish } = useLoaderData<typeof loader>();
  const active = [filters.council, filters.kind, filters.author, filters.from, filters.to].filter(Boolean).length;
  const filtered = active > 0;
  return (
    <div className="wrap page">
      <div className="page-head">
        <div>
          <p className="eyebrow">{t("decisions.eyebrow")}</p>
          <h1>{t("decisions.title")}</h1>
        </div>
        {canPublish ? (
          <Link to="/decisions/new" className="btn btn-primary">
            <Icon name="plus" /> {t("decisions.publish")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("decisions.intro")}</p>
      <div className="list-layout">
        <FiltersFold active={active}>
          <Form method="get" className="filters">
            <FilterSelect
              id="f-council"
              name="council"
              label={t("filters.council")}
              value={filters.council}
              options={[{ value: "town", label: t("scope.town") }, ...councils.map((c) => ({ value: c.slug, label: c.name }))]}
            />
            <FilterSelect id="f-kind" name="kind" label={t("filters.kind")} value={filters.kind} options={SUBJECT_KINDS.map((k) => ({ value: k, label: t(`decisions.kinds.${k}`) }))} />
            <FilterSelect id="f-author" name="author" label={t("filters.author")} value={filters.author} options={authors.map((a) => ({ value: a, label: a }))} />
            <div className="field-row">
              <div className="field">
                <label htmlFor="f-from">{t("filters.from")}</label>
                <input id="f-from" type="date" name="from" defaultValue={filters.from ?? ""} />
              </div>
              <div className="field">
                <label htmlFor="f-to">{t("filters.to")}</label>
                <input id="f-to" type="date" name="to" defaultValue={filters.to ?? ""} />
              </div>
            </div>
            <button type="submit" className="btn">
              {t("filters.apply")}
            </button>
          </Form>
        </FiltersFold>
        <div className="list-main">
          <p role="status" className="result-count">
            {t("decisions.count", { count: total })}
            {filtered ? (
              <>
                {" "}
                <Link to="/decisions">{t("filters.clear")}</Link>
              </>
            ) : null}
          </p>
          {rows.length === 0 ? (
            <p className="empty">{t("decisions.none")}</p>
          ) : (
            <ol className="plain stack" aria-label={t("decisions.listLabel")}>
              {rows.map((d) => (
                <li key={d.seq}>
                  <DecisionItem d={d} />
                </li>
              ))}
            </ol>
          )}
          <Pagination page={page} pages={pages} />
        </div>
        <aside className="side">
          <section className="card" aria-labelledby="chain-title">
            <h2 id="chain-title" className="h3">
              <Icon name="hash" /> {t("decisions.chainTitle")}
            </h2>
            <p>{t("decisions.chainIntro")}</p>
            {head ? (
              <p className="small">
                {t("decisions.headIs", { seq: head.seq })} <code className="hash">{head.hash}</code>
              </p>
            ) : null}
            <ul className="link-list">
              <li>
                <Link to="/decisions/verify">{t("decisions.verifyLink")}</Link>
              </li>
              <li>
                <a href="/open-data/register.json" download>
                  <Icon name="download" size={16} /> {t("decisions.downloadChain")}
                </a>
              </li>
              <li>
                <a href="/decisions.atom">
                  <Icon name="feed" size={16} /> {t("decisions.feed")}
                </a>
              </li>
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
