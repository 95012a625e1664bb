/**
 * The database schema (drizzle, SQLite). One file, grouped by capability.
 * Times are UTC ISO-8601 strings unless the column says `_ms`/`expires_at` (lucia wants
 * integer seconds). Money is integer euro cents. Tables are plural snake_case.
 * Changing this file: run `npm run db:generate` and commit the new migration in db/migrations.
 */
import { sql } from "drizzle-orm";
import {
  BALLOT_CHANNELS,
  BOX_KINDS,
  BUDGET_PHASES,
  FEASIBILITY_VERDICTS,
  PROJECT_STATUSES,
  CHANNELS,
  DELIVERY_CHANNELS,
  DOCUMENT_TYPES,
  FOLLOW_KINDS,
  IDEA_STATUSES,
  IDEA_THEMES,
  MEETING_STATUSES,
  NOTIFICATION_KINDS,
  OUTBOX_PURPOSES,
  OUTBOX_STATUSES,
  REPORT_STATUSES,
  ROLE_CHANGES,
  ROLES,
  SEND_CHANNELS,
  STANCES,
  SUBJECT_KINDS,
  TOKEN_PURPOSES,
  VERIFICATION_METHODS,
  VOTE_FORMS,
  type Role,
} from "./enums";
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

// ---------------------------------------------------------------- town
/** The single town this instance serves (row id = 1). */
export const towns = sqliteTable("towns", {
  id: integer("id").primaryKey(),
  name: text("name").notNull(),
  accentColor: text("accent_color").notNull().default("#1d5fa8"),
  timeZone: text("time_zone").notNull().default("Europe/Paris"),
  currency: text("currency").notNull().default("EUR"),
  /**
   * Where and when residents can come in person (verify residency, vote at the desk):
   * shown wherever the online path is refused. Plain text.
   */
  deskInfo: text("desk_info").notNull().default(""),
  /** Demo mode shows the demo accounts on the login page. */
  demo: integer("demo", { mode: "boolean" }).notNull().default(false),
  createdAt: text("created_at").notNull().default(now),
});

// ---------------------------------------------------------------- accounts
export const users = sqliteTable("users", {
  id: text("id").primaryKey(),
  email: text("email").notNull().unique(),
  displayName: text("display_name").notNull(),
  passwordHash: text("password_hash").notNull(),
  emailVerifiedAt: text("email_verified_at"),
  locale: text("locale"),
  createdAt: text("created_at").notNull().default(now),
  /**
   * Set when the person deleted their account: the row stays as an anonymous tombstone
   * (public contributions point at it and show "former participant"), with every personal
   * field erased (app/domain/accounts/delete.server.ts).
   */
  deletedAt: text("deleted_at"),
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    /** For "where you are logged in": when, from which browser and address it started. */
    createdAt: text("created_at").notNull().default(""),
    userAgent: text("user_agent").notNull().default(""),
    address: text("address").notNull().default(""),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/**
 * Single-use account tokens (email verification, password reset, change of email). Only
 * the SHA-256 of the token is stored; the token itself exists only in the email. A token
 * expires after a short time, and is spent by the first use (`used_at`).
 */
export const accountTokens = sqliteTable(
  "account_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** change of email: the new address, set once the link is followed. */
    newEmail: text("new_email"),
    expiresAt: text("expires_at").notNull(),
    usedAt: text("used_at"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("account_tokens_user_idx").on(t.userId, t.purpose)],
);

export { ROLES, type Role };

/**
 * A role held by a user, for one council or town-wide (council_id NULL).
 * A `resident` assignment for a council means "verified resident of that neighbourhood".
 */
export const roleAssignments = sqliteTable(
  "role_assignments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    councilId: integer("council_id").references(() => councils.id, {
      onDelete: "cascade",
    }),
    grantedBy: text("granted_by").references(() => users.id, {
      onDelete: "set null",
    }),
    grantedAt: text("granted_at").notNull().default(now),
  },
  // Uniqueness of (user, role, council) with town-wide = NULL is an expression index
  // (coalesce(council_id, 0)) written by hand in migration 0001_role_unique.sql.
  (t) => [index("role_assignments_user_idx").on(t.userId)],
);

/**
 * Append-only audit of every role change: who changed whose role, when. Triggers
 * (0008_append_only_every_statement) refuse edits, deletes and replacements; the only
 * update allowed is the ON DELETE SET NULL that anonymises a deleted account.
 */
export const roleChanges = sqliteTable(
  "role_changes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at").notNull().default(now),
    actorId: text("actor_id").references(() => users.id, {
      onDelete: "set null",
    }),
    userId: text("user_id").references(() => users.id, {
      onDelete: "set null",
    }),
    change: text("change", { enum: ROLE_CHANGES }).notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    councilId: integer("council_id").references(() => councils.id, {
      onDelete: "set null",
    }),
  },
  (t) => [index("role_changes_at_idx").on(t.at)],
);

// ---------------------------------------------------------------- councils
export const councils = sqliteTable("councils", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  slug: text("slug").notNull().unique(),
  name: text("name").notNull(),
  /** Markdown. */
  description: text("description").notNull().default(""),
  territory: text("territory").notNull().default(""),
  createdAt: text("created_at").notNull().default(now),
  updatedAt: text("updated_at").notNull().default(now),
});

