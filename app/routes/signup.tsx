/** Sign up: display name, email, password. Works without JavaScript. */
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useSchemaForm } from "~/components/forms";
import { Field, FormErrors } from "~/components/ui/field";
import { NAME_MAX, PASSWORD_MIN, SignUpSchema } from "~/domain/accounts/schemas";
import { getActor, startSession } from "~/domain/accounts/session.server";
import { signUp } from "~/domain/accounts/users.server";
import { getFixedT } from "~/i18next.server";
import { safeRedirect } from "~/utils/http.server";
import { replyWithError } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  if (await getActor(request)) throw redirect("/account");
  const t = await getFixedT(request);
  // Empty unless the visitor came from a page they want to return to.
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "");
  return { title: t("signup.title"), redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: SignUpSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  try {
    const { userId } = await signUp(submission.value);
    const cookie = await startSession(userId);
    return redirect(safeRedirect(formData.get("redirectTo"), "/account?welcome=1"), {
      headers: { "Set-Cookie": cookie },
    });
  } catch (e) {
    return replyWithError(submission, e, ["password"]);
  }
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
