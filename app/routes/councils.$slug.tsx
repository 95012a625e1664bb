/** One council: its territory, description and people; later capabilities add their sections. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icon";
import { can } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { councilMemberCount, councilPeople, getCouncilBySlug } from "~/domain/councils/councils.server";
import { markdownToText, renderMarkdown } from "~/lib/markdown";
import { recentDecisions } from "~/domain/decisions/decisions.server";
import { DecisionItem } from "~/components/decision-item";
import { notFound } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const council = getCouncilBySlug(params.slug ?? "");
  if (!council) notFound();
  const actor = await getActor(request);
  return {
    title: council.name,
    council: { ...council, descriptionHtml: renderMarkdown(council.description) },
    people: councilPeople(council.id),
    members: councilMemberCount(council.id),
    canEdit: can(actor, "council.edit", { councilId: council.id }),
    decisions: recentDecisions(5, council.id).map((r) => ({ ...r, summary: markdownToText(r.explanation).slice(0, 200) + "…" })),
  };
}

export default function CouncilRoute() {
  const { t } = useTranslation();
  const { council, people, members, canEdit, decisions } = useLoaderData<typeof loader>();
  const facilitators = people.filter((p) => p.role === "facilitator");
  const officials = people.filter((p) => p.role === "official");
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/councils">{t("councils.title")}</Link></li>
          <li aria-current="page">{council.name}</li>
        </ol>
      </nav>
      <div className="page-head">
        <div>
          <p className="eyebrow">{t("councils.eyebrow")}</p>
          <h1>{council.name}</h1>
        </div>
        {canEdit ? (
          <Link to={`/admin/councils/${council.slug}`} className="btn">
            <Icon name="edit" /> {t("councils.edit")}
          </Link>
        ) : null}
      </div>
      <div className="two-col">
        <div>
          <section className="prose" aria-labelledby="about-title">
            <h2 id="about-title">{t("councils.about")}</h2>
            <div dangerouslySetInnerHTML={{ __html: council.descriptionHtml }} />
          </section>
          <section aria-labelledby="council-decisions-title" className="section">
            <div className="section-head">
              <h2 id="council-decisions-title">{t("councils.decisions")}</h2>
              <span>
                <Link to={`/decisions?council=${council.slug}`}>{t("councils.allDecisions")}</Link>
                {" · "}
                <a href={`/councils/${council.slug}/decisions.atom`}>
                  <Icon name="feed" size={16} /> {t("decisions.feed")}
                </a>
              </span>
            </div>
            {decisions.length === 0 ? (
              <p className="empty">{t("councils.noDecisions")}</p>
            ) : (
              <ul className="plain stack">
                {decisions.map((d) => (
                  <li key={d.seq}>
                    <DecisionItem d={d} headingLevel={3} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="side">
          <section className="card" aria-labelledby="territory-title">
            <h2 id="territory-title" className="h3">
              <Icon name="map" /> {t("councils.territory")}
            </h2>
            <p>{council.territory || t("councils.noTerritory")}</p>
          </section>
          <section className="card" aria-labelledby="people-title">
            <h2 id="people-title" className="h3">
              <Icon name="users" /> {t("councils.people")}
            </h2>
            <dl className="facts">
              <div>
                <dt>{t("roles.facilitatorPlural", { count: facilitators.length })}</dt>
                <dd>{facilitators.length ? facilitators.map((p) => p.displayName).join(", ") : t("councils.nobody")}</dd>
              </div>
              <div>
                <dt>{t("roles.officialPlural", { count: officials.length })}</dt>
                <dd>{officials.length ? officials.map((p) => p.displayName).join(", ") : t("councils.townOfficials")}</dd>
              </div>
              <div>
                <dt>{t("councils.verifiedMembers")}</dt>
                <dd>{t("councils.memberCount", { count: members })}</dd>
              </div>
            </dl>
          </section>
        </aside>
      </div>
    </div>
  );
}
