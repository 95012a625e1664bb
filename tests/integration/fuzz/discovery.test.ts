/**
 * Every route module of app/routes is in the fuzz table (routes.ts): a route with an action
 * or a loader and no entry fails here, so a new route cannot escape the fuzz. The table has
 * no entry for a route that is gone, nor an action or loader the module does not export.
 */
import { describe, expect, it } from "vitest";
import { importRoute, routeFiles, ROUTES, routePath } from "./drive";

describe("fuzz table covers every route module", () => {
  it("finds the route modules", () => {
    expect(routeFiles().length).toBeGreaterThan(40);
  });

  it("has an entry for each action and loader, and none for what does not exist", async () => {
    const missing: string[] = [];
    const extra: string[] = [];
    for (const file of routeFiles()) {
      const mod = await importRoute(file);
      const spec = ROUTES[file];
      if (mod.action && !spec?.action) missing.push(`${file}: action`);
      if (mod.loader && !spec?.loader) missing.push(`${file}: loader`);
      if (spec?.action && !mod.action) extra.push(`${file}: action`);
      if (spec?.loader && !mod.loader) extra.push(`${file}: loader`);
    }
    for (const file of Object.keys(ROUTES)) if (!routeFiles().includes(file)) extra.push(`${file}: no such route module`);
    expect(missing, "routes without a fuzz entry (tests/integration/fuzz/routes.ts)").toEqual([]);
    expect(extra, "fuzz entries for nothing").toEqual([]);
  });

  it("builds route paths as Remix names them", () => {
    expect(routePath("meetings.$id_.minutes.diff.tsx", { id: "3" })).toBe("/meetings/3/minutes/diff");
    expect(routePath("councils.$slug.decisions[.]atom.tsx", { slug: "a b" })).toBe("/councils/a%20b/decisions.atom");
    expect(routePath("account.data[.]json.tsx", {})).toBe("/account/data.json");
    expect(routePath("ideas._index.tsx", {})).toBe("/ideas");
    expect(routePath("_index.tsx", {})).toBe("/");
    expect(routePath("$.tsx", { "*": "a/b c" })).toBe("/a/b%20c");
  });
});
