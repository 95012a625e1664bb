/** Downloads one dataset of the open-data registry. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { findDataset } from "~/domain/opendata/registry.server";
import { getTown } from "~/domain/town/town.server";
import { getLocale } from "~/i18next.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const d = findDataset(params.file ?? "");
  if (!d) notFound();
  const body = d.produce({ locale: await getLocale(request), townName: getTown().name });
  return new Response(body, {
    headers: {
      "Content-Type": d.contentType,
      "Content-Disposition": `inline; filename="${d.file}"`,
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=60",
    },
  });
}
