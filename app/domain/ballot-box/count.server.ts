/**
 * The count, and what is published after it: the tally (per choice, and per channel), the
 * closing certificate (participations against ballots per channel, paper sheets against
 * paper participations), the board of anonymised ballots, and receipt lookups.
 *
 * Embargo: before a box is counted, no tally, partial count or per-choice number exists
 * anywhere — `board` and the stored tally are only read once `closed_at` is set, and the
 * only live figure is turnout, counted from participations (boxes.server.ts `turnout`).
 * Decidim once leaked vote counts in an open-data export while counts were hidden
 * (decidim#12348); here the count does not exist until the close.
 */
import { randomBytes } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import { BALLOT_CHANNELS, type BallotChannel, type SubjectKind } from "#db/enums";
import { ballotBoxes, ballots } from "#db/schema";
import { actingRole, assertCanAs, type Actor, type MaybeActor } from "../accounts/policy";
import { recordDecision } from "../decisions/record.server";
import { DomainError } from "../errors";
import { boxState, getBox, participatedIn, requireBox, turnout, type Box } from "./boxes.server";
import { normalizeReceiptCode, receiptHash } from "./cast.server";
import { countedPaperBallots, paperStatus } from "./paper.server";
import { countChoices, parseContent } from "./spec";

/** Smallest channel whose own tally is shown (fewer would reveal how a few people voted). */
export const MIN_CHANNEL_CELL = 5;

/**
 * The channels whose own tally must not be published. A channel with 1–4 ballots is hidden;
 * since the total is public, hiding it alone would let anyone subtract the others, so more
 * channels are hidden, smallest first, until the hidden ones hold at least MIN_CHANNEL_CELL
 * ballots between them and are at least two (complementary suppression, as statistical
 * offices do for small cells). A channel with no ballot reveals nothing and is never needed.
 */
export function suppressedChannels(ballotsByChannel: Record<BallotChannel, number>): Set<BallotChannel> {
  const hidden = new Set<BallotChannel>();
  const channels = (Object.keys(ballotsByChannel) as BallotChannel[]).filter((c) => ballotsByChannel[c] > 0).sort((a, b) => ballotsByChannel[a] - ballotsByChannel[b]);
  for (const c of channels) if (ballotsByChannel[c] < MIN_CHANNEL_CELL) hidden.add(c);
  if (!hidden.size) return hidden;
  const sum = () => [...hidden].reduce((n, c) => n + ballotsByChannel[c], 0);
  for (const c of channels) {
    if (hidden.size >= 2 && sum() >= MIN_CHANNEL_CELL) break;
    hidden.add(c);
  }
  return hidden;
}

export interface Tally {
  /** Valid ballots counted (spoiled paper sheets excluded). */
  ballots: number;
  counts: { id: string; count: number }[];
  byChannel: Record<BallotChannel, { ballots: number; counts: { id: string; count: number }[] }>;
}

export interface Certificate {
  countedAt: string;
  participations: Record<BallotChannel, number> & { total: number };
  ballots: Record<BallotChannel, number> & { total: number };
  paper: { sheets: number; counted: number; spoiled: number; difference: number };
  /** Register entry explaining a paper difference, when there was one. */
  explanationSeq: number | null;
}

export interface Counted {
  box: Box;
  tally: Tally;
  certificate: Certificate;
}

/**
 * Counts a box whose window has passed, inside the caller's transaction: every paper sheet
 * must be settled (errors.paperPending, 409); a difference between paper sheets and paper
 * participations must be explained (errors.paperDifferenceExplain, 400, field
 * "explanation") and the explanation goes to the register with the count. Online and desk
 * ballots always equal their participations (one transaction wrote both).
 */
