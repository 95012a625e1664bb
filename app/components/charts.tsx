/**
 * Monthly charts as SVG rendered on the server (no script needed), with d3-scale for the
 * axes and bands and d3-shape for lines. Each chart carries a text alternative (<title> and
 * <desc>, read by screen readers) and its numbers as a table.
 */
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import { useTranslation } from "react-i18next";
import { formatNumber, formatPercent, intlLocale, type Locale } from "~/lib/format";

export type ChartUnit = "count" | "percent" | "days" | "cents";
export interface ChartSeries {
  label: string;
  kind: "bars" | "line";
  values: (number | null)[];
}

const W = 640;
const H = 240;
const M = { top: 16, right: 12, bottom: 40, left: 64 };

export function formatValue(v: number | null, unit: ChartUnit, locale: Locale) {
  if (v === null) return "—";
  if (unit === "percent") return formatPercent(v, locale);
  if (unit === "days") return formatNumber(v, locale, { maximumFractionDigits: 1 });
  if (unit === "cents") return formatNumber(v / 100, locale, { style: "currency", currency: "EUR", maximumFractionDigits: 0 });
  return formatNumber(v, locale);
}

export function monthLabel(m: string, locale: Locale, style: "short" | "long" = "short") {
  const d = new Date(`${m}-15T12:00:00Z`);
  return new Intl.DateTimeFormat(intlLocale(locale), { month: style, year: style === "long" ? "numeric" : "2-digit", timeZone: "UTC" }).format(d);
}

export function MonthlyChart({ id, title, months, series, unit, locale }: { id: string; title: string; months: string[]; series: ChartSeries[]; unit: ChartUnit; locale: Locale }) {
  const { t } = useTranslation();
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = unit === "percent" ? 1 : Math.max(1, ...all);
  const x = scaleBand<string>().domain(months).range([M.left, W - M.right]).paddingInner(0.25).paddingOuter(0.1);
  const y = scaleLinear().domain([0, max]).nice(4).range([H - M.bottom, M.top]);
  const bars = series.filter((s) => s.kind === "bars");
  const inner = scaleBand<number>()
    .domain(bars.map((_, i) => i))
    .range([0, x.bandwidth()])
    .paddingInner(0.1);
  const ticks = unit === "percent" ? [0, 0.25, 0.5, 0.75, 1] : y.ticks(4).filter((v) => Number.isInteger(v));
  const path = line<number | null>()
    .defined((v) => v !== null)
    .x((_, i) => (x(months[i]!) ?? 0) + x.bandwidth() / 2)
    .y((v) => y(v ?? 0));
  const totals = series.map((s) => {
    const vals = s.values.filter((v): v is number => v !== null);
    const best = vals.length ? s.values.indexOf(Math.max(...vals)) : -1;
    return t(unit === "count" ? "statistics.chartSummaryTotal" : "statistics.chartSummaryAverage", {
      series: s.label,
      from: monthLabel(months[0]!, locale, "long"),
      to: monthLabel(months[months.length - 1]!, locale, "long"),
      total: unit === "count" ? formatValue(vals.reduce((a, b) => a + b, 0), unit, locale) : formatValue(vals.length ? vals.reduce((a, b) => a + b, 0) / vals.length : null, unit, locale),
      best: best >= 0 ? `${monthLabel(months[best]!, locale, "long")} (${formatValue(s.values[best]!, unit, locale)})` : "—",
    });
  });
  const barClass = (i: number) => `chart-bar chart-bar-${i}`;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{totals.join(" ")}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" className="chart-hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="6" className="chart-hatch-line" />
          </pattern>
        </defs>
        {ticks.map((v) => (
          <g key={v} className="chart-grid">
            <line x1={M.left} x2={W - M.right} y1={y(v)} y2={y(v)} />
            <text x={M.left - 6} y={y(v)} dy="0.32em" textAnchor="end">
              {formatValue(v, unit, locale)}
            </text>
          </g>
        ))}
        {bars.map((s, i) =>
          s.values.map((v, j) =>
            v === null || v === 0 ? null : (
              <rect
                key={`${i}-${j}`}
                className={barClass(i)}
                x={(x(months[j]!) ?? 0) + (inner(i) ?? 0)}
                y={y(v)}
                width={inner.bandwidth()}
                height={Math.max(0, y(0) - y(v))}
                fill={i === 1 ? `url(#${id}-hatch)` : undefined}
              />
            ),
          ),
        )}
        {series
          .filter((s) => s.kind === "line")
          .map((s) => (
            <g key={s.label}>
              <path className="chart-line" d={path(s.values) ?? ""} />
              {s.values.map((v, j) => (v === null ? null : <circle key={j} className="chart-dot" cx={(x(months[j]!) ?? 0) + x.bandwidth() / 2} cy={y(v)} r={3.5} />))}
            </g>
          ))}
        <line className="chart-axis" x1={M.left} x2={W - M.right} y1={y(0)} y2={y(0)} />
        {months.map((m, j) =>
          j % 2 === (months.length - 1) % 2 ? (
            <text key={m} className="chart-month" x={(x(m) ?? 0) + x.bandwidth() / 2} y={H - M.bottom + 24} textAnchor="middle">
              {monthLabel(m, locale)}
            </text>
          ) : null,
        )}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s, i) => (
            <li key={s.label}>
              <span className={`chart-key ${s.kind === "line" ? "chart-key-line" : barClass(i)}`} aria-hidden="true" style={i === 1 && s.kind === "bars" ? { background: "repeating-linear-gradient(45deg, var(--accent) 0 2px, #fff 2px 5px)" } : undefined} />
              {s.label}
            </li>
          ))}
        </ul>
        <details className="chart-numbers">
          <summary>{t("statistics.seeNumbers", { title })}</summary>
          <div className="table-scroll">
            <table>
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("statistics.month")}</th>
                  {series.map((s) => (
                    <th key={s.label} scope="col">
                      {s.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {months.map((m, j) => (
                  <tr key={m}>
                    <th scope="row">{monthLabel(m, locale, "long")}</th>
                    {series.map((s) => (
                      <td key={s.label}>{formatValue(s.values[j] ?? null, unit, locale)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
