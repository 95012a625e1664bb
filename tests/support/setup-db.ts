/**
 * Runs before each test file: points DATABASE_PATH at a fresh temporary SQLite file, and
 * removes it afterwards. The database opens (and migrates) on first use.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { closeDatabase } from "#db/client.server";

const file = path.join(os.tmpdir(), `conseil-test-${randomUUID()}.db`);
process.env.DATABASE_PATH = file;

afterAll(() => {
  closeDatabase();
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
});
