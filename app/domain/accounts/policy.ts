/**
 * The permission policy: the one place that decides who may do what.
 * Owns: the action table (`POLICY`), `can`, `canSomewhere` and `assertCan`.
 * Routes ask it to show or hide controls; domain functions ask it before every change.
 * Nothing else grants access. tests/unit/policy.test.ts walks the whole table.
 *
 * A rule lists who may act:
 *  - "anyone"     visitors included
 *  - "signedIn"   any account (a resident)
 *  - "owner"      the account that owns the resource (resource.ownerId)
 *  - "verified"   a resident whose residency is verified (a verification record, loaded into
 *                  the actor): for a council's resource, verified in that council; for a
 *                  town-level resource, verified anywhere in the town
 *  - "facilitator" | "official" | "admin"  a role assignment for the resource's council
 *                  or town-wide; a town-level resource (no council) needs a town-wide one.
 */
import { ROLES, type Role } from "#db/enums";
import { ForbiddenError } from "../errors";

export { ROLES, type Role };
export interface Assignment {
  role: Role;
  councilId: number | null;
}
/** A verified residency (app/domain/residency/), as the policy and the ballot box see it. */
export interface Residency {
  /** The neighbourhood (council) of the census entry; null when verified for the town only. */
  councilId: number | null;
  /** The census identity that votes: "census:<entry id>" or "account:<user id>" (carried over). */
  personKey: string;
  censusEntryId: number | null;
  /** YYYY-MM-DD, from the census (null for residencies carried over from before the census). */
  birthDate: string | null;
}
export interface Actor {
  userId: string;
  displayName: string;
  email: string;
  assignments: Assignment[];
  residency: Residency | null;
}
export type MaybeActor = Actor | null;

/** What an action is about: its council (null = the town) and owner, when relevant. */
export interface Resource {
  councilId?: number | null;
  ownerId?: string | null;
}

export type Who =
  | "anyone"
  | "signedIn"
  | "owner"
  | "verified"
  | "facilitator"
  | "official"
  | "admin";

export const POLICY = {
  // public reading
  "public.read": ["anyone"],
  // accounts
  "account.view": ["signedIn"],
  // administration
  "admin.view": ["admin"],
  "mail.view": ["admin"],
  "council.create": ["admin"],
  "council.edit": ["admin"],
  "role.manage": ["admin"],
  "town.edit": ["admin"],
  // the decision register and the rulebook
  "decision.publish": ["official"],
  "rules.publish": ["official"],
  // ideas
  "idea.create": ["signedIn"],
  "idea.createOnBehalf": ["facilitator"],
  "idea.edit": ["owner"],
  "idea.support": ["signedIn"],
  "idea.supportOnBehalf": ["facilitator"],
  "idea.follow": ["signedIn"],
  "idea.answer": ["facilitator", "official"],
  "idea.merge": ["facilitator", "official"],
  "comment.create": ["signedIn"],
  "comment.edit": ["owner"],
  // moderation
  "content.report": ["signedIn"],
  "moderation.act": ["facilitator"],
  // notifications
  "notifications.view": ["signedIn"],
  "letters.print": ["facilitator"],
  // the officials' dashboard (each section asks for its own action too)
  "dashboard.view": ["facilitator", "official"],
  // meetings
  "meeting.manage": ["facilitator"],
  "meeting.attend": ["signedIn"],
  "council.follow": ["signedIn"],
  // residency (verification is data, not a role)
  "census.import": ["admin"],
  "residency.claim": ["signedIn"],
  "residency.verify": ["facilitator"],
  "residency.alerts": ["admin", "official"],
  // proposal votes and the ballot box
  "vote.create": ["official"],
  "vote.cast": ["verified"],
  "vote.desk": ["facilitator"],
  "vote.count": ["facilitator", "official"],
  "vote.decide": ["official"],
  "vote.follow": ["signedIn"],
  // participatory budgets
  "budget.manage": ["official"],
  "budget.review": ["official"],
  "budget.decide": ["official"],
  "budget.import": ["admin"],
  "project.update": ["official"],
  "project.follow": ["signedIn"],
  "budget.follow": ["signedIn"],
} as const satisfies Record<string, readonly Who[]>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

/**
 * Actions on something that belongs to a council (or explicitly to the town): the caller
 * must say which, as `{ councilId }` (null = the town). Forgetting it does not compile,
 * because a role held for one council must never act on another's records.
 */
