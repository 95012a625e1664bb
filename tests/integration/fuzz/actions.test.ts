/**
 * Every form action, fuzzed (fast-check): real field names with hostile values, repeated
 * fields, unknown intents, missing or reused one-time tokens, wrong targets, as the role
 * that reaches the form and as others. Every call: no 5xx, no stored NUL or script, no
 * change to rows the action must not touch. The seed is printed on failure; FUZZ_SEED=…
 * replays a run, FUZZ_RUNS=10 runs ten times as many cases.
 */
import { beforeAll, describe, it } from "vitest";
import { SEED } from "./hostile";
import { fuzzAction, importRoute, ROUTES, routeFiles } from "./drive";
import { buildWorld, type World } from "./world";

let w: World;
beforeAll(async () => {
  w = await buildWorld();
});

describe(`form actions under fuzz (seed ${SEED})`, () => {
  for (const file of routeFiles()) {
    const spec = ROUTES[file]?.action;
    if (!spec) continue;
    it(file, async () => {
      const mod = await importRoute(file);
      if (!mod.action) throw new Error(`${file} exports no action`);
      await fuzzAction(w, file, mod, spec);
    }, 120_000);
  }
});
