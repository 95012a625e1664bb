/**
 * Vote notifications: when a vote opens (announced once by the worker's pass) and when its
 * results are published, to eligible residents who follow its council or the vote.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import type { NotificationKind } from "#db/enums";
import { notifications } from "#db/schema";
import { follow } from "~/domain/notifications/notify.server";
import { announceDue } from "~/domain/notifications/scheduled.server";
import { countVote } from "~/domain/votes/votes.server";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { importPeople, makeVote, people, verifiedResident, type CensusPerson } from "../support/voting";

const of = (userId: string, kind: NotificationKind) => db.select().from(notifications).where(and(eq(notifications.userId, userId), eq(notifications.kind, kind))).all();

describe("vote notifications", () => {
  let councilA: number;
  let census: CensusPerson[];
  beforeAll(async () => {
    emptyTown();
    const a = makeCouncil("Les Tilleuls");
    const b = makeCouncil("Le Port");
    councilA = a.id;
    census = [...people(2, a.slug), ...people(1, b.slug)];
    await importPeople(census);
  });

  it("tells eligible followers once when the vote opens, and when its results are published", async () => {
    const inA = await verifiedResident(census[0]!);
    const inA2 = await verifiedResident(census[1]!);
    const inB = await verifiedResident(census[2]!);
    const unverified = await makeUser();
    const at = new Date().toISOString();
    db.transaction((tx) => {
      for (const u of [inA, inB, unverified]) follow(tx, u.userId, { kind: "council", id: councilA }, at);
    });
    const official = await makeUser({ roles: [{ role: "official", councilId: null }] });
    const facilitator = await makeUser({ roles: [{ role: "facilitator", councilId: null }] });
    const start = new Date(Date.now() - 3 * 3600_000);
    const vote = makeVote(official, { councilId: councilA, question: "Un composteur au square ?" }, start);
    // before it opens: nothing; after: once
    expect(announceDue(new Date(start.getTime()))).toBe(0);
    announceDue(new Date(start.getTime() + 5 * 60_000));
    announceDue(new Date(start.getTime() + 6 * 60_000));
    expect(of(inA.userId, "voteOpened")).toHaveLength(1);
    expect(of(inA.userId, "voteOpened")[0]).toMatchObject({ title: "Un composteur au square ?", link: `/votes/${vote.id}` });
    // not following, another council, or not verified: not told
    expect(of(inA2.userId, "voteOpened")).toHaveLength(0);
    expect(of(inB.userId, "voteOpened")).toHaveLength(0);
    expect(of(unverified.userId, "voteOpened")).toHaveLength(0);
    countVote(facilitator, vote.id, {}, { now: new Date(start.getTime() + 2 * 3600_000) });
    expect(of(inA.userId, "voteResults")).toHaveLength(1);
    expect(of(unverified.userId, "voteResults")).toHaveLength(0);
  });
});
