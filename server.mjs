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
const build = await import(path.join(root, "build/index.js"));
await build.entry.module.startup();

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);
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
for (const sig of ["SIGINT", "SIGTERM"]) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
