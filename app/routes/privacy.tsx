/** Privacy: what is stored, why, for how long, and what stays after an account is deleted (text in app/locales). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { StaticPage } from "~/components/static-page";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  return { title: t("pages.privacy.title") };
}

export default function PrivacyRoute() {
  return <StaticPage pageKey="privacy" />;
}
