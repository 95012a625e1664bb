/**
 * The route matching memoisation of patches/@remix-run+router+<version>.patch
 * (docs/decisions/015): the server's matchRoutes keeps the flattened, ranked branches per
 * routes array and the compiled path patterns per (path, caseSensitive, end). These tests
 * check that the patch is applied (the second match on the same array does not walk the route
 * tree again) and that, for URLs reaching every route file of app/routes (dynamic segments,
 * escaped dots, index routes, nested routes) and for URLs matching nothing, the cached
 * matching answers exactly what a fresh, uncached copy of the router answers.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";
import remixConfig from "../../remix.config.js";

const require = createRequire(import.meta.url);
const root = path.resolve(__dirname, "../..");
const routerPath = require.resolve("@remix-run/router");

type Manifest = Record<string, { id: string; parentId?: string; path?: string; index?: boolean; caseSensitive?: boolean }>;
type RouteTree = { id: string; path?: string; index?: boolean; children?: RouteTree[] }[];
type Match = { params: Record<string, string | undefined>; pathname: string; pathnameBase?: string; route: { id: string } };
type Router = { matchRoutes: (routes: RouteTree, location: string, basename?: string) => Match[] | null };

/** The route manifest the Remix compiler builds from app/routes (same ids and paths), with root. */
function appManifest(): Manifest {
  const { flatRoutes } = require("@remix-run/dev/dist/config/flat-routes.js");
  const routes = flatRoutes(path.join(root, "app"), remixConfig.ignoredRouteFiles) as Manifest;
  return { root: { id: "root", path: "" }, ...routes };
}

/** The route tree exactly as the server builds it (@remix-run/server-runtime's createRoutes). */
function serverRoutes(manifest: Manifest): RouteTree {
  return require("@remix-run/server-runtime/dist/routes.js").createRoutes(manifest);
}

/** A new instance of @remix-run/router, with empty caches. */
function freshRouter(): Router {
  delete require.cache[routerPath];
  const r = require(routerPath) as Router;
  delete require.cache[routerPath];
  return r;
}

/** The full path of a route: its ancestors' paths joined. */
function fullPath(manifest: Manifest, id: string): string {
  const parts: string[] = [];
  for (let r = manifest[id]; r; r = r.parentId ? manifest[r.parentId] : undefined) if (r.path) parts.unshift(r.path);
  return "/" + parts.join("/");
}

/** URLs for every route: each dynamic segment with several values, trailing slash, upper case. */
function urlsFor(manifest: Manifest): string[] {
  const values = ["1", "42", "abc-def", "caf%C3%A9", "new"];
  const urls = new Set<string>();
  for (const id of Object.keys(manifest)) {
    const p = fullPath(manifest, id);
    for (const v of values) {
      const u = p.replace(/:[\w-]+/g, v).replace(/\*$/, `${v}/x/y`);
      urls.add(u);
      urls.add(u + "/");
      urls.add(u.toUpperCase());
      urls.add(u + "/nothing-here");
    }
  }
  for (const u of ["/", "//", "/nope", "/ideas/1/edit/more", "/budgets/1/envelopes/2.pb", "/budgets/1/envelopes/2.pbx", "/decisions.atom", "/councils/le-port/decisions.atom", "/account/data.json", "/ideas//new", "/%", "/a%2Fb", "/uploads/x%2F..%2Fy", "/open-data/ideas.csv", "/votes/1/count?x=1"]) urls.add(u);
  return [...urls];
}

const summary = (ms: Match[] | null) => ms?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname, pathnameBase: m.pathnameBase })) ?? null;

describe("route matching memoisation (patched @remix-run/router)", () => {
  const manifest = appManifest();

  it("the patch file names the installed version of @remix-run/router", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(routerPath), "../package.json"), "utf8"));
    expect(fs.existsSync(path.join(root, "patches", `@remix-run+router+${version}.patch`))).toBe(true);
  });

  it("is applied: matching again on the same routes array does not walk the route tree", () => {
    const router = freshRouter();
    let reads = 0;
    const tree = serverRoutes(manifest);
    for (const r of tree) {
      const children = r.children;
      Object.defineProperty(r, "children", { get: () => (reads++, children), enumerable: true });
    }
    expect(router.matchRoutes(tree, "/ideas/1")?.at(-1)?.route.id).toBe("routes/ideas.$id");
    expect(reads).toBeGreaterThan(0);
    reads = 0;
    expect(router.matchRoutes(tree, "/budgets/7/vote")?.at(-1)?.route.id).toBe("routes/budgets.$id_.vote");
    expect(reads).toBe(0);
    // another array (another route tree) is flattened for itself
    const other = [...tree];
    expect(router.matchRoutes(other, "/ideas/1")?.at(-1)?.route.id).toBe("routes/ideas.$id");
    expect(reads).toBeGreaterThan(0);
  });

  it("answers, for every route file and for URLs matching nothing, what an uncached router answers", () => {
    const urls = urlsFor(manifest);
    const expected = urls.map((u) => summary(freshRouter().matchRoutes(serverRoutes(manifest), u)));
    // the server's path: one routes array for every request, through server-runtime's matchServerRoutes
    const router = require(routerPath) as Router;
    const { matchServerRoutes } = require("@remix-run/server-runtime/dist/routeMatching.js");
    const stable = serverRoutes(manifest);
    for (const pass of [0, 1]) {
      const order = pass === 0 ? urls.map((_, i) => i) : urls.map((_, i) => urls.length - 1 - i);
      for (const i of order) {
        expect(summary(router.matchRoutes(stable, urls[i]!)), urls[i]).toEqual(expected[i]);
        const server = matchServerRoutes(stable, urls[i]!, undefined) as Match[] | null;
        expect(server?.map((m) => ({ id: m.route.id, params: m.params, pathname: m.pathname })) ?? null, urls[i]).toEqual(expected[i]?.map(({ pathnameBase: _, ...m }) => m) ?? null);
      }
    }
    // every route file is reached by some URL, and many URLs reach no page (the splat route's 404)
    const reached = new Set(expected.flatMap((ms) => ms?.map((m) => m.id) ?? []));
    expect(Object.keys(manifest).filter((id) => !reached.has(id))).toEqual([]);
    expect(expected.filter((ms) => ms?.at(-1)?.id === "routes/$").length).toBeGreaterThan(50);
    expect(expected[urls.indexOf("/")]?.at(-1)?.id).toBe("routes/_index");
    expect(expected[urls.indexOf("/nope")]?.at(-1)?.id).toBe("routes/$");
    expect(expected[urls.indexOf("/nope")]?.at(-1)?.params["*"]).toBe("nope");
  });
});
