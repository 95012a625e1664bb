/**
 * A local SMTP server that keeps every message it receives as an .eml file, for the browser
 * tests (and for trying the site with real SMTP delivery): `SINK_PORT=2525 SINK_DIR=/tmp/mail
 * node scripts/dev/smtp-sink.mjs`, then start the site with SMTP_URL=smtp://127.0.0.1:2525.
 * Files are named after the Message-ID, so a message delivered twice is stored once.
 */
import fs from "node:fs";
import path from "node:path";
import { SMTPServer } from "smtp-server";

const port = Number(process.env.SINK_PORT || 2525);
const dir = path.resolve(process.env.SINK_DIR || "data/smtp-sink");
fs.mkdirSync(dir, { recursive: true });

const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks = [];
    stream.on("data", (c) => chunks.push(c));
    stream.on("end", () => {
      const raw = Buffer.concat(chunks);
      const id = /^Message-ID:\s*<([^>]+)>/im.exec(raw.toString("utf8"))?.[1] ?? `${Date.now()}-${Math.random()}`;
      const file = path.join(dir, `${id.replace(/[^A-Za-z0-9._@-]/g, "_")}.eml`);
      fs.writeFileSync(file, raw);
      callback();
    });
  },
});
server.listen(port, "127.0.0.1", () => console.log(`SMTP sink on 127.0.0.1:${port}, writing to ${dir}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.close(() => process.exit(0)));
