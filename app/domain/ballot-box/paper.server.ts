/**
 * Paper ballots after the close: the counting team numbers the sheets taken from the box
 * (1, 2, 3…); each sheet is typed in twice by two different people (pass 1 and pass 2),
 * checked against the box's rules (a sheet that breaks them is recorded as spoiled);
 * where the two entries differ, a third entry (pass 3) settles it. The box cannot be
 * counted while a sheet is entered once or differs unsettled.
 *
 * Decidim's paper ballots are per-project totals never reconciled with online voters;
 * here each sheet is a ballot, and the closing certificate compares paper sheets with paper
 * participations recorded on the day (count.server.ts).
 */
import { and, count, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { paperBallotEntries, participations } from "#db/schema";
import { assertCanAs, type MaybeActor } from "../accounts/policy";
import { DomainError } from "../errors";
import { boxState, requireBox } from "./boxes.server";
import { ballotProblem, canonical, parseContent } from "./spec";

export interface SheetState {
  sheet: number;
  /** Canonical content per pass, "spoiled" for a spoiled sheet, undefined when not entered. */
  passes: Partial<Record<1 | 2 | 3, string>>;
  enteredBy: Partial<Record<1 | 2 | 3, string | null>>;
  state: "single" | "agreed" | "differs" | "settled";
  /** The content that counts (agreed or settled). */
  final: string | null;
}

const SPOILED = "spoiled";

export function paperSheets(boxId: number): SheetState[] {
  const rows = db.select().from(paperBallotEntries).where(eq(paperBallotEntries.boxId, boxId)).orderBy(paperBallotEntries.sheet, paperBallotEntries.pass).all();
  const by = new Map<number, SheetState>();
  for (const r of rows) {
    const s = by.get(r.sheet) ?? { sheet: r.sheet, passes: {}, enteredBy: {}, state: "single" as const, final: null };
    s.passes[r.pass as 1 | 2 | 3] = r.content ?? SPOILED;
    s.enteredBy[r.pass as 1 | 2 | 3] = r.enteredById;
    by.set(r.sheet, s);
  }
  for (const s of by.values()) {
    if (s.passes[3] !== undefined) {
      s.state = "settled";
      s.final = s.passes[3];
    } else if (s.passes[1] !== undefined && s.passes[2] !== undefined) {
      s.state = s.passes[1] === s.passes[2] ? "agreed" : "differs";
      s.final = s.state === "agreed" ? s.passes[1] : null;
    }
  }
  return [...by.values()].sort((a, b) => a.sheet - b.sheet);
}

/** Where the paper count stands: what blocks the close, and what the certificate compares. */
export function paperStatus(boxId: number) {
  const sheets = paperSheets(boxId);
  const participationsOnPaper = db.select({ n: count() }).from(participations).where(and(eq(participations.boxId, boxId), eq(participations.channel, "paper"))).get()!.n;
  return {
    sheets,
    participations: participationsOnPaper,
    pending: sheets.filter((s) => s.state === "single").map((s) => s.sheet),
    differing: sheets.filter((s) => s.state === "differs").map((s) => s.sheet),
    counted: sheets.filter((s) => s.final !== null).length,
    spoiled: sheets.filter((s) => s.final === SPOILED).length,
  };
}

/**
 * Types one sheet in. `choices` null means the sheet is spoiled (blank where a choice is
 * required, unreadable, marks that identify the voter…); otherwise the choices are checked
 * against the box's rules and a sheet that breaks them must be entered as spoiled.
 * pass 1 and 2 must be entered by different people; pass 3 only settles a difference.
 * Errors: errors.boxNotCounting (409), errors.samePersonTwice (409), errors.sheetAgreed (409),
 * errors.sheetAlreadyEntered (409), errors.sheetNotDiffering (409), ballot rule keys (400).
 */
export function enterPaperSheet(
  actor: MaybeActor,
  input: { boxId: number; sheet: number; pass?: 1 | 2 | 3; choices: string[] | null },
  opts: { now?: Date } = {},
) {
  const now = opts.now ?? new Date();
  return db.transaction((tx) => {
    const box = requireBox(tx, input.boxId);
    const a = assertCanAs(actor, "vote.count", { councilId: box.councilId });
    if (boxState(box, now) !== "counting") throw new DomainError("errors.boxNotCounting", 409);
    if (input.choices) {
      const p = ballotProblem(box.spec, input.choices);
      if (p) throw new DomainError(p.key, 400, "choices", p.params);
    }
    const existing = tx.select().from(paperBallotEntries).where(and(eq(paperBallotEntries.boxId, box.id), eq(paperBallotEntries.sheet, input.sheet))).all();
    const pass = (n: number) => existing.find((e) => e.pass === n);
    // without a pass, the next one: first entry, then the second by someone else, then a settlement
    const next = input.pass ?? (!pass(1) ? 1 : !pass(2) ? 2 : pass(1)!.content !== pass(2)!.content && !pass(3) ? 3 : null);
    if (next === null) throw new DomainError("errors.sheetAgreed", 409, "sheet", { sheet: input.sheet });
    input = { ...input, pass: next };
    if (pass(input.pass!)) throw new DomainError("errors.sheetAlreadyEntered", 409, "sheet", { sheet: input.sheet });
    if (input.pass === 2 && pass(1)?.enteredById === a.userId) throw new DomainError("errors.samePersonTwice", 409, "sheet");
    if (input.pass === 1 && pass(2)?.enteredById === a.userId) throw new DomainError("errors.samePersonTwice", 409, "sheet");
    if (input.pass === 3) {
      const p1 = pass(1);
      const p2 = pass(2);
      if (!p1 || !p2 || p1.content === p2.content) throw new DomainError("errors.sheetNotDiffering", 409, "sheet", { sheet: input.sheet });
    }
    return tx
      .insert(paperBallotEntries)
      .values({ boxId: box.id, sheet: input.sheet, pass: input.pass!, content: input.choices ? canonical(input.choices) : null, enteredById: a.userId, enteredAt: now.toISOString() })
      .returning()
      .get();
  });
}

/** The final content of every counted sheet (spoiled ones excluded), for the count. */
export function countedPaperBallots(boxId: number): string[][] {
  return paperSheets(boxId)
    .filter((s) => s.final !== null && s.final !== SPOILED)
    .map((s) => parseContent(s.final!));
}