/**
 * Failed-login counters, owned by rate-limiter-flexible (RateLimiterSQLite); the column
 * layout is the library's. Kept in the schema so migrations, not the library, create it.
 */
export const loginThrottles = sqliteTable("login_throttles", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: integer("expire"),
});

// ---------------------------------------------------------------- decisions (the register)
/**
 * The decision register (registre des arbitrages). Append-only: triggers (migrations
 * 0003_append_only, 0008_append_only_every_statement) refuse UPDATE, DELETE and any
 * INSERT that would replace an existing row (OR REPLACE, REPLACE INTO, upserts). Entries are hash-chained; the exact hashed
 * fields and byte layout are documented in docs/register.md. Names, council and rule
 * version are snapshots taken when the entry was written, so later renames never change
 * what was hashed.
 */
export const decisions = sqliteTable(
  "decisions",
  {
    seq: integer("seq").primaryKey(),
    recordedAt: text("recorded_at").notNull(),
    authorId: text("author_id").references(() => users.id),
    authorName: text("author_name").notNull(),
    authorRole: text("author_role", { enum: ROLES }).notNull(),
    /** NULL = the whole town. */
    councilId: integer("council_id").references(() => councils.id),
    councilName: text("council_name"),
    subjectKind: text("subject_kind", { enum: SUBJECT_KINDS }).notNull(),
    subjectId: text("subject_id"),
    subjectTitle: text("subject_title").notNull(),
    outcome: text("outcome").notNull(),
    /** Markdown. */
    explanation: text("explanation").notNull(),
    ruleVersionId: integer("rule_version_id"),
    ruleVersionLabel: text("rule_version_label"),
    /** JSON array of { label, url }. */
    evidence: text("evidence").notNull().default("[]"),
    supersedesSeq: integer("supersedes_seq"),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull().unique(),
  },
  (t) => [
    index("decisions_council_idx").on(t.councilId, t.seq),
    index("decisions_kind_idx").on(t.subjectKind, t.seq),
    index("decisions_author_idx").on(t.authorId, t.seq),
    index("decisions_recorded_idx").on(t.recordedAt),
    index("decisions_subject_idx").on(t.subjectKind, t.subjectId),
    index("decisions_supersedes_idx").on(t.supersedesSeq),
  ],
);

/**
 * The key pair that signs register checkpoints (open data `register-checkpoint.json`):
 * Ed25519, generated once on first use and kept here. The public key is published with
 * every checkpoint and on the verify page; the private key never leaves the server.
 * Keys are PEM (SPKI public, PKCS#8 private).
 */
export const registerKeys = sqliteTable("register_keys", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  algorithm: text("algorithm", { enum: ["Ed25519"] }).notNull().default("Ed25519"),
  publicKey: text("public_key").notNull(),
  privateKey: text("private_key").notNull(),
  createdAt: text("created_at").notNull().default(now),
});

// ---------------------------------------------------------------- rules (le cadre)
/**
 * Rulebook versions, per scope ("town", or a process such as "budget:<slug>").
 * Numbered per scope, dated, never edited (triggers refuse UPDATE, DELETE and replacing INSERTs).
 * `params` is the JSON of RuleParams (app/domain/rules/params.ts), validated by zod.
 */
export const ruleVersions = sqliteTable(
  "rule_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    scope: text("scope").notNull(),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    /** Markdown. */
    body: text("body").notNull(),
    params: text("params").notNull(),
    publishedAt: text("published_at").notNull(),
    publishedBy: text("published_by").references(() => users.id),
    /** The register entry that published this version. */
    decisionSeq: integer("decision_seq").notNull(),
  },
  (t) => [
    uniqueIndex("rule_versions_scope_number").on(t.scope, t.number),
    index("rule_versions_scope_published").on(t.scope, t.publishedAt),
  ],
);

// ---------------------------------------------------------------- ideas
/**
 * Ideas. `due_at` is fixed at submission from the rules in force then
 * (answer_delay_days, rule_version_id kept for the record); `answered_at` and
 * `answered_in_time` are set by the first answer (accepted, rejected or merged) and never
 * change afterwards. Counts are kept in step by the domain, in the same transaction.
 * A hidden idea keeps its row; hidden_* say who hid it, when and why.
 */
