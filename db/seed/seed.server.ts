/**
 * Seeding: the demo town (councils, demo accounts, and the content later capabilities add)
 * or an empty town. Runs only on a database without a town.
 */
import { generateIdFromEntropySize } from "lucia";
import { db } from "../client.server";
import { councils, roleAssignments, roleChanges, towns, users } from "../schema";
import { hashPassword } from "~/domain/accounts/password.server";
import { DEMO_ACCOUNTS, DEMO_COUNCILS, DEMO_PASSWORD, DEMO_TOWN } from "./demo-town";

export function seedEmptyTown(name: string) {
  db.insert(towns).values({ id: 1, name, demo: false }).run();
}

export async function seedDemo() {
  const hash = await hashPassword(DEMO_PASSWORD);
  db.transaction((tx) => {
    tx.insert(towns).values({ id: 1, name: DEMO_TOWN.name, accentColor: DEMO_TOWN.accentColor, demo: true }).run();
    const councilIds = new Map<string, number>();
    for (const c of DEMO_COUNCILS) {
      const row = tx.insert(councils).values(c).returning({ id: councils.id }).get();
      councilIds.set(c.slug, row.id);
    }
    for (const a of DEMO_ACCOUNTS) {
      const id = generateIdFromEntropySize(10);
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
}
