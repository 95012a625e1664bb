/** Enumerations stored in the database, shared with the UI (no imports: safe in the browser bundle). */
export const ROLES = ["resident", "facilitator", "official", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** What a register entry (a decision) is about. */
export const SUBJECT_KINDS = [
  "council_decision",
  "rule_change",
  "idea",
  "project",
  "budget_result",
  "vote",
  "meeting",
  "moderation",
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

/** An idea's lifecycle (see app/domain/ideas/lifecycle.ts for the allowed moves). */
export const IDEA_STATUSES = ["submitted", "under_review", "accepted", "rejected", "merged", "in_budget", "on_agenda", "implemented"] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

export const IDEA_THEMES = ["mobility", "environment", "public_space", "culture", "sport", "solidarity", "education", "safety", "housing", "economy", "rules"] as const;
export type IdeaTheme = (typeof IDEA_THEMES)[number];

/** How a contribution reached the platform (médiation). */
export const CHANNELS = ["online", "assisted", "letter"] as const;
export type Channel = (typeof CHANNELS)[number];

export const STANCES = ["for", "against", "neutral"] as const;
export type Stance = (typeof STANCES)[number];

export const REPORT_STATUSES = ["open", "hidden", "dismissed"] as const;

export const MEETING_STATUSES = ["scheduled", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Notification kinds (templates: app/domain/notifications/kinds.ts). */
export const NOTIFICATION_KINDS = [
  "answer",
  "comment",
  "reply",
  "moderation",
  "merge",
  "threshold",
  "agenda",
  "agendaChanged",
  "minutes",
  "minutesChanged",
  "cancelled",
  "voteOpened",
  "voteResults",
  "budgetPhase",
  "projectUpdate",
] as const;

/** What a person can follow. */
export const FOLLOW_KINDS = ["council", "idea", "vote", "budget", "project"] as const;

/** How a person wants to hear from the town ("none": only the in-app list). */
export const DELIVERY_CHANNELS = ["email", "sms", "post", "none"] as const;
export const SEND_CHANNELS = ["email", "sms", "post"] as const;

/** Families of notification kinds a person may choose to receive. */
export const TOPICS = ["ideas", "meetings", "votes", "budgets"] as const;

/** An outbox message's life: claimed before sending, recorded after (docs/decisions/008). */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "cancelled"] as const;
export const OUTBOX_PURPOSES = ["notification", "digest", "account"] as const;

/** Single-use account tokens (stored hashed). */
export const TOKEN_PURPOSES = ["verifyEmail", "resetPassword", "changeEmail"] as const;
