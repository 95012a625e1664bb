/** Le cadre: the rules in force, the numbers the software enforces, and every version. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/hooks";
import { Markdown } from "~/components/markdown";
import { ParamsTable } from "~/components/params-table";
import { Icon } from "~/components/ui/icon";
import { can } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { SCOPE_RE, TOWN_SCOPE } from "~/domain/rules/params";
import { listVersions } from "~/domain/rules/rules.server";
import { getFixedT } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { rulesHref } from "~/lib/links";
import { renderMarkdown } from "~/lib/markdown";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const scopeParam = new URL(request.url).searchParams.get("scope") ?? TOWN_SCOPE;
  const scope = SCOPE_RE.test(scopeParam) ? scopeParam : TOWN_SCOPE;
  const versions = listVersions(scope);
  const current = versions[0] ?? null;
  const t = await getFixedT(request);
  return {
    title: t("rules.title"),
    scope,
    current: current ? { ...current, bodyHtml: renderMarkdown(current.body) } : null,
    versions: versions.map((v) => ({ number: v.number, label: v.label, title: v.title, publishedAt: v.publishedAt, decisionSeq: v.decisionSeq, href: rulesHref(v.scope, v.number) })),
    canPublish: can(await getActor(request), "rules.publish"),
  };
}

export default function RulesRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { current, versions, canPublish, scope } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <div className="page-head">
        <div>
          <p className="eyebrow">{t("rules.eyebrow")}</p>
          <h1>{t("rules.title")}</h1>
        </div>
        {canPublish ? (
          <Link to={`/rules/new${scope === "town" ? "" : `?scope=${scope}`}`} className="btn btn-primary">
            <Icon name="edit" /> {t("rules.propose")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("rules.intro")}</p>
      {!current ? (
        <p className="empty">{t("rules.none")}</p>
      ) : (
        <div className="two-col">
          <article>
            <div className="notice notice-info">
              <Icon name="book" />
              <p>
                {t("rules.inForce", { label: current.label, date: formatDateLong(current.publishedAt, locale) })}{" "}
                <Link to={`/decisions/${current.decisionSeq}`}>{t("rules.whyLink", { seq: current.decisionSeq })}</Link>
              </p>
            </div>
            <h2>{current.title}</h2>
            <Markdown html={current.bodyHtml} className="prose document" />
          </article>
          <aside className="side">
            <ParamsTable params={current.params} caption={t("rules.enforced")} />
            <section className="card" aria-labelledby="versions-title">
              <h2 id="versions-title" className="h3">
                <Icon name="clock" /> {t("rules.versions")}
              </h2>
              <ol className="plain version-list">
                {versions.map((v, i) => {
                  const prev = versions[i + 1];
                  return (
                    <li key={v.number}>
                      <Link to={v.href}>{t("rules.versionLabel", { label: v.label })}</Link> —{" "}
                      <time dateTime={v.publishedAt}>{formatDateLong(v.publishedAt, locale)}</time>
                      {prev ? (
                        <>
                          {" · "}
                          <Link to={`/rules/diff?from=${prev.number}&to=${v.number}${scope === "town" ? "" : `&scope=${scope}`}`}>
                            {t("rules.changesSince", { label: prev.label })}
                          </Link>
                        </>
                      ) : null}
                    </li>
                  );
                })}
              </ol>
            </section>
          </aside>
        </div>
      )}
    </div>
  );
}
