/**
 * How messages leave: email through SMTP with nodemailer (`SMTP_URL`), or, when no SMTP is
 * configured, into a local folder (`MAIL_DIR`, default data/mail) that the admin page lists;
 * SMS through a small provider interface whose default writes to a folder (`SMS_DIR`,
 * default data/sms), since no provider is reachable here. Letters have no transport: they
 * wait in the print queue.
 *
 * Every transport is idempotent by Message-ID where it can be: the folder transports name
 * the file after it, so a retry after a crash overwrites the same file.
 */
import fs from "node:fs";
import path from "node:path";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import type { Composed } from "./compose.server";

export interface EmailTransport {
  send(m: Composed): Promise<void>;
}
export interface SmsTransport {
  send(m: { to: string; text: string; id: string }): Promise<void>;
}

const fileName = (messageId: string) => messageId.replace(/[<>]/g, "").replace(/[^A-Za-z0-9._@-]/g, "_");

export function mailDir() {
  return path.resolve(process.env.MAIL_DIR || "data/mail");
}
export function smsDir() {
  return path.resolve(process.env.SMS_DIR || "data/sms");
}

function from(m: Composed) {
  if (process.env.MAIL_FROM) return process.env.MAIL_FROM;
  let host = "localhost";
  try {
    host = new URL(process.env.PUBLIC_URL || "http://localhost").hostname;
  } catch {
    /* keep localhost */
  }
  return { name: m.townName, address: `ne-pas-repondre@${host}` };
}

function mailOptions(m: Composed): SendMailOptions {
  const headers: Record<string, string> = { "Content-Language": m.locale, "Auto-Submitted": "auto-generated" };
  // RFC 2369 + RFC 8058: the mail provider may POST "List-Unsubscribe=One-Click" to the URL.
  if (m.unsubscribeUrl) headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click";
  return {
    from: from(m),
    to: { name: m.name, address: m.to },
    subject: m.subject,
    text: m.text,
    html: m.html,
    messageId: m.messageId,
    headers,
    list: m.unsubscribeUrl ? { unsubscribe: m.unsubscribeUrl } : undefined,
  };
}

class SmtpTransport implements EmailTransport {
  private t: Transporter;
  constructor(url: string) {
    this.t = nodemailer.createTransport(url, { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 45_000 } as never);
  }
  async send(m: Composed) {
    await this.t.sendMail(mailOptions(m));
  }
}

/** Development: each message as an .eml file named after its Message-ID. */
class FolderTransport implements EmailTransport {
  private t = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  async send(m: Composed) {
    const info = (await this.t.sendMail(mailOptions(m))) as unknown as { message: Buffer };
    const dir = mailDir();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${fileName(m.messageId)}.eml`);
    fs.writeFileSync(file + ".tmp", info.message);
    fs.renameSync(file + ".tmp", file);
  }
}

/** The default SMS "provider": one JSON file per message. */
export class FolderSmsTransport implements SmsTransport {
  async send(m: { to: string; text: string; id: string }) {
    const dir = smsDir();
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `${fileName(m.id)}.json`);
    fs.writeFileSync(file, JSON.stringify({ to: m.to, text: m.text, id: m.id, at: new Date().toISOString() }, null, 2));
  }
}

let email: { key: string; t: EmailTransport } | undefined;
let sms: SmsTransport | undefined;

export function emailTransport(): EmailTransport {
  const key = process.env.SMTP_URL || `dir:${mailDir()}`;
  if (email?.key !== key) email = { key, t: process.env.SMTP_URL ? new SmtpTransport(process.env.SMTP_URL) : new FolderTransport() };
  return email.t;
}

export function smsTransport(): SmsTransport {
  sms ??= new FolderSmsTransport();
  return sms;
}

/** For a real SMS provider (or a test): replaces the SMS transport. */
export function setSmsTransport(t: SmsTransport) {
  sms = t;
}
