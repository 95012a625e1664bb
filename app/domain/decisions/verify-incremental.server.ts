/**
 * The verify page's check of the register, at a cost that does not grow with the register
 * (issue #13: re-hashing 5,000 entries per request gave 5 requests/s). Decision record 015.
 *
 *  - A checkpoint is the head (number and hash) of the chain as last verified by this server
 *    process. It lives in memory, never in the database: someone able to rewrite the
 *    register cannot rewrite it too. A new process starts with one full verification.
 *  - Each check (1) re-verifies the checkpoint entry itself: still there, and its content
 *    still hashes, from its stored link, to the checkpoint hash — any rewrite of an earlier
 *    entry followed by a recomputed chain changes that hash; (2) verifies every entry after
 *    the checkpoint, linked from it, and moves the checkpoint to the new head; (3) re-verifies
 *    the next SWEEP_WINDOW already-verified entries in turn (content against stored hash,
 *    link against the previous stored hash), so an entry edited in place without
 *    recomputing anything is found within one sweep of the whole register. The page says
 *    when the last complete sweep ended.
 *  - `npm run verify-register` (scripts/verify-register.ts) still recomputes everything.
 */
import type Database from "better-sqlite3";
import { and, asc, eq, gt, gte, lte } from "drizzle-orm";
import { db, sqlite } from "#db/client.server";
import { decisions } from "#db/schema";
import { entryHash, GENESIS, verifyChain, type ChainVerdict } from "~/lib/hash-chain";
import { verifyRegister } from "./decisions.server";
import { publicEntry, type DecisionRow } from "./record.server";

/** Already-verified entries re-verified per check (a sweep of 5,000 entries takes 20 checks). */
export const SWEEP_WINDOW = 250;

interface State {
  checkpoint: { seq: number; hash: string };
  /** Next entry the sweep re-verifies (1-based). */
  sweepNext: number;
  sweepStartedAt: string;
  /** When the last complete pass over the register ended (the first full verification counts). */
  lastFullPass: string;
}

const states = new WeakMap<Database.Database, State>();

export type IncrementalVerdict = ChainVerdict & {
  /** Entries in the register (its head's number) when the check is sound. */
  total: number;
  /** The checkpoint this check started from (0: a full verification). */
  fromSeq: number;
  /** The already-verified entries re-verified by this check, inclusive; null when none. */
  swept: { from: number; to: number } | null;
  lastFullPass: string | null;
};

const links = (rows: DecisionRow[]) => rows.map((row) => ({ entry: publicEntry(row), prevHash: row.prevHash, hash: row.hash }));

/** For tests: forget the checkpoint, as a new process would. */
export function forgetCheckpoint() {
  states.delete(sqlite());
}

export function verifyRegisterIncremental(now = new Date(), window = SWEEP_WINDOW): IncrementalVerdict {
  const conn = sqlite();
  const at = now.toISOString();
  let st = states.get(conn);
  if (!st) {
    const full = verifyRegister();
    if (!full.ok) return { ...full, total: full.count, fromSeq: 0, swept: null, lastFullPass: null };
    st = { checkpoint: { seq: full.count, hash: full.head }, sweepNext: 1, sweepStartedAt: at, lastFullPass: at };
    states.set(conn, st);
    return { ...full, total: full.count, fromSeq: 0, swept: null, lastFullPass: at };
  }
  const from = st.checkpoint;
  const broken = (v: Extract<ChainVerdict, { ok: false }>): IncrementalVerdict => ({ ...v, total: v.count, fromSeq: from.seq, swept: null, lastFullPass: st!.lastFullPass });

  // (1) the checkpoint entry is still there and still hashes to the checkpoint
  if (from.seq > 0) {
    const row = db.select().from(decisions).where(eq(decisions.seq, from.seq)).get();
    if (!row) return broken({ ok: false, count: 0, seq: from.seq, reason: "sequence", expected: String(from.seq), found: "" });
    const recomputed = entryHash(row.prevHash, publicEntry(row));
    if (recomputed !== row.hash || row.hash !== from.hash) return broken({ ok: false, count: 0, seq: from.seq, reason: "hash", expected: from.hash, found: row.hash });
  }
  // (2) everything after it, linked from it
  const tail = verifyChain(links(db.select().from(decisions).where(gt(decisions.seq, from.seq)).orderBy(asc(decisions.seq)).all()), from);
  if (!tail.ok) return broken({ ...tail, count: from.seq + tail.count });
  // (3) the next window of already-verified entries, linked from the stored hash before them
  let swept: IncrementalVerdict["swept"] = null;
  if (from.seq > 0) {
    const start = st.sweepNext > from.seq ? 1 : st.sweepNext;
    const end = Math.min(from.seq, start + window - 1);
    const before = start === 1 ? GENESIS : db.select({ hash: decisions.hash }).from(decisions).where(eq(decisions.seq, start - 1)).get()?.hash;
    if (before === undefined) return broken({ ok: false, count: 0, seq: start - 1, reason: "sequence", expected: String(start - 1), found: "" });
    const rows = db.select().from(decisions).where(and(gte(decisions.seq, start), lte(decisions.seq, end))).orderBy(asc(decisions.seq)).all();
    const v = verifyChain(links(rows), { seq: start - 1, hash: before });
    if (!v.ok) return broken({ ...v, count: start - 1 + v.count });
    if (v.count !== end - start + 1) return broken({ ok: false, count: start - 1 + v.count, seq: start + v.count, reason: "sequence", expected: String(start + v.count), found: "" });
    swept = { from: start, to: end };
    if (start === 1) st.sweepStartedAt = at;
    st.sweepNext = end + 1;
    if (end === from.seq) st.lastFullPass = at;
  }
  const total = from.seq + tail.count;
  st.checkpoint = { seq: total, hash: tail.head };
  return { ok: true, count: total, head: tail.head, total, fromSeq: from.seq, swept, lastFullPass: st.lastFullPass };
}
