/**
 * Words an outbox message in its recipient's language: the email (plain text and HTML,
 * with the one-click unsubscribe link for notifications), the SMS (short, with the link),
 * or the letter (printed by facilitators). Account messages (verification, reset, change of
 * email) get their single-use token here, when they are sent, so the database never holds a
 * token that works (app/domain/accounts/tokens.server.ts).
 */
import { asc, eq } from "drizzle-orm";
import type { Tx } from "#db/client.server";
import { deliveries, notificationPreferences, notifications, outboxMessages, towns, users } from "#db/schema";
import { absoluteUrl, publicOrigin } from "~/config/site.server";
import { tSync } from "~/i18next.server";
import { formatDateTime, isLocale, type Locale } from "~/lib/format";
import { truncate } from "~/lib/text";
import { issueToken } from "../accounts/tokens.server";
import { renderNotification } from "./kinds";
import { unsubscribeKey } from "./preferences.server";

export type OutboxRow = typeof outboxMessages.$inferSelect;

export const ACCOUNT_TEMPLATES = ["verifyEmail", "resetPassword", "changeEmail", "signupExisting", "passwordChanged", "emailChanged"] as const;
export type AccountTemplate = (typeof ACCOUNT_TEMPLATES)[number];
export type AccountPayload = { template: AccountTemplate; to?: string };

export interface Item {
  subject: string;
  text: string;
  url: string;
  at: string;
}

