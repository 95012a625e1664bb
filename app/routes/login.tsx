/** Log in. One generic error for any failure; slowed down after repeated failures. */
import { getFormProps, getInputProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useSchemaForm } from "~/components/forms";
import { Field, FormErrors } from "~/components/ui/field";
import { LogInSchema } from "~/domain/accounts/schemas";
import { getActor, startSession } from "~/domain/accounts/session.server";
import { logIn } from "~/domain/accounts/users.server";
import { demoLogin } from "~/domain/town/town.server";
import { getFixedT } from "~/i18next.server";
import { clientAddress, safeRedirect } from "~/utils/http.server";
import { cleanReply, replyWithError } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirect(new URL(request.url).searchParams.get("redirectTo"), "/");
  if (await getActor(request)) throw redirect(redirectTo);
  const t = await getFixedT(request);
  return { title: t("login.title"), redirectTo, demo: demoLogin() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: LogInSchema });
  if (submission.status !== "success") {
    return data(cleanReply(submission.reply({ hideFields: ["password"] })), { status: 400 });
  }
  try {
    const userId = await logIn(submission.value, clientAddress(context));
    const cookie = await startSession(userId, { userAgent: request.headers.get("User-Agent") ?? "", address: clientAddress(context) });
    return redirect(safeRedirect(submission.value.redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
  } catch (e) {
    return replyWithError(submission, e, ["password"]);
  }
}

export default function LoginRoute() {
  const { t } = useTranslation();
  const { redirectTo, demo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(LogInSchema, { id: "login", lastResult });
  return (
    <div className="wrap page narrow">
      <h1>{t("login.title")}</h1>
      <Form method="post" className="card form-card" {...getFormProps(form)}>
        <FormErrors errors={form.errors} />
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <Field
          label={t("fields.email")}
          errors={fields.email.errors}
          autoComplete="username"
          {...getInputProps(fields.email, { type: "email", ariaAttributes: false })}
          id={fields.email.id}
        />
        <Field
          label={t("fields.password")}
          errors={fields.password.errors}
          autoComplete="current-password"
          {...getInputProps(fields.password, { type: "password", ariaAttributes: false })}
          id={fields.password.id}
        />
        <button type="submit" className="btn btn-primary">
          {t("login.submit")}
        </button>
      </Form>
      <p>
        <Link to="/forgot-password">{t("login.forgot")}</Link>
      </p>
      <p>
        {t("login.noAccount")} <Link to={`/signup?redirectTo=${encodeURIComponent(redirectTo)}`}>{t("signup.title")}</Link>
      </p>
      {demo ? (
        <section className="card demo-accounts" aria-labelledby="demo-title">
          <h2 id="demo-title">{t("login.demoTitle")}</h2>
          <p>{t("login.demoIntro", { password: demo.password })}</p>
          <p>
            {t("login.demoPassword")} <code>{demo.password}</code>
          </p>
          <table>
            <caption className="visually-hidden">{t("login.demoTitle")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("login.demoRole")}</th>
                <th scope="col">{t("fields.displayName")}</th>
                <th scope="col">{t("fields.email")}</th>
              </tr>
            </thead>
            <tbody>
              {demo.accounts.map((a) => (
                <tr key={a.key}>
                  <td>{t(`roles.${a.key}`)}</td>
                  <td>{a.displayName}</td>
                  <td>
                    <code>{a.email}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  );
}
