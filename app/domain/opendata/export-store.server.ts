/**
 * Built exports: each open-data file is produced once per data version (db/data-version.ts)
 * and kept as bytes with its ETag, and its gzip and brotli bodies made on first demand, so a
 * download is a memory copy instead of a rebuild (ideas.csv at city scale: 5.5 MB, 330 ms to
 * build and compress). An entry is served while the data version is unchanged and until the
 * next time transition (app/domain/cache/transitions.server.ts), as the page cache does
 * (decision records 014 and 015). Datasets marked `volatile` (the signed checkpoint, dated
 * now) are built per request.
 *
 * The open-data page shows sizes from here: the size of the latest build, even of an older
 * version, and a stale or missing one is rebuilt after the response (one at a time), never
 * while the visitor waits for every export.
 */
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import { sqlite } from "#db/client.server";
import { readDataVersion } from "#db/data-version";
import { nextTransition } from "../cache/transitions.server";
import type { Dataset, DatasetContext } from "./types";

/** No entry lives longer than this (ms), a backstop for a time transition nobody registered. */
const MAX_AGE_MS = 5 * 60_000;

export interface BuiltExport {
  version: number;
  expires: number;
  body: Buffer;
  /** Strong validator: SHA-256 of the body (identity encoding), quoted. */
  etag: string;
  /** Compressed off the event loop (zlib's thread pool), once; concurrent requests share it. */
  gzip?: Promise<Buffer>;
  br?: Promise<Buffer>;
}

const built = new Map<string, BuiltExport>();
const keyOf = (d: Dataset, ctx: DatasetContext) => `${d.file}|${ctx.locale}|${ctx.townName}`;

function fresh(e: BuiltExport | undefined, version: number, now: number): e is BuiltExport {
  return !!e && e.version === version && now < e.expires;
}

/** The export's bytes for this data version, building them if needed. */
export function builtExport(d: Dataset, ctx: DatasetContext, now = Date.now()): BuiltExport {
  const version = readDataVersion(sqlite());
  const key = keyOf(d, ctx);
  const hit = built.get(key);
  if (!d.volatile && fresh(hit, version, now)) return hit;
  const body = Buffer.from(d.produce(ctx), "utf8");
  const entry: BuiltExport = {
    version,
    expires: Math.min(now + MAX_AGE_MS, nextTransition(now)),
    body,
    etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`,
  };
  // written while building: the bytes may mix two versions, serve them once but do not keep them
  if (!d.volatile && readDataVersion(sqlite()) === version) built.set(key, entry);
  return entry;
}

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

/**
 * The gzip or brotli body of a built export, compressed once and kept with it. Brotli at
 * quality 5 and gzip at 6: on ideas.csv at city scale (5.5 MB) 454 KB in ~0.6 s and 594 KB in
 * ~0.45 s on a busy machine, where brotli 9 took 3 s for 373 KB.
 */
export function encodedBody(e: BuiltExport, encoding: "gzip" | "br"): Promise<Buffer> {
  if (encoding === "gzip") return (e.gzip ??= gzipAsync(e.body, { level: 6 }));
  return (e.br ??= brotliAsync(e.body, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: e.body.length, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT },
  }));
}

let queue: { d: Dataset; ctx: DatasetContext }[] = [];
let draining = false;
function rebuildLater(d: Dataset, ctx: DatasetContext) {
  if (queue.some((q) => q.d.file === d.file && keyOf(q.d, q.ctx) === keyOf(d, ctx))) return;
  queue.push({ d, ctx });
  if (draining) return;
  draining = true;
  const next = () => {
    const job = queue.shift();
    if (!job) {
      draining = false;
      return;
    }
    try {
      builtExport(job.d, job.ctx);
    } catch {
      // the download route will report the error when someone asks for the file
    }
    setImmediate(next);
  };
  setImmediate(next);
}

/**
 * The size in bytes to show on the open-data page: the latest build's (possibly of an older
 * data version: sizes are shown rounded), refreshed after the response when stale. Only a
 * dataset never built is built now.
 */
export function exportSize(d: Dataset, ctx: DatasetContext, now = Date.now()): number {
  const hit = built.get(keyOf(d, ctx));
  if (!hit) return builtExport(d, ctx, now).body.length;
  if (!fresh(hit, readDataVersion(sqlite()), now)) rebuildLater(d, ctx);
  return hit.body.length;
}

/** For tests: forget every build. */
export function clearBuiltExports() {
  built.clear();
  queue = [];
}
