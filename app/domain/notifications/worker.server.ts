/**
 * The outbox worker: claim → send → record, outside requests. server.mjs starts it in the
 * web process (a timer; sending is asynchronous I/O, so pages are not held up), and
 * `npm run worker` runs it alone (scripts/worker.ts). Both may run at once: claims are
 * atomic. Guarantees and their limits: docs/decisions/011-notifications-and-outbox.md.
 */
import { db } from "#db/client.server";
import { composeMessage, type Composed, type OutboxRow } from "./compose.server";
import { cancelMessage, claimNext, groupDueDigests, recordFailure, recordSent } from "./outbox.server";
import { emailTransport, smsTransport } from "./transports.server";

export interface RunOptions {
  now?: () => Date;
  /** Most messages per run (a run is one tick of the timer). */
  limit?: number;
  /** Tests: called after a message left and before it is recorded (simulates a crash there). */
  afterSend?: (m: OutboxRow) => void;
}

async function deliver(c: Composed) {
  if (c.channel === "email") await emailTransport().send(c);
  else if (c.channel === "sms") await smsTransport().send({ to: c.to, text: c.sms, id: c.messageId });
  else throw new Error(`channel ${c.channel} is not sent by the worker`);
}

/** One pass over what is due. Returns what happened, for logs and tests. */
export async function runOutboxOnce(opts: RunOptions = {}) {
  const now = opts.now ?? (() => new Date());
  const done = { sent: 0, failed: 0, cancelled: 0, grouped: groupDueDigests(now()) };
  for (let i = 0; i < (opts.limit ?? 50); i++) {
    const msg = claimNext(now());
    if (!msg) break;
    let composed: Composed | null;
    try {
      composed = db.transaction((tx) => composeMessage(tx, msg, now()));
    } catch (e) {
      recordFailure(msg.id, msg.attempts, `compose: ${(e as Error).message}`, now());
      done.failed++;
      continue;
    }
    if (!composed) {
      cancelMessage(msg.id, "recipient unreachable", now());
      done.cancelled++;
      continue;
    }
    try {
      await deliver(composed);
    } catch (e) {
      recordFailure(msg.id, msg.attempts, (e as Error).message || String(e), now());
      done.failed++;
      continue;
    }
    opts.afterSend?.(msg);
    recordSent(msg.id, now());
    done.sent++;
  }
  return done;
}

/** Runs the worker every `intervalMs` until stopped; one pass at a time. */
export function startWorker(opts: { intervalMs?: number; log?: (s: string) => void } = {}) {
  const intervalMs = opts.intervalMs ?? Number(process.env.OUTBOX_INTERVAL_MS || 5_000);
  let busy = false;
  let stopped = false;
  const tick = async () => {
    if (busy || stopped) return;
    busy = true;
    try {
      const r = await runOutboxOnce();
      if (r.sent || r.failed || r.cancelled) opts.log?.(`outbox: ${r.sent} sent, ${r.failed} failed, ${r.cancelled} cancelled`);
    } catch (e) {
      console.error("outbox worker:", e);
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref?.();
  void tick();
  return {
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      while (busy) await new Promise((r) => setTimeout(r, 20));
    },
  };
}
