/** Atom feed of one council's register entries. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { decisionsAtom } from "~/domain/decisions/opendata.server";
import { getTown } from "~/domain/town/town.server";
import { getLocale } from "~/i18next.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const council = getCouncilBySlug(params.slug ?? "");
  if (!council) notFound();
  const xml = decisionsAtom({
    locale: await getLocale(request),
    townName: getTown().name,
    council: { id: council.id, name: council.name, slug: council.slug },
  });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
