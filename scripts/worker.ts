/**
 * The outbox worker as a process of its own (`npm run worker`): sends emails and SMS and
 * groups daily digests, for the database in DATABASE_PATH. Start the web server with
 * OUTBOX_WORKER=off to leave sending to this process alone (running both is safe too:
 * claims are atomic). Stops cleanly on SIGINT / SIGTERM, after the message in flight.
 */
import { closeDatabase, sqlite } from "#db/client.server";
import { startWorker } from "~/domain/notifications/worker.server";

sqlite(); // opens the database and applies pending migrations
const worker = startWorker({ log: (s) => console.log(new Date().toISOString(), s) });
console.log(`Outbox worker running (every ${Number(process.env.OUTBOX_INTERVAL_MS || 5000)} ms). Ctrl-C to stop.`);
// keep the process alive: the worker's timer is unref'd so the web server can exit without it
const keepAlive = setInterval(() => {}, 1 << 30);
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, async () => {
    await worker.stop();
    clearInterval(keepAlive);
    closeDatabase();
    process.exit(0);
  });
}
