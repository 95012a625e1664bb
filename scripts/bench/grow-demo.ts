/**
 * Grows a copy of the demo town to city size with SQL, for profiling (issue #13, decision
 * record 015). Not the deterministic city seed (`seed:city`): a quick way to get the
 * volumes the issue measured on — 20 councils, 100,000 users (each a verified resident of
 * one council), 20,000 ideas (about 9,000 overdue), 1,000,000 supports, 200,000 comments
 * (one idea holding 2,000), 300 meetings with 1–3 minutes versions each, and a register of
 * 5,000 entries, hash-chained like the app's own entries (so /decisions/verify passes).
 *
 *   DATABASE_PATH=data/bench/demo.db npm start   # once, seeds the demo town, then stop it
 *   npx tsx scripts/bench/grow-demo.ts data/bench/demo.db data/bench/city.db
 */
import { copyFileSync, existsSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { dropDataVersionTriggers, ensureDataVersion } from "../../db/data-version";
import { entryHash, GENESIS, type PublicEntry } from "../../app/lib/hash-chain";

const [from = "data/bench/demo.db", to = "data/bench/city.db"] = process.argv.slice(2);
for (const suffix of ["", "-wal", "-shm"]) if (existsSync(to + suffix)) rmSync(to + suffix);
{
  const src = new Database(from);
  src.pragma("wal_checkpoint(TRUNCATE)");
  src.close();
}
copyFileSync(from, to);
const db = new Database(to);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = OFF");
db.pragma("cache_size = -200000");
dropDataVersionTriggers(db);

const started = Date.now();
const step = (label: string, sql: string) => {
  const t = Date.now();
  db.exec(sql);
  console.log(`${label}: ${Date.now() - t} ms`);
};
const NOW = "2026-11-30T12:00:00.000Z";
const count = (table: string) => (db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number);

db.exec("BEGIN");
step(
  "councils",
  `WITH RECURSIVE n(i) AS (SELECT (SELECT count(*) FROM councils) + 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20)
   INSERT INTO councils (slug, name, description, territory, created_at, updated_at)
   SELECT 'quartier-' || i, 'Quartier ' || i, 'Le conseil du quartier ' || i || '.', 'Secteur ' || i, '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z' FROM n`,
);
const hash = db.prepare("SELECT password_hash FROM users LIMIT 1").pluck().get() as string;
step(
  "users",
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000 - (SELECT count(*) FROM users))
   INSERT INTO users (id, email, display_name, password_hash, email_verified_at, created_at)
   SELECT printf('city%011d', i), 'habitant' || i || '@city.example', 'Habitant ' || i, '${hash}', '2025-06-01T00:00:00.000Z', '2025-06-01T00:00:00.000Z' FROM n`,
);
step(
  "role_assignments (residents, facilitators)",
  `INSERT INTO role_assignments (user_id, role, council_id, granted_at)
   SELECT id, 'resident', 1 + (CAST(substr(id, 5) AS INTEGER) % 20), '2025-06-01T00:00:00.000Z' FROM users WHERE id LIKE 'city%';
   INSERT INTO role_assignments (user_id, role, council_id, granted_at)
   SELECT id, 'facilitator', 1 + (CAST(substr(id, 5) AS INTEGER) % 20), '2025-06-01T00:00:00.000Z' FROM users WHERE id LIKE 'city%' AND CAST(substr(id, 5) AS INTEGER) % 2500 = 7;`,
);
const firstIdea = (db.prepare("SELECT max(id) FROM ideas").pluck().get() as number) + 1;
// 20,000 ideas over two years; unanswered ones older than 45 days are overdue (about 9,000)
step(
  "ideas",
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 20000 - (SELECT count(*) FROM ideas)),
   d AS (SELECT i, strftime('%Y-%m-%dT%H:%M:%fZ', '${NOW}', '-' || (i * 37 % 730) || ' days', '-' || (i % 1440) || ' minutes') AS at FROM n)
   INSERT INTO ideas (council_id, author_id, title, body, theme, place, status, channel, submitted_at, due_at, answer_delay_days, answered_at, answered_in_time)
   SELECT CASE WHEN i % 21 = 0 THEN NULL ELSE i % 21 END,
          printf('city%011d', 1 + i * 7 % 99000),
          'Idée ' || i || ' : ' || (CASE i % 5 WHEN 0 THEN 'un banc près du parc' WHEN 1 THEN 'une piste cyclable sécurisée' WHEN 2 THEN 'des arbres dans la rue' WHEN 3 THEN 'un jardin partagé' ELSE 'plus de lumière le soir' END),
          'Bonjour, je propose **' || i || '** : ' || (CASE i % 3 WHEN 0 THEN 'le quartier manque de bancs et de fontaines.' WHEN 1 THEN 'les vélos et les piétons partagent mal la rue.' ELSE 'les enfants n''ont pas de lieu pour jouer.' END) || char(10) || char(10) || '- premier point' || char(10) || '- second point',
          (SELECT value FROM json_each('["mobility","environment","public_space","culture","sport","solidarity","education","safety","housing","economy"]') WHERE key = i % 10),
          'Rue ' || (i % 300),
          CASE WHEN i % 20 < 11 THEN (CASE WHEN i % 2 = 0 THEN 'submitted' ELSE 'under_review' END) ELSE (CASE i % 4 WHEN 0 THEN 'accepted' WHEN 1 THEN 'rejected' WHEN 2 THEN 'implemented' ELSE 'on_agenda' END) END,
          'online', at, strftime('%Y-%m-%dT%H:%M:%fZ', at, '+45 days'), 45,
          CASE WHEN i % 20 < 11 THEN NULL ELSE strftime('%Y-%m-%dT%H:%M:%fZ', at, '+' || (i % 60) || ' days') END,
          CASE WHEN i % 20 < 11 THEN NULL ELSE (i % 60) <= 45 END
   FROM d`,
);
const ideaCount = count("ideas");
const bigIdea = firstIdea; // the idea with the long thread (and the most supports)
// 1,000,000 supports: each grown user supports ten distinct ideas
step(
  "supports",
  `WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 999999 - (SELECT count(*) FROM supports))
   INSERT OR IGNORE INTO supports (idea_id, user_id, channel, created_at)
   SELECT ${firstIdea} + ((i % 99000) * 13 + (i / 99000) * 1999) % ${ideaCount - firstIdea + 1}, printf('city%011d', 1 + i % 99000), 'online', '2026-06-01T00:00:00.000Z' FROM k;
   INSERT OR IGNORE INTO supports (idea_id, user_id, channel, created_at)
   SELECT ${bigIdea}, id, 'online', '2026-06-02T00:00:00.000Z' FROM users WHERE id LIKE 'city%' AND CAST(substr(id, 5) AS INTEGER) > 99000`,
);
// 200,000 comments: 2,000 on the big idea (a fifth of them replies), the rest spread out
step(
  "comments",
  `WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 2000)
   INSERT INTO comments (idea_id, author_id, stance, body, created_at)
   SELECT ${bigIdea}, printf('city%011d', 1 + i * 17 % 99000), (SELECT value FROM json_each('["for","against","neutral"]') WHERE key = i % 3),
          'Commentaire ' || i || ' sur la **grande** idée. ' || char(10) || char(10) || 'Je pense que [ce lien](https://example.org/' || i || ') montre *pourquoi* :' || char(10) || '- un' || char(10) || '- deux',
          strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01T00:00:00.000Z', '+' || (i * 3) || ' hours') FROM k;
   UPDATE comments SET parent_id = id - 1 WHERE idea_id = ${bigIdea} AND id % 5 = 0 AND (id - 1) % 5 <> 0;
   WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < 200000 - (SELECT count(*) FROM comments))
   INSERT INTO comments (idea_id, author_id, stance, body, created_at)
   SELECT ${firstIdea + 1} + (i * 7919) % ${ideaCount - firstIdea}, printf('city%011d', 1 + i * 31 % 99000), (SELECT value FROM json_each('["for","against","neutral"]') WHERE key = i % 3),
          'Avis ' || i || ' : ' || (CASE i % 4 WHEN 0 THEN 'bonne idée pour le quartier, le parc en a besoin.' WHEN 1 THEN 'attention au coût et à l''entretien.' WHEN 2 THEN 'les riverains devraient être consultés.' ELSE 'je soutiens, surtout pour les enfants.' END),
          strftime('%Y-%m-%dT%H:%M:%fZ', '2025-12-01T00:00:00.000Z', '+' || (i % 8000) || ' hours') FROM k;`,
);
step(
  "idea counts",
  `UPDATE ideas SET support_count = (SELECT count(*) FROM supports s WHERE s.idea_id = ideas.id),
                    comment_count = (SELECT count(*) FROM comments c WHERE c.idea_id = ideas.id AND c.hidden_at IS NULL AND c.withdrawn_at IS NULL)
   WHERE id >= ${firstIdea}`,
);
// 300 meetings, held ones with 1–3 minutes versions
step(
  "meetings",
  `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300 - (SELECT count(*) FROM meetings)),
   d AS (SELECT i, strftime('%Y-%m-%dT18:30:00.000Z', '${NOW}', printf('%+d days', 40 - i * 2)) AS at FROM n)
   INSERT INTO meetings (council_id, title, starts_at, ends_at, place_name, address, status, agenda, agenda_published_at, held_at, minutes_due_at, minutes_delay_days, created_at, updated_at)
   SELECT 1 + i % 20, 'Réunion publique ' || i, at, strftime('%Y-%m-%dT%H:%M:%fZ', at, '+2 hours'), 'Salle ' || (i % 12), 'Place ' || i,
          CASE WHEN at < '${NOW}' THEN 'held' ELSE 'scheduled' END, '1. Accueil' || char(10) || '2. Idées du quartier', at,
          CASE WHEN at < '${NOW}' THEN strftime('%Y-%m-%dT%H:%M:%fZ', at, '+2 hours') END,
          CASE WHEN at < '${NOW}' THEN strftime('%Y-%m-%dT%H:%M:%fZ', at, '+15 days') END, 15, at, at FROM d;
   INSERT INTO minutes_versions (meeting_id, version, body, attendance_count, change_note, published_at, published_by_name)
   SELECT m.id, v.value, '## Présents' || char(10) || char(10) || (20 + m.id % 40) || ' habitants.' || char(10) || char(10) || '## Points' || char(10) || char(10) || 'Version ' || v.value || ' du compte rendu.',
          20 + m.id % 40, CASE WHEN v.value > 1 THEN 'Correction ' || v.value END, strftime('%Y-%m-%dT%H:%M:%fZ', m.starts_at, '+' || v.value || ' days'), 'Animateur'
   FROM meetings m JOIN json_each('[1,2,3]') v ON v.value <= 1 + m.id % 3
   WHERE m.status = 'held' AND NOT EXISTS (SELECT 1 FROM minutes_versions x WHERE x.meeting_id = m.id)`,
);
db.exec("COMMIT");

