/**
 * What the results page shows, as plain data in the reader's language: every project's
 * sentence (app/lib/pb/render.ts), its margin, the Equal Shares rounds, the what-if, the
 * chart's numbers, turnout, the money allocated, and the official decision beside the
 * computed result. Rationals never leave the server: amounts arrive formatted.
 */
import type { TFunction } from "i18next";
import { formatCount, formatMoney, renderExplanation, Rational, type Lang } from "~/lib/pb/index";
import { renderMarkdown } from "~/lib/markdown";
import { getBox } from "../ballot-box/boxes.server";
import { results as boxResults } from "../ballot-box/count.server";
import { findReceipt } from "../ballot-box/count.server";
import { getDecision } from "../decisions/decisions.server";
import { DomainError } from "../errors";
import { electorateSize } from "../residency/census.server";
import { getTown } from "../town/town.server";
import { budgetResults, settingsOf, type BudgetRow } from "./budgets.server";
import { shareOf, type EnvelopeResults } from "./results.server";

function pct(r: Rational, lang: Lang): string {
  // rounded down to a tenth, so "99.9 %" is never shown as 100 %
  const tenth = r.mulInt(1000).n / r.mulInt(1000).d;
  return new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { style: "percent", maximumFractionDigits: 1 }).format(Number(tenth) / 1000);
}

export function resultsView(b: BudgetRow, lang: Lang, t: TFunction) {
  const town = getTown();
  const currency = town.currency;
  const money = (r: Rational) => formatMoney(r, lang, currency);
  const settings = settingsOf(b);
  const decision = b.decisionSeq ? getDecision(b.decisionSeq) : null;
  const envelopes = budgetResults(b.id).map(({ envelope, results, projects }) => {
    const label = envelope.councilName ? t("budgets.envelopeOf", { name: envelope.councilName }) : t("budgets.townEnvelope");
    if (!results) return { id: envelope.id, label, amount: envelope.amount, counted: false as const };
    const byBallot = new Map(projects.map((p) => [p.ballotId!, p]));
    const title = (ballotId: string) => byBallot.get(ballotId)?.title ?? ballotId;
    const r: EnvelopeResults = results;
    const rows = r.projects.map((p) => {
      const row = byBallot.get(p.ballotId);
      const m = p.margin;
      let marginText: string | null = null;
      if (!p.funded && m) {
        const votes = m.approvals === null ? null : t("budgets.results.moreVotes", { count: m.approvals, n: formatCount(m.approvals, lang) });
        const cheaper = m.cost === null ? null : t("budgets.results.cheaper", { amount: money(m.cost) });
        marginText =
          votes && cheaper
            ? t("budgets.results.marginBoth", { votes, cheaper })
            : votes
              ? t("budgets.results.marginVotesOnly", { votes })
              : cheaper
                ? t("budgets.results.marginCostOnly", { cheaper })
                : t("budgets.results.marginNone");
      }
      return {
        id: row?.id ?? null,
        ballotId: p.ballotId,
        title: title(p.ballotId),
        cost: Number(p.cost.toFixed(0)),
        costText: money(p.cost),
        approvals: p.approvals,
        computedFunded: p.funded,
        funded: row?.funded ?? p.funded,
        sentence: renderExplanation(p.explanation, { lang, currency, label: (d) => (lang === "fr" ? `« ${title(d.projectId)} »` : `“${title(d.projectId)}”`) }),
        margin: marginText,
        effectiveSupport: !p.funded && m?.effectiveSupport ? pct(m.effectiveSupport, lang) : null,
      };
    });
    const box = envelope.boxId ? getBox(envelope.boxId) : null;
    const counted = envelope.boxId ? boxResults(envelope.boxId) : null;
    const electorate = box ? electorateSize(box.councilId, box.spec.minVotingAge, box.closesAt.slice(0, 10)) : null;
    const p = counted?.certificate.participations;
    return {
      id: envelope.id,
      label,
      amount: envelope.amount,
      counted: true as const,
      rule: r.rule,
      voters: r.voters,
      turnout: p ? { total: p.total, online: p.online, desk: p.desk, paper: p.paper, electorate, ratio: electorate ? pct(Rational.of(p.total, electorate), lang) : null } : null,
      allocated: Number(r.allocated.toFixed(0)),
      allocatedText: money(r.allocated),
      leftText: money(r.budget.sub(r.allocated)),
      endowmentText: r.endowment ? money(r.endowment) : null,
      baseShareText: r.voters > 0 ? money(r.budget.divInt(r.voters)) : null,
      projects: rows,
      rounds: r.rounds.map((x) => ({
        round: x.round,
        title: title(x.ballotId),
        priceText: money(x.price),
        supporters: x.supporters,
        paidFull: x.paidFull,
        paidLess: x.paidLess + x.paidNothing,
        effectiveVotes: new Intl.NumberFormat(lang === "fr" ? "fr-FR" : "en-GB", { maximumFractionDigits: 1 }).format(x.effectiveVotes.toNumber()),
        costText: money(x.cost),
        spentText: money(x.spentSoFar),
        leftText: money(x.budgetLeft),
      })),
      completion: r.completion.map(title),
      whatIf: r.whatIf.map((w) => ({ rule: w.rule, count: w.selected.length, costText: money(w.cost), declared: w.rule === r.rule })),
      differing: r.differing.map((d) => ({ title: title(d.ballotId), selectedBy: d.selectedBy })),
      pbUrl: `/budgets/${b.id}/envelopes/${envelope.id}.pb`,
    };
  });
  return {
    currency,
    rule: settings.allocationRule,
    minApprovals: settings.minApprovals,
    decision: decision
      ? { seq: decision.seq, outcome: decision.outcome, authorName: decision.authorName, recordedAt: decision.recordedAt, html: renderMarkdown(decision.explanation, { headingBase: 3 }) }
      : null,
    envelopes,
  };
}

