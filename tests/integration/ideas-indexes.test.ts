/** Every idea list query (each filter × each sort) is served by an index, never a full table scan. */
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { councils, ideas } from "#db/schema";
import { forcedIndex, listOrder, listWhere, pageIdsIndexed, type IdeaListQuery } from "~/domain/ideas/ideas.server";

function plan(q: IdeaListQuery) {
  const index = forcedIndex(q);
  const { sql, params } = index ? pageIdsIndexed(listWhere(q), q, index, 20, 0) : db
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

  it("overdue × newest walks the unanswered ideas in order: no sort of every overdue idea", () => {
    const steps = plan({ overdue: true, sort: "newest" });
    expect(steps.join(" | ")).toMatch(/ideas_unanswered_submitted_idx/);
    expect(steps.join(" | ")).not.toMatch(/TEMP B-TREE/);
  });
});
