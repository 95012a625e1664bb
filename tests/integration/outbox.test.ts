/**
 * The outbox, delivered to a real SMTP server started here: claim → send → record, retries
 * with backoff, a crash between send and record (no loss; the same Message-ID when it goes
 * again, so it is one message for the recipient), digests grouped into one message,
 * one-click unsubscribe, SMS to the file transport, and letters that wait for printing.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { deliveries, deliveryAttempts, notificationPreferences, outboxMessages, users } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { notify } from "~/domain/notifications/notify.server";
import { claimNext, LEASE_MS } from "~/domain/notifications/outbox.server";
import { setPreferences } from "~/domain/notifications/preferences.server";
import { runOutboxOnce } from "~/domain/notifications/worker.server";
import * as unsubscribeRoute from "~/routes/unsubscribe";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { run } from "../support/http";
import { startSmtp } from "../support/smtp";

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let reject = false;
let council: number;
const smsDir = fs.mkdtempSync(path.join(os.tmpdir(), "conseil-sms-"));
const MIN = 60_000;

const verify = (a: Actor) => db.update(users).set({ emailVerifiedAt: new Date().toISOString() }).where(eq(users.id, a.userId)).run();
const prefs = (a: Actor, p: Partial<Parameters<typeof setPreferences>[1]>) =>
  setPreferences(a, { channel: "email", digest: false, topics: ["ideas", "meetings", "votes", "budgets"], locale: "fr", phone: "", postalAddress: "", ...p });
const event = (to: Actor, at: Date, title = "Des bancs place du marché") =>
  db.transaction((tx) => notify(tx, { kind: "answer", at: at.toISOString(), title, link: "/ideas/7#answers", councilId: council, to: [to.userId] }));
const messagesOf = (a: Actor) => db.select().from(outboxMessages).where(eq(outboxMessages.userId, a.userId)).all();

beforeAll(async () => {
  smtp = await startSmtp({ rejectRcpt: () => reject });
  process.env.SMTP_URL = smtp.url;
  process.env.SMS_DIR = smsDir;
  process.env.PUBLIC_URL = "https://participation.example.fr";
  emptyTown("Ville-Test");
  council = makeCouncil().id;
});
afterAll(async () => {
  await smtp.close();
  fs.rmSync(smsDir, { recursive: true, force: true });
  delete process.env.SMTP_URL;
});

describe("outbox → SMTP", () => {
  it("sends an email with a stable Message-ID, plain text and HTML, in the recipient's language, with one-click unsubscribe", async () => {
    const u = await makeUser({ name: "Awa" });
    verify(u);
    prefs(u, { locale: "en" });
    const now = new Date();
    event(u, now, "Benches on the square");
    const [msg] = messagesOf(u);
    const before = smtp.received.length;
    const r = await runOutboxOnce({ now: () => now });
    expect(r.sent).toBeGreaterThanOrEqual(1);
    const mail = smtp.received.slice(before).find((m) => m.messageId === msg!.messageId)!;
    expect(mail).toBeTruthy();
    expect(mail.to).toContain(u.email);
    expect(mail.subject).toBe("New answer on “Benches on the square”");
    expect(mail.text).toContain("Hello Awa,");
    expect(mail.text).toContain("https://participation.example.fr/ideas/7#answers");
    expect(mail.html).toContain('href="https://participation.example.fr/ideas/7#answers"');
    expect(mail.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    expect(mail.raw.replace(/\r?\n[ \t]+/g, " ")).toMatch(/^List-Unsubscribe: <https:\/\/participation\.example\.fr\/unsubscribe\?key=[\w-]+>\r?$/m);
    expect(mail.raw).toMatch(/^Content-Language: en\r?$/m);
    const row = db.select().from(outboxMessages).where(eq(outboxMessages.id, msg!.id)).get()!;
    expect(row.status).toBe("sent");
    expect(db.select().from(deliveryAttempts).where(eq(deliveryAttempts.outboxId, msg!.id)).all().map((a) => a.ok)).toEqual([true]);
  });

  it("a crash between send and record loses nothing and the retry carries the same Message-ID", async () => {
    const u = await makeUser();
    verify(u);
    const t0 = new Date();
    event(u, t0);
    const [msg] = messagesOf(u);
    const before = smtp.received.length;
    await expect(
      runOutboxOnce({
        now: () => t0,
        afterSend: (m) => {
          if (m.id === msg!.id) throw new Error("crash");
        },
      }),
    ).rejects.toThrow("crash");
    expect(db.select().from(outboxMessages).where(eq(outboxMessages.id, msg!.id)).get()!.status).toBe("sending");
    // another worker before the lease ends does not take it
    await runOutboxOnce({ now: () => new Date(t0.getTime() + LEASE_MS - 1000) });
    expect(smtp.received.slice(before).filter((m) => m.messageId === msg!.messageId)).toHaveLength(1);
    // after the lease (the worker is gone), it goes again, recorded once
    await runOutboxOnce({ now: () => new Date(t0.getTime() + LEASE_MS + 1000) });
    const copies = smtp.received.slice(before).filter((m) => m.messageId === msg!.messageId);
    expect(copies.length).toBe(2);
    expect(new Set(copies.map((c) => c.messageId)).size).toBe(1); // one message for the recipient's server
    expect(new Set(copies.map((c) => c.subject)).size).toBe(1);
    const row = db.select().from(outboxMessages).where(eq(outboxMessages.id, msg!.id)).get()!;
    expect([row.status, row.attempts]).toEqual(["sent", 2]);
    // and never again
    await runOutboxOnce({ now: () => new Date(t0.getTime() + 60 * MIN) });
    expect(smtp.received.slice(before).filter((m) => m.messageId === msg!.messageId)).toHaveLength(2);
  });

  it("a crash after the claim and before sending loses nothing: sent once, after the lease", async () => {
    const u = await makeUser();
    verify(u);
    const t0 = new Date();
    event(u, t0);
    const [msg] = messagesOf(u);
    // claim everything due (this worker "dies" holding them)
    while (claimNext(t0)) {
      /* claimed */
    }
    const before = smtp.received.length;
    await runOutboxOnce({ now: () => new Date(t0.getTime() + LEASE_MS + 1000) });
    expect(smtp.received.slice(before).filter((m) => m.messageId === msg!.messageId)).toHaveLength(1);
  });

  it("retries a refused message with backoff and records every attempt", async () => {
    const u = await makeUser();
    verify(u);
    const t0 = new Date();
    event(u, t0);
    const [msg] = messagesOf(u);
    reject = true;
    await runOutboxOnce({ now: () => t0 });
    reject = false;
    let row = db.select().from(outboxMessages).where(eq(outboxMessages.id, msg!.id)).get()!;
    expect(row.status).toBe("pending");
    expect(Date.parse(row.nextAttemptAt) - t0.getTime()).toBe(MIN);
    await runOutboxOnce({ now: () => new Date(t0.getTime() + 30_000) }); // not yet
    expect(db.select().from(outboxMessages).where(eq(outboxMessages.id, msg!.id)).get()!.status).toBe("pending");
    await runOutboxOnce({ now: () => new Date(t0.getTime() + 61_000) });
    row = db.select().from(outboxMessages).where(eq(outboxMessages.id, msg!.id)).get()!;
    expect(row.status).toBe("sent");
    expect(db.select().from(deliveryAttempts).where(eq(deliveryAttempts.outboxId, msg!.id)).all().map((a) => a.ok)).toEqual([false, true]);
  });

  it("groups a day's events into one digest, sent at 08:00", async () => {
    const u = await makeUser();
    verify(u);
    prefs(u, { digest: true });
    const at = new Date("2030-01-14T10:00:00.000Z");
    event(u, at, "Premier sujet");
    event(u, new Date(at.getTime() + 3600_000), "Deuxième sujet");
    event(u, new Date(at.getTime() + 7200_000), "Troisième sujet");
    expect(messagesOf(u)).toEqual([]);
    await runOutboxOnce({ now: () => new Date("2030-01-15T06:59:00.000Z") });
    expect(messagesOf(u)).toEqual([]);
    const before = smtp.received.length;
    await runOutboxOnce({ now: () => new Date("2030-01-15T07:00:00.000Z") });
    const msgs = messagesOf(u);
    expect(msgs.map((m) => [m.purpose, m.status])).toEqual([["digest", "sent"]]);
    const mail = smtp.received.slice(before).find((m) => m.messageId === msgs[0]!.messageId)!;
    expect(mail.subject).toBe("Ville-Test : 3 nouvelles aujourd'hui");
    for (const s of ["Premier sujet", "Deuxième sujet", "Troisième sujet"]) expect(mail.text).toContain(s);
    expect(db.select().from(deliveries).where(eq(deliveries.userId, u.userId)).all().every((d) => d.outboxId === msgs[0]!.id)).toBe(true);
  });

  it("one-click unsubscribe works without a session and from the mail provider (no Origin)", async () => {
    const u = await makeUser();
    verify(u);
    const now = new Date();
    event(u, now);
    const before = smtp.received.length;
    await runOutboxOnce({ now: () => now });
    const mail = smtp.received.slice(before).find((m) => m.to.includes(u.email))!;
    const url = new URL(/<(https:[^>]+)>/.exec(mail.raw.replace(/=\r?\n/g, ""))![1]!);
    const res = await run(unsubscribeRoute.action, new Request(`http://localhost${url.pathname}${url.search}`, { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }), headers: { "Content-Type": "application/x-www-form-urlencoded" } }));
    expect(res.data).toEqual({ done: true });
    expect(db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, u.userId)).get()!.channel).toBe("none");
    event(u, new Date());
    expect(messagesOf(u)).toHaveLength(1); // nothing new leaves; the in-app notification is still written
    const bad = await run(unsubscribeRoute.action, new Request("http://localhost/unsubscribe?key=nope", { method: "POST", body: new URLSearchParams({ "List-Unsubscribe": "One-Click" }), headers: { "Content-Type": "application/x-www-form-urlencoded" } }));
    expect(bad.data).toEqual({ done: false });
  });
});

