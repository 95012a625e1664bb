/**
 * Sessions (lucia 3, stored in the `sessions` table) and the current actor.
 * Lucia is in maintenance upstream: it is used only here, so it can be swapped without
 * touching routes. Cookie: httpOnly, SameSite=Lax, Secure in production.
 */
import { DrizzleSQLiteAdapter } from "@lucia-auth/adapter-drizzle";
import { createHash } from "node:crypto";
import { and, desc, eq, getTableColumns, gt, ne, sql } from "drizzle-orm";
import { Lucia, TimeSpan } from "lucia";
import { db, preparedQuery, type Tx } from "#db/client.server";
import { roleAssignments, sessions, users } from "#db/schema";
import { cookiePairs } from "~/lib/cookies";
import { loadResidency } from "../residency/residency.server";
import type { Actor } from "./policy";

const secure =
  process.env.NODE_ENV === "production" && process.env.COOKIE_SECURE !== "false";

const sessionById = preparedQuery((d) => d.select(getTableColumns(sessions)).from(sessions).where(eq(sessions.id, sql.placeholder("id"))).prepare());
const userBySession = preparedQuery((d) =>
  d.select(getTableColumns(users)).from(sessions).innerJoin(users, eq(sessions.userId, users.id)).where(eq(sessions.id, sql.placeholder("id"))).prepare(),
);

/**
 * lucia's drizzle adapter, with the one lookup every signed-in request makes (session and its
 * user) as queries compiled once; same rows and shapes as the adapter's own
 * (`expiresAt` in seconds since the epoch in the table, a Date for lucia).
 */
export class SessionAdapter extends DrizzleSQLiteAdapter {
  override async getSessionAndUser(sessionId: string): ReturnType<DrizzleSQLiteAdapter["getSessionAndUser"]> {
    const s = sessionById().get({ id: sessionId });
    if (!s) return [null, null];
    const u = userBySession().get({ id: sessionId });
    const { id, userId, expiresAt, ...sessionAttributes } = s;
    const session = { id, userId, expiresAt: new Date(expiresAt * 1000), attributes: sessionAttributes };
    if (!u) return [session, null];
    const { id: uid, ...userAttributes } = u;
    return [session, { id: uid, attributes: userAttributes as never }];
  }
}

export const lucia = new Lucia(new SessionAdapter(db, sessions, users), {
  sessionExpiresIn: new TimeSpan(30, "d"),
  sessionCookie: {
    name: "conseil_session",
    attributes: { secure, sameSite: "lax", path: "/" },
  },
  getUserAttributes: (a) => ({ email: a.email, displayName: a.display_name }),
});

declare module "lucia" {
  interface Register {
    Lucia: typeof lucia;
    DatabaseUserAttributes: { email: string; display_name: string };
    DatabaseSessionAttributes: { createdAt: string; userAgent: string; address: string };
  }
}

const actorUser = preparedQuery((d) =>
  d.select({ id: users.id, email: users.email, displayName: users.displayName, deletedAt: users.deletedAt }).from(users).where(eq(users.id, sql.placeholder("id"))).prepare(),
);
const actorAssignments = preparedQuery((d) =>
  d.select({ role: roleAssignments.role, councilId: roleAssignments.councilId }).from(roleAssignments).where(eq(roleAssignments.userId, sql.placeholder("id"))).prepare(),
);

export function loadActor(userId: string): Actor | null {
  const user = actorUser().get({ id: userId });
  if (!user || user.deletedAt) return null;
  const assignments = actorAssignments().all({ id: userId });
  return { userId: user.id, email: user.email, displayName: user.displayName, assignments, residency: loadResidency(userId) };
}

type Resolved = { actor: Actor | null; sessionId: string | null; refresh: string | null };
const perRequest = new WeakMap<Request, Promise<Resolved>>();

