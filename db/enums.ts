/** Enumerations stored in the database, shared with the UI (no imports: safe in the browser bundle). */
export const ROLES = ["resident", "facilitator", "official", "admin"] as const;
export type Role = (typeof ROLES)[number];
