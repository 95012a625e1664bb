/**
 * Walks the whole permission table: every action × every persona × every scope.
 * EXPECTED must list every action in POLICY (a new action without a row fails here).
 */
import { describe, expect, it } from "vitest";
import { ACTIONS, POLICY, SCOPED_ACTIONS, can, canSomewhere, assertCan, type Action, type Actor, type MaybeActor } from "~/domain/accounts/policy";
import { ForbiddenError } from "~/domain/errors";

const A = 1; // the persona's council
const B = 2; // another council

const actor = (userId: string, assignments: Actor["assignments"], residency: Actor["residency"] = null): Actor => ({ userId, displayName: userId, email: `${userId}@x.fr`, assignments, residency });
const verifiedIn = (councilId: number | null): Actor["residency"] => ({ councilId, personKey: `census:${councilId}`, censusEntryId: councilId, birthDate: "1980-01-01" });

const PERSONAS = {
  visitor: null,
  resident: actor("resident", []),
  // residency is a verification record, not a role assignment
  verifiedA: actor("verifiedA", [], verifiedIn(A)),
  facilitatorA: actor("facilitatorA", [{ role: "facilitator", councilId: A }]),
  facilitatorTown: actor("facilitatorTown", [{ role: "facilitator", councilId: null }]),
  officialA: actor("officialA", [{ role: "official", councilId: A }]),
  officialTown: actor("officialTown", [{ role: "official", councilId: null }]),
  admin: actor("admin", [{ role: "admin", councilId: null }]),
} as const;
type Persona = keyof typeof PERSONAS;
const ALL = Object.keys(PERSONAS) as Persona[];

/** Who may act, for a resource in council A, in council B, and at town level. */
type Row = { A: Persona[]; B: Persona[]; town: Persona[] };
const same = (p: Persona[]): Row => ({ A: p, B: p, town: p });
const signedIn = ALL.filter((p) => p !== "visitor");

const EXPECTED: Record<Action, Row> = {
  "public.read": same(ALL),
  "account.view": same(signedIn),
  "admin.view": same(["admin"]),
  "mail.view": same(["admin"]),
  "council.create": same(["admin"]),
  "council.edit": same(["admin"]),
  "role.manage": same(["admin"]),
  "town.edit": same(["admin"]),
  // council-scoped: an official of A publishes for A only; town-level needs a town-wide official
  "decision.publish": { A: ["officialA", "officialTown"], B: ["officialTown"], town: ["officialTown"] },
  "rules.publish": { A: ["officialA", "officialTown"], B: ["officialTown"], town: ["officialTown"] },
  "idea.create": same(signedIn),
  "idea.createOnBehalf": { A: ["facilitatorA", "facilitatorTown"], B: ["facilitatorTown"], town: ["facilitatorTown"] },
  // owner rules: nobody owns the resource in this walk (ownership is tested below)
  "idea.edit": same([]),
  "idea.support": same(signedIn),
  "idea.supportOnBehalf": { A: ["facilitatorA", "facilitatorTown"], B: ["facilitatorTown"], town: ["facilitatorTown"] },
  "idea.follow": same(signedIn),
  "idea.answer": {
    A: ["facilitatorA", "facilitatorTown", "officialA", "officialTown"],
    B: ["facilitatorTown", "officialTown"],
    town: ["facilitatorTown", "officialTown"],
  },
  "idea.merge": {
    A: ["facilitatorA", "facilitatorTown", "officialA", "officialTown"],
    B: ["facilitatorTown", "officialTown"],
    town: ["facilitatorTown", "officialTown"],
  },
  "comment.create": same(signedIn),
  "comment.edit": same([]),
  "content.report": same(signedIn),
  "moderation.act": { A: ["facilitatorA", "facilitatorTown"], B: ["facilitatorTown"], town: ["facilitatorTown"] },
  "notifications.view": same(signedIn),
  "meeting.manage": { A: ["facilitatorA", "facilitatorTown"], B: ["facilitatorTown"], town: ["facilitatorTown"] },
  "meeting.attend": same(signedIn),
  "council.follow": same(signedIn),
  "census.import": same(["admin"]),
  "residency.claim": same(signedIn),
  "residency.verify": { A: ["facilitatorA", "facilitatorTown"], B: ["facilitatorTown"], town: ["facilitatorTown"] },
  "residency.alerts": { A: ["officialA", "officialTown", "admin"], B: ["officialTown", "admin"], town: ["officialTown", "admin"] },
  "vote.create": { A: ["officialA", "officialTown"], B: ["officialTown"], town: ["officialTown"] },
  // a resident verified in A votes in A's votes and in the town's, not in B's
  "vote.cast": { A: ["verifiedA"], B: [], town: ["verifiedA"] },
  "vote.desk": { A: ["facilitatorA", "facilitatorTown"], B: ["facilitatorTown"], town: ["facilitatorTown"] },
  "vote.count": { A: ["facilitatorA", "facilitatorTown", "officialA", "officialTown"], B: ["facilitatorTown", "officialTown"], town: ["facilitatorTown", "officialTown"] },
  "vote.decide": { A: ["officialA", "officialTown"], B: ["officialTown"], town: ["officialTown"] },
  // budgets are town-wide (their council envelopes are reviewed and carried out by that council's officials)
  "budget.manage": { A: ["officialA", "officialTown"], B: ["officialTown"], town: ["officialTown"] },
  "budget.review": { A: ["officialA", "officialTown"], B: ["officialTown"], town: ["officialTown"] },
  "budget.decide": { A: ["officialA", "officialTown"], B: ["officialTown"], town: ["officialTown"] },
  "budget.import": same(["admin"]),
  "project.update": { A: ["officialA", "officialTown"], B: ["officialTown"], town: ["officialTown"] },
  "project.follow": same(signedIn),
  "vote.follow": same(signedIn),
  "budget.follow": same(signedIn),

  "letters.print": { A: ["facilitatorA", "facilitatorTown"], B: ["facilitatorTown"], town: ["facilitatorTown"] },
  "dashboard.view": {
    A: ["facilitatorA", "facilitatorTown", "officialA", "officialTown"],
    B: ["facilitatorTown", "officialTown"],
    town: ["facilitatorTown", "officialTown"],
  },
};

