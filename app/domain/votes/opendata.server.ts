/**
 * Proposal votes as open data: the list of votes (results only once counted — an open vote
 * shows its turnout, nothing else), and for each counted vote its board of anonymised
 * ballots, so anyone can recount. Board lines are in random key order; a ballot's key is
 * the hex SHA-256 of "<receipt code>:<box id>" (app/domain/ballot-box/cast.server.ts), so a
 * voter can find their line with their receipt code and nothing else links it to them.
 */
import { asc, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { ballotBoxes, councils, votes } from "#db/schema";
import { toCsv } from "~/lib/csv";
import { boxState, getBox, turnout } from "../ballot-box/boxes.server";
import { board, results } from "../ballot-box/count.server";
import type { ChoiceSpec } from "../ballot-box/spec";
import type { Dataset } from "../opendata/types";

function rows() {
  return db
    .select({ vote: votes, council: councils.name, closedAt: ballotBoxes.closedAt })
    .from(votes)
    .innerJoin(ballotBoxes, eq(ballotBoxes.id, votes.boxId))
    .leftJoin(councils, eq(councils.id, votes.councilId))
    .orderBy(asc(votes.id))
    .all();
}

function voteList() {
  return rows().map(({ vote, council }) => {
    const box = getBox(vote.boxId)!;
    const spec = box.spec as ChoiceSpec;
    const state = boxState(box);
    const r = state === "closed" ? results(box.id) : null;
    return {
      id: vote.id,
      question: vote.question,
      electorate: council ?? null,
      form: vote.form,
      binding: vote.binding,
      options: spec.options.map((o) => ({ id: o.id, label: o.label })),
      minChoices: spec.min,
      maxChoices: spec.max,
      opensAt: box.opensAt,
      closesAt: box.closesAt,
      state,
      participations: state === "scheduled" ? 0 : turnout(box.id).total,
      // the count exists only once the box is counted (embargo)
      countedAt: r?.certificate.countedAt ?? null,
      results: r ? r.tally.counts : null,
      decisionSeq: vote.decisionSeq,
      board: r ? `/open-data/vote-${vote.id}-board.json` : null,
    };
  });
}

function boardOf(voteId: number) {
  const v = db.select().from(votes).where(eq(votes.id, voteId)).get()!;
  const box = getBox(v.boxId)!;
  const spec = box.spec as ChoiceSpec;
  const r = results(box.id)!;
  return {
    vote: { id: v.id, question: v.question, boxId: box.id, options: spec.options.map((o) => ({ id: o.id, label: o.label })), minChoices: spec.min, maxChoices: spec.max },
    receiptKey: "sha256(<receipt code> + ':' + <boxId>), hex",
    tally: r.tally.counts,
    certificate: r.certificate,
    ballots: board(box.id),
  };
}

export function voteDatasets(): Dataset[] {
  const counted = rows().filter((r) => r.closedAt);
  return [
    {
      file: "votes.json",
      titleKey: "openData.sets.votesJson.title",
      descriptionKey: "openData.sets.votesJson.description",
      format: "JSON",
      contentType: "application/json; charset=utf-8",
      produce: () => JSON.stringify(voteList(), null, 1),
    },
    {
      file: "votes.csv",
      titleKey: "openData.sets.votesCsv.title",
      descriptionKey: "openData.sets.votesCsv.description",
      format: "CSV",
      contentType: "text/csv; charset=utf-8",
      produce: () =>
        toCsv(
          ["id", "question", "electorate", "form", "binding", "opens_at", "closes_at", "state", "participations", "counted_at", "results", "decision_seq"],
          voteList().map((v) => [v.id, v.question, v.electorate, v.form, v.binding, v.opensAt, v.closesAt, v.state, v.participations, v.countedAt, v.results ? v.results.map((c) => `${c.id}:${c.count}`).join(" ") : null, v.decisionSeq]),
        ),
    },
    ...counted.flatMap(({ vote }): Dataset[] => [
      {
        file: `vote-${vote.id}-board.json`,
        titleKey: "openData.sets.voteBoardJson.title",
        descriptionKey: "openData.sets.voteBoardJson.description",
        titleParams: { question: vote.question, id: vote.id },
        format: "JSON",
        contentType: "application/json; charset=utf-8",
        produce: () => JSON.stringify(boardOf(vote.id), null, 1),
      },
      {
        file: `vote-${vote.id}-board.csv`,
        titleKey: "openData.sets.voteBoardCsv.title",
        descriptionKey: "openData.sets.voteBoardCsv.description",
        titleParams: { question: vote.question, id: vote.id },
        format: "CSV",
        contentType: "text/csv; charset=utf-8",
        produce: () => {
          const b = boardOf(vote.id);
          const ids = b.vote.options.map((o) => o.id);
          return toCsv(["ballot_id", ...ids.map((id) => `choice_${id}`)], b.ballots.map((l) => [l.id, ...ids.map((id) => (l.choices.includes(id) ? 1 : 0))]));
        },
      },
    ]),
  ];
}
