/** Admin: edit a council. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilForm } from "~/components/council-form";
import { getCouncilBySlug, updateCouncil } from "~/domain/councils/councils.server";
import { CouncilSchema } from "~/domain/councils/schemas";
import { getFixedT } from "~/i18next.server";
import { notFound, requirePermission } from "~/utils/http.server";
import { handleForm } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const council = getCouncilBySlug(params.slug ?? "");
  if (!council) notFound();
  await requirePermission(request, "council.edit", { councilId: council.id });
  const t = await getFixedT(request);
  return { title: t("admin.councils.editTitle", { name: council.name }), council };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const council = getCouncilBySlug(params.slug ?? "");
  if (!council) notFound();
  const actor = await requirePermission(request, "council.edit", { councilId: council.id });
  return handleForm(await request.formData(), CouncilSchema, (v) => {
    const updated = updateCouncil(actor, council.id, v);
    return redirect(`/councils/${updated.slug}`);
  });
}

export default function AdminCouncilRoute() {
  const { t } = useTranslation();
  const { council } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/admin">{t("admin.title")}</Link></li>
          <li><Link to="/admin/councils">{t("admin.councils.title")}</Link></li>
          <li aria-current="page">{council.name}</li>
        </ol>
      </nav>
      <h1>{t("admin.councils.editTitle", { name: council.name })}</h1>
      <CouncilForm
        lastResult={lastResult}
        defaultValue={{ name: council.name, slug: council.slug, description: council.description, territory: council.territory }}
        submitLabel={t("form.save")}
      />
    </div>
  );
}
