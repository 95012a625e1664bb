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
  "census",
  "budget",
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

/**
 * Every outcome a register entry can record: free council decisions, rulebook versions,
 * answers to ideas (their new status), moderation, and budget results. DecisionInput's
 * `outcome` has this type, so the domain cannot write another one; each has a
 * `decisions.outcomes.*` key in both locales (tests/unit/enum-keys.test.ts).
 */
export const DECISION_OUTCOMES = [
  "adopted", "rejected", "postponed", "noted",
  "rules_published",
  "under_review", "accepted", "merged", "in_budget", "on_agenda", "implemented",
  "hidden", "restored",
  "confirmed", "departed", "funded",
  // census imports, proposal votes and ballot boxes
  "imported", "scheduled", "counted", "option_chosen",
  // participatory budgets: phase changes, implementation
  "phase_changed", "abandoned", "scope_changed",
] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];


/** A role change in the audit (role_changes.change). */
export const ROLE_CHANGES = ["grant", "revoke"] as const;

export const MEETING_STATUSES = ["scheduled", "held", "cancelled"] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Roles an admin can grant. Residency is not a role: it is a verification record. */
export const ASSIGNABLE_ROLES = ["facilitator", "official", "admin"] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

/** How a residency was verified: census match online, in person at a desk, or carried over. */
export const VERIFICATION_METHODS = ["online", "desk", "migrated"] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** The kind of document seen at the desk (never the document itself). */
export const DOCUMENT_TYPES = ["id_card", "passport", "residence_permit", "driving_licence", "proof_of_address", "other"] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** How a ballot reached the box. */
export const BALLOT_CHANNELS = ["online", "desk", "paper"] as const;
export type BallotChannel = (typeof BALLOT_CHANNELS)[number];

/** What a ballot box serves. */
export const BOX_KINDS = ["vote", "budget"] as const;
export type BoxKind = (typeof BOX_KINDS)[number];

/** A proposal vote's question form: yes / no / abstain, or several options. */
export const VOTE_FORMS = ["yes_no", "options"] as const;
export type VoteForm = (typeof VOTE_FORMS)[number];

/** A participatory budget's phases, in order (app/domain/budgets/phases.ts has the allowed moves). */
export const BUDGET_PHASES = ["draft", "collection", "review", "vote", "results", "implementation", "closed"] as const;
export type BudgetPhase = (typeof BUDGET_PHASES)[number];

/** A reviewer's verdict on an idea submitted to a budget. */
export const FEASIBILITY_VERDICTS = ["feasible", "unfeasible"] as const;
export type FeasibilityVerdict = (typeof FEASIBILITY_VERDICTS)[number];

/** Where a funded project stands. */
export const PROJECT_STATUSES = ["planned", "in_progress", "done", "abandoned"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

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
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** What a person can follow. */
export const FOLLOW_KINDS = ["council", "idea", "vote", "budget", "project"] as const;

/** How a person wants to hear from the town ("none": only the in-app list). */
export const DELIVERY_CHANNELS = ["email", "sms", "post", "none"] as const;
export const SEND_CHANNELS = ["email", "sms", "post"] as const;

/** Families of notification kinds a person may choose to receive. */
export const TOPICS = ["ideas", "meetings", "votes", "budgets"] as const;

/** An outbox message's life: claimed before sending, recorded after (docs/decisions/011-notifications-and-outbox.md). */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "cancelled"] as const;
export const OUTBOX_PURPOSES = ["notification", "digest", "account"] as const;

/** Single-use account tokens (stored hashed). */
export const TOKEN_PURPOSES = ["verifyEmail", "resetPassword", "changeEmail"] as const;