/**
 * "How my share was spent": the ballots a receipt code stands for in this budget, with the
 * projects chosen and, under Equal Shares, what the voter's share paid for each. Nothing
 * identifies the voter: the code is all there is. errors.receiptInvalid (400),
 * errors.receiptUnknown (404-like, 400 here so the form shows it).
 */
export function shareView(b: BudgetRow, code: string, lang: Lang, t: TFunction) {
  const found = findReceipt(code);
  const currency = getTown().currency;
  const money = (r: Rational) => formatMoney(r, lang, currency);
  const envelopes = budgetResults(b.id);
  const mine = found.flatMap((f) => {
    const e = envelopes.find((x) => x.envelope.boxId === f.boxId);
    return e ? [{ f, e }] : [];
  });
  if (mine.length === 0) throw new DomainError("errors.receiptUnknown", 400, "code");
  return mine.map(({ f, e }) => {
    const title = (id: string) => e.projects.find((p) => p.ballotId === id)?.title ?? id;
    const label = e.envelope.councilName ? t("budgets.envelopeOf", { name: e.envelope.councilName }) : t("budgets.townEnvelope");
    if (!f.counted || !e.results) return { label, counted: false as const, chosen: [] as string[], lines: [], endowment: null, left: null, ballotId: f.ballotId };
    const share = shareOf(e.results, f.choices!);
    const funded = new Set(e.results.projects.filter((p) => p.funded).map((p) => p.ballotId));
    return {
      label,
      counted: true as const,
      ballotId: f.ballotId,
      chosen: f.choices!.map((id) => `${title(id)} — ${funded.has(id) ? t("budgets.results.fundedWord") : t("budgets.results.notFundedWord")}`),
      endowment: share ? money(share.endowment) : null,
      left: share ? money(share.left) : null,
      lines: share
        ? share.lines.map((l) => ({
            title: title(l.ballotId),
            text: l.kind === "paid" ? t("budgets.share.paid", { amount: money(l.amount!) }) : l.kind === "completion" ? t("budgets.share.completion") : t("budgets.share.notFunded"),
          }))
        : [],
    };
  });
}
