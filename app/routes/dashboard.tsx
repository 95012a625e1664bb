/**
 * The dashboard of officials and facilitators: what waits for them in their councils,
 * oldest first — ideas awaiting an answer (days left or overdue), minutes overdue, reports
 * awaiting moderation, letters to print. Sections come from DASHBOARD_SECTIONS.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/hooks";
import { Icon } from "~/components/ui/icon";
import { canSomewhere } from "~/domain/accounts/policy";
import { dashboard } from "~/domain/stats/dashboard.server";
import { getFixedT } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!canSomewhere(actor, "dashboard.view")) throw new Response("Forbidden", { status: 403 });
  const t = await getFixedT(request);
  const scopes = actor.assignments.filter((a) => a.role === "facilitator" || a.role === "official");
  return { title: t("dashboard.title"), data: dashboard(actor), townWide: scopes.some((a) => a.councilId === null) };
}

export default function DashboardRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { data, townWide } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <p className="eyebrow">{townWide ? t("dashboard.scopeTown") : t("dashboard.scopeCouncils")}</p>
      <h1>{t("dashboard.title")}</h1>
      <p className="lead">{t("dashboard.lead")}</p>
      <ul className="plain dash-summary">
        {data.sections.map((s) => (
          <li key={s.id}>
            <a href={`#dash-${s.id}`} className={`dash-count${s.total ? " has-items" : ""}`}>
              <span className="dash-number">{s.total}</span> <span>{t(s.titleKey)}</span>
            </a>
          </li>
        ))}
      </ul>
      <div className="dash-grid">
        {data.sections.map((s) => (
          <section key={s.id} id={`dash-${s.id}`} className="card" aria-labelledby={`dash-${s.id}-title`}>
            <h2 id={`dash-${s.id}-title`} className="h3">
              {t(s.titleKey)} <span className="badge badge-neutral">{s.total}</span>
            </h2>
            {s.total === 0 ? (
              <p className="empty">
                <Icon name="check" /> {t(`dashboard.empty.${s.id}`)}
              </p>
            ) : s.id === "lettersToPrint" ? (
              <p>
                {t("dashboard.letters", { count: s.total, date: formatDateLong(s.items[0]!.since, locale) })}{" "}
                <Link to="/letters" className="btn btn-small">
                  <Icon name="print" /> {t("dashboard.printLetters")}
                </Link>
              </p>
            ) : (
              <ol className="plain dash-list">
                {s.items.map((i) => (
                  <li key={i.key}>
                    <Link to={i.href}>{i.label}</Link>
                    {i.note ? <p className="small">{t(i.note.key, i.note.values)}</p> : null}
                    <p className="small">
                      {i.councilName ?? t("scope.town")}
                      {" · "}
                      {i.days === null ? (
                        t("dashboard.since", { date: formatDateLong(i.since, locale) })
                      ) : i.days < 0 ? (
                        <strong className="overdue">
                          <Icon name="alert" /> {t("dashboard.overdue", { count: -i.days })}
                        </strong>
                      ) : (
                        <span>
                          <Icon name="clock" /> {t("dashboard.daysLeft", { count: i.days })}
                        </span>
                      )}
                    </p>
                  </li>
                ))}
                {s.total > s.items.length ? <li className="small muted">{t("dashboard.more", { count: s.total - s.items.length })}</li> : null}
              </ol>
            )}
          </section>
        ))}
      </div>
      <p>
        <Link to="/statistics">{t("dashboard.statsLink")}</Link>
      </p>
    </div>
  );
}
