/** iCalendar feed of one council's meetings. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { meetingsCalendar } from "~/domain/meetings/ical.server";
import { getTown } from "~/domain/town/town.server";
import { getLocale } from "~/i18next.server";
import { notFound } from "~/utils/http.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const c = getCouncilBySlug(params.slug ?? "");
  if (!c) notFound();
  const body = meetingsCalendar({ townName: getTown().name, locale: await getLocale(request), council: { id: c.id, name: c.name, slug: c.slug } });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": `inline; filename="${c.slug}.ics"`, "Cache-Control": "public, max-age=300" } });
}
