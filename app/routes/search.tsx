/** Full-text search over ideas, comments and register entries, with the lists' filters. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/filter-select";
import { Pagination } from "~/components/pagination";
import { Icon } from "~/components/ui/icon";
import { IDEA_STATUSES, IDEA_THEMES } from "#db/enums";
import { getCouncilBySlug, listCouncils } from "~/domain/councils/councils.server";
import { SEARCH_KINDS, SearchSchema } from "~/domain/search/schemas";
import { search } from "~/domain/search/search.server";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const f = SearchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const council = f.council ? getCouncilBySlug(f.council) : null;
  const t = await getFixedT(request);
  const result = search({ q: f.q, kind: f.kind, councilId: council?.id ?? (f.council ? -1 : undefined), status: f.status, theme: f.theme, page: f.page });
  return {
    title: f.q ? t("search.titleFor", { q: f.q }) : t("search.title"),
    f,
    councils: listCouncils().map((c) => ({ slug: c.slug, name: c.name })),
    ...result,
  };
}

export default function SearchRoute() {
  const { t } = useTranslation();
  const { f, hits, total, capped, page, pages, councils } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <h1>{t("search.title")}</h1>
      <Form method="get" role="search" className="card search-form">
        <div className="search-row">
          <div className="field grow">
            <label htmlFor="q">{t("search.label")}</label>
            <input id="q" type="search" name="q" defaultValue={f.q} />
          </div>
          <button type="submit" className="btn btn-primary"><Icon name="search" /> {t("search.submit")}</button>
        </div>
        <div className="search-filters">
          <FilterSelect id="s-kind" name="kind" label={t("search.kind")} value={f.kind} options={SEARCH_KINDS.map((k) => ({ value: k, label: t(`search.kinds.${k}`) }))} />
          <FilterSelect id="s-council" name="council" label={t("filters.council")} value={f.council} options={councils.map((c) => ({ value: c.slug, label: c.name }))} />
          <FilterSelect id="s-status" name="status" label={t("ideas.status")} value={f.status} options={IDEA_STATUSES.map((s) => ({ value: s, label: t(`ideas.statuses.${s}`) }))} />
          <FilterSelect id="s-theme" name="theme" label={t("ideas.theme")} value={f.theme} options={IDEA_THEMES.map((s) => ({ value: s, label: t(`ideas.themes.${s}`) }))} />
        </div>
      </Form>
      {f.q ? (
        <>
          <p role="status" className="result-count">{capped ? t("search.countMoreThan", { count: total, q: f.q }) : t("search.count", { count: total, q: f.q })}</p>
          {hits.length === 0 ? (
            <p className="empty">{t("search.none")}</p>
          ) : (
            <ol className="plain stack">
              {hits.map((h) => (
                <li key={`${h.kind}-${h.refId}`} className="card search-hit">
                  <p className="eyebrow">{t(`search.kinds.${h.kind}`)}{h.councilName ? ` · ${h.councilName}` : ""}</p>
                  <h2 className="h3">
                    <Link to={h.href} className="card-link" dangerouslySetInnerHTML={{ __html: h.titleHtml }} />
                  </h2>
                  <p className="snippet" dangerouslySetInnerHTML={{ __html: h.snippetHtml }} />
                </li>
              ))}
            </ol>
          )}
          <Pagination page={page} pages={pages} />
        </>
      ) : (
        <p className="muted">{t("search.hint")}</p>
      )}
    </div>
  );
}
