/**
 * npm run seed:city -- --scale N [--out path] [--force] [--now ISO] [--json path]
 *
 * Writes the city-scale synthetic town (db/seed/city.server.ts) into its own SQLite file
 * (default data/city.db; an existing file is refused unless --force). Same scale and same
 * anchor day (--now, default today 00:00 UTC) give the same content.
 *
 * At scale 1: 20 councils, 400,000 census entries, 200,000 accounts (160,000 verified),
 * 20,000 ideas, 200,000 comments, 1,000,000 supports, 300 meetings with minutes, a counted
 * participatory budget (400,000 ballots, about 4,000,000 approvals, results computed by the
 * app), an open budget, a counted proposal vote (100,000 ballots), about 5,000 register
 * entries, 200,000 notifications.
 *
 * Named accounts (password "conseil-city-2026"), for signed-in benchmarks:
 *   habitant@grande-ville.example   resident, verified in the first council; has not voted in
 *                                   the open budget (« Budget des écoles 2027 »)
 *   animation@grande-ville.example  facilitator of the first council
 *   elu@grande-ville.example        official (town-wide)
 *   admin@grande-ville.example      administrator
 *
 * --rule greedy|mes|mes-add1|mes-add1u: the big budget's declared rule (default greedy: computing
 * results with MES and its completions takes minutes already at a few thousand voters).
 *
 * Prints each part's time, the row counts and the file size; --json writes the same report.
 */
import fs from "node:fs";
import path from "node:path";

const args = process.argv.slice(2);
const opt = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const scale = Number(opt("scale") ?? "1");
if (!Number.isFinite(scale) || scale <= 0 || scale > 10) {
  console.error("Usage: npm run seed:city -- --scale N [--out data/city.db] [--force] [--now 2026-12-01T00:00:00Z] [--json report.json]");
  process.exit(2);
}
const out = path.resolve(opt("out") ?? "data/city.db");
if (fs.existsSync(out)) {
  if (!args.includes("--force")) {
    console.error(`${out} exists; add --force to replace it.`);
    process.exit(1);
  }
  for (const s of ["", "-wal", "-shm"]) fs.rmSync(out + s, { force: true });
}
const now = opt("now") ? new Date(opt("now")!) : undefined;
process.env.DATABASE_PATH = out;
process.env.LOG_LEVEL ??= "silent";

const { seedCity } = await import("../db/seed/city.server");
console.log(`Seeding a city at scale ${scale} into ${out}`);
const rule = opt("rule") as "greedy" | "mes" | "mes-add1" | "mes-add1u" | undefined;
const report = await seedCity({ scale, file: out, now, rule, log: (l) => console.log(l) });
console.log(`\nDone in ${report.totalSeconds.toFixed(1)} s; ${(report.bytes / 1e6).toFixed(0)} MB; anchor ${report.anchor}`);
for (const [t, n] of Object.entries(report.counts)) console.log(`  ${t.padEnd(26)} ${n.toLocaleString("en").padStart(12)}`);
console.log(`  ids: ${JSON.stringify(report.ids)}`);
const json = opt("json");
if (json) fs.writeFileSync(json, JSON.stringify(report, null, 2));
