/**
 * The link of the verification email. Opening it shows one button (a mail scanner fetching
 * the link changes nothing); pressing it proves the address and logs in.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FormErrors } from "~/components/ui/field";
import { startSession } from "~/domain/accounts/session.server";
import { peekToken } from "~/domain/accounts/tokens.server";
import { verifyEmail } from "~/domain/accounts/users.server";
import { getFixedT } from "~/i18next.server";
import { userError } from "~/utils/forms.server";
import { clientAddress } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { queryText } from "~/lib/fields";

export const meta = titleMeta;

/** The URL carries a secret (the link's token or key): never stored by a cache (page-cache.server.ts SECRET_PARAMS). The referrer policy stays same-origin: with no-referrer, Chromium sends "Origin: null" on the page's own form post, which the origin check refuses. */
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  return { title: t("verifyEmail.title"), token: queryText(token, 100), valid: !!peekToken(token, "verifyEmail") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  try {
    const userId = verifyEmail(String(form.get("token") ?? ""));
    const cookie = await startSession(userId, { userAgent: request.headers.get("User-Agent") ?? "", address: clientAddress(context) });
    return redirect("/account?verified=1", { headers: { "Set-Cookie": cookie } });
  } catch (e) {
    return { error: userError(e).message };
  }
}

export default function VerifyEmailRoute() {
  const { t } = useTranslation();
  const { token, valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="wrap page narrow">
      <h1>{t("verifyEmail.title")}</h1>
      {result?.error ? <FormErrors errors={[result.error]} /> : null}
      {valid && !result ? (
        <Form method="post" className="card form-card">
          <p>{t("verifyEmail.intro")}</p>
          <input type="hidden" name="token" value={token} />
          <button type="submit" className="btn btn-primary">
            {t("verifyEmail.submit")}
          </button>
        </Form>
      ) : (
        <>
          {!result ? <FormErrors errors={["errors.tokenInvalid"]} /> : null}
          <p>{t("verifyEmail.again")}</p>
          <p>
            <Link to="/login" className="btn">
              {t("nav.login")}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
