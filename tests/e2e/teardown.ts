import fs from "node:fs";

export default function teardown() {
  const db = process.env.E2E_DB;
  if (db) for (const s of ["", "-wal", "-shm"]) fs.rmSync(db + s, { force: true });
  if (process.env.E2E_MAIL_DIR) fs.rmSync(process.env.E2E_MAIL_DIR, { recursive: true, force: true });
}
