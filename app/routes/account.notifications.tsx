/** My notifications: what happened to the ideas I wrote or follow. Viewing marks them read. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/hooks";
import { listNotifications, markRead } from "~/domain/notifications/notifications.server";
import { getFixedT } from "~/i18next.server";
import { formatDateTime } from "~/lib/format";
import { requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = (await requirePermission(request, "notifications.view"))!;
  const list = listNotifications(actor.userId);
  markRead(actor.userId, list.filter((n) => !n.readAt).map((n) => n.id));
  const t = await getFixedT(request);
  return { title: t("notifications.title"), list };
}

export default function NotificationsRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { list } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page narrow">
      <h1>{t("notifications.title")}</h1>
      <p className="lead">{t("notifications.intro")}</p>
      {list.length === 0 ? (
        <p className="empty">{t("notifications.none")}</p>
      ) : (
        <ol className="plain stack">
          {list.map((n) => (
            <li key={n.id} className={`card notification${n.readAt ? "" : " unread"}`}>
              {!n.readAt ? <span className="badge badge-info">{t("notifications.new")}</span> : null}
              <p>
                {t(`notifications.kinds.${n.kind}`, { title: n.idea ? (n.idea.title ?? t("moderation.hiddenIdeaShort", { id: n.idea.id })) : n.meetingTitle ?? "" })}{" "}
                <Link
                  to={
                    n.meetingId
                      ? `/meetings/${n.meetingId}${n.kind.startsWith("minutes") ? "#minutes" : ""}`
                      : n.commentId
                        ? `/ideas/${n.ideaId}#comment-${n.commentId}`
                        : n.decisionSeq
                          ? `/ideas/${n.ideaId}#answers`
                          : `/ideas/${n.ideaId}`
                  }
                >
                  {t("notifications.see")}
                </Link>
              </p>
              <p className="small muted">{formatDateTime(n.createdAt, locale)}</p>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
