/** Admin: the town's name and accent colour (checked for contrast). */
import { getFormProps, getInputProps, getTextareaProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useSchemaForm } from "~/components/forms";
import { Field, FormErrors, TextareaField } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { TownSchema } from "~/domain/town/schemas";
import { getTown, updateTown } from "~/domain/town/town.server";
import { getFixedT } from "~/i18next.server";
import { requirePermission } from "~/utils/http.server";
import { handleForm } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "town.edit");
  const t = await getFixedT(request);
  const town = getTown();
  return { title: t("admin.town.title"), defaults: { name: town.name, accentColor: town.accentColor, deskInfo: town.deskInfo } };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "town.edit");
  return handleForm(await request.formData(), TownSchema, (v) => {
    updateTown(actor, v);
    return redirect("/admin/town?saved=1");
  });
}

export default function AdminTownRoute() {
  const { t } = useTranslation();
  const { defaults } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useSchemaForm(TownSchema, { id: "town", lastResult, defaultValue: defaults });
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/admin">{t("admin.title")}</Link></li>
          <li aria-current="page">{t("admin.town.title")}</li>
        </ol>
      </nav>
      <h1>{t("admin.town.title")}</h1>
      {params.get("saved") ? <div className="notice notice-success" role="status"><Icon name="check" /><p>{t("admin.town.saved")}</p></div> : null}
      <Form method="post" className="card form-card" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field label={t("admin.town.name")} errors={fields.name.errors} {...getInputProps(fields.name, { type: "text", ariaAttributes: false })} id={fields.name.id} />
        <Field label={t("admin.town.accent")} hint={t("admin.town.accentHint")} errors={fields.accentColor.errors} {...getInputProps(fields.accentColor, { type: "text", ariaAttributes: false })} id={fields.accentColor.id} />
        <TextareaField label={t("admin.town.deskInfo")} hint={t("admin.town.deskInfoHint")} rows={4} errors={fields.deskInfo.errors} {...getTextareaProps(fields.deskInfo, { ariaAttributes: false })} id={fields.deskInfo.id} />
        <button type="submit" className="btn btn-primary">{t("form.save")}</button>
      </Form>
    </div>
  );
}
