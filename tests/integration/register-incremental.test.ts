/**
 * The verify page checks the register incrementally (issue #13): from the last checkpoint,
 * the checkpoint itself, and a rolling window of older entries. It must still catch an older
 * entry edited in place, a chain recomputed after an edit, and entries removed from the end.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sqlite } from "#db/client.server";
import type { Actor } from "~/domain/accounts/policy";
import { publishCouncilDecision } from "~/domain/decisions/decisions.server";
import { publicEntry, type DecisionRow } from "~/domain/decisions/record.server";
import { forgetCheckpoint, verifyRegisterIncremental } from "~/domain/decisions/verify-incremental.server";
import { entryHash, GENESIS } from "~/lib/hash-chain";
import * as verifyRoute from "~/routes/decisions.verify";
import { makeUser } from "../support/fixtures";
import { getRequest, run } from "../support/http";
import { EXPLANATION, makeCouncil, makeRules, makeTown } from "../support/own-data";

let official: Actor;
let councilId: number;
const publish = (title: string) => publishCouncilDecision(official, { councilId, title, outcome: "adopted", explanation: EXPLANATION, evidence: "", supersedes: null });
const head = () => sqlite().prepare("SELECT max(seq) FROM decisions").pluck().get() as number;

beforeAll(async () => {
  makeTown();
  councilId = makeCouncil().id;
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  await makeRules({}, official);
  for (let i = 0; i < 12; i++) publish(`Décision ${i}`);
  sqlite().exec("DROP TRIGGER decisions_no_update; DROP TRIGGER decisions_no_delete");
});

let saved: DecisionRow[] = [];
beforeEach(() => {
  // each test starts from the intact register and a new process's empty checkpoint
  if (saved.length) {
    sqlite().prepare("DELETE FROM decisions WHERE seq > ?").run(saved.at(-1)!.seq);
    const restore = sqlite().prepare("UPDATE decisions SET explanation = @explanation, prev_hash = @prevHash, hash = @hash WHERE seq = @seq");
    const exists = sqlite().prepare("SELECT 1 FROM decisions WHERE seq = ?").pluck();
    const insert = sqlite().prepare("INSERT INTO decisions (seq, recorded_at, author_id, author_name, author_role, council_id, council_name, subject_kind, subject_id, subject_title, outcome, explanation, rule_version_id, rule_version_label, evidence, supersedes_seq, prev_hash, hash) VALUES (@seq, @recordedAt, @authorId, @authorName, @authorRole, @councilId, @councilName, @subjectKind, @subjectId, @subjectTitle, @outcome, @explanation, @ruleVersionId, @ruleVersionLabel, @evidence, @supersedesSeq, @prevHash, @hash)");
    for (const r of saved) (exists.get(r.seq) ? restore : insert).run(r);
  } else {
    saved = sqlite().prepare("SELECT seq, recorded_at AS recordedAt, author_id AS authorId, author_name AS authorName, author_role AS authorRole, council_id AS councilId, council_name AS councilName, subject_kind AS subjectKind, subject_id AS subjectId, subject_title AS subjectTitle, outcome, explanation, rule_version_id AS ruleVersionId, rule_version_label AS ruleVersionLabel, evidence, supersedes_seq AS supersedesSeq, prev_hash AS prevHash, hash FROM decisions ORDER BY seq").all() as DecisionRow[];
  }
  forgetCheckpoint();
});

describe("incremental verification", () => {
  it("checks new entries from the checkpoint, and the page says what it checked", async () => {
    const first = await run(verifyRoute.loader, getRequest("/decisions/verify"));
    expect(first.data.verdict).toMatchObject({ ok: true, fromSeq: 0 });
    sqlite().exec("CREATE TRIGGER IF NOT EXISTS decisions_no_update BEFORE UPDATE ON decisions BEGIN SELECT RAISE(ABORT, 'never edited'); END");
    const n = head();
    publish("Une de plus");
    const second = await run(verifyRoute.loader, getRequest("/decisions/verify"));
    expect(second.data.verdict).toMatchObject({ ok: true, fromSeq: n, total: n + 1 });
    sqlite().exec("DROP TRIGGER decisions_no_update");
  });

  it("verifies everything once, then only what follows the checkpoint, plus a rolling window", () => {
    const n = head();
    const first = verifyRegisterIncremental(new Date(), 5);
    expect(first).toMatchObject({ ok: true, total: n, fromSeq: 0 });
    const second = verifyRegisterIncremental(new Date(), 5);
    expect(second).toMatchObject({ ok: true, total: n, fromSeq: n, swept: { from: 1, to: 5 } });
    const third = verifyRegisterIncremental(new Date(), 5);
    expect(third.swept).toEqual({ from: 6, to: 10 });
    const fourth = verifyRegisterIncremental(new Date("2030-01-01T00:00:00Z"), 5);
    expect(fourth.swept).toEqual({ from: 11, to: n });
    expect(fourth.lastFullPass).toBe("2030-01-01T00:00:00.000Z");
    expect(verifyRegisterIncremental(new Date(), 5).swept).toEqual({ from: 1, to: 5 });
  });

  it("finds an older entry edited in place, within one sweep", () => {
    verifyRegisterIncremental(new Date(), 5);
    sqlite().prepare("UPDATE decisions SET explanation = explanation || ' (modifié)' WHERE seq = 8").run();
    const verdicts = [1, 2, 3].map(() => verifyRegisterIncremental(new Date(), 5));
    expect(verdicts[0]!.ok).toBe(true); // entries 1-5: not yet
    expect(verdicts[1]).toMatchObject({ ok: false, seq: 8, reason: "hash", count: 7 });
  });

  it("finds a chain recomputed after an edit at once: the checkpoint no longer matches", () => {
    verifyRegisterIncremental(new Date(), 5);
    // rewrite entry 3 and recompute every hash after it, as someone covering their tracks would
    sqlite().prepare("UPDATE decisions SET explanation = explanation || ' (réécrit)' WHERE seq = 3").run();
    const rows = sqlite().prepare("SELECT seq, recorded_at AS recordedAt, author_id AS authorId, author_name AS authorName, author_role AS authorRole, council_id AS councilId, council_name AS councilName, subject_kind AS subjectKind, subject_id AS subjectId, subject_title AS subjectTitle, outcome, explanation, rule_version_id AS ruleVersionId, rule_version_label AS ruleVersionLabel, evidence, supersedes_seq AS supersedesSeq, prev_hash AS prevHash, hash FROM decisions ORDER BY seq").all() as DecisionRow[];
    let prev = GENESIS;
    for (const r of rows) {
      const h = entryHash(prev, publicEntry({ ...r, prevHash: prev }));
      sqlite().prepare("UPDATE decisions SET prev_hash = ?, hash = ? WHERE seq = ?").run(prev, h, r.seq);
      prev = h;
    }
    expect(verifyRegisterIncremental(new Date(), 5)).toMatchObject({ ok: false, seq: head(), reason: "hash" });
  });


  it("finds entries removed from the end", () => {
    verifyRegisterIncremental(new Date(), 5);
    const n = head();
    sqlite().prepare("DELETE FROM decisions WHERE seq >= ?").run(n - 1);
    expect(verifyRegisterIncremental(new Date(), 5)).toMatchObject({ ok: false, seq: n, reason: "sequence" });
  });
});
