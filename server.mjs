/**
 * Production server: Express serving the Remix build and the static files in public/.
 * Before listening it runs the build's `startup()` (open the database, apply migrations,
 * seed the demo town when the database is empty). PORT defaults to 3000.
 */
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import compression from "compression";
import express from "express";

process.env.NODE_ENV ??= "production";
const root = path.dirname(fileURLToPath(import.meta.url));
const built = await import(path.join(root, "build/index.js"));
const { startup, guardRequest, guardRouteModules, startWorker } = built.entry.module;
await startup();
// The outbox worker (emails, SMS, digests) runs beside the web server, outside requests;
// OUTBOX_WORKER=off when `npm run worker` runs it as a process of its own.
const worker = process.env.OUTBOX_WORKER === "off" ? null : startWorker({ log: (s) => console.log(s) });
// Every loader and action: a refusal thrown by the domain becomes its 4xx, never a 500.
const build = guardRouteModules(built);

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
// Base headers on every response; cross-site, oversized or non-form posts never reach the app.
app.use(guardRequest);
app.use(compression());
app.use("/build", express.static(path.join(root, "public/build"), { immutable: true, maxAge: "1y" }));
app.use(express.static(path.join(root, "public"), { maxAge: "1h" }));
app.all(
  "*",
  createRequestHandler({
    build,
    mode: process.env.NODE_ENV,
    getLoadContext: (req) => ({ ip: req.ip ?? "unknown", cspNonce: randomBytes(16).toString("base64") }),
  }),
);

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined;
const server = app.listen(port, host, () => {
  console.log(`Conseil Ouvert: http://localhost:${port}`);
});
server.on("error", (err) => {
  if (err.code === "EADDRINUSE") {
    console.error(`Conseil Ouvert: port ${port} is already in use. Stop the other server or start with another port, e.g. PORT=3001 npm start.`);
  } else {
    console.error(`Conseil Ouvert: cannot listen on port ${port}: ${err.message}`);
  }
  process.exit(1);
});
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, async () => {
    await worker?.stop();
    server.close(() => process.exit(0));
  });
}
