/**
 * The cache of rendered pages for anonymous visitors (Express middleware, mounted by
 * server.mjs after compression and before Remix).
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
 * Memory: least-recently-used entries are dropped beyond PAGE_CACHE_MB (default 48 MB).
 * PAGE_CACHE=off disables it (the benchmarks measure both).
 */
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isbot } from "isbot";
import { sqlite } from "#db/client.server";
import { readDataVersion } from "#db/data-version";
import { nextTransition } from "~/domain/cache/transitions.server";

const MAX_AGE_MS = 5 * 60_000;
const ALLOWED_COOKIES = new Set(["lng"]);

type Part = Buffer | 0 | 1; // 0 = nonce slot, 1 = once-token slot

interface Entry {
  version: number;
  expires: number;
  headers: [string, string | string[]][];
  parts: Part[];
  bytes: number;
  /** does any header carry the nonce (the CSP)? */
  headerNonce: boolean;
}

/** Values a cached render is made with; read by getLoadContext in server.mjs. */
export interface RenderSlots {
  cspNonce: string;
  onceToken: string;
}

export const freshNonce = () => randomBytes(16).toString("base64");
export const freshOnceToken = () => randomBytes(16).toString("base64url");

function cookieNames(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(";")
    .map((c) => c.split("=")[0]!.trim())
    .filter(Boolean);
}

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
  return `${url}\n${cookieValue(cookie, "lng")}\n${lang}\n${bot}`;
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

export interface PageCacheOptions {
  maxBytes?: number;
  now?: () => number;
}

export interface PageCache {
  (req: IncomingMessage & { originalUrl?: string }, res: ServerResponse & { locals?: Record<string, unknown> }, next: () => void): void;
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

  const middleware = ((req, res, next) => {
    const key = process.env.PAGE_CACHE === "off" ? null : cacheKey(req);
    if (key === null) return next();
    const version = readDataVersion(sqlite());
    const t = now();
    const hit = entries.get(key);
    if (hit) {
      if (hit.version === version && t < hit.expires) {
        hits++;
        entries.delete(key);
        entries.set(key, hit);
        const nonce = freshNonce();
        const once = freshOnceToken();
        const body = Buffer.concat(hit.parts.map((p) => (p === 0 ? Buffer.from(nonce) : p === 1 ? Buffer.from(once) : p)));
        for (const [name, value] of hit.headers) {
          res.setHeader(name, hit.headerNonce && typeof value === "string" ? value.replace("{{nonce}}", nonce) : value);
        }
        res.setHeader("Content-Length", body.length);
        res.setHeader("X-Page-Cache", "hit");
        res.statusCode = 200;
        res.end(body);
        return;
      }
      drop(key);
    }
    misses++;
    res.setHeader("X-Page-Cache", "miss");
    const slots: RenderSlots = { cspNonce: freshNonce(), onceToken: freshOnceToken() };
    (res.locals ??= {}).renderSlots = slots;
    const before = new Set(res.getHeaderNames());
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    const write = res.write.bind(res) as (...a: unknown[]) => boolean;
    const end = res.end.bind(res) as (...a: unknown[]) => ServerResponse;
    const keep = (chunk: unknown, encoding: unknown) => {
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
      for (const name of res.getHeaderNames()) {
        if (before.has(name) || name === "content-length" || name === "transfer-encoding" || name === "content-encoding" || name === "vary") continue;
        const value = res.getHeader(name);
        if (value === undefined) continue;
        let v: string | string[] = typeof value === "number" ? String(value) : value;
        if (typeof v === "string" && v.includes(slots.cspNonce)) {
          v = v.split(slots.cspNonce).join("{{nonce}}");
          headerNonce = true;
        }
        headers.push([name, v]);
      }
      const type = String(res.getHeader("content-type") ?? "");
      const body = Buffer.concat(chunks);
      const textual = /^(text\/|application\/(json|xml|.*\+xml|javascript))/i.test(type);
      const parts: Part[] = textual ? split(body.toString("utf8"), [[slots.cspNonce, 0], [slots.onceToken, 1]]) : [body];
      const entryBytes = body.length + key!.length + 512;
      if (entryBytes > maxBytes / 16) return;
      drop(key!);
      entries.set(key!, { version, expires: Math.min(t + MAX_AGE_MS, transitionAt(version, t)), headers, parts, bytes: entryBytes, headerNonce });
      bytes += entryBytes;
      stored++;
      for (const k of entries.keys()) {
        if (bytes <= maxBytes) break;
        drop(k);
      }
    }
    next();
  }) as PageCache;

  middleware.stats = () => ({ entries: entries.size, bytes, hits, misses, stored });
  middleware.clear = () => {
    entries.clear();
    bytes = 0;
  };
  return middleware;
}

/** The one cache of the production server. */
export const pageCache = createPageCache();
