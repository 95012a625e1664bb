import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { FIXTURES, expectedFor } from "./fixtures";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

function pb(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile("npx", ["tsx", "scripts/pb.ts", ...args], { cwd: ROOT, encoding: "utf8" }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr.split("\n").filter((l) => !l.startsWith("npm warn")).join("\n") });
    });
  });
}

const fx = (f: string) => path.join(FIXTURES, f);

function expectCleanError(r: { code: number; stdout: string; stderr: string }, message: RegExp) {
  expect(r.code).not.toBe(0);
  expect(r.stdout).toBe("");
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split("\n")).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
}

describe.concurrent("scripts/pb.ts", () => {
  it("allocate prints the JSON outcome", async () => {
    const r = await pb("allocate", fx("Poland_Krakow_2025_Czyzyny.pb"), "--rule", "mes-add1u");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(["rule", "selected", "cost"]);
    expect(out["rule"]).toBe("mes-add1u");
    expect(out["selected"]).toEqual(expectedFor("Poland_Krakow_2025_Czyzyny.pb")["mes_add1u"]);
    expect(out["cost"]).toMatch(/^\d+(\.\d+)?$/);
  });

  it("allocate with --increment", async () => {
    const r = await pb("allocate", fx("Hungary_Budapest_2024.pb"), "--rule", "mes-add1", "--increment", "1000");
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ rule: "mes-add1", selected: expectedFor("Hungary_Budapest_2024.pb")["mes_add1_inc1000"] });
  });

  it("explain prints one sentence per project, in the chosen language", async () => {
    const en = await pb("explain", fx("synthetic/tie_mes.pb"), "--rule", "mes", "--lang", "en");
    expect(en.code).toBe(0);
    expect(en.stdout.trim().split("\n")).toEqual([
      "11 — Funded in round 1: its 2 supporters paid €25 each.",
      "5 — Funded in round 2: its 2 supporters paid €15 each.",
      "2 — Not funded: its supporters had €0 left between them; it costs €40; their money went to project 11 (€50).",
    ]);
    const fr = await pb("explain", fx("Netherlands_Assen_2024.pb"), "--rule", "greedy", "--project", "8");
    expect(fr.code).toBe(0);
    expect(fr.stdout).toMatch(/^8 · Crossbaan in Peelo — Financé\u00a0: classé 3e avec 25 voix/);
    expect(fr.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("compare prints the what-if table", async () => {
    const r = await pb("compare", fx("Netherlands_Assen_2024.pb"));
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rule\s+selected\s+cost/);
    for (const rule of ["greedy", "mes", "mes-add1", "mes-add1u"]) expect(r.stdout).toMatch(new RegExp(`^${rule}\\s+\\d+\\s+€`, "m"));
    expect(r.stdout).toContain("Projects that differ between rules (5):");
  });

  it("--help", async () => {
    const r = await pb("--help");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("pb allocate FILE.pb --rule RULE");
  });

  it.each([
    [[], /missing command/],
    [["allocate"], /missing FILE\.pb/],
    [["allocate", "FILE"], /missing --rule/],
    [["allocate", "x.pb", "--rule", "best"], /unknown rule "best"/],
    [["allocate", "x.pb", "--rule", "mes-add1", "--increment", "zero"], /--increment must be a positive number/],
    [["explain", "x.pb", "--rule", "mes", "--lang", "de"], /--lang must be fr or en/],
    [["compare", "x.pb", "--rule", "mes"], /--rule is not accepted/],
    [["allocate", "x.pb", "--rule", "mes", "--verbose"], /unknown option --verbose/],
    [["publish", "x.pb"], /unknown command "publish"/],
    [["allocate", "no/such/file.pb", "--rule", "mes"], /cannot read no\/such\/file\.pb: no such file/],
  ])("bad arguments %j give a one-line error", async (args, message) => {
    expectCleanError(await pb(...(args as string[])), message);
  });

  it("a malformed file gives a one-line error naming the line", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "pb-cli-"));
    const file = path.join(dir, "bad.pb");
    fs.writeFileSync(file, "META\nkey;value\nbudget;100\nPROJECTS\nproject_id;cost\n1;ten\nVOTES\nvoter_id;vote\n1;1\n");
    const r = await pb("allocate", file, "--rule", "greedy");
    fs.rmSync(dir, { recursive: true, force: true });
    expectCleanError(r, /bad\.pb: line 6: cost of project "1" is not a number: "ten"/);
    expect(r.code).toBe(1);
  });
});
