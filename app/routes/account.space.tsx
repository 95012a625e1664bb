/**
 * My space: my ideas (status, and the answer deadline or when it came), my supports, my
 * comments, what I follow (with "stop following"), and sections other capabilities add
 * (the votes and budgets I took part in, from the ballot box: MY_SPACE_SECTIONS).
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { useLocale } from "~/components/hooks";
import { mySpace } from "~/domain/accounts/my-space.server";
import { unfollowSubject } from "~/domain/notifications/follows.server";
import { FollowSchema } from "~/domain/notifications/schemas";
import { getFixedT } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const t = await getFixedT(request);
  return { title: t("space.title"), space: mySpace(actor.userId), now: new Date().toISOString() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const v = FollowSchema.safeParse(Object.fromEntries(await request.formData()));
  if (!v.success) throw new Response("Bad Request", { status: 400 });
  unfollowSubject(actor, v.data);
  return redirect("/account/space#following");
}

const DAY = 86_400_000;

export default function SpaceRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { space, now } = useLoaderData<typeof loader>();
  const deadline = (i: (typeof space.ideas)[number]) => {
    if (i.answeredAt) return t("space.answeredOn", { date: formatDateLong(i.answeredAt, locale) });
    const days = Math.ceil((Date.parse(i.dueAt) - Date.parse(now)) / DAY);
    return days >= 0 ? t("space.daysLeft", { count: days, date: formatDateLong(i.dueAt, locale) }) : t("space.daysOverdue", { count: -days, date: formatDateLong(i.dueAt, locale) });
  };
  return (
    <div className="wrap page">
      <h1>{t("space.title")}</h1>
      <AccountNav />
      <div className="space-grid">
        <section className="card" aria-labelledby="my-ideas">
          <h2 id="my-ideas">{t("space.ideas")}</h2>
          {space.ideas.length === 0 ? (
            <p className="empty">
              {t("space.noIdeas")} <Link to="/ideas/new">{t("space.proposeIdea")}</Link>
            </p>
          ) : (
            <ul className="plain stack">
              {space.ideas.map((i) => (
                <li key={i.id} className="space-item">
                  <Link to={`/ideas/${i.id}`}>{i.title}</Link>
                  <p className="small">
                    <span className="badge badge-neutral">{t(`ideas.statuses.${i.status}`)}</span> {i.councilName ?? t("scope.town")} · {deadline(i)}
                    {i.hiddenAt ? ` · ${t("space.hidden")}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="my-supports">
          <h2 id="my-supports">{t("space.supports")}</h2>
          {space.supports.length === 0 ? (
            <p className="empty">{t("space.noSupports")}</p>
          ) : (
            <ul className="plain stack">
              {space.supports.map((s) => (
                <li key={s.id} className="space-item">
                  <Link to={`/ideas/${s.id}`}>{s.title}</Link>
                  <p className="small">
                    <span className="badge badge-neutral">{t(`ideas.statuses.${s.status}`)}</span> {t("space.supportedOn", { date: formatDateLong(s.at, locale) })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="my-comments">
          <h2 id="my-comments">{t("space.comments")}</h2>
          {space.comments.length === 0 ? (
            <p className="empty">{t("space.noComments")}</p>
          ) : (
            <ul className="plain stack">
              {space.comments.map((c) => (
                <li key={c.id} className="space-item">
                  <Link to={`/ideas/${c.ideaId}#comment-${c.id}`}>{c.ideaTitle}</Link>
                  <p className="small">
                    {t(`idea.stances.${c.stance}`)} · {formatDateLong(c.at, locale)}
                    {c.hiddenAt ? ` · ${t("space.hidden")}` : ""}
                  </p>
                  <p className="small muted">« {c.body.length > 140 ? `${c.body.slice(0, 139)}…` : c.body} »</p>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="following">
          <h2 id="following">{t("space.following")}</h2>
          {space.following.length === 0 ? (
            <p className="empty">{t("space.noFollowing")}</p>
          ) : (
            space.following.map((g) => (
              <div key={g.kind}>
                <h3 className="h3">{t(`space.followKinds.${g.kind}`)}</h3>
                <ul className="plain stack">
                  {g.items.map((f) => (
                    <li key={f.id} className="space-item row-between">
                      {f.href ? <Link to={f.href}>{f.title}</Link> : <span>{t("space.numbered", { id: f.id })}</span>}
                      <Form method="post">
                        <input type="hidden" name="kind" value={g.kind} />
                        <input type="hidden" name="id" value={f.id} />
                        <button type="submit" className="btn btn-small" aria-label={t("space.unfollowNamed", { name: f.title ?? `#${f.id}` })}>
                          {t("space.unfollow")}
                        </button>
                      </Form>
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </section>
        {space.extra.map((s) => (
          <section key={s.id} className="card" aria-labelledby={`extra-${s.id}`}>
            <h2 id={`extra-${s.id}`}>{t(s.titleKey)}</h2>
            {s.items.length === 0 ? (
              <p className="empty">{t(s.emptyKey)}</p>
            ) : (
              <ul className="plain stack">
                {s.items.map((i) => (
                  <li key={i.href} className="space-item">
                    <Link to={i.href}>{i.label}</Link>
                    {i.note ? <p className="small muted">{t(i.note.key, { ...i.note.values, date: i.note.date ? formatDateLong(i.note.date, locale) : undefined })}</p> : null}
                  </li>
                ))}
              </ul>
            )}
            {s.id === "participations" ? (
              <p className="small">
                {t("space.receiptsHint")} <Link to="/receipts">{t("space.receiptsLink")}</Link>
              </p>
            ) : null}
          </section>
        ))}
      </div>
    </div>
  );
}