export const SCOPED_ACTIONS = [
  "decision.publish",
  "idea.create",
  "idea.createOnBehalf",
  "idea.edit",
  "idea.support",
  "idea.supportOnBehalf",
  "idea.follow",
  "idea.answer",
  "idea.merge",
  "comment.create",
  "comment.edit",
  "content.report",
  "moderation.act",
  "meeting.manage",
  "meeting.attend",
  "council.follow",
  "residency.verify",
  "vote.create",
  "vote.cast",
  "vote.desk",
  "vote.count",
  "vote.decide",
  "budget.manage",
  "budget.review",
  "budget.decide",
  "project.update",

  "letters.print",
  "dashboard.view",
] as const satisfies readonly Action[];
export type ScopedAction = (typeof SCOPED_ACTIONS)[number];
export type TownAction = Exclude<Action, ScopedAction>;
/** The resource of a scoped action: its council (null = the town) is required. */
export interface ScopedResource extends Resource {
  councilId: number | null;
}

function holds(actor: Actor, role: Role, resource: Resource): boolean {
  const scope = resource.councilId ?? null;
  return actor.assignments.some(
    (a) => a.role === role && (a.councilId === null || (scope !== null && a.councilId === scope)),
  );
}

function allows(who: Who, actor: MaybeActor, resource: Resource): boolean {
  switch (who) {
    case "anyone":
      return true;
    case "signedIn":
      return actor !== null;
    case "owner":
      return actor !== null && !!resource.ownerId && resource.ownerId === actor.userId;
    case "verified": {
      const r = actor?.residency;
      if (!r) return false;
      const scope = resource.councilId ?? null;
      return scope === null || r.councilId === scope;
    }
    case "facilitator":
    case "official":
    case "admin":
      return actor !== null && holds(actor, who, resource);
  }
}

export function can(actor: MaybeActor, action: ScopedAction, resource: ScopedResource): boolean;
export function can(actor: MaybeActor, action: TownAction, resource?: Resource): boolean;
export function can(actor: MaybeActor, action: Action, resource: Resource = {}): boolean {
  return POLICY[action].some((who: Who) => allows(who, actor, resource));
}

/**
 * The role in which the actor may take this action here (for the register's "author
 * acting as"): the first role-based rule that allows it; "resident" for account rules.
 */
export function actingRole(actor: MaybeActor, action: ScopedAction, resource: ScopedResource): Role | null;
export function actingRole(actor: MaybeActor, action: TownAction, resource?: Resource): Role | null;
export function actingRole(actor: MaybeActor, action: Action, resource: Resource = {}): Role | null {
  if (!actor) return null;
  for (const who of POLICY[action] as readonly Who[]) {
    if (!allows(who, actor, resource)) continue;
    if (who === "facilitator" || who === "official" || who === "admin") return who;
    return "resident";
  }
  return null;
}

/** For menus: may the actor do this for at least one council or the town? */
export function canSomewhere(actor: MaybeActor, action: Action): boolean {
  const check = can as (a: MaybeActor, x: Action, r?: Resource) => boolean;
  if (check(actor, action, { councilId: null })) return true;
  if (!actor) return false;
  return actor.assignments.some((a) => a.councilId !== null && check(actor, action, { councilId: a.councilId }));
}

export function assertCan(actor: MaybeActor, action: ScopedAction, resource: ScopedResource): void;
export function assertCan(actor: MaybeActor, action: TownAction, resource?: Resource): void;
export function assertCan(actor: MaybeActor, action: Action, resource: Resource = {}): void {
  if (!(can as (a: MaybeActor, x: Action, r?: Resource) => boolean)(actor, action, resource)) throw new ForbiddenError(action);
}

/** assertCan for actions that need an account; narrows the actor. */
export function assertCanAs(actor: MaybeActor, action: ScopedAction, resource: ScopedResource): Actor;
export function assertCanAs(actor: MaybeActor, action: TownAction, resource?: Resource): Actor;
export function assertCanAs(actor: MaybeActor, action: Action, resource: Resource = {}): Actor {
  if (!actor || !(can as (a: MaybeActor, x: Action, r?: Resource) => boolean)(actor, action, resource)) throw new ForbiddenError(action);
  return actor;
}

/**
 * The councils where the actor may take `action`: null when everywhere (a town-wide role),
 * a list of council ids, or undefined when nowhere.
 */
export function scopeFor(actor: Actor, action: ScopedAction): number[] | null | undefined {
  if (can(actor, action, { councilId: null })) return null;
  const ids = [...new Set(actor.assignments.map((a) => a.councilId).filter((c): c is number => c !== null))].filter((c) => can(actor, action, { councilId: c }));
  return ids.length ? ids : undefined;
}
