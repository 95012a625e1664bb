/**
 * notify(): the one writer of notifications. In-app rows for every recipient, one delivery
 * per chosen channel, immediate (outbox message now) or digest (waiting until 08:00), and
 * nothing outside the site for unverified emails, missing phones or addresses, "none", or
 * topics the person turned off.
 */
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { deliveries, notifications, outboxMessages, users } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { followCouncil, markHeld, publishMinutes, scheduleMeeting } from "~/domain/meetings/meetings.server";
import { NOTIFICATION_KINDS, renderNotification, TEMPLATES } from "~/domain/notifications/kinds";
import { nextDigestAt, notify } from "~/domain/notifications/notify.server";
import { setPreferences } from "~/domain/notifications/preferences.server";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";

let council: number;
let facilitator: Actor;
const verify = (a: Actor) => db.update(users).set({ emailVerifiedAt: new Date().toISOString() }).where(eq(users.id, a.userId)).run();
const prefs = (a: Actor, p: Partial<Parameters<typeof setPreferences>[1]>) =>
  setPreferences(a, { channel: "email", digest: false, topics: ["ideas", "meetings", "votes", "budgets"], locale: "fr", phone: "", postalAddress: "", ...p });

beforeAll(async () => {
  emptyTown();
  council = makeCouncil().id;
  facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: council }] });
});

describe("kinds", () => {
  it("every kind has a subject and a text in French and English, with the title", () => {
    for (const k of NOTIFICATION_KINDS) {
      for (const l of ["fr", "en"] as const) {
        const r = renderNotification(k, "Bancs", l);
        expect(r.subject).toContain("Bancs");
        expect(r.text.length).toBeGreaterThan(10);
      }
      expect(TEMPLATES[k].topic).toBeTruthy();
    }
  });

  it("only notify.server.ts writes notifications", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|tsx)$/.test(e.name) && !p.endsWith(path.join("notifications", "notify.server.ts"))) {
          if (/insert\(\s*(notifications|deliveries)\s*\)/.test(fs.readFileSync(p, "utf8"))) offenders.push(p);
        }
      }
    };
    walk(path.resolve("app"));
    walk(path.resolve("db"));
    expect(offenders).toEqual([]);
  });

  it("the digest goes out at 08:00 on the town's clock, the next morning when past", () => {
    expect(nextDigestAt("2026-03-10T05:00:00.000Z")).toBe("2026-03-10T07:00:00.000Z"); // 06:00 Paris (winter)
    expect(nextDigestAt("2026-03-10T09:00:00.000Z")).toBe("2026-03-11T07:00:00.000Z");
    expect(nextDigestAt("2026-07-01T12:00:00.000Z")).toBe("2026-07-02T06:00:00.000Z"); // summer time
  });
});

describe("notify", () => {
  it("writes the in-app notification for each recipient and a delivery per chosen channel", async () => {
    const unverified = await makeUser({ verified: false });
    const emailer = await makeUser();
    verify(emailer);
    const texter = await makeUser();
    prefs(texter, { channel: "sms", phone: "06 12 34 56 78" });
    const writer = await makeUser();
    prefs(writer, { channel: "post", postalAddress: "3 rue des Lilas\n75000 Paris" });
    const quiet = await makeUser();
    verify(quiet);
    prefs(quiet, { channel: "none" });
    const noIdeas = await makeUser();
    verify(noIdeas);
    prefs(noIdeas, { topics: ["meetings"] });
    const digest = await makeUser();
    verify(digest);
    prefs(digest, { digest: true });
    const everyone = [unverified, emailer, texter, writer, quiet, noIdeas, digest];
    const at = "2026-03-10T09:00:00.000Z";
    const to = db.transaction((tx) =>
      notify(tx, { kind: "answer", at, title: "Des bancs", link: "/ideas/1#answers", councilId: council, to: [...everyone.map((u) => u.userId), facilitator.userId], except: facilitator.userId }),
    );
    expect(to.sort()).toEqual(everyone.map((u) => u.userId).sort());
    for (const u of everyone) {
      const n = db.select().from(notifications).where(eq(notifications.userId, u.userId)).all();
      expect(n.map((x) => [x.kind, x.title, x.link])).toEqual([["answer", "Des bancs", "/ideas/1#answers"]]);
    }
    const channelOf = (u: Actor) => db.select().from(deliveries).where(eq(deliveries.userId, u.userId)).all();
    expect(channelOf(unverified)).toEqual([]);
    expect(channelOf(quiet)).toEqual([]);
    expect(channelOf(noIdeas)).toEqual([]);
    expect(channelOf(emailer).map((d) => [d.channel, d.digest, !!d.outboxId])).toEqual([["email", false, true]]);
    expect(channelOf(texter).map((d) => d.channel)).toEqual(["sms"]);
    expect(channelOf(writer).map((d) => d.channel)).toEqual(["post"]);
    const waiting = channelOf(digest);
    expect(waiting.map((d) => [d.channel, d.digest, d.outboxId, d.dueAt])).toEqual([["email", true, null, "2026-03-11T07:00:00.000Z"]]);
    const msg = db.select().from(outboxMessages).where(eq(outboxMessages.userId, emailer.userId)).get()!;
    expect(msg).toMatchObject({ channel: "email", purpose: "notification", status: "pending", councilId: council });
    expect(msg.messageId).toMatch(/^<.+@conseil-ouvert>$/);
  });

  it("meetings tell the council's followers through notify (minutes published)", async () => {
    const follower = await makeUser();
    verify(follower);
    followCouncil(follower, council, true);
    const day = new Date(Date.now() - 2 * 86_400_000).toISOString().slice(0, 10);
    const m = scheduleMeeting(facilitator, { councilId: council, title: "Conseil de mars", startsAt: `${day}T18:30`, endsAt: `${day}T20:00`, placeName: "Salle", address: "", accessibility: "" });
    markHeld(facilitator, m.id);
    publishMinutes(facilitator, m.id, { body: "Présents : 12 personnes. Le conseil adopte le plan.", attendanceCount: 12, changeNote: "" });
    const n = db.select().from(notifications).where(and(eq(notifications.userId, follower.userId), eq(notifications.meetingId, m.id))).all();
    expect(n.map((x) => [x.kind, x.title, x.link, x.councilId])).toEqual([["minutes", "Conseil de mars", `/meetings/${m.id}#minutes`, council]]);
    expect(db.select().from(outboxMessages).where(eq(outboxMessages.userId, follower.userId)).all()).toHaveLength(1);
    // the facilitator who published is not told
    expect(db.select().from(notifications).where(and(eq(notifications.userId, facilitator.userId), eq(notifications.meetingId, m.id))).all()).toEqual([]);
  });

  it("ideas tell their author and followers (a comment by someone else)", async () => {
    const author = await makeUser();
    const idea = submitIdea(author, { title: "Un composteur", body: "Dans le square, pour les voisins.", theme: "environment", place: "", councilId: council });
    const { addComment } = await import("~/domain/ideas/comments.server");
    const other = await makeUser();
    addComment(other, idea.id, { stance: "for", body: "Bonne idée !", parentId: null });
    const n = db.select().from(notifications).where(eq(notifications.userId, author.userId)).all();
    expect(n.map((x) => x.kind)).toEqual(["comment"]);
    expect(n[0]!.link).toMatch(new RegExp(`^/ideas/${idea.id}\\?comment=(\\d+)#comment-\\1$`));
  });
});