export const ideas = sqliteTable(
  "ideas",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    councilId: integer("council_id").references(() => councils.id),
    authorId: text("author_id").references(() => users.id),
    title: text("title").notNull(),
    /** Markdown. */
    body: text("body").notNull(),
    theme: text("theme", { enum: IDEA_THEMES }).notNull(),
    place: text("place").notNull().default(""),
    status: text("status", { enum: IDEA_STATUSES }).notNull().default("submitted"),
    mergedIntoId: integer("merged_into_id"),
    channel: text("channel", { enum: CHANNELS }).notNull().default("online"),
    /** Médiation: the facilitator who recorded it, and the resident's name/contact when they have no account. */
    recordedById: text("recorded_by_id").references(() => users.id),
    onBehalfName: text("on_behalf_name"),
    onBehalfContact: text("on_behalf_contact"),
    consentNoted: integer("consent_noted", { mode: "boolean" }).notNull().default(false),
    submittedAt: text("submitted_at").notNull(),
    dueAt: text("due_at").notNull(),
    answerDelayDays: integer("answer_delay_days").notNull(),
    ruleVersionId: integer("rule_version_id"),
    answeredAt: text("answered_at"),
    answeredInTime: integer("answered_in_time", { mode: "boolean" }),
    thresholdReachedAt: text("threshold_reached_at"),
    /** For ideas about the rulebook: the version that carried the idea out. */
    implementedByRuleVersionId: integer("implemented_by_rule_version_id"),
    /** The participatory budget this idea was submitted to (collection phase). */
    budgetId: integer("budget_id").references(() => budgets.id),
    supportCount: integer("support_count").notNull().default(0),
    commentCount: integer("comment_count").notNull().default(0),
    editedAt: text("edited_at"),
    hiddenAt: text("hidden_at"),
    hiddenByName: text("hidden_by_name"),
    hiddenReason: text("hidden_reason"),
    hiddenDecisionSeq: integer("hidden_decision_seq"),
  },
  (t) => [
    // list pages: every filter × every sort (see tests/integration/ideas-indexes.test.ts)
    index("ideas_submitted_idx").on(t.submittedAt),
    index("ideas_supports_idx").on(t.supportCount),
    index("ideas_comments_idx").on(t.commentCount),
    index("ideas_council_submitted_idx").on(t.councilId, t.submittedAt),
    index("ideas_council_supports_idx").on(t.councilId, t.supportCount),
    index("ideas_council_comments_idx").on(t.councilId, t.commentCount),
    index("ideas_status_submitted_idx").on(t.status, t.submittedAt),
    index("ideas_status_supports_idx").on(t.status, t.supportCount),
    index("ideas_status_comments_idx").on(t.status, t.commentCount),
    index("ideas_theme_submitted_idx").on(t.theme, t.submittedAt),
    index("ideas_theme_supports_idx").on(t.theme, t.supportCount),
    index("ideas_theme_comments_idx").on(t.theme, t.commentCount),
    index("ideas_due_idx").on(t.answeredAt, t.dueAt),
    index("ideas_author_idx").on(t.authorId),
    index("ideas_merged_into_idx").on(t.mergedIntoId),
    index("ideas_budget_idx").on(t.budgetId),
    // statistics (app/domain/stats): every figure is read from this index alone
    index("ideas_stats_idx").on(t.councilId, t.submittedAt, t.answeredAt, t.answeredInTime, t.authorId, t.onBehalfName),
  ],
);

/**
 * Statistics of ideas, kept by triggers on `ideas` (migration 0012_idea_stats) in the same
 * transaction as every submission and first answer — live, never by a batch — so that the
 * public statistics read a few hundred rows instead of every idea. `council_key` is the
 * council id, 0 for town-level ideas. Received ideas count in their submission month,
 * answers in their answer month.
 */
export const ideaMonthlyStats = sqliteTable(
  "idea_monthly_stats",
  {
    councilKey: integer("council_key").notNull(),
    month: text("month").notNull(),
    received: integer("received").notNull().default(0),
    answered: integer("answered").notNull().default(0),
    inTime: integer("in_time").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.councilKey, t.month] })],
);

/** How many ideas were answered after how many whole days, per council (for the median). */
export const ideaAnswerDays = sqliteTable(
  "idea_answer_days",
  {
    councilKey: integer("council_key").notNull(),
    days: integer("days").notNull(),
    n: integer("n").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.councilKey, t.days] })],
);

/** The distinct people who submitted ideas in each council (an account, or a name recorded in médiation). */
export const ideaAuthors = sqliteTable(
  "idea_authors",
  {
    councilKey: integer("council_key").notNull(),
    person: text("person").notNull(),
  },
  (t) => [primaryKey({ columns: [t.councilKey, t.person] }), index("idea_authors_person_idx").on(t.person)],
);

/** Every earlier state of an edited idea (the public sees that it was edited, and how). */
export const ideaRevisions = sqliteTable(
  "idea_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id").notNull().references(() => ideas.id),
    title: text("title").notNull(),
    body: text("body").notNull(),
    theme: text("theme", { enum: IDEA_THEMES }).notNull(),
    place: text("place").notNull(),
    /** When this text stopped being current. */
    replacedAt: text("replaced_at").notNull(),
  },
  (t) => [index("idea_revisions_idea_idx").on(t.ideaId, t.id)],
);

/** "Je soutiens": one per resident per idea (or per named person for assisted supports). */
export const supports = sqliteTable(
  "supports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id").notNull().references(() => ideas.id),
    userId: text("user_id").references(() => users.id),
    channel: text("channel", { enum: CHANNELS }).notNull().default("online"),
    recordedById: text("recorded_by_id").references(() => users.id),
    onBehalfName: text("on_behalf_name"),
    createdAt: text("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("supports_idea_user").on(t.ideaId, t.userId),
    uniqueIndex("supports_idea_behalf").on(t.ideaId, t.onBehalfName),
    index("supports_user_idx").on(t.userId),
  ],
);

