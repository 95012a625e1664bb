/**
 * The cache of rendered pages for anonymous visitors (Express middleware, mounted by
 * server.mjs before Remix).
 *
 * Mounted in two halves (server.mjs): `serve` before compression, `capture` after it.
 *
 * What it stores: the complete 200 response (headers and body) to a GET without any cookie
 * but the language one, keyed by the URL (data requests `?_data=` included), the raw `lng`
 * cookie, Accept-Language and whether the client is a bot (which changes how React streams).
 *
 * Why it stays correct (docs/decisions/014-page-cache.md):
 *  - every write to a table a visitor can see increments `data_version` in the same
 *    transaction (db/data-version.ts); an entry is served only while the number is the one
 *    read *before* the page was rendered, so a write during the render also invalidates it;
 *  - a page can also change with time alone (a box opens, an idea becomes overdue, a
 *    meeting starts, midnight): an entry expires at the next such instant
 *    (app/domain/cache/transitions.server.ts) and after MAX_AGE_MS at the latest;
 *  - per-response values are never shared: the CSP nonce and the one-time form token are
 *    rendered from values this middleware chooses, stored as slots, and refilled with fresh
 *    random values for every response;
 *  - anything personal bypasses it: a request with a session (or any other) cookie or an
 *    Authorization header, and a response with Set-Cookie, `Cache-Control: private/no-store`
 *    or a status other than 200.
 *
 * Compression: a hit must not be compressed again on every request (that was 90 % of a hit's
 * cost). A textual entry is also kept as gzip segments: every part between two slots is
 * deflated once with a full flush (byte-aligned, no back-reference across the cut), and each
 * fresh slot value goes between them as a stored deflate block; the gzip header, the final
 * block and the trailer (CRC-32 of the whole body, RFC 1952 §2.3) are written per response.
 * Clients that accept gzip get those bytes (brotli would need a whole-body compressor per
 * hit); others get the plain body.
 *
 * Memory: least-recently-used entries are dropped beyond PAGE_CACHE_MB (default 48 MB).
 * PAGE_CACHE=off disables it (the benchmarks measure both).
 */
import { randomBytes } from "node:crypto";
import { constants as zlibConstants, crc32, deflateRawSync } from "node:zlib";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isbot } from "isbot";
import { sqlite } from "#db/client.server";
import { readDataVersion } from "#db/data-version";
import { nextTransition } from "~/domain/cache/transitions.server";
import { acceptsEncoding, pickEncoding } from "~/lib/accept-encoding";
import { cookieNames } from "~/lib/cookies";

const MAX_AGE_MS = 5 * 60_000;
const ALLOWED_COOKIES = new Set(["lng"]);

type Part = Buffer | 0 | 1; // 0 = nonce slot, 1 = once-token slot

interface Entry {
  version: number;
  expires: number;
  headers: [string, string | string[]][];
  parts: Part[];
  /** the parts deflated one by one (full flush), for textual entries; null otherwise */
  deflated: Part[] | null;
  /** CRC-32 of the leading constant parts (before the first slot), and how many they are */
  head: { parts: number; crc: number };
  bytes: number;
  /** the stored response's Vary (merged with Accept-Encoding on a hit that may be gzip) */
  vary: string;
  /** does any header carry the nonce (the CSP)? */
  headerNonce: boolean;
}

/** Values a cached render is made with; read by getLoadContext in server.mjs. */
export interface RenderSlots {
  cspNonce: string;
  onceToken: string;
}

/**
 * 16 random bytes from a pool filled by the CSPRNG 4 KiB at a time (what crypto.randomUUID
 * does): one system call per 256 values instead of one per value, on every cached response.
 * Each value is handed out once.
 */
