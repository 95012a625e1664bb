/**
 * Online backups: SQLite's backup API copies the database page by page while other
 * connections keep reading and writing (WAL), and restarts the copy if a page it already
 * copied changes, so the result is one consistent state. The copy is then checked on its
 * own: `PRAGMA integrity_check`, and the decision register's hash chain recomputed from the
 * copy's rows (docs/register.md).
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { asc } from "drizzle-orm";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "#db/schema";
import { verifyChain } from "~/lib/hash-chain";
import { publicEntry } from "../decisions/record.server";

export interface BackupResult {
  file: string;
  bytes: number;
  ms: number;
  integrity: string;
  register: string;
  registerOk: boolean;
}

/** Copies `source` to `file` online and checks the copy. `file` is overwritten. */
export async function backupDatabase(source: string, file: string): Promise<BackupResult> {
  const started = Date.now();
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  fs.rmSync(file, { force: true });
  const src = new Database(source, { readonly: true, fileMustExist: true });
  src.pragma("busy_timeout = 5000");
  try {
    // After the first step, copy everything in one step: a step reads one consistent
    // snapshot (WAL), so writers never force the copy to start over again and again.
    await src.backup(file, { progress: () => 1_000_000_000 });
  } finally {
    src.close();
  }
  const copy = new Database(file, { readonly: true });
  try {
    const integrity = (copy.pragma("integrity_check") as { integrity_check: string }[]).map((r) => r.integrity_check).join("; ");
    const rows = drizzle(copy, { schema }).select().from(schema.decisions).orderBy(asc(schema.decisions.seq)).all();
    const verdict = verifyChain(rows.map((r) => ({ entry: publicEntry(r), prevHash: r.prevHash, hash: r.hash })));
    const register = verdict.ok ? `intact (${verdict.count} entries)` : `altered at entry ${verdict.seq} (${verdict.reason})`;
    return { file, bytes: fs.statSync(file).size, ms: Date.now() - started, integrity, register, registerOk: verdict.ok };
  } finally {
    copy.close();
  }
}
