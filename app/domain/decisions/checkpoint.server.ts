/**
 * Publishing and checking the register's head. A hash chain alone cannot show that its
 * last entries were deleted, or that the whole chain was recomputed after an edit: both
 * leave a chain that verifies. What shows it is a copy of the head (sequence number and
 * hash) kept by someone else. This module owns:
 *  - the signing key (Ed25519, node:crypto), generated once and kept in `register_keys`;
 *  - the signed checkpoint published as open data (`register-checkpoint.json`);
 *  - `checkKeptHead`: is a head someone kept ("SEQ:HASH") still in the chain?
 * The Atom feeds carry the head in every entry as well (opendata.server.ts).
 * docs/register.md says what is and is not detected.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { asc, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { decisions, registerKeys } from "#db/schema";
import { GENESIS, type ChainVerdict } from "~/lib/hash-chain";
import { getTown } from "../town/town.server";
import { registerHead, verifyRegister } from "./decisions.server";

export const CHECKPOINT_FORMAT = "conseil-ouvert-checkpoint/1";

/** The signed part of a checkpoint. `time` is when it was made (UTC ISO 8601). */
export interface CheckpointBody {
  format: typeof CHECKPOINT_FORMAT;
  town: string;
  /** The last entry's sequence number (0 for an empty register). */
  seq: number;
  /** Its hash, 64 lowercase hex (the 64 zeros of GENESIS for an empty register). */
  hash: string;
  time: string;
}

export interface Checkpoint extends CheckpointBody {
  /** Ed25519 signature of UTF-8(JCS(body)) (RFC 8785 canonical JSON of the five fields above), base64. */
  signature: string;
  publicKey: PublicKeyInfo;
}

export interface PublicKeyInfo {
  algorithm: "Ed25519";
  /** SubjectPublicKeyInfo, PEM. */
  pem: string;
  /** SHA-256 of the DER-encoded SubjectPublicKeyInfo, hex: a short name to compare keys. */
  sha256: string;
}

/** The key pair, created on first use. */
function keyPair() {
  const row = db.select().from(registerKeys).orderBy(asc(registerKeys.id)).limit(1).get();
  if (row) return row;
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  db.insert(registerKeys)
    .values({ publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(), privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString() })
    .onConflictDoNothing()
    .run();
  return db.select().from(registerKeys).orderBy(asc(registerKeys.id)).limit(1).get()!;
}

export function publicKeyInfo(): PublicKeyInfo {
  const pem = keyPair().publicKey;
  const der = createPublicKey(pem).export({ type: "spki", format: "der" });
  return { algorithm: "Ed25519", pem, sha256: createHash("sha256").update(der).digest("hex") };
}

const signedBytes = (body: CheckpointBody) => Buffer.from(canonicalize({ format: body.format, town: body.town, seq: body.seq, hash: body.hash, time: body.time })!, "utf8");

/** A signed statement of the register's head now. */
export function registerCheckpoint(now = new Date()): Checkpoint {
  const head = registerHead();
  const body: CheckpointBody = { format: CHECKPOINT_FORMAT, town: getTown().name, seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS, time: now.toISOString() };
  const key = createPrivateKey(keyPair().privateKey);
  return { ...body, signature: sign(null, signedBytes(body), key).toString("base64"), publicKey: publicKeyInfo() };
}

/** Whether `c` is signed by the public key it carries (check that key against one you trust). */
export function verifyCheckpointSignature(c: Checkpoint): boolean {
  try {
    return verify(null, signedBytes(c), createPublicKey(c.publicKey.pem), Buffer.from(c.signature, "base64"));
  } catch {
    return false;
  }
}

export type HeadVerdict =
  | { ok: true; seq: number; hash: string; current: { seq: number; hash: string } }
  /** Not "SEQ:HASH" with a 64-hex hash. */
  | { ok: false; reason: "malformed"; input: string }
  /** The chain itself does not verify (see ChainVerdict). */
  | { ok: false; reason: "chain"; chain: Extract<ChainVerdict, { ok: false }> }
  /** The register no longer reaches entry `seq`: entries were removed from its end. */
  | { ok: false; reason: "missing"; seq: number; hash: string; current: { seq: number; hash: string } }
  /** Entry `seq` exists with another hash: it, or an entry before it, was rewritten and the chain recomputed. */
  | { ok: false; reason: "mismatch"; seq: number; hash: string; found: string };

const HEAD_RE = /^\s*(\d{1,12})\s*:\s*([0-9a-fA-F]{64})\s*$/;

/**
 * Proves that a head someone kept ("SEQ:HASH", e.g. from a feed entry or a checkpoint) is
 * still in the register: the whole chain verifies up to the current head, and entry SEQ
 * has that hash (seq 0 with the 64 zeros names the empty register).
 */
export function checkKeptHead(input: string): HeadVerdict {
  const m = HEAD_RE.exec(input);
  if (!m) return { ok: false, reason: "malformed", input };
  const seq = Number(m[1]);
  const hash = m[2]!.toLowerCase();
  const chain = verifyRegister();
  if (!chain.ok) return { ok: false, reason: "chain", chain };
  const head = registerHead();
  const current = { seq: head?.seq ?? 0, hash: head?.hash ?? GENESIS };
  if (seq === 0) return hash === GENESIS ? { ok: true, seq, hash, current } : { ok: false, reason: "mismatch", seq, hash, found: GENESIS };
  if (seq > current.seq) return { ok: false, reason: "missing", seq, hash, current };
  const found = db.select({ hash: decisions.hash }).from(decisions).where(eq(decisions.seq, seq)).get()?.hash;
  // the chain verified with contiguous numbers, so entry seq exists and its stored hash is the recomputed one
  if (found !== hash) return { ok: false, reason: "mismatch", seq, hash, found: found ?? "" };
  return { ok: true, seq, hash, current };
}
