/**
 * GDPR: "download all my data" and "delete my account".
 *
 * Export: everything stored about the person, from every table that points at them
 * (EXPORT_COVERS lists each (table, column); tests/integration/personal-data.test.ts fails
 * when a new column referencing users is not covered), and nothing about anyone else: rows
 * the person recorded *for others* (médiation, letters printed, reports resolved) are
 * given by id only. Secrets (password hash, session ids, token hashes) are described, not
 * copied.
 *
 * Deletion: the users row stays as an anonymous tombstone (public contributions point at it
 * and show "former participant"); every personal field is erased; sessions, preferences,
 * follows, notifications, deliveries, tokens, "I will come" and one-time tokens are deleted;
 * reports keep their reason but lose their author. Ideas, comments and supports stay (they
 * are public and counted). The decision register is append-only and hash-chained: entries
 * an official published keep the name they were signed with (docs/decisions/009).
 * Votes already cast are not touched (the ballot box never links a ballot to a person).
 */
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { db } from "#db/client.server";
import {
  accountTokens,
  comments,
  decisions,
  deliveries,
  follows,
  ideaRevisions,
  ideas,
  meetingAttendees,
  meetings,
  minutesVersions,
  notificationPreferences,
  notifications,
  onceTokens,
  outboxMessages,
  reports,
  roleAssignments,
  roleChanges,
  ruleVersions,
  sessions,
  supports,
  users,
} from "#db/schema";
import { DomainError } from "../errors";
import { verifyPassword } from "./password.server";
import { eraseResidencyAndVotingData, residencyAndVotingData } from "../residency/personal-data.server";
import { budgetPersonalData } from "../budgets/personal-data.server";
import { assertCanAs, type MaybeActor } from "./policy";

/** Every column that references users.id, and how the export and the deletion treat it. */
export const EXPORT_COVERS = [
  "sessions.user_id",
  "account_tokens.user_id",
  "role_assignments.user_id",
  "role_assignments.granted_by",
  "role_changes.actor_id",
  "role_changes.user_id",
  "decisions.author_id",
  "rule_versions.published_by",
  "ideas.author_id",
  "ideas.recorded_by_id",
  "supports.user_id",
  "supports.recorded_by_id",
  "comments.author_id",
  "follows.user_id",
  "reports.reporter_id",
  "reports.resolved_by_id",
  "notifications.user_id",
  "notification_preferences.user_id",
  "outbox_messages.user_id",
  "outbox_messages.sent_by_id",
  "deliveries.user_id",
  "meetings.created_by_id",
  "meeting_attendees.user_id",
  "minutes_versions.published_by_id",
  "once_tokens.user_id",
  "residency_verifications.user_id",
  "residency_verifications.verified_by_id",
  "residency_claims.user_id",
  "census_imports.imported_by_id",
  "votes.created_by_id",
  // the ballot box: what the person recorded for others (never what anyone chose)
  "participations.recorded_by_id",
  "paper_ballot_entries.entered_by_id",
  "ballot_boxes.closed_by_id",
  // participatory budgets: what the person did as an official (public acts, names kept as written)
  "budgets.created_by_id",
  "budget_reviews.reviewer_id",
  "budget_project_updates.author_id",
] as const;

