/**
 * The health check behind `/health`: the database answers, its migrations are applied, and
 * the outbox is not stuck. Cheap (three indexed reads), for a load balancer or a monitor.
 */
import { sql } from "drizzle-orm";
import { db } from "#db/client.server";

export function healthCheck() {
  const started = performance.now();
  const ok = db.get<{ one: number }>(sql`SELECT 1 AS one`)?.one === 1;
  const migrations = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM __drizzle_migrations`)?.n ?? 0;
  const stuck = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM outbox_messages WHERE status = 'sending' AND lease_until < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-1 hour')`)?.n ?? 0;
  return { status: ok ? "ok" : "error", database: ok ? "ok" : "error", migrations, outboxStuck: stuck, ms: Math.round((performance.now() - started) * 10) / 10 };
}
