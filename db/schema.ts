/**
 * The database schema (drizzle, SQLite). One file, grouped by capability.
 * Times are UTC ISO-8601 strings unless the column says `_ms`/`expires_at` (lucia wants
 * integer seconds). Money is integer euro cents. Tables are plural snake_case.
 * Changing this file: run `npm run db:generate` and commit the new migration in db/migrations.
 */
import { sql } from "drizzle-orm";
import { ROLES, SUBJECT_KINDS, type Role } from "./enums";
import {
  index,
  uniqueIndex,
  integer,
  sqliteTable,
  text,
} from "drizzle-orm/sqlite-core";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

// ---------------------------------------------------------------- town
/** The single town this instance serves (row id = 1). */
export const towns = sqliteTable("towns", {
  id: integer("id").primaryKey(),
  name: text("name").notNull(),
  accentColor: text("accent_color").notNull().default("#1d5fa8"),
  timeZone: text("time_zone").notNull().default("Europe/Paris"),
  currency: text("currency").notNull().default("EUR"),
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
});

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
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

/** Append-only audit of every role change: who changed whose role, when. */
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
    change: text("change", { enum: ["grant", "revoke"] }).notNull(),
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
 * The decision register (registre des arbitrages). Append-only: triggers (migration
 * 0003_append_only) refuse UPDATE and DELETE. Entries are hash-chained; the exact hashed
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

// ---------------------------------------------------------------- rules (le cadre)
/**
 * Rulebook versions, per scope ("town", or a process such as "budget:<slug>").
 * Numbered per scope, dated, never edited (triggers refuse UPDATE and DELETE).
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
