/** The hash chain matches the hand-computed test vector of docs/register.md, and detects tampering. */
import { createHash } from "node:crypto";
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { canonicalJson, entryHash, GENESIS, verifyChain, type ChainLink, type PublicEntry } from "~/lib/hash-chain";

const e1: PublicEntry = {
  seq: 1,
  recordedAt: "2026-01-12T09:00:00.000Z",
  author: { name: "Sophie Lefèvre", role: "official" },
  scope: { councilId: null, councilName: null },
  subject: { kind: "rule_change", id: "town/1", title: "Charte (v1)" },
  outcome: "rules_published",
  explanation: "Première charte.",
  ruleVersion: null,
  evidence: [],
  supersedes: null,
};
const e2: PublicEntry = {
  supersedes: null,
  seq: 2,
  subject: { title: "Bancs place du Marché", kind: "council_decision", id: null },
  recordedAt: "2026-03-04T18:45:00.000Z",
  author: { role: "facilitator", name: "Karim Benali" },
  scope: { councilName: "Centre-Ville", councilId: 1 },
  outcome: "adopted",
  explanation: 'Le conseil a voté "pour" à 12 voix contre 3.',
  ruleVersion: { label: "v1", id: 1 },
  evidence: [{ url: "/meetings/3", label: "Compte rendu" }],
};

// Copied by hand from docs/register.md (and checked against it below).
const CANON_1 =
  '{"author":{"name":"Sophie Lefèvre","role":"official"},"evidence":[],"explanation":"Première charte.","outcome":"rules_published","recordedAt":"2026-01-12T09:00:00.000Z","ruleVersion":null,"scope":{"councilId":null,"councilName":null},"seq":1,"subject":{"id":"town/1","kind":"rule_change","title":"Charte (v1)"},"supersedes":null}';
const HASH_1 = "df81a5d0a77bd931c2269aace2b856e93c923e64ba5935e30131541c8c6a74cd";
const HASH_2 = "8b53634816953a7d199b94ce57cf69f56ece7a92f775400429140a3c8451d783";

describe("hash chain", () => {
  it("canonicalizes entries as RFC 8785 (sorted keys, no whitespace, UTF-8)", () => {
    expect(canonicalJson(e1)).toBe(CANON_1);
    expect(canonicalJson(e2)).toContain('"explanation":"Le conseil a voté \\"pour\\" à 12 voix contre 3."');
  });

  it("matches the documented test vector", () => {
    expect(GENESIS).toBe("0".repeat(64));
    expect(entryHash(GENESIS, e1)).toBe(HASH_1);
    expect(entryHash(HASH_1, e2)).toBe(HASH_2);
    // and the byte layout is exactly prevHash, LF, canonical JSON
    expect(createHash("sha256").update(`${GENESIS}\n${CANON_1}`).digest("hex")).toBe(HASH_1);
    const doc = fs.readFileSync("docs/register.md", "utf8");
    expect(doc).toContain(CANON_1);
    expect(doc).toContain(HASH_1);
    expect(doc).toContain(HASH_2);
  });

  const chain = (): ChainLink[] => [
    { entry: e1, prevHash: GENESIS, hash: HASH_1 },
    { entry: e2, prevHash: HASH_1, hash: HASH_2 },
  ];

  it("verifies an intact chain", () => {
    expect(verifyChain(chain())).toEqual({ ok: true, count: 2, head: HASH_2 });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: GENESIS });
  });

  it("names the entry whose content changed", () => {
    const c = chain();
    c[1] = { ...c[1]!, entry: { ...e2, explanation: e2.explanation.replace("12", "13") } };
    expect(verifyChain(c)).toMatchObject({ ok: false, seq: 2, reason: "hash", count: 1 });
  });

  it("names the entry after a removed one", () => {
    const c = chain();
    c.shift();
    expect(verifyChain(c)).toMatchObject({ ok: false, seq: 2, reason: "sequence" });
  });

  it("names an entry whose link was rewritten", () => {
    const c = chain();
    c[1] = { ...c[1]!, prevHash: "f".repeat(64) };
    expect(verifyChain(c)).toMatchObject({ ok: false, seq: 2, reason: "link" });
  });
});
