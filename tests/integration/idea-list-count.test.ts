/**
 * The ideas list's total is kept per data version: it follows every new idea and every
 * hidden one at once, per filter, and the overdue count follows the clock.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { ideas } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { listIdeas, submitIdea } from "~/domain/ideas/ideas.server";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";

let resident: Actor;
let council: { id: number; slug: string };
const BODY = "Une idée détaillée pour le quartier, avec assez de texte pour être acceptée.";

beforeAll(async () => {
  emptyTown();
  council = makeCouncil("Les Saules");
  resident = await makeUser();
});

describe("the list's total", () => {
  it("follows new and hidden ideas, per filter", () => {
    const before = listIdeas({}).total;
    const beforeHere = listIdeas({ councilId: council.id }).total;
    const idea = submitIdea(resident, { title: "Un composteur rue des Saules", body: BODY, theme: "environment", councilId: council.id, place: "" });
    expect(listIdeas({}).total).toBe(before + 1);
    expect(listIdeas({ councilId: council.id }).total).toBe(beforeHere + 1);
    expect(listIdeas({ councilId: council.id, theme: "mobility" }).total).toBe(0);
    db.update(ideas).set({ hiddenAt: new Date().toISOString() }).where(eq(ideas.id, idea.id)).run();
    expect(listIdeas({}).total).toBe(before);
    expect(listIdeas({ councilId: council.id }).total).toBe(beforeHere);
  });

  it("the overdue count changes with the clock, with no write", () => {
    const idea = submitIdea(resident, { title: "Un banc rue des Saules", body: BODY, theme: "public_space", councilId: council.id, place: "" });
    const due = new Date(db.select({ dueAt: ideas.dueAt }).from(ideas).where(eq(ideas.id, idea.id)).get()!.dueAt);
    const beforeDue = listIdeas({ overdue: true, councilId: council.id }, new Date(due.getTime() - 60_000)).total;
    const afterDue = listIdeas({ overdue: true, councilId: council.id }, new Date(due.getTime() + 120_000)).total;
    expect(afterDue).toBe(beforeDue + 1);
  });
});
