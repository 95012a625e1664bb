/**
 * Production server: Express serving the Remix build and the static files in public/.
 * Before listening it runs the build's `startup()` (open the database, apply migrations,
 * seed the demo town when the database is empty). PORT defaults to 3000.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

process.env.NODE_ENV ??= "production";
const root = path.dirname(fileURLToPath(import.meta.url));
const built = await import(path.join(root, "build/index.js"));
const { startup, guardRequest, guardRouteModules, startWorker, logger, requestLogger, closeDatabase, pageCache, answerFromCache } = built.entry.module;
await startup();
// The outbox worker (emails, SMS, digests) runs beside the web server, outside requests;
// OUTBOX_WORKER=off when `npm run worker` runs it as a process of its own.
const worker = process.env.OUTBOX_WORKER === "off" ? null : startWorker({ log: (s) => logger.info(s) });
// Every loader and action: a refusal thrown by the domain becomes its 4xx, never a 500.
const build = guardRouteModules(built);

const app = express();
app.disable("x-powered-by");
// One JSON log line per request (id, method, path without query, status, duration); no personal data.
app.use(requestLogger());
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
// Base headers on every response; cross-site, oversized or non-form posts never reach the app.
app.use(guardRequest);
// Assets: the build's files, and public/'s own entries (favicon, styles). Checked by name, so
// a page request never costs a failed stat of the disk (5 % of a cached page's time).
const publicDir = path.join(root, "public");
const publicEntries = new Set(fs.readdirSync(publicDir));
const isAsset = (req) => publicEntries.has(req.path.split("/")[1] ?? "");
// Rendered pages for anonymous visitors, valid while the data they show is unchanged
// (app/utils/page-cache.server.ts, docs/decisions/014-page-cache.md). A hit is answered here,
// already compressed; a miss is recorded by `capture`, after compression.
app.use((req, res, next) => (isAsset(req) ? next() : pageCache.serve(req, res, next)));
// Brotli at quality 4 (the middleware's default) with a 256 KiB window instead of 4 MiB: the
// same bytes for pages (all far smaller), and half the cost of a small response, where
// setting up the encoder's window was most of the work (docs/decisions/016).
app.use(compression({ brotli: { params: { [zlib.constants.BROTLI_PARAM_LGWIN]: 18 } } }));
app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y" }));
const publicFiles = express.static(publicDir, { maxAge: "1h" });
app.use((req, res, next) => (isAsset(req) ? publicFiles(req, res, next) : next()));
app.use(pageCache.capture);
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req, res) => ({
      ip: req.ip ?? "unknown",
      cspNonce: res.locals.renderSlots?.cspNonce ?? randomBytes(16).toString("base64"),
      onceToken: res.locals.renderSlots?.onceToken,
    }),
  }),
);

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
// A stored page for an anonymous visitor is answered before Express (same guard, log line and
// headers; app/utils/cached-hit.server.ts); everything else goes through the app.
const server = http.createServer((req, res) => {
  if (!answerFromCache(req, res)) app(req, res);
});
server.listen(port, host, () => {
  console.log(`Conseil Ouvert: http://localhost:${port}`);
  logger.info({ port }, "listening");
});
server.on("error", (err) => {
  if (err.code === "EADDRINUSE") {
    console.error(`Conseil Ouvert: port ${port} is already in use. Stop the other server or start with another port, e.g. PORT=3001 npm start.`);
  } else {
    console.error(`Conseil Ouvert: cannot listen on port ${port}: ${err.message}`);
  }
  process.exit(1);
});
// Graceful shutdown: stop taking connections, let requests in flight finish and the worker
// finish its current delivery, then close the database (WAL checkpointed). A second signal,
// or 15 s, forces the exit.
let stopping = false;
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ signal: sig }, "shutting down");
    setTimeout(() => process.exit(1), 15_000).unref();
    const closed = new Promise((resolve) => server.close(resolve));
    server.closeIdleConnections?.();
    await Promise.all([closed, worker?.stop()]);
    closeDatabase();
    logger.info("stopped");
    process.exit(0);
  });
}
