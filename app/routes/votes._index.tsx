/** Proposal votes: open now (with live turnout), upcoming, and past with their results. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelect } from "~/components/filter-select";
import { Icon } from "~/components/ui/icon";
import { VoteItem, type VoteSummary } from "~/components/vote/vote-item";
import { canSomewhere } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { boxState, turnout } from "~/domain/ballot-box/boxes.server";
import { getCouncilBySlug, listCouncils } from "~/domain/councils/councils.server";
import { listVotes } from "~/domain/votes/votes.server";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const slug = (new URL(request.url).searchParams.get("council") ?? "").slice(0, 80);
  const council = slug ? getCouncilBySlug(slug) : null;
  const councilId = council?.id ?? (slug ? -1 : undefined);
  const now = new Date();
  const t = await getFixedT(request);
  const summary = (withTurnout: boolean) => (v: ReturnType<typeof listVotes>[number]): VoteSummary => ({
    ...v,
    state: boxState(v, now),
    ...(withTurnout ? { turnout: turnout(v.boxId).total, turnoutAsOf: now.toISOString() } : {}),
  });
  return {
    title: t("votes.title"),
    council: council ? { slug: council.slug, name: council.name } : null,
    councils: listCouncils().map((c) => ({ slug: c.slug, name: c.name })),
    open: listVotes("open", { councilId, now }).map(summary(true)),
    upcoming: listVotes("upcoming", { councilId, now }).map(summary(false)),
    past: listVotes("closed", { councilId, now, limit: 30 }).map(summary(false)),
    canCreate: canSomewhere(await getActor(request), "vote.create"),
  };
}

export default function VotesRoute() {
  const { t } = useTranslation();
  const { open, upcoming, past, councils, council, canCreate } = useLoaderData<typeof loader>();
  const list = (items: VoteSummary[], empty: string) =>
    items.length ? (
      <ul className="card-grid">
        {items.map((v) => (
          <li key={v.id}>
            <VoteItem v={v} />
          </li>
        ))}
      </ul>
    ) : (
      <p className="empty">{empty}</p>
    );
  return (
    <div className="wrap page">
      <div className="page-head">
        <div>
          <p className="eyebrow">{t("votes.eyebrow")}</p>
          <h1>{council ? t("votes.titleIn", { council: council.name }) : t("votes.title")}</h1>
        </div>
        {canCreate ? (
          <Link to="/votes/new" className="btn btn-primary">
            <Icon name="plus" /> {t("votes.create")}
          </Link>
        ) : null}
      </div>
      <p className="lead">{t("votes.intro")}</p>
      <Form method="get" className="inline-form">
        <FilterSelect id="v-council" name="council" label={t("filters.council")} value={council?.slug} options={councils.map((c) => ({ value: c.slug, label: c.name }))} />
        <button type="submit" className="btn">{t("filters.apply")}</button>
      </Form>
      <section aria-labelledby="open-title" className="section">
        <h2 id="open-title">{t("votes.openNow")}</h2>
        {list(open, t("votes.noneOpen"))}
      </section>
      <section aria-labelledby="upcoming-title" className="section">
        <h2 id="upcoming-title">{t("votes.upcoming")}</h2>
        {list(upcoming, t("votes.noneUpcoming"))}
      </section>
      <section aria-labelledby="past-title" className="section">
        <h2 id="past-title">{t("votes.past")}</h2>
        {list(past, t("votes.nonePast"))}
      </section>
      <p>
        <Link to="/receipts">
          <Icon name="search" /> {t("votes.checkReceipt")}
        </Link>
      </p>
    </div>
  );
}