/**
 * The session id in a Cookie header. lucia's own reader decodes every cookie of the header
 * and throws on a malformed %-escape ("a=%%%"), even in a cookie that is not ours: every
 * page was a 500 for such a visitor. Here, a cookie that does not decode is skipped; as in
 * lucia, the last session cookie wins.
 */
export function sessionIdFromCookie(header: string): string | null {
  let id: string | null = null;
  for (const [name, value] of cookiePairs(header)) if (name === lucia.sessionCookieName) id = value || null;
  return id;
}

async function resolve(request: Request): Promise<Resolved> {
  const id = sessionIdFromCookie(request.headers.get("Cookie") ?? "");
  if (!id) return { actor: null, sessionId: null, refresh: null };
  const { session, user } = await lucia.validateSession(id);
  if (!session || !user) {
    return { actor: null, sessionId: null, refresh: lucia.createBlankSessionCookie().serialize() };
  }
  const refresh = session.fresh ? lucia.createSessionCookie(session.id).serialize() : null;
  return { actor: loadActor(user.id), sessionId: session.id, refresh };
}

function resolved(request: Request) {
  let p = perRequest.get(request);
  if (!p) {
    p = resolve(request);
    perRequest.set(request, p);
  }
  return p;
}

/** The signed-in actor, or null for a visitor. Cached per request. */
export async function getActor(request: Request): Promise<Actor | null> {
  return (await resolved(request)).actor;
}

/** A Set-Cookie value to send when the session was extended or has become invalid. */
export async function sessionCookieUpdate(request: Request): Promise<string | null> {
  return (await resolved(request)).refresh;
}

/** Where a session was started from, for the list of sessions ("where you are logged in"). */
export interface SessionOrigin {
  userAgent?: string;
  address?: string;
}

/** Starts a session; returns the Set-Cookie header value. */
export async function startSession(userId: string, origin: SessionOrigin = {}): Promise<string> {
  const session = await lucia.createSession(userId, {
    createdAt: new Date().toISOString(),
    userAgent: (origin.userAgent ?? "").slice(0, 300),
    address: (origin.address ?? "").slice(0, 64),
  });
  return lucia.createSessionCookie(session.id).serialize();
}

/** The current request's session id (to tell "this device" apart in the list). */
export async function currentSessionId(request: Request): Promise<string | null> {
  return (await resolved(request)).sessionId;
}

/** Live sessions of a person, newest first. Session ids are secrets: only a short hash leaves. */
export function listSessions(userId: string, current: string | null, now = new Date()) {
  return db
    .select({ id: sessions.id, createdAt: sessions.createdAt, userAgent: sessions.userAgent, address: sessions.address, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, Math.floor(now.getTime() / 1000))))
    .orderBy(desc(sessions.createdAt))
    .all()
    .map((s) => ({ ref: sessionRef(s.id), createdAt: s.createdAt, userAgent: s.userAgent, address: s.address, current: s.id === current }));
}

export const sessionRef = (id: string) => createHash("sha256").update(id).digest("hex").slice(0, 16);

/** Ends every session of the person except `keep` (null: all of them). */
export function endSessionsOf(userId: string, keep: string | null, tx: Tx = db) {
  tx.delete(sessions)
    .where(keep ? and(eq(sessions.userId, userId), ne(sessions.id, keep)) : eq(sessions.userId, userId))
    .run();
}

/** Ends one of the person's sessions, named by its reference in the list. */
export function endSessionByRef(userId: string, ref: string) {
  const mine = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId)).all();
  const target = mine.find((s) => sessionRef(s.id) === ref);
  if (target) db.delete(sessions).where(eq(sessions.id, target.id)).run();
  return !!target;
}

/** Ends the current session; returns the Set-Cookie header value that clears it. */
export async function endSession(request: Request): Promise<string> {
  const { sessionId } = await resolved(request);
  if (sessionId) await lucia.invalidateSession(sessionId);
  return lucia.createBlankSessionCookie().serialize();
}
