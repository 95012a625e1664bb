/**
 * The database schema (drizzle, SQLite). One file, grouped by capability.
 * Times are UTC ISO-8601 strings unless the column says `_ms`/`expires_at` (lucia wants
 * integer seconds). Money is integer euro cents. Tables are plural snake_case.
 * Changing this file: run `npm run db:generate` and commit the new migration in db/migrations.
 */
import { sql } from "drizzle-orm";
import { ROLES, type Role } from "./enums";
import {
  index,
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
