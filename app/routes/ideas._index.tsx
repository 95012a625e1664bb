/** Ideas, town-wide or per council: filters (status, theme, council, overdue) and sorts. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IdeaCard } from "~/components/idea/idea-card";
import { FilterSelect } from "~/components/filter-select";
import { FiltersFold } from "~/components/filters-fold";
import { Pagination } from "~/components/pagination";
import { Icon } from "~/components/ui/icon";
import { IDEA_STATUSES, IDEA_THEMES } from "#db/enums";
import { getCouncilBySlug, listCouncils } from "~/domain/councils/councils.server";
import { listIdeas } from "~/domain/ideas/ideas.server";
import { IdeaFiltersSchema } from "~/domain/ideas/schemas";
import { ideaSummary } from "~/domain/ideas/views.server";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const filters = IdeaFiltersSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const council = filters.council ? getCouncilBySlug(filters.council) : null;
  const result = listIdeas({
    councilId: council?.id ?? (filters.council ? -1 : undefined),
    status: filters.status,
    theme: filters.theme,
    overdue: filters.overdue === "1",
    sort: filters.sort,
    page: filters.page,
  });
  const t = await getFixedT(request);
  return {
    title: council ? t("ideas.titleIn", { council: council.name }) : t("ideas.title"),
    filters,
    councilName: council?.name ?? null,
    councils: listCouncils().map((c) => ({ slug: c.slug, name: c.name })),
    ...result,
    rows: result.rows.map((r) => ideaSummary(r)),
  };
}

export default function IdeasRoute() {
  const { t } = useTranslation();
  const { rows, total, page, pages, filters, councils, councilName } = useLoaderData<typeof loader>();
  const active = [filters.council, filters.status, filters.theme, filters.overdue].filter(Boolean).length;
  const filtered = active > 0;
  return (
    <div className="wrap page">
      <div className="page-head">
        <div>
          <p className="eyebrow">{t("ideas.eyebrow")}</p>
          <h1>{councilName ? t("ideas.titleIn", { council: councilName }) : t("ideas.title")}</h1>
        </div>
        <Link to="/ideas/new" className="btn btn-primary">
          <Icon name="plus" /> {t("ideas.propose")}
        </Link>
      </div>
      <p className="lead">{t("ideas.intro")}</p>
      <div className="list-layout">
        <FiltersFold active={active}>
          <Form method="get" className="filters">
            <FilterSelect id="f-sort" name="sort" label={t("ideas.sort")} value={filters.sort} all={false} options={(["newest", "supported", "discussed"] as const).map((s) => ({ value: s, label: t(`ideas.sorts.${s}`) }))} />
            <FilterSelect id="f-council" name="council" label={t("filters.council")} value={filters.council} options={councils.map((c) => ({ value: c.slug, label: c.name }))} />
            <FilterSelect id="f-status" name="status" label={t("ideas.status")} value={filters.status} options={IDEA_STATUSES.map((s) => ({ value: s, label: t(`ideas.statuses.${s}`) }))} />
            <FilterSelect id="f-theme" name="theme" label={t("ideas.theme")} value={filters.theme} options={IDEA_THEMES.map((s) => ({ value: s, label: t(`ideas.themes.${s}`) }))} />
            <div className="field checkbox">
              <input id="f-overdue" type="checkbox" name="overdue" value="1" defaultChecked={filters.overdue === "1"} />
              <label htmlFor="f-overdue">{t("ideas.onlyOverdue")}</label>
            </div>
            <button type="submit" className="btn">{t("filters.apply")}</button>
          </Form>
        </FiltersFold>
        <div className="list-main">
          <p role="status" className="result-count">
            {t("ideas.count", { count: total })}
            {filtered ? (
              <>
                {" "}
                <Link to="/ideas">{t("filters.clear")}</Link>
              </>
            ) : null}
          </p>
          {rows.length === 0 ? (
            <p className="empty">{t("ideas.none")}</p>
          ) : (
            <ul className="plain stack">
              {rows.map((idea) => (
                <li key={idea.id}>
                  <IdeaCard idea={idea} />
                </li>
              ))}
            </ul>
          )}
          <Pagination page={page} pages={pages} />
        </div>
        <aside className="side">
          <section className="card">
            <h2 className="h3"><Icon name="search" /> {t("search.title")}</h2>
            <Form method="get" action="/search" role="search" className="filters">
              <div className="field">
                <label htmlFor="side-q">{t("search.label")}</label>
                <input id="side-q" type="search" name="q" />
              </div>
              <button type="submit" className="btn">{t("search.submit")}</button>
            </Form>
          </section>
        </aside>
      </div>
    </div>
  );
}
