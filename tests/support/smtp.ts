/**
 * A real SMTP server (the `smtp-server` package) on a free local port, keeping what it
 * receives, parsed with mailparser. Tests point SMTP_URL at it and read the mail as a
 * recipient's server would see it.
 */
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

export interface Received {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail["headers"];
  raw: string;
}

export async function startSmtp(opts: { rejectRcpt?: () => boolean } = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (opts.rejectRcpt?.()) return cb(Object.assign(new Error("451 try again later"), { responseCode: 451 }));
      cb();
    },
    onData(stream, _session, cb) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", async () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const m = await simpleParser(raw);
        const to = Array.isArray(m.to) ? m.to.map((a) => a.text).join(", ") : (m.to?.value.map((a) => a.address).join(", ") ?? "");
        received.push({ messageId: m.messageId ?? "", to, subject: m.subject ?? "", text: m.text ?? "", html: typeof m.html === "string" ? m.html : "", headers: m.headers, raw });
        cb();
      });
    },
  });
  const port = await new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.server.address() as { port: number }).port)));
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    received,
    /** Waits until `n` messages arrived (or fails after `ms`). */
    async waitFor(n: number, ms = 10_000) {
      const end = Date.now() + ms;
      while (received.length < n) {
        if (Date.now() > end) throw new Error(`expected ${n} messages, got ${received.length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return received;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
