/** Home: what this platform is for, the town's councils, and where to start. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilCard } from "~/components/council-card";
import { Icon } from "~/components/ui/icon";
import { listCouncils } from "~/domain/councils/councils.server";
import { recentDecisions } from "~/domain/decisions/decisions.server";
import { decisionListItems } from "~/domain/decisions/views.server";
import { DecisionItem } from "~/components/decision-item";
import { IdeaCard } from "~/components/idea/idea-card";
import { listIdeas } from "~/domain/ideas/ideas.server";
import { ideaSummary } from "~/domain/ideas/views.server";
import { getTown } from "~/domain/town/town.server";
import { turnout } from "~/domain/ballot-box/boxes.server";
import { listVotes } from "~/domain/votes/votes.server";
import { VoteItem } from "~/components/vote/vote-item";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  return {
    title: t("home.title"),
    townName: getTown().name,
    councils: listCouncils(),
    ideas: listIdeas({ sort: "supported", pageSize: 3, status: undefined }).rows.filter((r) => r.status !== "merged").map((r) => ideaSummary(r)),
    decisions: decisionListItems(recentDecisions(3)),
    votes: listVotes("open", { limit: 3 }).map((v) => ({ ...v, state: "open" as const, turnout: turnout(v.boxId).total })),
  };
}

export default function HomeRoute() {
  const { t } = useTranslation();
  const { townName, councils, decisions, ideas, votes } = useLoaderData<typeof loader>();
  const deleted = useSearchParams()[0].get("deleted");
  const steps = ["propose", "discuss", "arbitrate", "explain"] as const;
  return (
    <>
      {deleted ? (
        <div className="wrap">
          <div className="notice notice-success" role="status">
            <Icon name="check" /> <p>{t("home.accountDeleted")}</p>
          </div>
        </div>
      ) : null}
      <section className="hero">
        <div className="wrap">
          <p className="eyebrow">{t("home.eyebrow", { town: townName })}</p>
          <h1>{t("home.heading")}</h1>
          <p className="lead">{t("home.lead")}</p>
          <p className="hero-actions">
            <Link to="/ideas/new" className="btn btn-primary">
              <Icon name="bulb" /> {t("ideas.propose")}
            </Link>
            <Link to="/councils" className="btn">
              <Icon name="map" /> {t("home.findCouncil")}
            </Link>
            <Link to="/rules" className="btn">
              <Icon name="book" /> {t("home.readRules")}
            </Link>
          </p>
        </div>
      </section>
      <section className="wrap section" aria-labelledby="how-title">
        <h2 id="how-title">{t("home.howTitle")}</h2>
        <ol className="steps">
          {steps.map((s, i) => (
            <li key={s} className="step">
              <span className="step-number" aria-hidden="true">{i + 1}</span>
              <h3>{t(`home.steps.${s}.title`)}</h3>
              <p>{t(`home.steps.${s}.body`)}</p>
            </li>
          ))}
        </ol>
      </section>
      {votes.length ? (
        <section className="wrap section" aria-labelledby="votes-title">
          <div className="section-head">
            <h2 id="votes-title">{t("home.votesTitle")}</h2>
            <Link to="/votes">{t("home.allVotes")}</Link>
          </div>
          <ul className="card-grid">
            {votes.map((v) => (
              <li key={v.id}>
                <VoteItem v={v} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {ideas.length ? (
        <section className="wrap section" aria-labelledby="ideas-title">
          <div className="section-head">
            <h2 id="ideas-title">{t("home.ideasTitle")}</h2>
            <span>
              <Link to="/ideas">{t("home.allIdeas")}</Link> · <Link to="/ideas/new">{t("ideas.propose")}</Link>
            </span>
          </div>
          <ul className="card-grid">
            {ideas.map((i) => (
              <li key={i.id}>
                <IdeaCard idea={i} headingLevel={3} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {decisions.length ? (
        <section className="wrap section" aria-labelledby="decisions-title">
          <div className="section-head">
            <h2 id="decisions-title">{t("home.decisionsTitle")}</h2>
            <Link to="/decisions">{t("home.allDecisions")}</Link>
          </div>
          <ul className="card-grid">
            {decisions.map((d) => (
              <li key={d.seq}>
                <DecisionItem d={d} headingLevel={3} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="wrap section" aria-labelledby="stats-title">
        <div className="section-head">
          <h2 id="stats-title">{t("home.statsTitle")}</h2>
          <Link to="/statistics">{t("home.allStats")}</Link>
        </div>
        <p>{t("home.statsLead")}</p>
      </section>
      <section className="wrap section" aria-labelledby="councils-title">
        <div className="section-head">
          <h2 id="councils-title">{t("home.councilsTitle")}</h2>
          <Link to="/councils">{t("home.allCouncils")}</Link>
        </div>
        <ul className="card-grid">
          {councils.map((c) => (
            <li key={c.id}>
              <CouncilCard council={c} />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
