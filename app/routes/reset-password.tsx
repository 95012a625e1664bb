/** The link of the reset email: a new password (checked for strength); every session ends, a new one starts here. */
import { getFormProps, getInputProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useSchemaForm } from "~/components/forms";
import { Field, FormErrors } from "~/components/ui/field";
import { PASSWORD_MIN, ResetPasswordSchema } from "~/domain/accounts/schemas";
import { startSession } from "~/domain/accounts/session.server";
import { peekToken } from "~/domain/accounts/tokens.server";
import { resetPassword } from "~/domain/accounts/users.server";
import { getFixedT } from "~/i18next.server";
import { handleFormAsync } from "~/utils/forms.server";
import { clientAddress } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { queryText } from "~/lib/fields";

export const meta = titleMeta;

/** The URL carries a secret (the link's token or key): never stored by a cache (page-cache.server.ts SECRET_PARAMS). The referrer policy stays same-origin: with no-referrer, Chromium sends "Origin: null" on the page's own form post, which the origin check refuses. */
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { title: t("reset.title"), token: queryText(token, 100), valid: !!peekToken(token, "resetPassword") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  return handleFormAsync(
    await request.formData(),
    ResetPasswordSchema,
    async (v) => {
      const userId = await resetPassword(v);
      const cookie = await startSession(userId, { userAgent: request.headers.get("User-Agent") ?? "", address: clientAddress(context) });
      return redirect("/account?reset=1", { headers: { "Set-Cookie": cookie } });
    },
    ["password"],
  );
}

export default function ResetPasswordRoute() {
  const { t } = useTranslation();
  const { token, valid } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(ResetPasswordSchema, { id: "reset", lastResult, defaultValue: { token } });
  if (!valid && !lastResult) {
    return (
      <div className="wrap page narrow">
        <h1>{t("reset.title")}</h1>
        <FormErrors errors={["errors.tokenInvalid"]} />
        <p>
          <Link to="/forgot-password" className="btn">
            {t("forgot.title")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <div className="wrap page narrow">
      <h1>{t("reset.title")}</h1>
      <Form method="post" className="card form-card" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="token" value={token} />
        <Field
          label={t("reset.password")}
          hint={t("signup.passwordHint", { min: PASSWORD_MIN })}
          errors={fields.password.errors}
          errorParams={{ min: PASSWORD_MIN }}
          autoComplete="new-password"
          {...getInputProps(fields.password, { type: "password", ariaAttributes: false })}
          id={fields.password.id}
        />
        <button type="submit" className="btn btn-primary">
          {t("reset.submit")}
        </button>
      </Form>
    </div>
  );
}
