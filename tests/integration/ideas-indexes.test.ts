/** Every idea list query (each filter × each sort) is served by an index, never a full table scan. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { councils, ideas } from "#db/schema";
import { listOrder, listWhere, type IdeaListQuery } from "~/domain/ideas/ideas.server";

function plan(q: IdeaListQuery) {
  const { sql, params } = db
    .select({ id: ideas.id })
    .from(ideas)
    .leftJoin(councils, eq(councils.id, ideas.councilId))
    .where(listWhere(q))
    .orderBy(...listOrder(q.sort))
    .limit(20)
    .toSQL();
  sqlite().exec("ANALYZE");
  return (sqlite().prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

describe("idea lists use indexes", () => {
  const filters: [string, IdeaListQuery][] = [
    ["none", {}],
    ["council", { councilId: 1 }],
    ["status", { status: "accepted" }],
    ["theme", { theme: "mobility" }],
    ["overdue", { overdue: true }],
  ];
  for (const [name, f] of filters) {
    for (const sort of ["newest", "supported", "discussed"] as const) {
      it(`${name} × ${sort}`, () => {
        const steps = plan({ ...f, sort });
        const ideasStep = steps.find((s) => /\bideas\b/.test(s))!;
        expect(ideasStep, steps.join(" | ")).toMatch(/USING (COVERING )?INDEX/);
        expect(steps.join(" | ")).not.toMatch(/SCAN ideas(?! USING)/);
      });
    }
  }
});
