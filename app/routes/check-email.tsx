/** "Check your email": the one answer of sign-up, forgotten password and change of email. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icon";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;
const REASONS = ["signup", "reset", "email"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  const r = new URL(request.url).searchParams.get("reason");
  const reason = REASONS.find((x) => x === r) ?? "signup";
  return { title: t("checkEmail.title"), reason };
}

export default function CheckEmailRoute() {
  const { t } = useTranslation();
  const { reason } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page narrow">
      <h1>{t("checkEmail.title")}</h1>
      <div className="notice notice-info" role="status">
        <Icon name="info" /> <p>{t(`checkEmail.${reason}`)}</p>
      </div>
      <p>{t("checkEmail.spam")}</p>
      <p>
        <Link to="/">{t("errorPage.home")}</Link>
      </p>
    </div>
  );
}
