/**
 * npm run verify-register — recomputes the decision register's hash chain in the database
 * (DATABASE_PATH, default data/conseil.db). Exits 0 when intact; 1 naming the first entry
 * that does not match; 2 when the database cannot be read.
 */
import fs from "node:fs";
import { databasePath } from "#db/client.server";

async function main() {
  const file = databasePath();
  if (!fs.existsSync(file)) {
    console.error(`No database at ${file} (set DATABASE_PATH).`);
    process.exit(2);
  }
  const { verifyRegister } = await import("~/domain/decisions/decisions.server");
  const v = verifyRegister();
  if (v.ok) {
    console.log(`Register intact: ${v.count} entries, head hash ${v.head}`);
    return;
  }
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

main().catch((e) => {
  console.error(`Could not verify the register: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(2);
});
