/** Admin: the councils, and creating a new one. */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilForm } from "~/components/council-form";
import { createCouncil, listCouncils } from "~/domain/councils/councils.server";
import { CouncilSchema } from "~/domain/councils/schemas";
import { getFixedT } from "~/i18next.server";
import { requirePermission } from "~/utils/http.server";
import { handleCreate } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "council.create");
  const t = await getFixedT(request);
  return { title: t("admin.councils.title"), councils: listCouncils() };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "council.create");
  return handleCreate(await request.formData(), CouncilSchema, actor, (v) => createCouncil(actor, v), (council) => `/councils/${council.slug}`);
}

export default function AdminCouncilsRoute() {
  const { t } = useTranslation();
  const { councils } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/admin">{t("admin.title")}</Link></li>
          <li aria-current="page">{t("admin.councils.title")}</li>
        </ol>
      </nav>
      <h1>{t("admin.councils.title")}</h1>
      <div className="two-col">
        <section aria-labelledby="list-title">
          <h2 id="list-title">{t("admin.councils.list")}</h2>
          <ul className="link-list">
            {councils.map((c) => (
              <li key={c.id}>
                <Link to={`/admin/councils/${c.slug}`}>{c.name}</Link> <span className="muted small">/{c.slug}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="new-title">
          <h2 id="new-title">{t("admin.councils.new")}</h2>
          <CouncilForm lastResult={lastResult} submitLabel={t("admin.councils.create")} />
        </section>
      </div>
    </div>
  );
}
