/**
 * Public statistics, town-wide or for one council: ideas received and answered, the share
 * answered within the deadline, the median days to answer, meetings held and minutes
 * published on time; monthly charts (server-rendered SVG) with their numbers as tables.
 * Computed live (app/domain/stats/statistics.server.ts). Also in the open data (CSV, JSON).
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatValue, MonthlyChart, type ChartUnit } from "~/components/charts";
import { useLocale } from "~/components/hooks";
import { Icon } from "~/components/ui/icon";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { statistics } from "~/domain/stats/statistics.server";
import { getFixedT } from "~/i18next.server";
import { formatDateTime } from "~/lib/format";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const slug = new URL(request.url).searchParams.get("council");
  const council = slug ? getCouncilBySlug(slug) : undefined;
  if (slug && !council) throw new Response("Not Found", { status: 404 });
  const stats = statistics(new Date(), council?.id);
  return { title: council ? t("statistics.titleCouncil", { council: council.name }) : t("statistics.title"), stats };
}

export default function StatisticsRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { stats } = useLoaderData<typeof loader>();
  const here = stats.council;
  return (
    <div className="wrap page">
      <p className="eyebrow">{t("statistics.eyebrow")}</p>
      <h1>{here ? t("statistics.titleCouncil", { council: here.name }) : t("statistics.title")}</h1>
      <p className="lead">{t("statistics.lead")}</p>
      <Form method="get" className="inline-form scope-form">
        <label htmlFor="council">{t("statistics.scope")}</label>
        <select id="council" name="council" defaultValue={here?.slug ?? ""}>
          <option value="">{t("statistics.wholeTown")}</option>
          {stats.councils.map((c) => (
            <option key={c.id} value={c.slug}>
              {c.name}
            </option>
          ))}
        </select>
        <button type="submit" className="btn">
          {t("statistics.show")}
        </button>
      </Form>
      <p className="small muted">{t("statistics.computedAt", { date: formatDateTime(stats.computedAt, locale) })}</p>

      {stats.sections.map((s) => {
        const scoped = here ? s.councils.find((c) => c.councilId === here.id)! : null;
        const figures = scoped ? scoped.figures : s.town.figures;
        const units = [...new Set(s.series.map((x) => x.unit))] as ChartUnit[];
        return (
          <section key={s.id} className="stats-section" aria-labelledby={`sec-${s.id}`}>
            <h2 id={`sec-${s.id}`}>{t(s.titleKey)}</h2>
            {scoped?.suppressed ? <p className="notice notice-info">{t("statistics.suppressed", { min: stats.minPeople })}</p> : null}
            <dl className="stat-cards">
              {figures.map((f) => (
                <div key={f.key} className="stat-card">
                  <dt>{t(`statistics.figures.${f.key}`)}</dt>
                  <dd>{formatValue(f.value, f.unit, locale)}</dd>
                </div>
              ))}
            </dl>
            {units.map((u) => {
              const series = s.series.filter((x) => x.unit === u);
              const title = t(`statistics.charts.${s.id}.${u}`);
              return (
                <MonthlyChart
                  key={u}
                  id={`chart-${s.id}-${u}`}
                  title={title}
                  months={stats.months}
                  unit={u}
                  locale={locale}
                  series={series.map((x) => ({ label: t(`statistics.figures.${x.key}`), kind: x.kind, values: x.values }))}
                />
              );
            })}
            {s.seriesHidden ? <p className="small muted">{t("statistics.chartsHidden", { min: stats.minPeople })}</p> : null}
          </section>
        );
      })}

      {!here ? (
        <section className="stats-section" aria-labelledby="by-council">
          <h2 id="by-council">{t("statistics.byCouncil")}</h2>
          <div className="table-scroll">
            <table className="data-table">
              <caption className="visually-hidden">{t("statistics.byCouncil")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("statistics.council")}</th>
                  {stats.sections.flatMap((s) =>
                    s.town.figures.map((f) => (
                      <th key={`${s.id}-${f.key}`} scope="col">
                        {t(`statistics.figures.${f.key}`)}
                      </th>
                    )),
                  )}
                </tr>
              </thead>
              <tbody>
                {stats.councils.map((c) => (
                  <tr key={c.id}>
                    <th scope="row">
                      <Link to={`/statistics?council=${c.slug}`}>{c.name}</Link>
                    </th>
                    {stats.sections.flatMap((s) => {
                      const row = s.councils.find((x) => x.councilId === c.id)!;
                      return row.figures.map((f) => (
                        <td key={`${s.id}-${f.key}`}>
                          {row.suppressed ? (
                            <span>
                              <abbr title={t("statistics.suppressedShort", { min: stats.minPeople })}>{t("statistics.hiddenCell")}</abbr>
                            </span>
                          ) : (
                            formatValue(f.value, f.unit, locale)
                          )}
                        </td>
                      ));
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="small muted">{t("statistics.suppressedNote", { min: stats.minPeople })}</p>
        </section>
      ) : null}

      <p>
        <a href="/open-data/statistics.csv" className="btn">
          <Icon name="download" /> {t("statistics.csv")}
        </a>{" "}
        <a href="/open-data/statistics.json" className="btn">
          <Icon name="download" /> {t("statistics.json")}
        </a>
      </p>
    </div>
  );
}