export function countBoxInTx(
  tx: Tx,
  a: Actor,
  boxId: number,
  opts: { now: Date; differenceExplained: boolean; /** writes the register entry; returns its seq */ decide: (counted: Counted) => number },
): Counted & { decisionSeq: number } {
  const box = requireBox(tx, boxId);
  const state = boxState(box, opts.now);
  if (state === "closed") throw new DomainError("errors.boxAlreadyCounted", 409);
  if (state !== "counting") throw new DomainError("errors.boxStillOpen", 409);
  const paper = paperStatus(box.id);
  if (paper.pending.length || paper.differing.length) {
    throw new DomainError("errors.paperPending", 409, "", { pending: paper.pending.length, differing: paper.differing.length });
  }
  const difference = paper.sheets.length - paper.participations;
  if (difference !== 0 && !opts.differenceExplained) {
    throw new DomainError("errors.paperDifferenceExplain", 400, "explanation", { sheets: paper.sheets.length, participations: paper.participations });
  }
  // paper ballots join the box under random keys (no receipt)
  for (const content of countedPaperBallots(box.id)) {
    tx.insert(ballots).values({ boxId: box.id, id: randomBytes(32).toString("hex"), channel: "paper", content: JSON.stringify(content) }).run();
  }
  const rows = tx.select({ channel: ballots.channel, content: ballots.content }).from(ballots).where(eq(ballots.boxId, box.id)).all();
  const contents = rows.map((r) => parseContent(r.content));
  const byChannel = Object.fromEntries(
    BALLOT_CHANNELS.map((ch) => {
      const mine = rows.filter((r) => r.channel === ch).map((r) => parseContent(r.content));
      return [ch, { ballots: mine.length, counts: countChoices(box.spec, mine) }];
    }),
  ) as Tally["byChannel"];
  const tally: Tally = { ballots: contents.length, counts: countChoices(box.spec, contents), byChannel };
  const t = turnout(box.id);
  const certificate: Certificate = {
    countedAt: opts.now.toISOString(),
    participations: { online: t.online, desk: t.desk, paper: t.paper, total: t.total },
    ballots: { online: byChannel.online.ballots, desk: byChannel.desk.ballots, paper: byChannel.paper.ballots, total: tally.ballots },
    paper: { sheets: paper.sheets.length, counted: paper.counted - paper.spoiled, spoiled: paper.spoiled, difference },
    explanationSeq: null,
  };
  const decisionSeq = opts.decide({ box, tally, certificate });
  if (difference !== 0) certificate.explanationSeq = decisionSeq;
  // one write: once closed_at is set, a trigger refuses any change to the count
  const updated = tx
    .update(ballotBoxes)
    .set({ closedAt: opts.now.toISOString(), closedById: a.userId, tally: JSON.stringify(tally), certificate: JSON.stringify(certificate), closingDecisionSeq: decisionSeq })
    .where(eq(ballotBoxes.id, box.id))
    .returning()
    .get();
  return { box: { ...box, ...updated, spec: box.spec }, tally, certificate, decisionSeq };
}

/** The register's summary of a count (French, the town's language), with the explanation of any paper difference. */
export function countSummary(c: Counted, explanation?: string): string {
  const p = c.certificate.participations;
  const b = c.certificate.ballots;
  const lines = [
    `Dépouillement du scrutin « ${c.box.title} » : ${p.total} participation(s) — ${p.online} en ligne, ${p.desk} au guichet, ${p.paper} sur papier.`,
    `${b.total} bulletin(s) valable(s) compté(s) — ${b.online} en ligne, ${b.desk} au guichet, ${b.paper} papier ; ${c.certificate.paper.spoiled} bulletin(s) papier nul(s) sur ${c.certificate.paper.sheets} feuille(s) saisie(s) deux fois.`,
    c.certificate.paper.difference === 0
      ? "Le nombre de bulletins papier correspond au nombre de participations papier enregistrées au guichet."
      : `Écart entre les feuilles papier (${c.certificate.paper.sheets}) et les participations papier (${p.paper}) : ${c.certificate.paper.difference > 0 ? "+" : ""}${c.certificate.paper.difference}.`,
  ];
  if (explanation?.trim()) lines.push("", explanation.trim());
  return lines.join("\n");
}

