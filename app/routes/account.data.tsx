/**
 * My data (GDPR): download everything stored about me as JSON, and delete my account
 * (public contributions stay, anonymised; see /privacy).
 */
import { getFormProps, getInputProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { useSchemaForm } from "~/components/forms";
import { ErrorList, Field, FormErrors } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { deleteAccount } from "~/domain/accounts/personal-data.server";
import { DeleteAccountSchema } from "~/domain/accounts/schemas";
import { endSession } from "~/domain/accounts/session.server";
import { getFixedT } from "~/i18next.server";
import { handleFormAsync } from "~/utils/forms.server";
import { requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request);
  const t = await getFixedT(request);
  return { title: t("myData.title") };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  return handleFormAsync(
    await request.formData(),
    DeleteAccountSchema,
    async (v) => {
      await deleteAccount(actor, v);
      return redirect("/?deleted=1", { headers: { "Set-Cookie": await endSession(request) } });
    },
    ["password"],
  );
}

export default function MyDataRoute() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(DeleteAccountSchema, { id: "delete", lastResult });
  return (
    <div className="wrap page narrow">
      <h1>{t("myData.title")}</h1>
      <AccountNav />
      <section className="card" aria-labelledby="export-title">
        <h2 id="export-title">{t("myData.exportTitle")}</h2>
        <p>{t("myData.exportIntro")}</p>
        <p>
          <a href="/account/data.json" className="btn" download>
            <Icon name="download" /> {t("myData.exportButton")}
          </a>
        </p>
      </section>
      <section className="card danger-card" aria-labelledby="delete-title">
        <h2 id="delete-title">{t("myData.deleteTitle")}</h2>
        <p>{t("myData.deleteIntro")}</p>
        <ul>
          <li>{t("myData.deleteErased")}</li>
          <li>{t("myData.deleteKept")}</li>
          <li>{t("myData.deleteVotes")}</li>
        </ul>
        <p>
          <Link to="/privacy">{t("myData.privacyLink")}</Link>
        </p>
        <Form method="post" className="stack-form" {...getFormProps(form)}>
          <FormErrors errors={form.errors} />
          <Field label={t("security.currentPassword")} errors={fields.password.errors} autoComplete="current-password" {...getInputProps(fields.password, { type: "password", ariaAttributes: false })} id={fields.password.id} />
          <div className="field checkbox">
            <input {...getInputProps(fields.confirm, { type: "checkbox", ariaAttributes: false })} id={fields.confirm.id} aria-describedby={`${fields.confirm.id}-error`} />
            <label htmlFor={fields.confirm.id}>{t("myData.confirm")}</label>
            <ErrorList id={`${fields.confirm.id}-error`} errors={fields.confirm.errors} />
          </div>
          <button type="submit" className="btn btn-danger">
            <Icon name="trash" /> {t("myData.deleteButton")}
          </button>
        </Form>
      </section>
    </div>
  );
}