export const comments = sqliteTable(
  "comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ideaId: integer("idea_id").notNull().references(() => ideas.id),
    authorId: text("author_id").references(() => users.id),
    /** One level of replies: a reply's parent is a top-level comment. */
    parentId: integer("parent_id"),
    stance: text("stance", { enum: STANCES }).notNull().default("neutral"),
    body: text("body").notNull(),
    createdAt: text("created_at").notNull(),
    editedAt: text("edited_at"),
    withdrawnAt: text("withdrawn_at"),
    hiddenAt: text("hidden_at"),
    hiddenByName: text("hidden_by_name"),
    hiddenReason: text("hidden_reason"),
    hiddenDecisionSeq: integer("hidden_decision_seq"),
  },
  (t) => [index("comments_idea_idx").on(t.ideaId, t.id), index("comments_parent_idx").on(t.parentId), index("comments_author_idx").on(t.authorId)],
);

/**
 * Who follows what: councils, ideas, and (as data until those capabilities land) votes,
 * budgets and projects. Notification events go to the followers of their subject
 * (app/domain/notifications/notify.server.ts). `subject_id` is the subject's integer id.
 */
export const follows = sqliteTable(
  "follows",
  {
    userId: text("user_id").notNull().references(() => users.id),
    subjectKind: text("subject_kind", { enum: FOLLOW_KINDS }).notNull(),
    subjectId: integer("subject_id").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("follows_unique").on(t.userId, t.subjectKind, t.subjectId), index("follows_subject_idx").on(t.subjectKind, t.subjectId)],
);

/** Reports by residents, and what a facilitator did about them. */
export const reports = sqliteTable(
  "reports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    subjectKind: text("subject_kind", { enum: ["idea", "comment"] }).notNull(),
    subjectId: integer("subject_id").notNull(),
    councilId: integer("council_id"),
    reporterId: text("reporter_id").references(() => users.id),
    reason: text("reason").notNull(),
    status: text("status", { enum: REPORT_STATUSES }).notNull().default("open"),
    createdAt: text("created_at").notNull(),
    resolvedById: text("resolved_by_id").references(() => users.id),
    resolvedAt: text("resolved_at"),
  },
  (t) => [index("reports_status_idx").on(t.status, t.createdAt), index("reports_subject_idx").on(t.subjectKind, t.subjectId)],
);

/**
 * In-app notifications: one row per recipient and event, written only by `notify()`
 * (app/domain/notifications/notify.server.ts), in the transaction of the change it reports.
 * `title` and `link` are taken when the event happens (the page it points to, on this site);
 * the wording comes from the kind's template (app/domain/notifications/kinds.ts).
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").notNull().references(() => users.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    title: text("title").notNull().default(""),
    link: text("link").notNull().default("/"),
    /** The council the event belongs to (NULL = the town); letters are scoped by it. */
    councilId: integer("council_id"),
    ideaId: integer("idea_id"),
    decisionSeq: integer("decision_seq"),
    commentId: integer("comment_id"),
    meetingId: integer("meeting_id"),
    createdAt: text("created_at").notNull(),
    readAt: text("read_at"),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.id)],
);

/**
 * How each person wants to hear from the town. No row = the defaults (email, immediate,
 * every topic). `unsubscribe_key` authenticates the one-click unsubscribe link of emails
 * (RFC 8058): it can only turn deliveries off, so it is stored as is.
 */
export const notificationPreferences = sqliteTable("notification_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  channel: text("channel", { enum: DELIVERY_CHANNELS }).notNull().default("email"),
  /** true: one daily message (digest) instead of one per event. */
  digest: integer("digest", { mode: "boolean" }).notNull().default(false),
  /** JSON array of topics (ideas, meetings, votes, budgets). */
  topics: text("topics").notNull().default('["ideas","meetings","votes","budgets"]'),
  phone: text("phone").notNull().default(""),
  postalAddress: text("postal_address").notNull().default(""),
  unsubscribeKey: text("unsubscribe_key").notNull().unique(),
  updatedAt: text("updated_at").notNull(),
});

/**
 * The outbox: what must leave the site (an email, an SMS, a letter to print). Written in
 * the transaction of the change it reports; sent by the worker outside requests
 * (docs/decisions/011-notifications-and-outbox.md). A message is claimed (`sending`, with a lease) before it
 * is sent and recorded after; `message_id` is fixed at creation, so a retry after a crash
 * carries the same Message-ID. Letters stay `pending` until a facilitator marks them sent.
 */
export const outboxMessages = sqliteTable(
  "outbox_messages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: SEND_CHANNELS }).notNull(),
    purpose: text("purpose", { enum: OUTBOX_PURPOSES }).notNull(),
    /** account messages: JSON { template, to? }; notification messages: "{}" (content is their deliveries). */
    payload: text("payload").notNull().default("{}"),
    /** The council all its deliveries belong to, or NULL (town-wide, or several). */
    councilId: integer("council_id"),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: text("next_attempt_at").notNull(),
    leaseUntil: text("lease_until"),
    messageId: text("message_id").notNull().unique(),
    createdAt: text("created_at").notNull(),
    sentAt: text("sent_at"),
    /** Letters: the facilitator who marked it sent. */
    sentById: text("sent_by_id").references(() => users.id, { onDelete: "set null" }),
    lastError: text("last_error"),
  },
  (t) => [
    index("outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("outbox_channel_idx").on(t.channel, t.status, t.id),
    index("outbox_user_idx").on(t.userId, t.id),
  ],
);