let pool = Buffer.alloc(0);
let poolAt = 0;
function random16(): Buffer {
  if (poolAt + 16 > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  const b = pool.subarray(poolAt, poolAt + 16);
  poolAt += 16;
  return b;
}

export const freshNonce = () => random16().toString("base64");
export const freshOnceToken = () => random16().toString("base64url");


function cookieValue(header: string | undefined, name: string): string {
  for (const c of (header ?? "").split(";")) {
    const i = c.indexOf("=");
    if (i > 0 && c.slice(0, i).trim() === name) return c.slice(i + 1).trim();
  }
  return "";
}

/** The cache key of a request, or null when the request must not use the cache. */
/**
 * Query parameters that carry a secret (an email link's token or key, a receipt code): a page
 * reached with one is never stored, whatever its headers say, so no later visitor is served
 * a page made for the holder of that secret.
 */
export const SECRET_PARAMS = ["token", "key", "code"] as const;
const SECRET_PARAM = new RegExp(`[?&](?:${SECRET_PARAMS.join("|")})=`, "i");
function carriesSecret(url: string): boolean {
  return SECRET_PARAM.test(url);
}

export function cacheKey(req: IncomingMessage): string | null {
  if (req.method !== "GET") return null;
  if (req.headers.authorization) return null;
  const cookie = req.headers.cookie;
  if (cookieNames(cookie).some((n) => !ALLOWED_COOKIES.has(n))) return null;
  const lang = req.headers["accept-language"] ?? "";
  const url = req.url ?? "/";
  if (lang.length > 256 || url.length > 2048) return null;
  if (carriesSecret(url)) return null;
  const bot = isbot(req.headers["user-agent"] ?? "") ? "b" : "h";
  // a response the app encoded itself (precompressed exports) is stored encoded: one entry per coding
  const coding = pickEncoding(req.headers["accept-encoding"]) ?? "identity";
  return `${url}\n${cookieValue(cookie, "lng")}\n${lang}\n${bot}\n${coding}`;
}

function split(body: string, values: [string, 0 | 1][]): Part[] {
  let parts: (string | 0 | 1)[] = [body];
  for (const [value, slot] of values) {
    if (!value) continue;
    const next: (string | 0 | 1)[] = [];
    for (const p of parts) {
      if (typeof p !== "string") {
        next.push(p);
        continue;
      }
      const pieces = p.split(value);
      pieces.forEach((piece, i) => {
        if (i > 0) next.push(slot);
        if (piece) next.push(piece);
      });
    }
    parts = next;
  }
  return parts.map((p) => (typeof p === "string" ? Buffer.from(p) : p));
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]); // deflate, no name, mtime 0, Unix
const FINAL_BLOCK = Buffer.from([0x03, 0x00]); // an empty final block (fixed Huffman, end of block)
/** Bodies smaller than this go out plain, as the compression middleware's threshold does. */
const GZIP_MIN_BYTES = 1024;

/** Two Vary values as one, each header name once (case-insensitive), in first-seen order. */
export function mergeVary(a: string, b: string): string {
  const seen = new Map<string, string>();
  for (const name of `${a},${b}`.split(",")) {
    const n = name.trim();
    if (n && !seen.has(n.toLowerCase())) seen.set(n.toLowerCase(), n);
  }
  return [...seen.values()].join(", ");
}

/** A raw-deflate stored block (RFC 1951 §3.2.4) holding `data` (< 64 KiB), not final. */
function storedBlock(data: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head[0] = 0; // BFINAL 0, BTYPE 00, padded to the byte
  head.writeUInt16LE(data.length, 1);
  head.writeUInt16LE(~data.length & 0xffff, 3);
  return Buffer.concat([head, data]);
}

/** Each constant part deflated on its own, ending byte-aligned with no history (Z_FULL_FLUSH). */
function deflateParts(parts: Part[]): Part[] {
  return parts.map((p) => (typeof p === "number" ? p : deflateRawSync(p, { finishFlush: zlibConstants.Z_FULL_FLUSH })));
}

/**
 * The gzip member for a stored entry with fresh slot values: header, the deflated constant
 * parts with the values as stored blocks between them, a final empty block, CRC-32 and size.
 */
function gzipWithSlots(plain: Buffer[], deflated: Part[], values: [Buffer, Buffer], head: { parts: number; crc: number }): Buffer {
  const out: Buffer[] = [GZIP_HEADER];
  for (const p of deflated) out.push(typeof p === "number" ? storedBlock(values[p]) : p);
  out.push(FINAL_BLOCK);
  // the CRC of the constant parts before the first slot is computed once, at store time
  let crc = head.crc;
  let size = 0;
  plain.forEach((b, i) => {
    if (i >= head.parts) crc = crc32(b, crc);
    size += b.length;
  });
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  out.push(trailer);
  return Buffer.concat(out);
}

export interface PageCacheOptions {
  maxBytes?: number;
  now?: () => number;
}

