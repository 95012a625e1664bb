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
import { pinoHttp } from "pino-http";

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
}

export function requestLogger() {
  return pinoHttp({
    logger,
    genReqId: (req: Req, res: Res) => {
      const incoming = req.headers["x-request-id"];
      const id = typeof incoming === "string" && ID_RE.test(incoming) ? incoming : randomUUID();
      res.setHeader("X-Request-Id", id);
      return id;
    },
    // static files are not worth a line each
    autoLogging: { ignore: (req: Req) => (req.url ?? "").startsWith("/build/") || /\.(css|svg|png|ico|woff2?)$/.test((req.url ?? "").split("?")[0]!) },
    serializers: {
      req: (req: Req) => ({ id: req.id, method: req.method, path: (req.originalUrl ?? req.url ?? "").split("?")[0] }),
      res: (res: Res) => ({ status: res.statusCode }),
    },
    customSuccessMessage: (req: Req, res: Res) => `${req.method} ${(req.originalUrl ?? req.url ?? "").split("?")[0]} ${res.statusCode}`,
    customErrorMessage: (req: Req, res: Res) => `${req.method} ${(req.originalUrl ?? req.url ?? "").split("?")[0]} ${res.statusCode}`,
    customLogLevel: (_req: Req, res: Res, err?: Error) => (err || res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "info" : "info"),
  } as never);
}