/**
 * One delivery per notification and channel. An immediate delivery gets its outbox message
 * at once; a digest delivery waits (`due_at`: the next morning) until the worker groups the
 * person's due deliveries into one message.
 */
export const deliveries = sqliteTable(
  "deliveries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    notificationId: integer("notification_id")
      .notNull()
      .references(() => notifications.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    channel: text("channel", { enum: SEND_CHANNELS }).notNull(),
    digest: integer("digest", { mode: "boolean" }).notNull().default(false),
    dueAt: text("due_at").notNull(),
    outboxId: integer("outbox_id").references(() => outboxMessages.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("deliveries_waiting_idx").on(t.outboxId, t.dueAt), index("deliveries_user_idx").on(t.userId, t.id)],
);

/** Every attempt to send an outbox message, successful or not. */
export const deliveryAttempts = sqliteTable(
  "delivery_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    outboxId: integer("outbox_id")
      .notNull()
      .references(() => outboxMessages.id, { onDelete: "cascade" }),
    at: text("at").notNull(),
    ok: integer("ok", { mode: "boolean" }).notNull(),
    error: text("error"),
  },
  (t) => [index("delivery_attempts_outbox_idx").on(t.outboxId, t.id)],
);

// ---------------------------------------------------------------- meetings
/**
 * Council meetings. Times are UTC ISO strings (shown and exported in Europe/Paris).
 * `minutes_due_at` is fixed when the meeting is recorded as held, from the rules in force.
 */
export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    councilId: integer("council_id").notNull().references(() => councils.id),
    title: text("title").notNull(),
    startsAt: text("starts_at").notNull(),
    endsAt: text("ends_at").notNull(),
    placeName: text("place_name").notNull(),
    address: text("address").notNull().default(""),
    accessibility: text("accessibility").notNull().default(""),
    status: text("status", { enum: MEETING_STATUSES }).notNull().default("scheduled"),
    cancelReason: text("cancel_reason"),
    /** Markdown; published when agenda_published_at is set. */
    agenda: text("agenda").notNull().default(""),
    agendaPublishedAt: text("agenda_published_at"),
    heldAt: text("held_at"),
    minutesDueAt: text("minutes_due_at"),
    minutesDelayDays: integer("minutes_delay_days"),
    createdById: text("created_by_id").references(() => users.id),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
  },
  (t) => [
    index("meetings_council_starts_idx").on(t.councilId, t.startsAt),
    index("meetings_starts_idx").on(t.startsAt),
    // statistics and the dashboard: held meetings and their minutes deadline
    index("meetings_stats_idx").on(t.status, t.councilId, t.startsAt, t.minutesDueAt),
  ],
);

/** Ideas linked from a meeting's agenda. */
export const meetingAgendaIdeas = sqliteTable(
  "meeting_agenda_ideas",
  {
    meetingId: integer("meeting_id").notNull().references(() => meetings.id),
    ideaId: integer("idea_id").notNull().references(() => ideas.id),
  },
  (t) => [uniqueIndex("meeting_agenda_ideas_unique").on(t.meetingId, t.ideaId), index("meeting_agenda_ideas_idea_idx").on(t.ideaId)],
);

/** "I will come": one row per resident per meeting. */
export const meetingAttendees = sqliteTable(
  "meeting_attendees",
  {
    meetingId: integer("meeting_id").notNull().references(() => meetings.id),
    userId: text("user_id").notNull().references(() => users.id),
    createdAt: text("created_at").notNull(),
  },
  (t) => [uniqueIndex("meeting_attendees_unique").on(t.meetingId, t.userId)],
);

/**
 * Minutes (compte rendu), versioned: every publication is a new row, never edited
 * (triggers in 0007_minutes_append_only and 0008). The current minutes are the latest version.
 */
export const minutesVersions = sqliteTable(
  "minutes_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id").notNull().references(() => meetings.id),
    version: integer("version").notNull(),
    body: text("body").notNull(),
    attendanceCount: integer("attendance_count").notNull(),
    /** Why this version replaces the previous one (NULL for the first). */
    changeNote: text("change_note"),
    publishedAt: text("published_at").notNull(),
    publishedById: text("published_by_id").references(() => users.id),
    publishedByName: text("published_by_name").notNull(),
  },
  (t) => [uniqueIndex("minutes_versions_unique").on(t.meetingId, t.version), index("minutes_versions_published_idx").on(t.meetingId, t.publishedAt)],
);

// ---------------------------------------------------------------- one-time form tokens
/**
 * Tokens of creating forms that were already used (app/domain/once/once.server.ts). A
 * token is random, issued with the form and claimed in the transaction that stores what
 * the form creates, so a double submission stores one record and shows it once.
 * `location` is where the first submission led (the stored record's page).
 */
