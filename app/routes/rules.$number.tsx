/** One rulebook version, as published (never edited). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/hooks";
import { Markdown } from "~/components/markdown";
import { ParamsTable } from "~/components/params-table";
import { Icon } from "~/components/ui/icon";
import { SCOPE_RE, TOWN_SCOPE } from "~/domain/rules/params";
import { getVersion, listVersions } from "~/domain/rules/rules.server";
import { getFixedT } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { renderMarkdown } from "~/lib/markdown";
import { idParam, notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const number = idParam(params.number);
  const scope = new URL(request.url).searchParams.get("scope") ?? TOWN_SCOPE;
  if (!SCOPE_RE.test(scope)) notFound();
  const v = getVersion(scope, number);
  if (!v) notFound();
  const latest = listVersions(scope)[0]!;
  const t = await getFixedT(request);
  return {
    title: `${t("rules.versionLabel", { label: v.label })} — ${v.title}`,
    v: { ...v, bodyHtml: renderMarkdown(v.body) },
    isLatest: latest.number === v.number,
    latestNumber: latest.number,
    scopeQuery: scope === TOWN_SCOPE ? "" : `&scope=${scope}`,
  };
}

export default function RuleVersionRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { v, isLatest, latestNumber, scopeQuery } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/rules">{t("rules.title")}</Link></li>
          <li aria-current="page">{t("rules.versionLabel", { label: v.label })}</li>
        </ol>
      </nav>
      <p className="eyebrow">{t("rules.versionLabel", { label: v.label })}</p>
      <h1>{v.title}</h1>
      <div className={`notice ${isLatest ? "notice-info" : "notice-warning"}`}>
        <Icon name={isLatest ? "book" : "clock"} />
        <p>
          {t("rules.publishedOn", { date: formatDateLong(v.publishedAt, locale) })}{" "}
          <Link to={`/decisions/${v.decisionSeq}`}>{t("rules.whyLink", { seq: v.decisionSeq })}</Link>
          {isLatest ? ` ${t("rules.isLatest")}` : (
            <>
              {" "}
              {t("rules.notLatest")}{" "}
              <Link to={`/rules/diff?from=${v.number}&to=${latestNumber}${scopeQuery}`}>{t("rules.compareLatest")}</Link>
            </>
          )}
        </p>
      </div>
      <div className="two-col">
        <Markdown html={v.bodyHtml} className="prose document" />
        <aside className="side">
          <ParamsTable params={v.params} caption={t("rules.enforced")} />
        </aside>
      </div>
    </div>
  );
}
