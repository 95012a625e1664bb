/**
 * A head kept elsewhere (seq and hash, from a feed entry or the signed checkpoint) detects
 * what the chain alone cannot: the last entries deleted, and the whole chain recomputed
 * after an edit. Both attacks are carried out here on the test's own register, with the
 * triggers dropped as someone with the database file could; the chain still verifies,
 * the kept head does not.
 */
import { execFile } from "node:child_process";
import { createPublicKey, verify } from "node:crypto";
import { promisify } from "node:util";
import canonicalize from "canonicalize";
import { asc } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db, sqlite } from "#db/client.server";
import { decisions } from "#db/schema";
import { checkKeptHead, registerCheckpoint, verifyCheckpointSignature, type Checkpoint } from "~/domain/decisions/checkpoint.server";
import { publishCouncilDecision, registerHead, verifyRegister } from "~/domain/decisions/decisions.server";
import { publicEntry } from "~/domain/decisions/record.server";
import { entryHash, GENESIS } from "~/lib/hash-chain";
import * as download from "~/routes/open-data.$file";
import * as verifyPage from "~/routes/decisions.verify";
import { makeUser } from "../support/fixtures";
import { getRequest, run } from "../support/http";
import { EXPLANATION, makeCouncil, makeRules, makeTown } from "../support/own-data";

const sh = promisify(execFile);
let official: Awaited<ReturnType<typeof makeUser>>;
let councilId: number;

async function cli(head: string) {
  return sh("npx", ["tsx", "scripts/verify-register.ts", "--head", head], { env: { ...process.env } }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );
}

function publish(title: string) {
  return publishCouncilDecision(official, { councilId, title, outcome: "adopted", explanation: EXPLANATION, evidence: "", supersedes: null });
}

beforeAll(async () => {
  makeTown("Bourg-Témoin");
  councilId = makeCouncil().id;
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  await makeRules({}, official);
  for (const t of ["Bancs", "Fontaine", "Éclairage", "Marché"]) publish(t);
});

describe("a kept head", () => {
  it("is confirmed while the register only grows", async () => {
    const kept = registerHead()!;
    publish("Jardin partagé");
    expect(checkKeptHead(`${kept.seq}:${kept.hash}`)).toMatchObject({ ok: true, seq: kept.seq, current: { seq: kept.seq + 1 } });
    expect(checkKeptHead(`0:${GENESIS}`).ok).toBe(true);
    expect(checkKeptHead("douze:abc")).toMatchObject({ ok: false, reason: "malformed" });
    const ok = await cli(`${kept.seq}:${kept.hash}`);
    expect(ok.code, ok.out).toBe(0);
    const page = await run(verifyPage.loader, getRequest(`/decisions/verify?head=${kept.seq}:${kept.hash}`));
    expect(page.data.headVerdict).toMatchObject({ ok: true });
  });

  it("detects the last entry deleted, which the chain alone does not", async () => {
    const kept = registerHead()!;
    sqlite().exec("DROP TRIGGER decisions_no_delete");
    sqlite().prepare("DELETE FROM decisions WHERE seq = ?").run(kept.seq);
    expect(verifyRegister().ok).toBe(true); // the chain alone: still "intact"
    const v = checkKeptHead(`${kept.seq}:${kept.hash}`);
    expect(v).toMatchObject({ ok: false, reason: "missing", seq: kept.seq, current: { seq: kept.seq - 1 } });
    const out = await cli(`${kept.seq}:${kept.hash}`);
    expect(out.code).toBe(1);
    expect(out.out).toMatch(new RegExp(`entry n° ${kept.seq} no longer exists`));
    const page = await run(verifyPage.loader, getRequest(`/decisions/verify?head=${kept.seq}:${kept.hash}`));
    expect(page.data.headVerdict).toMatchObject({ ok: false, reason: "missing" });
  });

  it("detects an edit followed by recomputing every hash after it", async () => {
    const kept = registerHead()!;
    sqlite().exec("DROP TRIGGER decisions_no_update");
    const rows = db.select().from(decisions).orderBy(asc(decisions.seq)).all();
    let prev = GENESIS;
    for (const r of rows) {
      const edited = r.seq === 3 ? { ...r, explanation: `${r.explanation} (réécrit)` } : r;
      const hash = entryHash(prev, publicEntry({ ...edited, prevHash: prev }));
      sqlite().prepare("UPDATE decisions SET explanation = ?, prev_hash = ?, hash = ? WHERE seq = ?").run(edited.explanation, prev, hash, r.seq);
      prev = hash;
    }
    expect(verifyRegister().ok).toBe(true); // recomputed: the chain alone says "intact"
    const v = checkKeptHead(`${kept.seq}:${kept.hash}`);
    expect(v).toMatchObject({ ok: false, reason: "mismatch", seq: kept.seq, hash: kept.hash });
    const out = await cli(`${kept.seq}:${kept.hash}`);
    expect(out.code).toBe(1);
    expect(out.out).toContain("DOES NOT MATCH");
  });
});

describe("the signed checkpoint", () => {
  it("states the head, and its signature verifies with the published key", async () => {
    const res = await download.loader({ request: getRequest("/open-data/register-checkpoint.json"), params: { file: "register-checkpoint.json" }, context: {} });
    const c = JSON.parse(await res.text()) as Checkpoint;
    const head = registerHead()!;
    expect(c).toMatchObject({ format: "conseil-ouvert-checkpoint/1", town: "Bourg-Témoin", seq: head.seq, hash: head.hash });
    expect(Date.parse(c.time)).not.toBeNaN();
    // verified the way anyone would: JCS of the five signed fields, Ed25519, the key in the file
    const signed = Buffer.from(canonicalize({ format: c.format, town: c.town, seq: c.seq, hash: c.hash, time: c.time })!, "utf8");
    expect(verify(null, signed, createPublicKey(c.publicKey.pem), Buffer.from(c.signature, "base64"))).toBe(true);
    expect(verifyCheckpointSignature(c)).toBe(true);
    // the same key is published on the verify page, and it does not change
    const page = await run(verifyPage.loader, getRequest("/decisions/verify"));
    expect(page.data.key.pem).toBe(c.publicKey.pem);
    expect(registerCheckpoint().publicKey.sha256).toBe(c.publicKey.sha256);
    // a forged head does not verify
    expect(verifyCheckpointSignature({ ...c, seq: c.seq + 1 })).toBe(false);
    expect(verifyCheckpointSignature({ ...c, hash: GENESIS })).toBe(false);
  });
});
