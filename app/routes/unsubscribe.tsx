/**
 * Unsubscribe from emails without logging in. The link in every notification email
 * (List-Unsubscribe, RFC 8058) carries the person's key. A mail provider POSTs
 * "List-Unsubscribe=One-Click" to it (allowed from any origin: request-guard.server.ts);
 * a person who opens the link sees a page with one button, so that a link preview or a
 * scanner fetching the page changes nothing.
 */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icon";
import { unsubscribe } from "~/domain/notifications/preferences.server";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";
import { queryText } from "~/lib/fields";

export const meta = titleMeta;

/** The URL carries a secret (the link's token or key): never stored by a cache (page-cache.server.ts SECRET_PARAMS). The referrer policy stays same-origin: with no-referrer, Chromium sends "Origin: null" on the page's own form post, which the origin check refuses. */
export const headers = () => ({ "Cache-Control": "private, no-store" });

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const key = new URL(request.url).searchParams.get("key") ?? "";
  return { title: t("unsubscribe.title"), key: queryText(key, 100) };
}

export async function action({ request }: ActionFunctionArgs) {
  const url = new URL(request.url);
  const form = await request.formData();
  const key = String(url.searchParams.get("key") ?? form.get("key") ?? "");
  return { done: unsubscribe(key) };
}

export default function UnsubscribeRoute() {
  const { t } = useTranslation();
  const { key } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <div className="wrap page narrow">
      <h1>{t("unsubscribe.title")}</h1>
      {result?.done ? (
        <div className="notice notice-success" role="status">
          <Icon name="check" /> <p>{t("unsubscribe.done")}</p>
        </div>
      ) : result ? (
        <div className="notice notice-error" role="alert">
          <p>{t("unsubscribe.unknown")}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t("unsubscribe.intro")}</p>
          <Form method="post" className="inline-form">
            <input type="hidden" name="key" value={key} />
            <button type="submit" className="btn btn-primary">
              {t("unsubscribe.submit")}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/account/preferences">{t("unsubscribe.preferences")}</Link>
      </p>
    </div>
  );
}