type Middleware = (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse & { locals?: Record<string, unknown> }, next: () => void) => void;

/**
 * The cache as one middleware, or as its two halves: `serve` answers a hit (mounted before
 * the compression middleware, which a hit does not need: its gzip is assembled here) and
 * marks a miss; `capture` records the response of a marked miss (mounted after compression,
 * so it sees the plain bytes the app writes).
 */
export interface PageCache extends Middleware {
  serve: Middleware;
  /**
   * Answers a request from the store when it holds a valid entry (calling `beforeSend` first),
   * and returns whether it did; sends nothing otherwise. For the server's short path
   * (app/utils/cached-hit.server.ts).
   */
  tryHit: (req: IncomingMessage, res: ServerResponse, beforeSend?: () => void) => boolean;
  capture: Middleware;
  stats: () => { entries: number; bytes: number; hits: number; misses: number; stored: number };
  clear: () => void;
}

export function createPageCache(options: PageCacheOptions = {}): PageCache {
  const maxBytes = options.maxBytes ?? Number(process.env.PAGE_CACHE_MB || 48) * 1024 * 1024;
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>(); // insertion order = recency (re-inserted on hit)
  let bytes = 0;
  let hits = 0;
  let misses = 0;
  let stored = 0;
  // nextTransition() runs a handful of indexed queries; it only changes with the data
  // version or when the instant it returned has passed.
  let transition = { version: -1, at: 0 };
  const transitionAt = (version: number, t: number) => {
    if (transition.version !== version || t >= transition.at) transition = { version, at: nextTransition(t) };
    return transition.at;
  };

  const drop = (key: string) => {
    const e = entries.get(key);
    if (!e) return;
    entries.delete(key);
    bytes -= e.bytes;
  };

  type Miss = { key: string; version: number; t: number };

  /** Sends the stored response for `key` when it is still valid; false (nothing sent) otherwise. */
  const answer = (key: string, version: number, t: number, req: IncomingMessage, res: ServerResponse, beforeSend?: () => void): boolean => {
    const hit = entries.get(key);
    if (!hit) return false;
    if (hit.version !== version || t >= hit.expires) {
      drop(key);
      return false;
    }
    hits++;
    entries.delete(key);
    entries.set(key, hit);
    beforeSend?.();
    const nonce = freshNonce();
    const once = freshOnceToken();
    const values: [Buffer, Buffer] = [Buffer.from(nonce), Buffer.from(once)];
    const plain = hit.parts.map((p) => (typeof p === "number" ? values[p] : p));
    for (const [name, value] of hit.headers) {
      res.setHeader(name, hit.headerNonce && typeof value === "string" ? value.split("{{nonce}}").join(nonce) : value);
    }
    let body: Buffer;
    if (hit.deflated && acceptsEncoding(req.headers["accept-encoding"], "gzip")) {
      body = gzipWithSlots(plain, hit.deflated, values, hit.head);
      res.setHeader("Content-Encoding", "gzip");
    } else {
      body = Buffer.concat(plain);
    }
    // the route's own Vary (an export varies with Accept-Language), and the coding when a hit may be gzip
    const vary = mergeVary(hit.vary, hit.deflated ? "Accept-Encoding" : "");
    if (vary) res.setHeader("Vary", vary);
    res.setHeader("Content-Length", body.length);
    res.setHeader("X-Page-Cache", "hit");
    res.statusCode = 200;
    res.end(body);
    return true;
  };

  const tryHit: PageCache["tryHit"] = (req, res, beforeSend) => {
    const key = process.env.PAGE_CACHE === "off" ? null : cacheKey(req);
    return key !== null && answer(key, readDataVersion(sqlite()), now(), req, res, beforeSend);
  };

  const serve: Middleware = (req, res, next) => {
    const key = process.env.PAGE_CACHE === "off" ? null : cacheKey(req);
    if (key === null) return next();
    const version = readDataVersion(sqlite());
    const t = now();
    if (answer(key, version, t, req, res)) return;
    misses++;
    res.setHeader("X-Page-Cache", "miss");
    (res.locals ??= {}).pageCacheMiss = { key, version, t } satisfies Miss;
    next();
  };

  const capture: Middleware = (req, res, next) => {
    const miss = res.locals?.pageCacheMiss as Miss | undefined;
    if (!miss) return next();
    const { key, version, t } = miss;
    const slots: RenderSlots = { cspNonce: freshNonce(), onceToken: freshOnceToken() };
    (res.locals ??= {}).renderSlots = slots;
    const before = new Set(res.getHeaderNames());
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    // Content-Encoding present before the first byte was set by the app (a precompressed
    // export), not by the compression middleware, which decides when the headers go out
    let appEncoding: string | null | undefined;
    const keep = (chunk: unknown, encoding: unknown) => {
      if (appEncoding === undefined) appEncoding = (res.getHeader("content-encoding") as string | undefined) ?? null;
      if (chunk == null || tooBig) return;
      const b = Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, (typeof encoding === "string" ? encoding : "utf8") as BufferEncoding) : Buffer.from(chunk as Uint8Array);
      size += b.length;
      if (size > maxBytes / 16) tooBig = true;
      else chunks.push(b);
    };
    res.write = ((chunk: unknown, encoding?: unknown, cb?: unknown) => {
      keep(chunk, encoding);
      return write(chunk, encoding, cb);
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, cb?: unknown) => {
      if (typeof chunk !== "function") keep(chunk, encoding);
      const r = end(chunk, encoding, cb);
      store();
      return r;
    }) as typeof res.end;

    function store() {
      if (tooBig || res.statusCode !== 200) return;
      if (res.getHeader("set-cookie")) return;
      const cc = String(res.getHeader("cache-control") ?? "");
      if (/no-store|private/i.test(cc)) return;
      if (readDataVersion(sqlite()) !== version) return; // written while rendering: already stale
      const headers: [string, string | string[]][] = [];
      let headerNonce = false;
      let vary = "";
      for (const name of res.getHeaderNames()) {
        if (before.has(name) || name === "content-length" || name === "transfer-encoding" || name === "content-encoding") continue;
        const value = res.getHeader(name);
        if (name === "vary") {
          vary = mergeVary(vary, String(value ?? ""));
          continue;
        }
        if (value === undefined) continue;
        let v: string | string[] = typeof value === "number" ? String(value) : value;
        if (typeof v === "string" && v.includes(slots.cspNonce)) {
          v = v.split(slots.cspNonce).join("{{nonce}}");
          headerNonce = true;
        }
        headers.push([name, v]);
      }
      if (appEncoding) {
        headers.push(["content-encoding", appEncoding]);
        vary = mergeVary(vary, "Accept-Encoding");
      }
      const type = String(res.getHeader("content-type") ?? "");
      const body = Buffer.concat(chunks);
      const textual = !appEncoding && /^(text\/|application\/(json|xml|.*\+xml|javascript))/i.test(type);
      const parts: Part[] = textual ? split(body.toString("utf8"), [[slots.cspNonce, 0], [slots.onceToken, 1]]) : [body];
      const deflated = textual && body.length >= GZIP_MIN_BYTES ? deflateParts(parts) : null;
      const entryBytes = body.length + (deflated ? deflated.reduce<number>((n, p) => n + (typeof p === "number" ? 0 : p.length), 0) : 0) + key!.length + 512;
      if (entryBytes > maxBytes / 16) return;
      drop(key!);
      const firstSlot = parts.findIndex((p) => typeof p === "number");
      const lead = firstSlot < 0 ? parts.length : firstSlot;
      const head = { parts: lead, crc: parts.slice(0, lead).reduce<number>((c, p) => crc32(p as Buffer, c), 0) };
      entries.set(key!, { version, expires: Math.min(t + MAX_AGE_MS, transitionAt(version, t)), headers, vary, parts, deflated, head, bytes: entryBytes, headerNonce });
      bytes += entryBytes;
      stored++;
      for (const k of entries.keys()) {
        if (bytes <= maxBytes) break;
        drop(k);
      }
    }
    next();
  };

  const middleware = ((req, res, next) => serve(req, res, () => capture(req, res, next))) as PageCache;
  middleware.serve = serve;
  middleware.tryHit = tryHit;
  middleware.capture = capture;
  middleware.stats = () => ({ entries: entries.size, bytes, hits, misses, stored });
  middleware.clear = () => {
    entries.clear();
    bytes = 0;
  };
  return middleware;
}

/** The one cache of the production server. */
export const pageCache = createPageCache();
