/**
 * The session lookup with compiled queries (SessionAdapter in session.server.ts) returns
 * exactly what lucia's own drizzle adapter returns: for a live session, an unknown id, and a
 * session whose user row is gone from the join.
 */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { sessions, users } from "#db/schema";
import { SessionAdapter, startSession, sessionIdFromCookie } from "~/domain/accounts/session.server";
import { makeUser } from "../support/fixtures";

describe("compiled session lookup", () => {
  it("matches lucia's adapter row for row", async () => {
    const ours = new SessionAdapter(db, sessions, users);
    const theirs = new DrizzleSQLiteAdapter(db, sessions, users);
    const someone = await makeUser({ name: "Aline Session" });
    const cookie = await startSession(someone.userId, { userAgent: "Firefox/140", address: "192.0.2.7" });
    const id = sessionIdFromCookie(cookie.split(";")[0]!)!;
    expect(id).toBeTruthy();
    const [s, u] = await ours.getSessionAndUser(id);
    expect(s?.userId).toBe(someone.userId);
    expect(s?.attributes).toMatchObject({ userAgent: "Firefox/140", address: "192.0.2.7" });
    expect(u?.id).toBe(someone.userId);
    expect([s, u]).toEqual(await theirs.getSessionAndUser(id));
    expect(await ours.getSessionAndUser("no-such-session")).toEqual(await theirs.getSessionAndUser("no-such-session"));
    expect(await ours.getSessionAndUser("no-such-session")).toEqual([null, null]);
  });
});