export function exportPersonalData(actor: MaybeActor, opts: { now?: Date } = {}) {
  const a = assertCanAs(actor, "account.view");
  const me = a.userId;
  const u = db.select().from(users).where(eq(users.id, me)).get()!;
  const myIdeas = db.select().from(ideas).where(eq(ideas.authorId, me)).orderBy(asc(ideas.id)).all();
  const myIdeaIds = new Set(myIdeas.map((i) => i.id));
  return {
    format: "conseil-ouvert/personal-data/1",
    exportedAt: (opts.now ?? new Date()).toISOString(),
    account: {
      id: u.id,
      email: u.email,
      displayName: u.displayName,
      emailVerifiedAt: u.emailVerifiedAt,
      locale: u.locale,
      createdAt: u.createdAt,
      password: "stored as an argon2id hash (not exported: it cannot be turned back into the password)",
    },
    preferences: db.select().from(notificationPreferences).where(eq(notificationPreferences.userId, me)).get() ?? null,
    sessions: db
      .select({ createdAt: sessions.createdAt, userAgent: sessions.userAgent, address: sessions.address, expiresAt: sessions.expiresAt })
      .from(sessions)
      .where(eq(sessions.userId, me))
      .all(),
    accountTokens: db
      .select({ purpose: accountTokens.purpose, newEmail: accountTokens.newEmail, createdAt: accountTokens.createdAt, expiresAt: accountTokens.expiresAt, usedAt: accountTokens.usedAt })
      .from(accountTokens)
      .where(eq(accountTokens.userId, me))
      .all(),
    roles: db.select({ role: roleAssignments.role, councilId: roleAssignments.councilId, grantedAt: roleAssignments.grantedAt }).from(roleAssignments).where(eq(roleAssignments.userId, me)).all(),
    roleChanges: db
      .select({ at: roleChanges.at, change: roleChanges.change, role: roleChanges.role, councilId: roleChanges.councilId })
      .from(roleChanges)
      .where(eq(roleChanges.userId, me))
      .all(),
    rolesIGranted: db.select({ id: roleChanges.id, at: roleChanges.at, change: roleChanges.change }).from(roleChanges).where(eq(roleChanges.actorId, me)).all(),
    ideas: myIdeas.map((i) => ({ ...i, onBehalfName: undefined, onBehalfContact: undefined })),
    ideaRevisions: myIdeaIds.size ? db.select().from(ideaRevisions).where(inArray(ideaRevisions.ideaId, [...myIdeaIds])).all() : [],
    ideasRecordedForOthers: db.select({ id: ideas.id }).from(ideas).where(eq(ideas.recordedById, me)).all().map((r) => r.id),
    supports: db.select({ ideaId: supports.ideaId, channel: supports.channel, createdAt: supports.createdAt }).from(supports).where(eq(supports.userId, me)).all(),
    supportsRecordedForOthers: db.select({ id: supports.id }).from(supports).where(eq(supports.recordedById, me)).all().map((r) => r.id),
    comments: db.select().from(comments).where(eq(comments.authorId, me)).orderBy(asc(comments.id)).all(),
    follows: db.select({ kind: follows.subjectKind, id: follows.subjectId, since: follows.createdAt }).from(follows).where(eq(follows.userId, me)).all(),
    reports: db
      .select({ subjectKind: reports.subjectKind, subjectId: reports.subjectId, reason: reports.reason, status: reports.status, createdAt: reports.createdAt })
      .from(reports)
      .where(eq(reports.reporterId, me))
      .all(),
    reportsIResolved: db.select({ id: reports.id }).from(reports).where(eq(reports.resolvedById, me)).all().map((r) => r.id),
    notifications: db.select().from(notifications).where(eq(notifications.userId, me)).orderBy(asc(notifications.id)).all(),
    deliveries: db.select().from(deliveries).where(eq(deliveries.userId, me)).all(),
    outbox: db
      .select({
        id: outboxMessages.id,
        channel: outboxMessages.channel,
        purpose: outboxMessages.purpose,
        payload: outboxMessages.payload,
        status: outboxMessages.status,
        attempts: outboxMessages.attempts,
        createdAt: outboxMessages.createdAt,
        sentAt: outboxMessages.sentAt,
      })
      .from(outboxMessages)
      .where(eq(outboxMessages.userId, me))
      .all(),
    lettersIPrinted: db.select({ id: outboxMessages.id }).from(outboxMessages).where(eq(outboxMessages.sentById, me)).all().map((r) => r.id),
    meetingsIWillAttend: db.select({ meetingId: meetingAttendees.meetingId, createdAt: meetingAttendees.createdAt }).from(meetingAttendees).where(eq(meetingAttendees.userId, me)).all(),
    meetingsIScheduled: db.select({ id: meetings.id, title: meetings.title }).from(meetings).where(eq(meetings.createdById, me)).all(),
    minutesIPublished: db
      .select({ meetingId: minutesVersions.meetingId, version: minutesVersions.version, publishedAt: minutesVersions.publishedAt })
      .from(minutesVersions)
      .where(eq(minutesVersions.publishedById, me))
      .all(),
    registerEntriesISigned: db
      .select({ seq: decisions.seq, recordedAt: decisions.recordedAt, authorName: decisions.authorName, subjectTitle: decisions.subjectTitle, outcome: decisions.outcome })
      .from(decisions)
      .where(eq(decisions.authorId, me))
      .all(),
    ruleVersionsIPublished: db.select({ id: ruleVersions.id, scope: ruleVersions.scope, number: ruleVersions.number }).from(ruleVersions).where(eq(ruleVersions.publishedBy, me)).all(),
    formTokens: db.select({ location: onceTokens.location, createdAt: onceTokens.createdAt }).from(onceTokens).where(eq(onceTokens.userId, me)).all(),
    ...residencyAndVotingData(me),
    ...budgetPersonalData(me),
  };
}

