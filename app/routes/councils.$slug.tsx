/** One council: its territory, description and people; later capabilities add their sections. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icon";
import { can } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { councilMemberCount, councilPeople, getCouncilBySlug } from "~/domain/councils/councils.server";
import { renderMarkdown } from "~/lib/markdown";
import { recentDecisions } from "~/domain/decisions/decisions.server";
import { councilBudgets } from "~/domain/budgets/budgets.server";
import { CouncilBudgets } from "~/components/budget/council-budgets";
import { decisionListItems } from "~/domain/decisions/views.server";
import { DecisionItem } from "~/components/decision-item";
import { IdeaCard } from "~/components/idea/idea-card";
import { MeetingItem } from "~/components/meeting/meeting-item";
import { followCouncil, followsCouncil, listMeetings } from "~/domain/meetings/meetings.server";
import { boxState } from "~/domain/ballot-box/boxes.server";
import { listVotes } from "~/domain/votes/votes.server";
import { VoteItem } from "~/components/vote/vote-item";
import { Form } from "@remix-run/react";
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { getActor as actorOf } from "~/domain/accounts/session.server";
import { ideasAwaitingAgenda, listIdeas } from "~/domain/ideas/ideas.server";
import { ideaSummary } from "~/domain/ideas/views.server";
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
    upcoming: listMeetings({ councilId: council.id, when: "upcoming", limit: 3 }),
    past: listMeetings({ councilId: council.id, when: "past", limit: 3 }),
    following: actor ? followsCouncil(actor.userId, council.id) : false,
    canFollow: can(actor, "council.follow", { councilId: council.id }),
    canSchedule: can(actor, "meeting.manage", { councilId: council.id }),
    ideas: listIdeas({ councilId: council.id, pageSize: 4 }).rows.map((r) => ideaSummary(r)),
    ideaCount: listIdeas({ councilId: council.id, pageSize: 1 }).total,
    awaitingAgenda: ideasAwaitingAgenda(council.id),
    decisions: decisionListItems(recentDecisions(5, council.id)),
    budgets: councilBudgets(council.id).map((b) => ({ id: b.id, title: b.title, phase: b.phase, amount: b.amount, funded: b.funded.map((p) => ({ id: p.id, title: p.title, cost: p.cost, status: p.status, progress: p.progress })) })),
    votes: [...listVotes("open", { councilId: council.id, limit: 5 }), ...listVotes("upcoming", { councilId: council.id, limit: 3 }), ...listVotes("closed", { councilId: council.id, limit: 3 })].map(
      (v) => ({ ...v, state: boxState(v) }),
    ),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const council = getCouncilBySlug(params.slug ?? "");
  if (!council) notFound();
  const actor = await actorOf(request);
  if (!actor) throw redirect(`/login?redirectTo=/councils/${council.slug}`);
  const intent = (await request.formData()).get("intent");
  followCouncil(actor, council.id, intent === "follow");
  return redirect(`/councils/${council.slug}#follow`);
}

export default function CouncilRoute() {
  const { t } = useTranslation();
  const { council, people, members, canEdit, decisions, ideas, ideaCount, awaitingAgenda, upcoming, past, following, canFollow, canSchedule, votes, budgets } = useLoaderData<typeof loader>();
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
          <section aria-labelledby="council-meetings-title" className="section">
            <div className="section-head">
              <h2 id="council-meetings-title">{t("councils.meetings")}</h2>
              <span>
                <Link to={`/meetings?council=${council.slug}`}>{t("councils.allMeetings")}</Link>
                {" · "}
                <a href={`/councils/${council.slug}/meetings.ics`}><Icon name="calendar" size={16} /> {t("meetings.subscribe")}</a>
                {canSchedule ? <> · <Link to={`/meetings/new?council=${council.slug}`}>{t("meetings.schedule")}</Link></> : null}
              </span>
            </div>
            {past.some((m) => m.minutesOverdue) ? (
              <div className="notice notice-error" role="note">
                <Icon name="clock" />
                <p>{t("councils.minutesOverdue", { count: past.filter((m) => m.minutesOverdue).length })}</p>
              </div>
            ) : null}
            <h3>{t("meetings.upcoming")}</h3>
            {upcoming.length ? (
              <ul className="card-grid compact">{upcoming.map((m) => <li key={m.id}><MeetingItem m={m} showCouncil={false} headingLevel={3} /></li>)}</ul>
            ) : (
              <p className="empty">{t("meetings.noUpcoming")}</p>
            )}
            <h3>{t("meetings.past")}</h3>
            {past.length ? (
              <ul className="card-grid compact">{past.map((m) => <li key={m.id}><MeetingItem m={m} showCouncil={false} headingLevel={3} /></li>)}</ul>
            ) : (
              <p className="empty">{t("meetings.noPast")}</p>
            )}
          </section>
          <section aria-labelledby="council-votes-title" className="section">
            <div className="section-head">
              <h2 id="council-votes-title">{t("councils.votes")}</h2>
              <Link to={`/votes?council=${council.slug}`}>{t("councils.allVotes")}</Link>
            </div>
            {votes.length ? (
              <ul className="card-grid compact">
                {votes.map((v) => (
                  <li key={v.id}>
                    <VoteItem v={v} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="empty">{t("councils.noVotes")}</p>
            )}
          </section>
          <section aria-labelledby="council-ideas-title" className="section">
            <div className="section-head">
              <h2 id="council-ideas-title">{t("councils.ideas")}</h2>
              <span>
                <Link to={`/ideas?council=${council.slug}`}>{t("councils.allIdeas", { count: ideaCount })}</Link>
                {" · "}
                <Link to={`/ideas/new?council=${council.slug}`}>{t("ideas.propose")}</Link>
              </span>
            </div>
            {awaitingAgenda.length ? (
              <div className="notice notice-info" role="note">
                <Icon name="calendar" />
                <div>
                  <p>{t("councils.awaitingAgenda", { count: awaitingAgenda.length })}</p>
                  <ul>
                    {awaitingAgenda.map((i) => (
                      <li key={i.id}><Link to={`/ideas/${i.id}`}>{i.title}</Link> ({t("ideas.supportCount", { count: i.supportCount, n: i.supportCount })})</li>
                    ))}
                  </ul>
                </div>
              </div>
            ) : null}
            {ideas.length === 0 ? (
              <p className="empty">{t("councils.noIdeas")}</p>
            ) : (
              <ul className="card-grid compact">
                {ideas.map((i) => (
                  <li key={i.id}><IdeaCard idea={i} headingLevel={3} /></li>
                ))}
              </ul>
            )}
          </section>
          <CouncilBudgets budgets={budgets} />
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
          {canFollow ? (
            <section id="follow" className="card">
              <Form method="post">
                <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
                <button type="submit" className={following ? "btn wide" : "btn btn-primary wide"}>
                  <Icon name="feed" /> {following ? t("councils.unfollow") : t("councils.follow")}
                </button>
              </Form>
              <p className="small muted">{t("councils.followHint")}</p>
            </section>
          ) : null}
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
