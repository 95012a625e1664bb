/**
 * Pieces of the budget pages: the phase badge and timeline, money, the project status and
 * progress, and the server-rendered SVG chart of approvals and costs (with its text
 * alternative: a caption and the table that follows it on the page). Presentational only:
 * every number arrives formatted or as plain numbers from the loaders.
 */
import { useTranslation } from "react-i18next";
import type { BudgetPhase, ProjectStatus } from "#db/enums";
import { BUDGET_PHASES } from "#db/enums";
import { intlLocale, type Locale } from "~/lib/format";
import { Icon, type IconName } from "../ui/icon";

const PHASE_ICON: Record<BudgetPhase, IconName> = {
  draft: "edit",
  collection: "bulb",
  review: "search",
  vote: "vote",
  results: "chart",
  implementation: "clock",
  closed: "check",
};

export function PhaseBadge({ phase }: { phase: BudgetPhase }) {
  const { t } = useTranslation();
  const tone = phase === "vote" ? "success" : phase === "closed" ? "neutral" : "info";
  return (
    <span className={`badge badge-${tone}`}>
      <Icon name={PHASE_ICON[phase]} size={16} />
      {t(`budgets.phases.${phase}`)}
    </span>
  );
}

/** The seven phases in order, the current one marked (by words and an icon, not colour alone). */
export function PhaseTimeline({ phase, dates }: { phase: BudgetPhase; dates: Partial<Record<BudgetPhase, string>> }) {
  const { t } = useTranslation();
  const current = BUDGET_PHASES.indexOf(phase);
  return (
    <ol className="phase-timeline">
      {BUDGET_PHASES.map((p, i) => (
        <li key={p} className={i < current ? "done" : i === current ? "current" : "todo"} aria-current={i === current ? "step" : undefined}>
          <span className="phase-dot" aria-hidden="true">
            {i < current ? <Icon name="check" size={14} /> : i + 1}
          </span>
          <span className="phase-name">{t(`budgets.phases.${p}`)}</span>
          {dates[p] ? <span className="phase-date">{dates[p]}</span> : null}
          {i === current ? <span className="visually-hidden"> ({t("budgets.currentPhase")})</span> : null}
        </li>
      ))}
    </ol>
  );
}

export function euros(n: number, locale: Locale, currency = "EUR") {
  return new Intl.NumberFormat(intlLocale(locale), { style: "currency", currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }).format(n);
}

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  const { t } = useTranslation();
  const look: Record<ProjectStatus, { icon: IconName; tone: string }> = {
    planned: { icon: "calendar", tone: "info" },
    in_progress: { icon: "clock", tone: "warning" },
    done: { icon: "check", tone: "success" },
    abandoned: { icon: "x", tone: "danger" },
  };
  return (
    <span className={`badge badge-${look[status].tone}`}>
      <Icon name={look[status].icon} size={16} />
      {t(`budgets.projectStatuses.${status}`)}
    </span>
  );
}

export function Progress({ value, label }: { value: number; label: string }) {
  return (
    <div className="progress">
      <div className="meter" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value} aria-label={label}>
        <span style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </div>
    </div>
  );
}

/** Money used against an envelope: one bar, with the numbers written beside it. */
export function MoneyBar({ used, total, label, text }: { used: number; total: number; label: string; text: string }) {
  const ratio = total > 0 ? Math.min(1, used / total) : 0;
  return (
    <div className="money-bar">
      <svg viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label={`${label} : ${text}`} focusable="false">
        <rect x="0" y="0" width="100" height="8" rx="2" className="money-bar-track" />
        <rect x="0" y="0" width={100 * ratio} height="8" rx="2" className="money-bar-fill" />
      </svg>
      <p className="small">{text}</p>
    </div>
  );
}

export interface ChartRow {
  title: string;
  approvals: number;
  cost: number;
  funded: boolean;
}

/**
 * Approvals and costs of every project of an envelope, as an SVG drawn on the server: one
 * row per project (most approved first), its name on a line, then a bar for its approvals and
 * one for its cost against the envelope. Funded projects carry a check mark and a solid bar,
 * the others a hatched one, so the difference never rests on colour alone. The same numbers
 * are in the table after the chart.
 */
export function ApprovalsCostChart({ id, rows, envelope, locale, currency = "EUR" }: { id: string; rows: ChartRow[]; envelope: number; locale: Locale; currency?: string }) {
  const { t } = useTranslation();
  const W = 420;
  const barMax = 300;
  const rowH = 74;
  const top = 58;
  const maxApprovals = Math.max(1, ...rows.map((r) => r.approvals));
  const H = top + rows.length * rowH + 8;
  const nf = new Intl.NumberFormat(intlLocale(locale));
  const cut = (s: string) => (s.length > 42 ? `${s.slice(0, 40).trimEnd()}…` : s);
  const funded = rows.filter((r) => r.funded).length;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="chart-svg" focusable="false">
        <title id={`${id}-title`}>{t("budgets.results.chartTitle")}</title>
        <desc id={`${id}-desc`}>{t("budgets.results.chartDesc", { count: rows.length, funded, envelope: euros(envelope, locale, currency) })}</desc>
        <defs>
          <pattern id={`${id}-hatch`} width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" className="chart-hatch-bg" />
            <line x1="0" y1="0" x2="0" y2="8" className="chart-hatch-line" strokeWidth="4" />
          </pattern>
        </defs>
        <g className="chart-legend" fontSize="15">
          <rect x="0" y="4" width="20" height="13" className="chart-approvals" />
          <text x="28" y="16">{t("budgets.results.legendApprovals")}</text>
          <rect x="0" y="26" width="20" height="13" className="chart-cost" />
          <text x="28" y="38">{t("budgets.results.legendCost", { envelope: euros(envelope, locale, currency) })}</text>
        </g>
        {rows.map((r, i) => {
          const y = top + i * rowH;
          const aw = (barMax * r.approvals) / maxApprovals;
          const cw = Math.min(barMax, (barMax * r.cost) / Math.max(1, envelope));
          return (
            <g key={i} transform={`translate(0 ${y})`}>
              <text x="0" y="16" fontSize="16" fontWeight="650" className="chart-label">
                {r.funded ? "✓ " : "✗ "}
                {cut(r.title)}
              </text>
              <rect x="0" y="24" width={Math.max(2, aw)} height="16" rx="3" className={r.funded ? "chart-approvals" : undefined} fill={r.funded ? undefined : `url(#${id}-hatch)`} />
              <text x={Math.max(2, aw) + 6} y="37" fontSize="14" className="chart-value">
                {t("budgets.results.votes", { count: r.approvals, n: nf.format(r.approvals) })}
              </text>
              <rect x="0" y="44" width={Math.max(2, cw)} height="16" rx="3" className={r.funded ? "chart-cost" : "chart-cost-out"} />
              <text x={Math.max(2, cw) + 6} y="57" fontSize="14" className="chart-value">
                {euros(r.cost, locale, currency)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="small muted">{t("budgets.results.chartCaption")}</figcaption>
    </figure>
  );
}
