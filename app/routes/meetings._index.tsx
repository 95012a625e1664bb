/** The town-wide calendar of council meetings: upcoming and past, by council. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/filter-select";
import { MeetingItem } from "~/components/meeting/meeting-item";
import { Icon } from "~/components/ui/icon";
import { canSomewhere } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { getCouncilBySlug, listCouncils } from "~/domain/councils/councils.server";
import { listMeetings } from "~/domain/meetings/meetings.server";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const slug = new URL(request.url).searchParams.get("council") ?? "";
  const council = slug ? getCouncilBySlug(slug) : null;
  const councilId = council?.id ?? (slug ? -1 : undefined);
  const t = await getFixedT(request);
  return {
    title: t("meetings.title"),
    council: council ? { slug: council.slug, name: council.name } : null,
    councils: listCouncils().map((c) => ({ slug: c.slug, name: c.name })),
    upcoming: listMeetings({ councilId, when: "upcoming" }),
    past: listMeetings({ councilId, when: "past", limit: 30 }),
    canSchedule: canSomewhere(await getActor(request), "meeting.manage"),
  };
}

export default function MeetingsRoute() {
  const { t } = useTranslation();
  const { upcoming, past, councils, council, canSchedule } = useLoaderData<typeof loader>();
  const ics = council ? `/councils/${council.slug}/meetings.ics` : "/meetings.ics";
  return (
    <div className="wrap page">
      <div className="page-head">
        <div>
          <p className="eyebrow">{t("meetings.eyebrow")}</p>
          <h1>{council ? t("meetings.titleIn", { council: council.name }) : t("meetings.title")}</h1>
        </div>
        {canSchedule ? (
          <Link to={`/meetings/new${council ? `?council=${council.slug}` : ""}`} className="btn btn-primary">
            <Icon name="plus" /> {t("meetings.schedule")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("meetings.intro")}</p>
      <div className="toolbar">
        <Form method="get" className="inline-form">
          <FilterSelect id="m-council" name="council" label={t("filters.council")} value={council?.slug} options={councils.map((c) => ({ value: c.slug, label: c.name }))} />
          <button type="submit" className="btn">{t("filters.apply")}</button>
        </Form>
        <a href={ics} className="btn-link"><Icon name="calendar" size={18} /> {t("meetings.subscribe")}</a>
      </div>
      <section aria-labelledby="upcoming-title" className="section">
        <h2 id="upcoming-title">{t("meetings.upcoming")}</h2>
        {upcoming.length ? (
          <ul className="card-grid">{upcoming.map((m) => <li key={m.id}><MeetingItem m={m} /></li>)}</ul>
        ) : (
          <p className="empty">{t("meetings.noUpcoming")}</p>
        )}
      </section>
      <section aria-labelledby="past-title" className="section">
        <h2 id="past-title">{t("meetings.past")}</h2>
        {past.length ? (
          <ul className="card-grid">{past.map((m) => <li key={m.id}><MeetingItem m={m} /></li>)}</ul>
        ) : (
          <p className="empty">{t("meetings.noPast")}</p>
        )}
      </section>
    </div>
  );
}
