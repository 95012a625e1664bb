/**
 * Security: change of password, change of email (confirmed by a link sent to the new
 * address), and where I am logged in, with "log out everywhere else". Either change ends
 * the sessions elsewhere.
 */
import { getInputProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountNav } from "~/components/account-nav";
import { IntentForm, useIntentForm, type IntentResult } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { Field } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { ChangeEmailSchema, ChangePasswordSchema, PASSWORD_MIN } from "~/domain/accounts/schemas";
import { currentSessionId, endSessionByRef, endSessionsOf, listSessions } from "~/domain/accounts/session.server";
import { changePassword, requestEmailChange } from "~/domain/accounts/users.server";
import { getFixedT } from "~/i18next.server";
import { formatDateTime } from "~/lib/format";
import { handleIntentAsync, readIntent, runIntent } from "~/utils/forms.server";
import { clientAddress, requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const t = await getFixedT(request);
  return { title: t("security.title"), email: actor.email, sessions: listSessions(actor.userId, await currentSessionId(request)) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const formData = await request.formData();
  const { intent, target } = readIntent(formData);
  const current = await currentSessionId(request);
  switch (intent) {
    case "password":
      return handleIntentAsync(
        formData,
        ChangePasswordSchema,
        async (v) => {
          await changePassword(actor, v, { keepSession: current });
          return redirect("/account/security?done=password");
        },
        ["currentPassword", "newPassword"],
      );
    case "email":
      return handleIntentAsync(
        formData,
        ChangeEmailSchema,
        async (v) => {
          await requestEmailChange(actor, v, { address: clientAddress(context) });
          return redirect("/check-email?reason=email");
        },
        ["password"],
      );
    case "endOthers":
      return runIntent(formData, () => {
        endSessionsOf(actor.userId, current);
        return redirect("/account/security?done=endOthers");
      });
    case "end":
      return runIntent(formData, () => {
        endSessionByRef(actor.userId, target);
        return redirect("/account/security?done=end");
      });
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

/** "Firefox on Linux" from a User-Agent, without a parser library's database: the few families people recognise. */
function browserOf(ua: string) {
  const browser = /Edg\//.test(ua) ? "Edge" : /Firefox\//.test(ua) ? "Firefox" : /Chrom(e|ium)\//.test(ua) ? "Chromium / Chrome" : /Safari\//.test(ua) ? "Safari" : null;
  const os = /Android/.test(ua) ? "Android" : /iPhone|iPad/.test(ua) ? "iOS" : /Windows/.test(ua) ? "Windows" : /Mac OS X/.test(ua) ? "macOS" : /Linux/.test(ua) ? "Linux" : null;
  return [browser, os].filter(Boolean).join(" · ");
}

export default function SecurityRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { email, sessions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as IntentResult;
  const [params] = useSearchParams();
  const done = params.get("done");
  const [pw, pwFields] = useIntentForm("password:", ChangePasswordSchema, result);
  const [em, emFields] = useIntentForm("email:", ChangeEmailSchema, result);
  return (
    <div className="wrap page narrow">
      <h1>{t("security.title")}</h1>
      <AccountNav />
      {done && ["password", "endOthers", "end"].includes(done) ? (
        <div className="notice notice-success" role="status">
          <Icon name="check" /> <p>{t(`security.done.${done}`)}</p>
        </div>
      ) : null}

      <section className="card" aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t("security.sessions")}</h2>
        <p className="small muted">{t("security.sessionsIntro")}</p>
        <ul className="plain stack">
          {sessions.map((s) => (
            <li key={s.ref} className="session-row">
              <div>
                <strong>{browserOf(s.userAgent) || t("security.unknownBrowser")}</strong>
                {s.current ? <span className="badge badge-info">{t("security.thisDevice")}</span> : null}
                <p className="small muted">
                  {t("security.since", { date: s.createdAt ? formatDateTime(s.createdAt, locale) : "—" })}
                  {s.address ? ` · ${t("security.address", { address: s.address })}` : ""}
                </p>
              </div>
              {!s.current ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="end" />
                  <input type="hidden" name="target" value={s.ref} />
                  <button type="submit" className="btn btn-small">
                    {t("security.end")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {sessions.length > 1 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="endOthers" />
            <input type="hidden" name="target" value="" />
            <button type="submit" className="btn">
              <Icon name="logout" /> {t("security.endOthers")}
            </button>
          </Form>
        ) : null}
      </section>

      <section className="card" aria-labelledby="password-title">
        <h2 id="password-title">{t("security.passwordTitle")}</h2>
        <IntentForm form={pw} intent="password" target="">
          <Field label={t("security.currentPassword")} errors={pwFields.currentPassword.errors} autoComplete="current-password" {...getInputProps(pwFields.currentPassword, { type: "password", ariaAttributes: false })} id={pwFields.currentPassword.id} />
          <Field
            label={t("security.newPassword")}
            hint={t("signup.passwordHint", { min: PASSWORD_MIN })}
            errors={pwFields.newPassword.errors}
            errorParams={{ min: PASSWORD_MIN }}
            autoComplete="new-password"
            {...getInputProps(pwFields.newPassword, { type: "password", ariaAttributes: false })}
            id={pwFields.newPassword.id}
          />
          <button type="submit" className="btn btn-primary">
            {t("security.passwordSubmit")}
          </button>
        </IntentForm>
      </section>

      <section className="card" aria-labelledby="email-title">
        <h2 id="email-title">{t("security.emailTitle")}</h2>
        <p className="small muted">{t("security.emailIntro", { email })}</p>
        <IntentForm form={em} intent="email" target="">
          <Field label={t("security.newEmail")} errors={emFields.newEmail.errors} autoComplete="email" {...getInputProps(emFields.newEmail, { type: "email", ariaAttributes: false })} id={emFields.newEmail.id} />
          <Field label={t("security.currentPassword")} errors={emFields.password.errors} autoComplete="current-password" {...getInputProps(emFields.password, { type: "password", ariaAttributes: false })} id={emFields.password.id} />
          <button type="submit" className="btn btn-primary">
            {t("security.emailSubmit")}
          </button>
        </IntentForm>
      </section>
    </div>
  );
}
