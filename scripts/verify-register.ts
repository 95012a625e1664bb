/**
 * npm run verify-register [-- --head SEQ:HASH] — recomputes the decision register's hash
 * chain in the database (DATABASE_PATH, default data/conseil.db).
 * With --head, also proves that a head kept elsewhere (from a feed entry, a checkpoint, a
 * printout) is still in the chain: entry SEQ exists with that HASH and the chain up to the
 * current head verifies. This is what detects deleted last entries and a chain recomputed
 * after an edit, which the chain alone cannot (docs/register.md).
 * Exits 0 when intact; 1 naming the problem; 2 when the database cannot be read or the
 * arguments are wrong.
 */
import fs from "node:fs";
import { databasePath } from "#db/client.server";

function headArgument(argv: string[]): string | null | undefined {
  const i = argv.findIndex((a) => a === "--head" || a.startsWith("--head="));
  if (i < 0) return null;
  const a = argv[i]!;
  return a.startsWith("--head=") ? a.slice("--head=".length) : argv[i + 1];
}

async function main() {
  const head = headArgument(process.argv.slice(2));
  if (head === undefined) {
    console.error("Usage: npm run verify-register [-- --head SEQ:HASH]");
    process.exit(2);
  }
  const file = databasePath();
  if (!fs.existsSync(file)) {
    console.error(`No database at ${file} (set DATABASE_PATH).`);
    process.exit(2);
  }
  const { verifyRegister } = await import("~/domain/decisions/decisions.server");
  const v = verifyRegister();
  if (!v.ok) {
    const why = {
      hash: "its content does not match its hash (the entry was changed after it was written)",
      link: "it does not point to the previous entry's hash (an entry was removed, inserted or changed before it)",
      sequence: "the sequence numbers are not contiguous (an entry is missing)",
    }[v.reason];
    console.error(`Register BROKEN at entry n° ${v.seq}: ${why}.`);
    console.error(`  expected ${v.expected}\n  found    ${v.found}`);
    console.error(`  ${v.count} entries before it are intact.`);
    process.exit(1);
  }
  console.log(`Register intact: ${v.count} entries, head hash ${v.head}`);
  if (head === null) return;

  const { checkKeptHead } = await import("~/domain/decisions/checkpoint.server");
  const h = checkKeptHead(head);
  if (h.ok) {
    console.log(`Kept head n° ${h.seq} (${h.hash}) is in the chain; the register now ends at n° ${h.current.seq} (${h.current.hash}).`);
    return;
  }
  switch (h.reason) {
    case "malformed":
      console.error(`--head must be SEQ:HASH (a number, a colon, 64 hexadecimal characters); got ${JSON.stringify(h.input)}.`);
      process.exit(2);
      break;
    case "missing":
      console.error(`Kept head NOT FOUND: entry n° ${h.seq} no longer exists; the register now ends at n° ${h.current.seq}. Entries were removed from its end.`);
      process.exit(1);
      break;
    case "mismatch":
      console.error(`Kept head DOES NOT MATCH: entry n° ${h.seq} now has hash ${h.found}, not ${h.hash}. It or an entry before it was rewritten and the chain recomputed.`);
      process.exit(1);
      break;
    case "chain":
      // verified above; kept for completeness
      console.error(`Register BROKEN at entry n° ${h.chain.seq}.`);
      process.exit(1);
  }
}

main().catch((e) => {
  console.error(`Could not verify the register: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
