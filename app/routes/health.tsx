/** `/health`: 200 with the checks when the service can answer, 503 otherwise; never cached. */
import { healthCheck } from "~/domain/health.server";

export async function loader() {
  let body: ReturnType<typeof healthCheck> | { status: "error"; error: string };
  try {
    body = healthCheck();
  } catch {
    body = { status: "error", error: "database" };
  }
  return new Response(JSON.stringify(body), {
    status: body.status === "ok" ? 200 : 503,
    headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" },
  });
}
