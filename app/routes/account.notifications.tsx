/**
 * My notifications: what happened to the ideas I wrote or follow. Reading the page changes
 * nothing (a link from another site must not change state); "mark all as read" is a POST.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { useLocale } from "~/components/hooks";
import { renderNotification } from "~/domain/notifications/kinds";
import { listNotifications, markAllRead } from "~/domain/notifications/notifications.server";
import { getFixedT } from "~/i18next.server";
import { formatDateTime } from "~/lib/format";
import { requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = (await requirePermission(request, "notifications.view"))!;
  const list = listNotifications(actor.userId);
  const t = await getFixedT(request);
  return { title: t("notifications.title"), list };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = (await requirePermission(request, "notifications.view"))!;
  markAllRead(actor.userId);
  return redirect("/account/notifications");
}

export default function NotificationsRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { list } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page narrow">
      <h1>{t("notifications.title")}</h1>
      <AccountNav />
      <p className="lead">{t("notifications.intro")}</p>
      {list.some((n) => !n.readAt) ? (
        <Form method="post" className="inline-form">
          <button type="submit" className="btn">{t("notifications.markAllRead")}</button>
        </Form>
      ) : null}
      {list.length === 0 ? (
        <p className="empty">{t("notifications.none")}</p>
      ) : (
        <ol className="plain stack">
          {list.map((n) => (
            <li key={n.id} className={`card notification${n.readAt ? "" : " unread"}`}>
              {!n.readAt ? <span className="badge badge-info">{t("notifications.new")}</span> : null}
              <p>
                {n.hiddenIdea ? (
                  <>{renderNotification(n.kind, t("moderation.hiddenIdeaShort", { id: n.hiddenIdea.id }), locale).subject} </>
                ) : (
                  <>{renderNotification(n.kind, n.title, locale).subject} </>
                )}
                <Link to={n.link}>{t("notifications.see")}</Link>
              </p>
              <p className="small muted">{formatDateTime(n.createdAt, locale)}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