describe("SMS and letters", () => {
  it("sends a short SMS with the link through the file transport", async () => {
    const u = await makeUser();
    prefs(u, { channel: "sms", phone: "06 12 34 56 78" });
    const now = new Date();
    event(u, now, "Un très long titre d'idée ".repeat(8).trim());
    const [msg] = messagesOf(u);
    await runOutboxOnce({ now: () => now });
    const files = fs.readdirSync(smsDir).map((f) => JSON.parse(fs.readFileSync(path.join(smsDir, f), "utf8")));
    const sms = files.find((f) => f.id === msg!.messageId)!;
    expect(sms.to).toBe("06 12 34 56 78");
    expect(sms.text).toContain("https://participation.example.fr/ideas/7#answers");
    expect(sms.text.length).toBeLessThanOrEqual(200);
  });

  it("leaves letters for the print queue: the worker never claims them", async () => {
    const u = await makeUser();
    prefs(u, { channel: "post", postalAddress: "3 rue des Lilas\n75000 Paris" });
    const now = new Date();
    event(u, now);
    await runOutboxOnce({ now: () => new Date(now.getTime() + 24 * 3600_000) });
    expect(messagesOf(u).map((m) => [m.channel, m.status, m.attempts])).toEqual([["post", "pending", 0]]);
  });
});
