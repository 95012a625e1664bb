/**
 * `npm run backup [-- FILE]`: a consistent copy of the live database (DATABASE_PATH) made
 * with SQLite's online backup API while the server keeps running, then checked: SQLite's
 * integrity check and the decision register's hash chain, both on the copy.
 * Default FILE: backups/conseil-YYYYMMDD-HHMMSS.db. Exit 1 when the copy is not sound.
 *
 * Restore (docs/operations.md): stop the server, replace DATABASE_PATH by the backup file
 * and remove its -wal and -shm files, start the server.
 */
import path from "node:path";
import { backupDatabase } from "../app/domain/ops/backup.server";

const file = process.argv[2] || path.join("backups", `conseil-${new Date().toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15)}.db`);
const source = process.env.DATABASE_PATH || path.resolve("data/conseil.db");
const r = await backupDatabase(source, file);
console.log(`backup: ${r.file} (${(r.bytes / 1_048_576).toFixed(1)} MB, ${r.ms} ms) — integrity: ${r.integrity}; register: ${r.register}`);
process.exit(r.integrity === "ok" && r.registerOk ? 0 : 1);