// The register: appended one entry at a time with the app's hash chain (lib/hash-chain)
{
  const t = Date.now();
  const last = db.prepare("SELECT seq, hash FROM decisions ORDER BY seq DESC LIMIT 1").get() as { seq: number; hash: string } | undefined;
  let prev = last?.hash ?? GENESIS;
  let seq = last?.seq ?? 0;
  const councilNames = new Map((db.prepare("SELECT id, name FROM councils").all() as { id: number; name: string }[]).map((c) => [c.id, c.name]));
  const meetingIds = db.prepare("SELECT id, council_id FROM meetings WHERE status = 'held' ORDER BY id").all() as { id: number; council_id: number }[];
  const insert = db.prepare(
    `INSERT INTO decisions (seq, recorded_at, author_id, author_name, author_role, council_id, council_name, subject_kind, subject_id, subject_title, outcome, explanation, rule_version_id, rule_version_label, evidence, supersedes_seq, prev_hash, hash)
     VALUES (@seq, @recordedAt, NULL, @authorName, @authorRole, @councilId, @councilName, @subjectKind, @subjectId, @subjectTitle, @outcome, @explanation, NULL, NULL, @evidence, NULL, @prevHash, @hash)`,
  );
  db.transaction(() => {
    let i = 0;
    while (seq < 5000) {
      i++;
      seq++;
      const meeting = i % 3 === 0 ? meetingIds[i % meetingIds.length] : undefined;
      const councilId = meeting?.council_id ?? (i % 21 === 0 ? null : i % 21 > 20 ? 20 : i % 21);
      const isIdea = !meeting && i % 2 === 0;
      const ideaId = firstIdea + (i * 11) % (ideaCount - firstIdea);
      const recordedAt = new Date(Date.parse("2025-01-01T00:00:00.000Z") + i * 3_600_000).toISOString();
      const evidence = meeting ? [{ label: `Compte rendu : Réunion publique ${meeting.id}`, url: `/meetings/${meeting.id}#minutes` }] : [];
      const entry: PublicEntry = {
        seq,
        recordedAt,
        author: { name: "Élue référente", role: "official" },
        scope: { councilId, councilName: councilId === null ? null : councilNames.get(councilId) ?? null },
        subject: isIdea ? { kind: "idea", id: String(ideaId), title: `Idée ${ideaId}` } : { kind: "council_decision", id: null, title: `Décision du conseil ${i}` },
        outcome: isIdea ? "under_review" : "adopted",
        explanation: `Le conseil a examiné la demande ${i} et l'a retenue après débat en séance, au vu des avis des habitants et du coût estimé par les services.`,
        ruleVersion: null,
        evidence,
        supersedes: null,
      };
      const h = entryHash(prev, entry);
      insert.run({
        seq,
        recordedAt,
        authorName: entry.author.name,
        authorRole: entry.author.role,
        councilId,
        councilName: entry.scope.councilName,
        subjectKind: entry.subject.kind,
        subjectId: entry.subject.id,
        subjectTitle: entry.subject.title,
        outcome: entry.outcome,
        explanation: entry.explanation,
        evidence: JSON.stringify(evidence),
        prevHash: prev,
        hash: h,
      });
      prev = h;
    }
  })();
  console.log(`register: ${Date.now() - t} ms`);
}

ensureDataVersion(db);

db.pragma("wal_checkpoint(TRUNCATE)");
for (const t of ["councils", "users", "role_assignments", "ideas", "supports", "comments", "meetings", "minutes_versions", "decisions"]) console.log(`${t}: ${count(t)}`);
console.log(`overdue ideas: ${db.prepare(`SELECT count(*) FROM ideas WHERE answered_at IS NULL AND due_at < '${NOW}'`).pluck().get()}`);
console.log(`the long thread: /ideas/${bigIdea} (${db.prepare("SELECT comment_count FROM ideas WHERE id = ?").pluck().get(bigIdea)} comments)`);
console.log(`grown in ${((Date.now() - started) / 1000).toFixed(1)} s`);
db.close();
