/**
 * Structured logs (pino, JSON lines on stdout): one line per request with its id, method,
 * path, status and duration; the worker's and the server's own lines. No personal data:
 * no query string (searches, tokens), no headers, no cookies, no address, no body, no
 * account. `LOG_LEVEL` sets the level (info by default; "silent" in tests).
 * A request id comes from `X-Request-Id` when it is a plain token a proxy set, otherwise it
 * is generated; it is sent back in `X-Request-Id` so a person can quote it.
 */
import { randomUUID } from "node:crypto";
import { pino } from "pino";

export const logger = pino({
  level: process.env.LOG_LEVEL || "info",
  base: { service: "conseil-ouvert" },
  timestamp: pino.stdTimeFunctions.isoTime,
});

const ID_RE = /^[A-Za-z0-9._-]{8,64}$/;

interface Req {
  headers: Record<string, string | string[] | undefined>;
  method?: string;
  url?: string;
  originalUrl?: string;
  id?: unknown;
}
interface Res {
  statusCode: number;
  setHeader(name: string, value: string): void;
  once(event: "finish" | "close", listener: () => void): void;
}

/** Static files are not worth a line each. */
const quiet = (path: string) => path.startsWith("/build/") || /\.(css|svg|png|ico|woff2?)$/.test(path);

/**
 * The request-log middleware: the id (kept from a proxy's `X-Request-Id` when it is a plain
 * token, else a new UUID) sent back in `X-Request-Id`, and one line when the response ends:
 * `{ req: { id, method, path }, res: { status }, responseTime (ms) }`, at level error for a
 * 5xx and info otherwise. Written on pino directly: pino-http made a child logger and wrapped
 * serializers for every request, a third of the time of a cached page even with logging
 * silent (docs/decisions/016). Nothing is attached when the level would drop the line.
 */
export function requestLogger() {
  return (req: Req, res: Res, next: () => void) => {
    const incoming = req.headers["x-request-id"];
    const id = typeof incoming === "string" && ID_RE.test(incoming) ? incoming : randomUUID();
    req.id = id;
    res.setHeader("X-Request-Id", id);
    if (!logger.isLevelEnabled("error")) return next();
    const method = req.method ?? "GET";
    const path = (req.originalUrl ?? req.url ?? "").split("?")[0]!;
    if (quiet(path)) return next();
    const start = performance.now();
    let done = false;
    const line = () => {
      if (done) return;
      done = true;
      const status = res.statusCode;
      const level = status >= 500 ? "error" : "info";
      if (!logger.isLevelEnabled(level)) return;
      logger[level]({ req: { id, method, path }, res: { status }, responseTime: Math.round(performance.now() - start) }, `${method} ${path} ${status}`);
    };
    res.once("finish", line);
    res.once("close", line);
    next();
  };
}
