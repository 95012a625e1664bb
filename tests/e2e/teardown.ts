import fs from "node:fs";

export default function teardown() {
  const db = process.env.E2E_DB;
  if (db) for (const s of ["", "-wal", "-shm"]) fs.rmSync(db + s, { force: true });
}
