/**
 * The short path for a stored page: server.mjs offers every request here before Express.
 * A GET that the request guard would let through (the same `checkRequest`) and that the page
 * cache holds a valid entry for is answered at once — with its request id and log line
 * (log.server.ts) and the base headers every response carries (`baseHeaders`) — without the
 * Express middleware stack, which was the largest share of a hit's time once the hit itself
 * was a copy (decision record 016). Anything else returns false, untouched, and goes through
 * Express as before (where a miss is recorded).
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { requestLogger } from "./log.server";
import { pageCache } from "./page-cache.server";
import { baseHeaders, checkRequest } from "./request-guard.server";

const logRequest = requestLogger();
const nothing = () => {};

/** Answers `req` from the page cache when it can; returns whether it did. */
export function answerFromCache(req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== "GET") return false;
  const url = req.url ?? "";
  if (url[0] !== "/") return false; // origin-form only (an absolute-form target goes the long way)
  const q = url.indexOf("?");
  if (checkRequest("GET", req.headers, q < 0 ? url : url.slice(0, q), q < 0 ? "" : url.slice(q))) return false;
  return pageCache.tryHit(req, res, () => {
    logRequest(req as never, res as never, nothing);
    for (const [name, value] of Object.entries(baseHeaders(req.headers))) res.setHeader(name, value);
  });
}
