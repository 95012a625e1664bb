/**
 * Development mail folder: when no SMTP server is configured (SMTP_URL unset), emails are
 * written to MAIL_DIR instead of being sent; this page lists them for the administrator.
 */
import fs from "node:fs";
import path from "node:path";
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { simpleParser } from "mailparser";
import { useTranslation } from "react-i18next";
import { useLocale } from "~/components/hooks";
import { mailDir } from "~/domain/notifications/transports.server";
import { getFixedT } from "~/i18next.server";
import { formatDateTime } from "~/lib/format";
import { requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "mail.view");
  const t = await getFixedT(request);
  const dir = mailDir();
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")) : [];
  const newest = files
    .map((f) => ({ f, at: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
    .slice(0, 50);
  const mails = await Promise.all(
    newest.map(async ({ f, at }) => {
      const m = await simpleParser(fs.readFileSync(path.join(dir, f)));
      const to = Array.isArray(m.to) ? m.to.map((a) => a.text).join(", ") : (m.to?.text ?? "");
      return { file: f, at: new Date(at).toISOString(), to, subject: m.subject ?? "", text: m.text ?? "" };
    }),
  );
  return { title: t("adminMail.title"), smtp: !!process.env.SMTP_URL, dir, total: files.length, mails };
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