export const onceTokens = sqliteTable(
  "once_tokens",
  {
    token: text("token").primaryKey(),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    location: text("location").notNull(),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("once_tokens_created_idx").on(t.createdAt)],
);

// ---------------------------------------------------------------- residency
/**
 * Census imports: each is a new version of the town's census list that replaces the
 * previous one; the register entry says how many people were added, changed and removed.
 */
export const censusImports = sqliteTable("census_imports", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  importedAt: text("imported_at").notNull(),
  importedById: text("imported_by_id").references(() => users.id, { onDelete: "set null" }),
  fileName: text("file_name").notNull().default(""),
  rowCount: integer("row_count").notNull(),
  added: integer("added").notNull(),
  changed: integer("changed").notNull(),
  removed: integer("removed").notNull(),
  decisionSeq: integer("decision_seq").notNull(),
});

/**
 * The census: only what matching and the voting desk need. The town's reference number is
 * stored as an HMAC (app/domain/residency/census.server.ts), never in clear. An entry that a
 * later import no longer contains is kept inactive (participations refer to it).
 */
export const censusEntries = sqliteTable(
  "census_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    referenceHash: text("reference_hash").notNull().unique(),
    familyName: text("family_name").notNull(),
    givenNames: text("given_names").notNull(),
    /** foldForSearch(family name + given names), for the desk's search. */
    nameKey: text("name_key").notNull(),
    /** YYYY-MM-DD. */
    birthDate: text("birth_date").notNull(),
    councilId: integer("council_id").references(() => councils.id),
    address: text("address").notNull(),
    /** foldForSearch(address) with spaces collapsed: one household. */
    addressKey: text("address_key").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    /** The import that last added or changed this entry. */
    importId: integer("import_id").notNull().references(() => censusImports.id),
  },
  (t) => [
    index("census_entries_name_idx").on(t.nameKey),
    index("census_entries_address_idx").on(t.addressKey),
    index("census_entries_council_idx").on(t.councilId, t.active),
  ],
);

/**
 * Residency verifications (data, not a role): person, census entry, method, by whom, when.
 * One active verification per account and per census entry (partial unique indexes).
 * `migrated` rows carry over the former `resident` role assignments (no census entry).
 */
export const residencyVerifications = sqliteTable(
  "residency_verifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    censusEntryId: integer("census_entry_id").references(() => censusEntries.id),
    /** The neighbourhood verified for (the census entry's council when there is one). */
    councilId: integer("council_id").references(() => councils.id),
    method: text("method", { enum: VERIFICATION_METHODS }).notNull(),
    verifiedById: text("verified_by_id").references(() => users.id, { onDelete: "set null" }),
    documentType: text("document_type", { enum: DOCUMENT_TYPES }),
    verifiedAt: text("verified_at").notNull(),
    revokedAt: text("revoked_at"),
  },
  (t) => [
    uniqueIndex("residency_verifications_user_active").on(t.userId).where(sql`revoked_at IS NULL`),
    uniqueIndex("residency_verifications_entry_active").on(t.censusEntryId).where(sql`revoked_at IS NULL AND census_entry_id IS NOT NULL`),
    index("residency_verifications_council_idx").on(t.councilId),
  ],
);

/** Every online claim attempt (private): feeds the unusual-activity alert and the rate limit. */
export const residencyClaims = sqliteTable(
  "residency_claims",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id").references(() => users.id, { onDelete: "cascade" }),
    /** The entry whose reference matched (even when the name or birth date did not). */
    censusEntryId: integer("census_entry_id").references(() => censusEntries.id),
    addressKey: text("address_key"),
    outcome: text("outcome", { enum: ["verified", "mismatch", "unknown", "taken", "underage"] }).notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("residency_claims_user_idx").on(t.userId, t.at), index("residency_claims_address_idx").on(t.addressKey), index("residency_claims_entry_idx").on(t.censusEntryId)],
);

// ---------------------------------------------------------------- ballot box
/**
 * A ballot box, shared by proposal votes and participatory budgets (one box per budget
 * envelope). `spec` is the JSON BallotSpec (app/domain/ballot-box/spec.ts): question or
 * projects, options, limits, electorate, minimum age. It is frozen when the box opens:
 * triggers refuse any change to it, the electorate or the window once opens_at has passed.
 */
export const ballotBoxes = sqliteTable(
  "ballot_boxes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: BOX_KINDS }).notNull(),
    title: text("title").notNull(),
    /** Electorate: a council's verified residents, or the whole town (NULL). */
    councilId: integer("council_id").references(() => councils.id),
    opensAt: text("opens_at").notNull(),
    closesAt: text("closes_at").notNull(),
    spec: text("spec").notNull(),
    ruleVersionId: integer("rule_version_id"),
    createdAt: text("created_at").notNull(),
    /** Set when the count is published: the tally and the closing certificate (JSON). */
    closedAt: text("closed_at"),
    closedById: text("closed_by_id").references(() => users.id, { onDelete: "set null" }),
    tally: text("tally"),
    certificate: text("certificate"),
    closingDecisionSeq: integer("closing_decision_seq"),
  },
  (t) => [index("ballot_boxes_council_idx").on(t.councilId, t.closesAt), index("ballot_boxes_closes_idx").on(t.closesAt)],
);

