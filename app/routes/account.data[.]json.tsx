/** Everything stored about me, as a JSON download (GDPR art. 15 and 20). */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { exportPersonalData } from "~/domain/accounts/personal-data.server";
import { requireActor } from "~/utils/http.server";
import { utcToLocal } from "~/lib/time";

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  const data = exportPersonalData(actor);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="mes-donnees-${utcToLocal(data.exportedAt).slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
