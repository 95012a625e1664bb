/**
 * The register's hash chain (pure; see docs/register.md for the exact layout).
 * hash(entry) = SHA-256( UTF-8( prevHash ) || 0x0A || UTF-8( JCS(publicFields) ) ), hex.
 * JCS is RFC 8785 canonical JSON (the `canonicalize` library). The first entry chains
 * from GENESIS (64 zeros).
 */
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";

export const GENESIS = "0".repeat(64);

/** Exactly the fields that are hashed, in the shape that is hashed. */
export interface PublicEntry {
  seq: number;
  recordedAt: string;
  author: { name: string; role: string };
  scope: { councilId: number | null; councilName: string | null };
  subject: { kind: string; id: string | null; title: string };
  outcome: string;
  explanation: string;
  ruleVersion: { id: number; label: string } | null;
  evidence: { label: string; url: string }[];
  supersedes: number | null;
}

export function canonicalJson(entry: PublicEntry): string {
  const s = canonicalize(entry);
  if (s === undefined) throw new Error("entry cannot be canonicalized");
  return s;
}

export function entryHash(prevHash: string, entry: PublicEntry): string {
  return createHash("sha256").update(prevHash, "utf8").update("\n", "utf8").update(canonicalJson(entry), "utf8").digest("hex");
}

export interface ChainLink {
  entry: PublicEntry;
  prevHash: string;
  hash: string;
}

export type ChainVerdict =
  | { ok: true; count: number; head: string }
  | { ok: false; count: number; seq: number; reason: "hash" | "link" | "sequence"; expected: string; found: string };

/**
 * Recomputes the chain, in order; names the first entry that does not match. `from` starts
 * after an entry already verified (its number and hash): the links must continue from it.
 * `count` counts the entries checked here.
 */
export function verifyChain(links: Iterable<ChainLink>, from: { seq: number; hash: string } = { seq: 0, hash: GENESIS }): ChainVerdict {
  let prev = from.hash;
  let expectedSeq = from.seq + 1;
  let count = 0;
  for (const l of links) {
    if (l.entry.seq !== expectedSeq) {
      return { ok: false, count, seq: l.entry.seq, reason: "sequence", expected: String(expectedSeq), found: String(l.entry.seq) };
    }
    if (l.prevHash !== prev) {
      return { ok: false, count, seq: l.entry.seq, reason: "link", expected: prev, found: l.prevHash };
    }
    const h = entryHash(prev, l.entry);
    if (h !== l.hash) return { ok: false, count, seq: l.entry.seq, reason: "hash", expected: h, found: l.hash };
    prev = h;
    expectedSeq++;
    count++;
  }
  return { ok: true, count, head: prev };
}