/**
 * Who took part (never what they chose). Keyed by the census identity, not the account, so
 * one person votes once across channels: `person_key` is "census:<entry id>" or, for
 * residencies carried over before the census, "account:<user id>". Append-only.
 * WITHOUT ROWID (hand-written in the migration). Owned by app/domain/ballot-box/ only.
 */
export const participations = sqliteTable(
  "participations",
  {
    boxId: integer("box_id")
      .notNull()
      .references(() => ballotBoxes.id),
    personKey: text("person_key").notNull(),
    channel: text("channel", { enum: BALLOT_CHANNELS }).notNull(),
    /** The facilitator who recorded a desk or paper participation (private). */
    recordedById: text("recorded_by_id").references(() => users.id, { onDelete: "set null" }),
    /** Coarse date (YYYY-MM-DD, town's clock): enough for the certificate, no time of day. */
    day: text("day").notNull(),
  },
  (t) => [primaryKey({ columns: [t.boxId, t.personKey] }), index("participations_box_channel_idx").on(t.boxId, t.channel)],
);

/**
 * What was chosen (never who chose it): no user, participation, session or time column and
 * no autoincrement; the key is random (WITHOUT ROWID), so storage order cannot be matched
 * to the order of participations. `id` is the hex SHA-256 of the voter's receipt code (a
 * random code for paper ballots). `content` is canonical JSON: sorted option or project ids.
 * Append-only. Owned by app/domain/ballot-box/ only.
 */
export const ballots = sqliteTable(
  "ballots",
  {
    boxId: integer("box_id")
      .notNull()
      .references(() => ballotBoxes.id),
    id: text("id").notNull(),
    channel: text("channel", { enum: BALLOT_CHANNELS }).notNull(),
    content: text("content").notNull(),
  },
  (t) => [primaryKey({ columns: [t.boxId, t.id] })],
);

/**
 * Paper ballots typed in after the close: each sheet (numbered when the box is opened for
 * counting) is entered twice by two different people (pass 1 and 2); a difference is
 * settled by a third entry (pass 3). `content` is the canonical choice, or NULL for a
 * spoiled sheet (blank where a choice is required, too many choices…).
 */
export const paperBallotEntries = sqliteTable(
  "paper_ballot_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    boxId: integer("box_id")
      .notNull()
      .references(() => ballotBoxes.id),
    sheet: integer("sheet").notNull(),
    pass: integer("pass").notNull(),
    content: text("content"),
    enteredById: text("entered_by_id").references(() => users.id, { onDelete: "set null" }),
    enteredAt: text("entered_at").notNull(),
  },
  (t) => [uniqueIndex("paper_ballot_entries_unique").on(t.boxId, t.sheet, t.pass)],
);

// ---------------------------------------------------------------- proposal votes
/** A proposal vote (consultation): its question lives in its ballot box's frozen spec. */
export const votes = sqliteTable(
  "votes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    boxId: integer("box_id")
      .notNull()
      .unique()
      .references(() => ballotBoxes.id),
    councilId: integer("council_id").references(() => councils.id),
    question: text("question").notNull(),
    /** Markdown. */
    description: text("description").notNull(),
    form: text("form", { enum: VOTE_FORMS }).notNull(),
    binding: integer("binding", { mode: "boolean" }).notNull(),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull(),
    /** The official decision that followed the vote. */
    decisionSeq: integer("decision_seq"),
    /** When the "vote is open" notification went out (the worker sends it once the box opens). */
    openAnnouncedAt: text("open_announced_at"),
  },
  (t) => [index("votes_council_idx").on(t.councilId)],
);

// ---------------------------------------------------------------- secrets
/**
 * Random secrets the instance generates once and keeps (e.g. the key of the census
 * reference HMAC). Never shown, never exported in open data.
 */
export const secrets = sqliteTable("secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: text("created_at").notNull(),
});

// ---------------------------------------------------------------- participatory budgets
/**
 * A participatory budget: dated phases (budget_phases), envelopes, ideas collected and
 * reviewed, projects, a vote through one ballot box per envelope, results, implementation.
 * `settings` is the JSON of BudgetSettings (app/domain/budgets/schemas.ts), editable until the
 * vote opens; then it is published as the rulebook version of scope "budget:<slug>"
 * (`rule_version_id`) and never changes. An imported budget (a Pabulib file) is closed from
 * the start and says where its data come from (`source`).
 */