/** Deletes the account (password required). Returns nothing; the caller clears the cookie. */
export async function deleteAccount(actor: MaybeActor, input: { password: string }, opts: { now?: Date } = {}) {
  const a = assertCanAs(actor, "account.view");
  const me = a.userId;
  const u = db.select().from(users).where(eq(users.id, me)).get()!;
  if (!(await verifyPassword(u.passwordHash, input.password))) throw new DomainError("errors.passwordWrong", 400, "password");
  const at = (opts.now ?? new Date()).toISOString();
  db.transaction((tx) => {
    const townAdmins = tx.select({ u: roleAssignments.userId }).from(roleAssignments).where(and(eq(roleAssignments.role, "admin"), isNull(roleAssignments.councilId))).all();
    if (townAdmins.length === 1 && townAdmins[0]!.u === me) throw new DomainError("errors.lastAdminDelete", 409);
    tx.delete(sessions).where(eq(sessions.userId, me)).run();
    tx.delete(accountTokens).where(eq(accountTokens.userId, me)).run();
    tx.delete(deliveries).where(eq(deliveries.userId, me)).run();
    tx.delete(outboxMessages).where(eq(outboxMessages.userId, me)).run();
    tx.delete(notifications).where(eq(notifications.userId, me)).run();
    tx.delete(notificationPreferences).where(eq(notificationPreferences.userId, me)).run();
    tx.delete(follows).where(eq(follows.userId, me)).run();
    tx.delete(meetingAttendees).where(eq(meetingAttendees.userId, me)).run();
    tx.delete(onceTokens).where(eq(onceTokens.userId, me)).run();
    // Roles end with the account; the audit of role changes keeps its rows, without the person.
    tx.delete(roleAssignments).where(eq(roleAssignments.userId, me)).run();
    tx.update(roleChanges).set({ userId: null }).where(eq(roleChanges.userId, me)).run();
    tx.update(roleChanges).set({ actorId: null }).where(eq(roleChanges.actorId, me)).run();
    tx.update(roleAssignments).set({ grantedBy: null }).where(eq(roleAssignments.grantedBy, me)).run();
    // A report's reason stays (moderation needs it); who reported does not.
    tx.update(reports).set({ reporterId: null }).where(eq(reports.reporterId, me)).run();
    tx.update(outboxMessages).set({ sentById: null }).where(eq(outboxMessages.sentById, me)).run();
    // Residency ends with the account (the census entry may verify a new account); votes
    // already cast stay in the ballot box, keyed by the census identity, not the account.
    eraseResidencyAndVotingData(tx, me);
    // The tombstone: nothing personal left.
    tx.update(users)
      .set({ email: `deleted-${me}@invalid.invalid`, displayName: "", passwordHash: "!", emailVerifiedAt: null, locale: null, deletedAt: at })
      .where(eq(users.id, me))
      .run();
  });
}
