/**
 * Development mail folder: when no SMTP server is configured (SMTP_URL unset), emails are
 * written to MAIL_DIR instead of being sent; this page lists them for the administrator.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/hooks";
import { listDevMail } from "~/domain/notifications/dev-mail.server";
import { getFixedT } from "~/i18next.server";
import { formatDateTime } from "~/lib/format";
import { requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "mail.view");
  const t = await getFixedT(request);
  return { title: t("adminMail.title"), ...(await listDevMail()) };
}

export default function AdminMailRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { smtp, dir, total, mails } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page narrow">
      <h1>{t("adminMail.title")}</h1>
      <p className="lead">{smtp ? t("adminMail.smtp") : t("adminMail.folder", { dir, count: total })}</p>
      {mails.length === 0 ? (
        <p className="empty">{t("adminMail.none")}</p>
      ) : (
        <ol className="plain stack">
          {mails.map((m) => (
            <li key={m.file} className="card">
              <p>
                <strong>{m.subject}</strong>
              </p>
              <p className="small muted">
                {t("adminMail.to", { to: m.to })} · {formatDateTime(m.at, locale)}
              </p>
              <details>
                <summary>{t("adminMail.read")}</summary>
                <pre className="mail-text">{m.text}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