describe("permission policy", () => {
  it("has an expectation for every action", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  for (const action of ACTIONS) {
    for (const persona of ALL) {
      for (const [scope, councilId] of [["A", A], ["B", B], ["town", null]] as const) {
        const allowed = EXPECTED[action][scope].includes(persona);
        it(`${action}: ${persona} on ${scope} → ${allowed ? "allowed" : "denied"}`, () => {
          // the table is walked for every action; the overloads are checked by the compiler below
          const canAny = can as (a: MaybeActor, x: Action, r: { councilId: number | null }) => boolean;
          const assertAny = assertCan as (a: MaybeActor, x: Action, r: { councilId: number | null }) => void;
          expect(canAny(PERSONAS[persona], action, { councilId })).toBe(allowed);
          if (allowed) expect(() => assertAny(PERSONAS[persona], action, { councilId })).not.toThrow();
          else expect(() => assertAny(PERSONAS[persona], action, { councilId })).toThrow(ForbiddenError);
        });
      }
    }
  }

  it("owner rules match only the owner, whatever their roles", () => {
    for (const action of ["idea.edit", "comment.edit"] as const) {
      for (const persona of ALL) {
        const p = PERSONAS[persona];
        expect(can(p, action, { ownerId: "resident", councilId: A }), `${action} ${persona}`).toBe(persona === "resident");
      }
      expect(can(null, action, { ownerId: null, councilId: null })).toBe(false);
    }
  });

  it("council-scoped actions need their council: a call without it does not compile", () => {
    // @ts-expect-error "idea.support" is scoped: the resource with its council is required
    expect(() => can(PERSONAS.resident, "idea.support")).not.toThrow();
    // @ts-expect-error the council may be null (the town) but not missing
    expect(() => assertCan(PERSONAS.facilitatorA, "moderation.act", { ownerId: "x" })).toThrow(ForbiddenError);
    expect(SCOPED_ACTIONS.every((a) => ACTIONS.includes(a))).toBe(true);
    // every action whose rule depends on a role or residency for a council is scoped
    for (const action of ACTIONS) {
      const roleBased = (POLICY[action] as readonly string[]).some((w) => w === "facilitator" || w === "official" || w === "verified");
      const townOnly = ["rules.publish", "role.manage", "town.edit", "council.create", "council.edit", "admin.view", "census.import", "residency.alerts", "budget.import"].includes(action);
      if (roleBased && !townOnly) expect(SCOPED_ACTIONS as readonly string[], action).toContain(action);
    }
  });

  it("canSomewhere sees council-scoped roles for menus", () => {
    expect(canSomewhere(PERSONAS.facilitatorA, "admin.view")).toBe(false);
    expect(canSomewhere(PERSONAS.admin, "admin.view")).toBe(true);
    expect(canSomewhere(null, "account.view")).toBe(false);
  });
});