/**
 * Counts a proposal vote's box and publishes the result with its register entry (subject
 * given by the caller). See countBoxInTx for the errors.
 */
export function countAndPublish(
  actor: MaybeActor,
  input: { boxId: number; subject: { kind: SubjectKind; id: string; title: string }; explanation?: string; /** runs in the same transaction, after the count (notifications) */ then?: (tx: Tx) => void },
  opts: { now?: Date } = {},
): Counted & { decisionSeq: number } {
  const now = opts.now ?? new Date();
  return db.transaction((tx) => {
    const box = requireBox(tx, input.boxId);
    const a = assertCanAs(actor, "vote.count", { councilId: box.councilId });
    const explained = !!input.explanation?.trim();
    const counted = countBoxInTx(tx, a, box.id, {
      now,
      differenceExplained: explained,
      decide: (counted) =>
        recordDecision(tx, a, {
          councilId: box.councilId,
          subject: input.subject,
          outcome: "counted",
          explanation: countSummary(counted, input.explanation),
          authorRole: actingRole(a, "vote.count", { councilId: box.councilId }) ?? "facilitator",
          at: now,
          explanationField: "explanation",
        }).seq,
    });
    input.then?.(tx);
    return counted;
  });
}

/** The published tally and certificate of a counted box; null before the count (embargo). */
export function results(boxId: number): { tally: Tally; certificate: Certificate } | null {
  const box = getBox(boxId);
  if (!box || !box.closedAt || !box.tally || !box.certificate) return null;
  return { tally: JSON.parse(box.tally) as Tally, certificate: JSON.parse(box.certificate) as Certificate };
}

/**
 * The board of a counted box: every ballot's key (the hash of its receipt) and its choices,
 * in key order — a random order, unrelated to when ballots were cast. Anyone can recount
 * the tally from it. errors.embargo (409) before the count.
 */
export function board(boxId: number): { id: string; choices: string[] }[] {
  const box = getBox(boxId);
  if (!box) throw new DomainError("errors.notFound", 404);
  if (!box.closedAt) throw new DomainError("errors.embargo", 409);
  return db
    .select({ id: ballots.id, content: ballots.content })
    .from(ballots)
    .where(eq(ballots.boxId, boxId))
    .orderBy(asc(ballots.id))
    .all()
    .map((r) => ({ id: r.id, choices: parseContent(r.content) }));
}

export interface ReceiptFound {
  boxId: number;
  kind: Box["kind"];
  title: string;
  ballotId: string;
  counted: boolean;
  /** Only once the box is counted (the voter knows their choice; the page shows it back). */
  choices: string[] | null;
}

/**
 * Finds the ballots a receipt code stands for (one per box it was cast in). No one is
 * identified: the code is all there is. Errors: errors.receiptInvalid (400) for a code
 * that cannot be one.
 */
export function findReceipt(code: string): ReceiptFound[] {
  const normal = normalizeReceiptCode(code);
  if (!normal) throw new DomainError("errors.receiptInvalid", 400, "code");
  const boxes = db.select({ id: ballotBoxes.id, kind: ballotBoxes.kind, title: ballotBoxes.title, closedAt: ballotBoxes.closedAt }).from(ballotBoxes).all();
  const found: ReceiptFound[] = [];
  for (const b of boxes) {
    const id = receiptHash(normal, b.id);
    const row = db.select({ content: ballots.content }).from(ballots).where(and(eq(ballots.boxId, b.id), eq(ballots.id, id))).get();
    if (row) found.push({ boxId: b.id, kind: b.kind, title: b.title, ballotId: id, counted: !!b.closedAt, choices: b.closedAt ? parseContent(row.content) : null });
  }
  return found;
}

export { participatedIn };
