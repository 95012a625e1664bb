/** Atom feed of the register, town-wide. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { decisionsAtom } from "~/domain/decisions/opendata.server";
import { getTown } from "~/domain/town/town.server";
import { getLocale } from "~/i18next.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const xml = decisionsAtom({ locale: await getLocale(request), townName: getTown().name });
  return new Response(xml, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
