/** The link sent to a new address: one button confirms it; the account's other sessions end. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/ui/field";
import { currentSessionId, getActor } from "~/domain/accounts/session.server";
import { peekToken } from "~/domain/accounts/tokens.server";
import { confirmEmailChange } from "~/domain/accounts/users.server";
import { getFixedT } from "~/i18next.server";
import { userError } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";
import { queryText } from "~/lib/fields";

export const meta = titleMeta;

/** The URL carries a secret (the link's token or key): never stored by a cache (page-cache.server.ts SECRET_PARAMS). The referrer policy stays same-origin: with no-referrer, Chromium sends "Origin: null" on the page's own form post, which the origin check refuses. */
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const live = peekToken(token, "changeEmail");
  return { title: t("confirmEmail.title"), token: queryText(token, 100), newEmail: live?.newEmail ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const actor = await getActor(request);
  const current = await currentSessionId(request);
  try {
    const { userId } = confirmEmailChange(String(form.get("token") ?? ""), { keepSession: current });
    return redirect(actor?.userId === userId ? "/account?emailChanged=1" : "/login?redirectTo=%2Faccount%3FemailChanged%3D1");
  } catch (e) {
    return { error: userError(e).message };
  }
}

export default function ConfirmEmailRoute() {
  const { t } = useTranslation();
  const { token, newEmail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="wrap page narrow">
      <h1>{t("confirmEmail.title")}</h1>
      {result?.error ? <FormErrors errors={[result.error]} /> : null}
      {newEmail && !result ? (
        <Form method="post" className="card form-card">
          <p>{t("confirmEmail.intro", { email: newEmail })}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="btn btn-primary">
            {t("confirmEmail.submit")}
          </button>
        </Form>
      ) : !result ? (
        <FormErrors errors={["errors.tokenInvalid"]} />
      ) : null}
      <p>
        <Link to="/account/security">{t("security.title")}</Link>
      </p>
    </div>
  );
}