export interface Composed {
  channel: OutboxRow["channel"];
  /** Email address, phone number, or postal address (letters). */
  to: string;
  name: string;
  locale: Locale;
  messageId: string;
  subject: string;
  /** Plain text: the email's text part, the letter's body. */
  text: string;
  html: string;
  sms: string;
  items: Item[];
  /** Notifications only: RFC 8058 one-click unsubscribe. */
  unsubscribeUrl: string | null;
  townName: string;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function html(c: { townName: string; locale: Locale; subject: string; greeting: string; paragraphs: string[]; items: Item[]; action?: { label: string; url: string }; footer: string[] }) {
  const p = (s: string) => `<p style="margin:0 0 16px">${esc(s)}</p>`;
  const items = c.items.length
    ? `<ul style="padding-left:20px;margin:0 0 16px">${c.items
        .map((i) => `<li style="margin-bottom:12px"><strong>${esc(i.subject)}</strong><br>${esc(i.text)}<br><a href="${esc(i.url)}" style="color:#1d5fa8">${esc(i.url)}</a></li>`)
        .join("")}</ul>`
    : "";
  const action = c.action
    ? `<p style="margin:24px 0"><a href="${esc(c.action.url)}" style="background:#1d5fa8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${esc(c.action.label)}</a></p><p style="margin:0 0 16px;font-size:14px;color:#444">${esc(c.action.url)}</p>`
    : "";
  return `<!doctype html><html lang="${c.locale}"><head><meta charset="utf-8"><title>${esc(c.subject)}</title></head><body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1a1a1a;line-height:1.5;max-width:600px;margin:0 auto;padding:24px"><p style="margin:0 0 24px;font-weight:bold">${esc(c.townName)}</p>${p(c.greeting)}${c.paragraphs.map(p).join("")}${items}${action}<hr style="border:none;border-top:1px solid #ccc;margin:24px 0"><div style="font-size:14px;color:#444">${c.footer.map(p).join("")}</div></body></html>`;
}

function text(c: { greeting: string; paragraphs: string[]; items: Item[]; action?: { label: string; url: string }; footer: string[] }) {
  const parts = [c.greeting, ...c.paragraphs];
  for (const i of c.items) parts.push(`• ${i.subject}\n  ${i.text}\n  ${i.url}`);
  if (c.action) parts.push(`${c.action.label} :\n${c.action.url}`);
  parts.push("—", ...c.footer);
  return parts.join("\n\n") + "\n";
}

/**
 * The message as it must leave, or null when it can no longer go (the person deleted their
 * account, or removed the address or number it needs): the worker then cancels it.
 */
export function composeMessage(tx: Tx, msg: OutboxRow, now = new Date()): Composed | null {
  const user = tx.select().from(users).where(eq(users.id, msg.userId)).get();
  if (!user || user.deletedAt) return null;
  const locale: Locale = isLocale(user.locale) ? user.locale : "fr";
  const t = tSync(locale);
  const townName = tx.select({ name: towns.name }).from(towns).get()?.name ?? "Conseil Ouvert";
  const prefs = tx.select().from(notificationPreferences).where(eq(notificationPreferences.userId, msg.userId)).get();
  const greeting = t("emails.greeting", { name: user.displayName });
  const base = { channel: msg.channel, name: user.displayName, locale, messageId: msg.messageId, townName };

  if (msg.purpose === "account") {
    const payload = JSON.parse(msg.payload) as AccountPayload;
    const k = `emails.account.${payload.template}`;
    let action: { label: string; url: string } | undefined;
    if (payload.template === "verifyEmail") action = { label: t(`${k}.action`), url: absoluteUrl(`/verify-email?token=${issueToken(tx, user.id, "verifyEmail", { now })}`) };
    if (payload.template === "resetPassword") action = { label: t(`${k}.action`), url: absoluteUrl(`/reset-password?token=${issueToken(tx, user.id, "resetPassword", { now })}`) };
    if (payload.template === "changeEmail") {
      action = { label: t(`${k}.action`), url: absoluteUrl(`/account/email/confirm?token=${issueToken(tx, user.id, "changeEmail", { newEmail: payload.to, now })}`) };
    }
    if (payload.template === "signupExisting") action = { label: t(`${k}.action`), url: absoluteUrl("/forgot-password") };
    if (payload.template === "passwordChanged" || payload.template === "emailChanged") action = { label: t(`${k}.action`), url: absoluteUrl("/forgot-password") };
    const subject = t(`${k}.subject`, { town: townName });
    // emailChanged goes to the old address and names the new one (the account's address now).
    const email = payload.template === "emailChanged" ? user.email : (payload.to ?? user.email);
    const paragraphs = [t(`${k}.body`, { town: townName, email }), t("emails.account.ignore")];
    const footer = [t("emails.footerAccount", { town: townName, site: publicOrigin() })];
    const c = { townName, locale, subject, greeting, paragraphs, items: [], action, footer };
    return { ...base, to: payload.to ?? user.email, subject, text: text(c), html: html(c), sms: "", items: [], unsubscribeUrl: null };
  }

  const rows = tx
    .select({ kind: notifications.kind, title: notifications.title, link: notifications.link, at: notifications.createdAt })
    .from(deliveries)
    .innerJoin(notifications, eq(notifications.id, deliveries.notificationId))
    .where(eq(deliveries.outboxId, msg.id))
    .orderBy(asc(notifications.id))
    .all();
  if (!rows.length) return null;
  const items: Item[] = rows.map((r) => ({ ...renderNotification(r.kind, r.title, locale), url: absoluteUrl(r.link), at: r.at }));
  const to = msg.channel === "email" ? user.email : msg.channel === "sms" ? (prefs?.phone ?? "") : (prefs?.postalAddress ?? "");
  if (!to) return null;
  const unsubscribeUrl = msg.channel === "email" ? absoluteUrl(`/unsubscribe?key=${unsubscribeKey(tx, user.id, now.toISOString())}`) : null;
  const single = msg.purpose === "notification" && items.length === 1;
  const subject = single ? items[0]!.subject : t("emails.digest.subject", { count: items.length, town: townName });
  const paragraphs = single ? [] : [t("emails.digest.intro", { date: formatDateTime(now, locale) })];
  const footer = [
    t("emails.footerWhy", { town: townName }),
    t("emails.footerPreferences", { url: absoluteUrl("/account/preferences") }),
    ...(unsubscribeUrl ? [t("emails.footerUnsubscribe", { url: unsubscribeUrl })] : []),
  ];
  const c = single
    ? { townName, locale, subject, greeting, paragraphs: [items[0]!.text], items: [], action: { label: t("emails.see"), url: items[0]!.url }, footer }
    : { townName, locale, subject, greeting, paragraphs, items, footer };
  const sms = single
    ? `${townName} : ${truncate(items[0]!.subject, 100)} ${items[0]!.url}`
    : `${townName} : ${t("emails.digest.sms", { count: items.length })} ${absoluteUrl("/account/notifications")}`;
  return { ...base, to, subject, text: text(c), html: html(c), sms, items, unsubscribeUrl };
}
