/** iCalendar feed of every council's meetings. */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { meetingsCalendar } from "~/domain/meetings/ical.server";
import { getTown } from "~/domain/town/town.server";
import { getLocale } from "~/i18next.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const body = meetingsCalendar({ townName: getTown().name, locale: await getLocale(request) });
  return new Response(body, { headers: { "Content-Type": "text/calendar; charset=utf-8", "Content-Disposition": 'inline; filename="meetings.ics"', "Cache-Control": "public, max-age=300" } });
}
