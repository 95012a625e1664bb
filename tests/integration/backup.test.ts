/**
 * `npm run backup`: an online copy taken while the database is being written is consistent
 * and checked (integrity, register chain); restoring it (docs/operations.md: replace the
 * file, remove -wal and -shm, start) gives back every row. A tampered copy is reported.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { databasePath, db, openDatabase, sqlite } from "#db/client.server";
import { decisions, ideas } from "#db/schema";
import { publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { backupDatabase } from "~/domain/ops/backup.server";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "conseil-backup-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const WHY =
  "Le conseil a examiné la demande en séance : l'emplacement proposé gêne l'accès des pompiers à la cour de l'école, et la ville proposera un autre emplacement au printemps prochain.";

beforeAll(async () => {
  emptyTown();
  const council = makeCouncil("Les Tilleuls");
  const official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  const resident = await makeUser();
  for (let i = 0; i < 30; i++) {
    submitIdea(resident, { title: `Idée numéro ${i} pour le square`, body: "Un texte assez long pour être une vraie idée du quartier.", theme: "public_space", councilId: council.id, place: "" });
    if (i % 5 === 0) publishCouncilDecision(official, { councilId: council.id, title: `Décision ${i}`, outcome: "adopted", explanation: WHY, evidence: "", supersedes: null });
  }
});

describe("backup and restore", () => {
  it("copies a live database consistently, checks it, and restores every row", async () => {
    const file = path.join(dir, "copy.db");
    // keep writing while the copy is taken
    const resident = await makeUser();
    let writes = 0;
    const timer = setInterval(() => {
      submitIdea(resident, { title: `Écrite pendant la copie ${writes++}`, body: "Une idée écrite pendant que la copie est faite.", theme: "culture", councilId: null, place: "" });
    }, 1);
    let r: Awaited<ReturnType<typeof backupDatabase>>;
    try {
      r = await backupDatabase(databasePath(), file);
    } finally {
      clearInterval(timer);
    }
    expect(writes).toBeGreaterThan(0);
    expect(r.integrity).toBe("ok");
    expect(r.registerOk).toBe(true);
    expect(r.register).toMatch(/^intact \(\d+ entries\)$/);
    // restore: the copy becomes a database the app opens, with the same rows as at the copy
    const restored = path.join(dir, "restored.db");
    fs.copyFileSync(file, restored);
    const h = openDatabase(restored);
    const ideasInCopy = h.sqlite.prepare("SELECT count(*) AS n FROM ideas").get() as { n: number };
    expect(ideasInCopy.n).toBeGreaterThanOrEqual(30);
    expect(ideasInCopy.n).toBeLessThanOrEqual(db.select({ n: count() }).from(ideas).get()!.n);
    expect((h.sqlite.prepare("SELECT count(*) AS n FROM decisions").get() as { n: number }).n).toBe(db.select({ n: count() }).from(decisions).get()!.n);
    h.sqlite.close();
  });

  it("reports a copy whose register was altered", async () => {
    const file = path.join(dir, "tampered-source.db");
    await backupDatabase(databasePath(), file);
    const t = new Database(file);
    t.exec("DROP TRIGGER IF EXISTS decisions_no_update");
    t.prepare("UPDATE decisions SET explanation = explanation || ' (modifié)' WHERE seq = 2").run();
    t.close();
    const r = await backupDatabase(file, path.join(dir, "tampered-copy.db"));
    expect(r.registerOk).toBe(false);
    expect(r.register).toMatch(/altered at entry 2/);
  });

  it("npm run backup prints the copy and its checks, and exits 0", () => {
    sqlite().pragma("wal_checkpoint(TRUNCATE)");
    const out = execFileSync(process.execPath, ["--import", "tsx", "scripts/backup.ts", path.join(dir, "cli.db")], {
      env: { ...process.env, DATABASE_PATH: databasePath() },
      encoding: "utf8",
    });
    expect(out).toMatch(/backup: .*cli\.db .* integrity: ok; register: intact/);
  });
});
