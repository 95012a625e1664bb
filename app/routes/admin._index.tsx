/** Administration home. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icon";
import { getFixedT } from "~/i18next.server";
import { requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "admin.view");
  const t = await getFixedT(request);
  return { title: t("admin.title") };
}

export default function AdminRoute() {
  const { t } = useTranslation();
  return (
    <div className="wrap page">
      <h1>{t("admin.title")}</h1>
      <ul className="card-grid">
        <li>
          <article className="card">
            <h2 className="h3">
              <Link to="/admin/mail" className="card-link">
                <Icon name="message" /> {t("adminMail.title")}
              </Link>
            </h2>
            <p>{t("adminMail.summary")}</p>
          </article>
        </li>
        <li>
          <article className="card">
            <h2 className="h3">
              <Link to="/admin/roles" className="card-link">
                <Icon name="shield" /> {t("admin.roles.title")}
              </Link>
            </h2>
            <p>{t("admin.roles.summary")}</p>
          </article>
        </li>
        <li>
          <article className="card">
            <h2 className="h3">
              <Link to="/admin/councils" className="card-link">
                <Icon name="map" /> {t("admin.councils.title")}
              </Link>
            </h2>
            <p>{t("admin.councils.summary")}</p>
          </article>
        </li>
        <li>
          <article className="card">
            <h2 className="h3">
              <Link to="/admin/census" className="card-link">
                <Icon name="users" /> {t("census.title")}
              </Link>
            </h2>
            <p>{t("census.summary")}</p>
          </article>
        </li>
        <li>
          <article className="card">
            <h2 className="h3">
              <Link to="/admin/town" className="card-link">
                <Icon name="home" /> {t("admin.town.title")}
              </Link>
            </h2>
            <p>{t("admin.town.summary")}</p>
          </article>
        </li>
      </ul>
    </div>
  );
}
