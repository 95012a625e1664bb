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
