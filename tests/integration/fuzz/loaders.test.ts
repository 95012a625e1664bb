/**
 * Every loader, fuzzed (fast-check): URL parameters and query strings (ids, slugs, page, q,
 * filters, codes, tokens, from/to, scope…) with hostile values, as several roles. Every
 * call: no 5xx, no unsafe HTML handed to the page, no redirect off the site, and no write.
 */
import { beforeAll, describe, it } from "vitest";
import { SEED } from "./hostile";
import { fuzzLoader, importRoute, ROUTES, routeFiles } from "./drive";
import { buildWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

describe(`loaders under fuzz (seed ${SEED})`, () => {
  for (const file of routeFiles()) {
    const spec = ROUTES[file]?.loader;
    if (!spec) continue;
    it(file, async () => {
      const mod = await importRoute(file);
      if (!mod.loader) throw new Error(`${file} exports no loader`);
      await fuzzLoader(w, file, mod, spec);
    }, 120_000);
  }
});
