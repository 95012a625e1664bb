/**
 * Sign up: display name, email, password (checked for strength). Works without JavaScript.
 * The answer never says whether the address already has an account: both lead to "check
 * your email", and the verification link starts the session.
 */
import { getFormProps, getInputProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useSchemaForm } from "~/components/forms";
import { Field, FormErrors } from "~/components/ui/field";
import { NAME_MAX, PASSWORD_MIN, SignUpSchema } from "~/domain/accounts/schemas";
import { getActor } from "~/domain/accounts/session.server";
import { signUp } from "~/domain/accounts/users.server";
import { getFixedT, getLocale } from "~/i18next.server";
import { clientAddress, safeRedirect } from "~/utils/http.server";
import { handleFormAsync } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getActor(request)) throw redirect("/account");
  const t = await getFixedT(request);
  // Empty unless the visitor came from a page they want to return to.
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "");
  return { title: t("signup.title"), redirectTo };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const locale = await getLocale(request);
  return handleFormAsync(
    formData,
    SignUpSchema,
    async (v) => {
      // The same answer whether or not the address already has an account.
      await signUp(v, { address: clientAddress(context), locale });
      return redirect("/check-email?reason=signup");
    },
    ["password"],
  );
}

export default function SignupRoute() {
  const { t } = useTranslation();
  const { redirectTo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(SignUpSchema, { id: "signup", lastResult });
  return (
    <div className="wrap page narrow">
      <h1>{t("signup.title")}</h1>
      <p className="lead">{t("signup.intro")}</p>
      <Form method="post" className="card form-card" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label={t("fields.displayName")}
          hint={t("signup.displayNameHint", { max: NAME_MAX })}
          errors={fields.displayName.errors}
          errorParams={{ max: NAME_MAX }}
          autoComplete="name"
          {...getInputProps(fields.displayName, { type: "text", ariaAttributes: false })}
          id={fields.displayName.id}
        />
        <Field
          label={t("fields.email")}
          errors={fields.email.errors}
          autoComplete="email"
          {...getInputProps(fields.email, { type: "email", ariaAttributes: false })}
          id={fields.email.id}
        />
        <Field
          label={t("fields.password")}
          hint={t("signup.passwordHint", { min: PASSWORD_MIN })}
          errors={fields.password.errors}
          errorParams={{ min: PASSWORD_MIN }}
          autoComplete="new-password"
          {...getInputProps(fields.password, { type: "password", ariaAttributes: false })}
          id={fields.password.id}
        />
        <button type="submit" className="btn btn-primary">
          {t("signup.submit")}
        </button>
      </Form>
      <p>
        {t("signup.haveAccount")} <Link to={redirectTo ? `/login?redirectTo=${encodeURIComponent(redirectTo)}` : "/login"}>{t("nav.login")}</Link>
      </p>
    </div>
  );
}
