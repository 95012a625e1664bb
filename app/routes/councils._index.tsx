/** The town's neighbourhood councils. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CouncilCard } from "~/components/council-card";
import { listCouncils } from "~/domain/councils/councils.server";
import { getFixedT } from "~/i18next.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getFixedT(request);
  return { title: t("councils.title"), councils: listCouncils() };
}

export default function CouncilsRoute() {
  const { t } = useTranslation();
  const { councils } = useLoaderData<typeof loader>();
  return (
    <div className="wrap page">
      <h1>{t("councils.title")}</h1>
      <p className="lead">{t("councils.intro", { count: councils.length })}</p>
      {councils.length === 0 ? (
        <p className="empty">{t("councils.none")}</p>
      ) : (
        <ul className="card-grid">
          {councils.map((c) => (
            <li key={c.id}>
              <CouncilCard council={c} headingLevel={2} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
