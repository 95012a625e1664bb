/** The development mail folder (MAIL_DIR, used when SMTP_URL is unset), read for the admin page. */
import fs from "node:fs";
import path from "node:path";
import { simpleParser } from "mailparser";
import { mailDir } from "./transports.server";

export async function listDevMail(limit = 50) {
  const dir = mailDir();
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")) : [];
  const newest = files
    .map((f) => ({ f, at: fs.statSync(path.join(dir, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at)
    .slice(0, limit);
  const mails = await Promise.all(
    newest.map(async ({ f, at }) => {
      const m = await simpleParser(fs.readFileSync(path.join(dir, f)));
      const to = Array.isArray(m.to) ? m.to.map((a) => a.text).join(", ") : (m.to?.text ?? "");
      return { file: f, at: new Date(at).toISOString(), to, subject: m.subject ?? "", text: m.text ?? "" };
    }),
  );
  return { smtp: !!process.env.SMTP_URL, dir, total: files.length, mails };
}