export const budgets = sqliteTable(
  "budgets",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    title: text("title").notNull(),
    /** Markdown. */
    description: text("description").notNull().default(""),
    phase: text("phase", { enum: BUDGET_PHASES }).notNull().default("draft"),
    settings: text("settings").notNull(),
    ruleVersionId: integer("rule_version_id").references(() => ruleVersions.id),
    /** Planned window of the vote (UTC ISO), set when the vote opens. */
    voteOpensAt: text("vote_opens_at"),
    voteClosesAt: text("vote_closes_at"),
    /** The official decision that confirmed or departed from the computed result. */
    decisionSeq: integer("decision_seq"),
    decisionOutcome: text("decision_outcome", { enum: ["confirmed", "departed"] }),
    imported: integer("imported", { mode: "boolean" }).notNull().default(false),
    /** Attribution of imported data (markdown). */
    source: text("source").notNull().default(""),
    createdById: text("created_by_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("budgets_phase_idx").on(t.phase, t.createdAt)],
);

/** Each phase a budget entered, when, and the register entry that explained it. Append-only. */
export const budgetPhases = sqliteTable(
  "budget_phases",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    budgetId: integer("budget_id").notNull().references(() => budgets.id),
    phase: text("phase", { enum: BUDGET_PHASES }).notNull(),
    startedAt: text("started_at").notNull(),
    decisionSeq: integer("decision_seq").notNull(),
  },
  (t) => [index("budget_phases_budget_idx").on(t.budgetId, t.id)],
);

/**
 * An envelope: the town-wide amount (council NULL) or one council's. Amounts in whole euros.
 * One ballot box per envelope once the vote opens. After the count, `pb` holds the anonymised
 * ballots as a Pabulib file (what anyone can download and recount) and `results` the result
 * computed from exactly that file (JSON, app/domain/budgets/results.server.ts); both are
 * written once.
 */
export const budgetEnvelopes = sqliteTable(
  "budget_envelopes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    budgetId: integer("budget_id").notNull().references(() => budgets.id),
    councilId: integer("council_id").references(() => councils.id),
    amount: integer("amount").notNull(),
    boxId: integer("box_id").references(() => ballotBoxes.id),
    pb: text("pb"),
    results: text("results"),
  },
  (t) => [uniqueIndex("budget_envelopes_unique").on(t.budgetId, t.councilId), index("budget_envelopes_council_idx").on(t.councilId)],
);

/**
 * The review of an idea submitted to a budget: feasibility verdict and cost estimate (whole
 * euros), each with its written explanation, the reviewer's declared conflict of interest
 * (shown publicly; "" = none declared), and the register entry that published it.
 */
export const budgetReviews = sqliteTable(
  "budget_reviews",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    budgetId: integer("budget_id").notNull().references(() => budgets.id),
    ideaId: integer("idea_id").notNull().unique().references(() => ideas.id),
    verdict: text("verdict", { enum: FEASIBILITY_VERDICTS }).notNull(),
    cost: integer("cost"),
    feasibilityExplanation: text("feasibility_explanation").notNull(),
    costExplanation: text("cost_explanation").notNull().default(""),
    conflictOfInterest: text("conflict_of_interest").notNull().default(""),
    reviewerId: text("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    reviewerName: text("reviewer_name").notNull(),
    reviewedAt: text("reviewed_at").notNull(),
    decisionSeq: integer("decision_seq").notNull(),
  },
  (t) => [index("budget_reviews_budget_idx").on(t.budgetId)],
);

/**
 * A project in an envelope: a feasible idea (or a line of an imported file). `ballot_id` is
 * the id it has on the ballot and in the Pabulib file, given when the vote opens so that the
 * ids' string order is the declared tie-break order. `funded` is the computed result, then
 * the official decision. Implementation: status, progress (0–100), updates.
 */
export const budgetProjects = sqliteTable(
  "budget_projects",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    budgetId: integer("budget_id").notNull().references(() => budgets.id),
    envelopeId: integer("envelope_id").notNull().references(() => budgetEnvelopes.id),
    ideaId: integer("idea_id").references(() => ideas.id),
    title: text("title").notNull(),
    /** Markdown. */
    summary: text("summary").notNull().default(""),
    cost: integer("cost").notNull(),
    ballotId: text("ballot_id"),
    computedFunded: integer("computed_funded", { mode: "boolean" }),
    funded: integer("funded", { mode: "boolean" }),
    status: text("status", { enum: PROJECT_STATUSES }),
    progress: integer("progress").notNull().default(0),
    /** Money executed so far (whole euros). */
    spent: integer("spent").notNull().default(0),
    createdAt: text("created_at").notNull(),
  },
  (t) => [index("budget_projects_budget_idx").on(t.budgetId, t.envelopeId), uniqueIndex("budget_projects_ballot_id").on(t.envelopeId, t.ballotId)],
);

/** Dated implementation updates of a funded project (photo optional, stored on disk). */
export const budgetProjectUpdates = sqliteTable(
  "budget_project_updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    projectId: integer("project_id").notNull().references(() => budgetProjects.id),
    at: text("at").notNull(),
    status: text("status", { enum: PROJECT_STATUSES }).notNull(),
    progress: integer("progress").notNull(),
    spent: integer("spent").notNull(),
    /** Markdown. */
    body: text("body").notNull(),
    /** File name under the uploads folder, and its type checked by magic bytes. */
    photo: text("photo"),
    photoType: text("photo_type"),
    photoAlt: text("photo_alt").notNull().default(""),
    authorId: text("author_id").references(() => users.id, { onDelete: "set null" }),
    authorName: text("author_name").notNull(),
    /** Register entry, for an abandonment or a change of scope. */
    decisionSeq: integer("decision_seq"),
  },
  (t) => [index("budget_project_updates_project_idx").on(t.projectId, t.at)],
);
