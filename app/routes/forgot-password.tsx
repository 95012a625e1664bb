/** "Forgotten password": asks for the address; the same answer whether or not it has an account. */
import { getFormProps, getInputProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useSchemaForm } from "~/components/forms";
import { Field, FormErrors } from "~/components/ui/field";
import { ForgotPasswordSchema } from "~/domain/accounts/schemas";
import { requestPasswordReset } from "~/domain/accounts/users.server";
import { getFixedT } from "~/i18next.server";
import { handleFormAsync } from "~/utils/forms.server";
import { clientAddress } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  return { title: t("forgot.title") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleFormAsync(await request.formData(), ForgotPasswordSchema, async (v) => {
    await requestPasswordReset(v.email, { address: clientAddress(context) });
    return redirect("/check-email?reason=reset");
  });
}

export default function ForgotPasswordRoute() {
  const { t } = useTranslation();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ForgotPasswordSchema, { id: "forgot", lastResult });
  return (
    <div className="wrap page narrow">
      <h1>{t("forgot.title")}</h1>
      <p className="lead">{t("forgot.intro")}</p>
      <Form method="post" className="card form-card" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <Field label={t("fields.email")} errors={fields.email.errors} autoComplete="email" {...getInputProps(fields.email, { type: "email", ariaAttributes: false })} id={fields.email.id} />
        <button type="submit" className="btn btn-primary">
          {t("forgot.submit")}
        </button>
      </Form>
      <p>
        <Link to="/login">{t("nav.login")}</Link>
      </p>
    </div>
  );
}
