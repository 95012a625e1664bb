/**
 * Seeding: the demo town (councils, demo accounts, and the content later capabilities add)
 * or an empty town. Runs only on a database without a town.
 */
import { generateIdFromEntropySize } from "lucia";
import { db } from "../client.server";
import { councils, roleAssignments, roleChanges, towns, users } from "../schema";
import { hashPassword } from "~/domain/accounts/password.server";
import type { Actor } from "~/domain/accounts/policy";
import { loadActor } from "~/domain/accounts/session.server";
import { getCouncilBySlug } from "~/domain/councils/councils.server";
import { recordDecision } from "~/domain/decisions/record.server";
import { publishRuleVersion } from "~/domain/rules/rules.server";
import { DEMO_COUNCIL_DECISIONS, DEMO_RULES } from "./demo-rules";
import { ideaEvents, type SeedEvent } from "./seed-ideas.server";
import { meetingEvents } from "./seed-meetings.server";
import { budgetEvents } from "./seed-budgets.server";
import { votingEvents } from "./seed-voting.server";
import { DEMO_ACCOUNTS, DEMO_COUNCILS, DEMO_PASSWORD, DEMO_TOWN } from "./demo-town";

export function seedEmptyTown(name: string) {
  db.insert(towns).values({ id: 1, name, demo: false }).run();
}

export async function seedDemo() {
  const hash = await hashPassword(DEMO_PASSWORD);
  const ids = new Map<string, string>();
  db.transaction((tx) => {
    tx.insert(towns).values({ id: 1, name: DEMO_TOWN.name, accentColor: DEMO_TOWN.accentColor, deskInfo: DEMO_TOWN.deskInfo, demo: true }).run();
    const councilIds = new Map<string, number>();
    for (const c of DEMO_COUNCILS) {
      const row = tx.insert(councils).values(c).returning({ id: councils.id }).get();
      councilIds.set(c.slug, row.id);
    }
    for (const a of DEMO_ACCOUNTS) {
      const id = generateIdFromEntropySize(10);
      ids.set(a.key, id);
      tx.insert(users)
        .values({ id, email: a.email, displayName: a.displayName, passwordHash: hash, emailVerifiedAt: new Date().toISOString() })
        .run();
      for (const r of a.roles) {
        const councilId = r.council ? councilIds.get(r.council)! : null;
        tx.insert(roleAssignments).values({ userId: id, role: r.role, councilId }).run();
        tx.insert(roleChanges).values({ actorId: null, userId: id, change: "grant", role: r.role, councilId }).run();
      }
    }
  });
  const official = loadActor(ids.get("official")!)!;
  const facilitator = loadActor(ids.get("facilitator")!)!;
  // The town hall's front desk: a town-wide facilitator (médiation, councils without their own).
  const deskId = generateIdFromEntropySize(10);
  db.insert(users).values({ id: deskId, email: "accueil@mairie-montclair.example", displayName: "Lucie Garnier (accueil de la mairie)", passwordHash: hash }).run();
  db.insert(roleAssignments).values({ userId: deskId, role: "facilitator", councilId: null }).run();
  const desk = loadActor(deskId)!;
  const facilitatorFor = (councilId: number | null) =>
    councilId !== null && facilitator.assignments.some((a) => a.role === "facilitator" && a.councilId === councilId) ? facilitator : desk;
  const now = Date.now();
  const events = [
    ...registerEvents(official),
    ...ideaEvents({ passwordHash: hash, now, demoResident: loadActor(ids.get("resident")!)!, official, facilitatorFor }),
    ...meetingEvents({ now, official, facilitators: facilitatorFor }),
    ...votingEvents({ now, admin: loadActor(ids.get("admin")!)!, official, desk }),
    ...budgetEvents({ now, admin: loadActor(ids.get("admin")!)!, official }),
  ];
  // Everything happens in time order, so the register reads chronologically.
  events.sort((a, b) => a.at - b.at);
  for (const e of events) e.run();
}

/** The rulebook versions and council decisions, through the domain functions. */
function registerEvents(official: Actor): SeedEvent[] {
  const events: SeedEvent[] = [];
  for (const r of DEMO_RULES) {
    events.push({
      at: Date.parse(r.at),
      run: () => void publishRuleVersion(official, { scope: "town", title: r.title, body: r.body, explanation: r.explanation, ...r.params }, new Date(r.at)),
    });
  }
  let last: number | null = null;
  for (const d of DEMO_COUNCIL_DECISIONS) {
    events.push({
      at: Date.parse(d.at),
      run: () => {
        const councilId = d.council ? getCouncilBySlug(d.council)!.id : null;
        const row = db.transaction((tx) =>
          recordDecision(tx, official, {
            councilId,
            subject: { kind: "council_decision", id: null, title: d.title },
            outcome: d.outcome,
            explanation: d.explanation,
            evidence: d.evidence,
            supersedesSeq: d.correctionOf === -1 ? last : null,
            authorRole: "official",
            at: new Date(d.at),
          }),
        );
        last = row.seq;
      },
    });
  }
  return events;
}
