/**
 * Participatory budgets: creation with envelopes and rules, the phases (each move a register
 * entry), ideas collected into the budget, the vote (one ballot box per envelope, opened with
 * the budget's rulebook version frozen), the count and the results (computed from each
 * envelope's Pabulib file), and the official's decision that confirms the computed result or
 * departs from it project by project. The only module that writes the budget tables (with
 * review.server.ts, implementation.server.ts and import.server.ts beside it).
 *
 * Register entries (public): creation ("scheduled"), every phase change ("phase_changed"; the
 * vote's also publishes the rulebook version "budget:<slug>"), each envelope's count
 * ("counted", with the certificate), the decision ("confirmed" / "departed").
 */
import { and, asc, desc, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { db, type Tx } from "#db/client.server";
import type { BudgetPhase } from "#db/enums";
import { budgetEnvelopes, budgetPhases, budgetProjects, budgetReviews, budgets, councils, ideas } from "#db/schema";
import { actingRole, assertCanAs, type Actor, type MaybeActor } from "../accounts/policy";
import { createBox, getBox, participatedIn, personOfResidency, turnout } from "../ballot-box/boxes.server";
import { board, countBoxInTx, countSummary } from "../ballot-box/count.server";
import type { BallotSpec } from "../ballot-box/spec";
import { recordDecision } from "../decisions/record.server";
import { DomainError, NotFoundError } from "../errors";
import { submitIdea } from "../ideas/ideas.server";
import { notify } from "../notifications/notify.server";
import type { IdeaInput } from "../ideas/schemas";
import { rulesInForce } from "../rules/in-force.server";
import { publishRuleVersion } from "../rules/rules.server";
import { getTown } from "../town/town.server";
import { publicOrigin } from "~/config/site.server";
import { resolveLocal } from "~/lib/time";
import { canMovePhase, settingsEditable } from "./phases";
import { computeResults, envelopePb, INCREMENT, loadResults, storeResults, type EnvelopeResults } from "./results.server";
import { BudgetSettingsSchema, type BudgetInput, type BudgetSettings } from "./schemas";

export type BudgetRow = typeof budgets.$inferSelect;
export type EnvelopeRow = typeof budgetEnvelopes.$inferSelect;
export type ProjectRow = typeof budgetProjects.$inferSelect;
type Clock = { now?: Date };

export const scopeOf = (b: Pick<BudgetRow, "slug">) => `budget:${b.slug}`;

export function settingsOf(b: Pick<BudgetRow, "settings">): BudgetSettings {
  return BudgetSettingsSchema.parse(JSON.parse(b.settings));
}

/** Phase names in the town's language, for register titles (written in French, ADR 002). */
const PHASE_FR: Record<BudgetPhase, string> = {
  draft: "préparation",
  collection: "dépôt des idées",
  review: "étude de faisabilité",
  vote: "vote",
  results: "résultats",
  implementation: "réalisation",
  closed: "clos",
};

const RULE_FR: Record<string, string> = {
  greedy: "les plus soutenus d'abord (glouton)",
  mes: "méthode des parts égales, sans complément",
  "mes-add1": "méthode des parts égales, budget par personne augmenté (Add1)",
  "mes-add1u": "méthode des parts égales, budget par personne augmenté (Add1), puis complément glouton",
};

const TIE_FR: Record<string, string> = {
  cheaper: "le projet le moins cher passe en premier, puis le premier déposé",
  earlier: "le premier projet déposé passe en premier",
  id: "le plus petit numéro de projet, lu comme du texte",
};

export const euros = (n: number) => `${new Intl.NumberFormat("fr-FR").format(n)} €`;

function slugify(title: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 50)
    .replace(/-+$/g, "");
  return base || "budget";
}

function uniqueSlug(tx: Tx, title: string): string {
  const base = slugify(title);
  let slug = base;
  for (let i = 2; tx.select({ id: budgets.id }).from(budgets).where(eq(budgets.slug, slug)).get(); i++) slug = `${base}-${i}`;
  return slug;
}

export function requireBudget(tx: Tx, id: number): BudgetRow {
  const b = tx.select().from(budgets).where(eq(budgets.id, id)).get();
  if (!b) throw new NotFoundError();
  return b;
}

export function getBudget(id: number): BudgetRow | null {
  return db.select().from(budgets).where(eq(budgets.id, id)).get() ?? null;
}

function councilNames(tx: Tx = db): Map<number, string> {
  return new Map(tx.select({ id: councils.id, name: councils.name }).from(councils).all().map((c) => [c.id, c.name]));
}

export function envelopesOf(budgetId: number, tx: Tx = db) {
  const names = councilNames(tx);
  return tx
    .select()
    .from(budgetEnvelopes)
    .where(eq(budgetEnvelopes.budgetId, budgetId))
    .orderBy(sql`${budgetEnvelopes.councilId} IS NOT NULL`, asc(budgetEnvelopes.id))
    .all()
    .map((e) => ({ ...e, councilName: e.councilId === null ? null : (names.get(e.councilId) ?? null) }));
}
export type Envelope = ReturnType<typeof envelopesOf>[number];

export function projectsOf(budgetId: number, tx: Tx = db): ProjectRow[] {
  return tx.select().from(budgetProjects).where(eq(budgetProjects.budgetId, budgetId)).orderBy(asc(budgetProjects.id)).all();
}

/** "Enveloppe de la ville" / "Enveloppe Centre-Ville" (register text, French). */
function envelopeLabelFr(e: { councilName: string | null }) {
  return e.councilName ? `enveloppe ${e.councilName}` : "enveloppe de la ville";
}

// ------------------------------------------------------------------ creation

/** Creates a budget in draft with its envelopes (at least one with an amount), a register entry. */
export function createBudget(actor: MaybeActor, input: BudgetInput, opts: Clock = {}) {
  const now = opts.now ?? new Date();
  const a = assertCanAs(actor, "budget.manage", { councilId: null });
  const envelopes = input.envelopes.filter((e) => e.amount > 0);
  if (input.townAmount <= 0 && envelopes.length === 0) throw new DomainError("errors.budgetNoEnvelope", 400, "townAmount");
  if (new Set(envelopes.map((e) => e.councilId)).size !== envelopes.length) throw new DomainError("errors.councilUnknown", 400, "townAmount");
  const settings: BudgetSettings = {
    ballotType: input.ballotType,
    allocationRule: input.allocationRule,
    tieBreak: input.tieBreak,
    minApprovals: input.minApprovals,
    minSpendPercent: input.minSpendPercent,
    kMin: input.kMin,
    maxChoices: input.maxChoices,
  };
  return db.transaction((tx) => {
    const names = councilNames(tx);
    for (const e of envelopes) if (!names.has(e.councilId)) throw new DomainError("errors.councilUnknown", 400, "townAmount");
    const slug = uniqueSlug(tx, input.title);
    const b = tx
      .insert(budgets)
      .values({ slug, title: input.title, description: input.description, phase: "draft", settings: JSON.stringify(settings), createdById: a.userId, createdAt: now.toISOString() })
      .returning()
      .get();
    if (input.townAmount > 0) tx.insert(budgetEnvelopes).values({ budgetId: b.id, councilId: null, amount: input.townAmount }).run();
    for (const e of envelopes) tx.insert(budgetEnvelopes).values({ budgetId: b.id, councilId: e.councilId, amount: e.amount }).run();
    const lines = [
      ...(input.townAmount > 0 ? [`- enveloppe de la ville : ${euros(input.townAmount)}`] : []),
      ...envelopes.map((e) => `- enveloppe ${names.get(e.councilId)} : ${euros(e.amount)}`),
    ];
    const entry = recordDecision(tx, a, {
      councilId: null,
      subject: { kind: "budget", id: String(b.id), title: input.title },
      outcome: "scheduled",
      explanation: `${input.explanation.trim()}\n\n${lines.join("\n")}`,
      explanationField: "explanation",
      evidence: [{ label: input.title, url: `/budgets/${b.id}` }],
      authorRole: actingRole(a, "budget.manage", { councilId: null }) ?? "official",
      at: now,
    });
    tx.insert(budgetPhases).values({ budgetId: b.id, phase: "draft", startedAt: now.toISOString(), decisionSeq: entry.seq }).run();
    return b;
  });
}

// ------------------------------------------------------------------ collection

/** A resident submits an idea into a budget collecting ideas (the idea is an ordinary idea, linked). */
export function submitBudgetIdea(actor: MaybeActor, budgetId: number, input: IdeaInput, opts: Clock = {}) {
  return db.transaction((tx) => {
    const b = requireBudget(tx, budgetId);
    if (b.phase !== "collection") throw new DomainError("errors.budgetNotCollecting", 409);
    const idea = submitIdea(actor, input, opts);
    tx.update(ideas).set({ budgetId }).where(eq(ideas.id, idea.id)).run();
    return { ...idea, budgetId };
  });
}

// ------------------------------------------------------------------ phases

export interface PhaseInput {
  to: string;
  explanation: string;
  /** Entering the vote: when it closes, town's clock (datetime-local). */
  closesAt?: string;
  /** Entering the results: explanation of a difference between paper sheets and paper participations. */
  differenceExplanation?: string;
}

/**
 * Moves a budget to its next phase with a register entry. Entering `vote` opens one ballot box
 * per envelope that has projects (ids numbered in the tie-break order) and publishes the
 * budget's rulebook version, frozen from then on; entering `results` counts the boxes and
 * computes each envelope's results; entering `implementation` needs the official decision.
 */
export function changePhase(actor: MaybeActor, budgetId: number, input: PhaseInput, opts: Clock = {}) {
  const now = opts.now ?? new Date();
  const a = assertCanAs(actor, "budget.manage", { councilId: null });
  const role = actingRole(a, "budget.manage", { councilId: null }) ?? "official";
  return db.transaction((tx) => {
    const b = requireBudget(tx, budgetId);
    const to = input.to as BudgetPhase;
    if (b.imported || !canMovePhase(b.phase, to)) throw new DomainError("errors.phaseMoveNotAllowed", 409, "to");
    let extra = "";
    if (to === "vote") extra = openVote(tx, a, b, input, now);
    if (to === "results") extra = countAndCompute(tx, a, b, input, now);
    if (to === "implementation") {
      if (!b.decisionSeq) throw new DomainError("errors.resultsNotDecided", 409, "to");
      tx.update(budgetProjects).set({ status: "planned" }).where(and(eq(budgetProjects.budgetId, b.id), eq(budgetProjects.funded, true))).run();
    }
    const entry = recordDecision(tx, a, {
      councilId: null,
      subject: { kind: "budget", id: String(b.id), title: `${b.title} — ${PHASE_FR[to]}` },
      outcome: "phase_changed",
      explanation: extra ? `${input.explanation.trim()}\n\n${extra}` : input.explanation,
      explanationField: "explanation",
      evidence: [{ label: b.title, url: to === "results" ? `/budgets/${b.id}/results` : `/budgets/${b.id}` }],
      authorRole: role,
      ruleScope: scopeOf(b),
      at: now,
    });
    tx.update(budgets).set({ phase: to }).where(eq(budgets.id, b.id)).run();
    tx.insert(budgetPhases).values({ budgetId: b.id, phase: to, startedAt: now.toISOString(), decisionSeq: entry.seq }).run();
    notify(tx, {
      kind: "budgetPhase",
      at: now.toISOString(),
      title: b.title,
      link: to === "results" ? `/budgets/${b.id}/results` : `/budgets/${b.id}`,
      councilId: null,
      followersOf: [{ kind: "budget", id: b.id }],
      except: a.userId,
      refs: { decisionSeq: entry.seq },
    });
    return entry;
  });
}

/** Ballot ids in the declared tie-break order: their string order is the order of the ties. */
export function ballotIds(projects: ProjectRow[], tieBreak: BudgetSettings["tieBreak"]): Map<number, string> {
  if (tieBreak === "id") return new Map(projects.map((p) => [p.id, String(p.id)]));
  const sorted = [...projects].sort((x, y) =>
    tieBreak === "cheaper" ? x.cost - y.cost || x.createdAt.localeCompare(y.createdAt) || x.id - y.id : x.createdAt.localeCompare(y.createdAt) || x.id - y.id,
  );
  const width = String(sorted.length).length;
  return new Map(sorted.map((p, i) => [p.id, String(i + 1).padStart(width, "0")]));
}

function specOf(settings: BudgetSettings, envelope: EnvelopeRow, projects: ProjectRow[], minVotingAge: number): BallotSpec {
  const items = [...projects].sort((x, y) => (x.ballotId! < y.ballotId! ? -1 : 1)).map((p) => ({ id: p.ballotId!, label: p.title, cost: p.cost }));
  return settings.ballotType === "approval"
    ? { type: "approval-budget", projects: items, budget: envelope.amount, minSpendShare: settings.minSpendPercent / 100, minVotingAge }
    : { type: "approval-k", projects: items, kMin: Math.min(settings.kMin, items.length), kMax: Math.min(settings.maxChoices, items.length), minVotingAge };
}

function openVote(tx: Tx, a: Actor, b: BudgetRow, input: PhaseInput, now: Date): string {
  const r = resolveLocal(input.closesAt ?? "");
  if (!r.ok) throw new DomainError(r.problem === "ambiguous" ? "errors.timeAmbiguous" : "errors.dateTimeInvalid", 400, "closesAt");
  if (r.utc <= now.toISOString()) throw new DomainError("errors.voteClosesInPast", 400, "closesAt");
  const settings = settingsOf(b);
  const envelopes = envelopesOf(b.id, tx);
  const projects = projectsOf(b.id, tx);
  if (projects.length === 0) throw new DomainError("errors.budgetNoProjects", 409, "to");
  const town = rulesInForce("town", now, tx);
  // the budget's rulebook version: town numbers, this budget's ballot and allocation rules
  const body = [
    `# Règlement du budget participatif « ${b.title} »`,
    "",
    `Publié à l'ouverture du vote ; il ne change plus ensuite.`,
    "",
    "## Enveloppes",
    "",
    ...envelopes.map((e) => `- ${envelopeLabelFr(e)} : ${euros(e.amount)}`),
    "",
    "## Bulletin",
    "",
    settings.ballotType === "approval"
      ? `Chaque votant choisit des projets de son enveloppe dont le coût total ne dépasse pas l'enveloppe${settings.minSpendPercent > 0 ? ` et atteint au moins ${settings.minSpendPercent} % de celle-ci` : ""}.`
      : `Chaque votant choisit entre ${settings.kMin} et ${settings.maxChoices} projets de son enveloppe.`,
    "Un habitant vérifié vote dans l'enveloppe de la ville et dans celle de son quartier.",
    "",
    "## Calcul du résultat",
    "",
    `- Règle : ${RULE_FR[settings.allocationRule]}.`,
    `- Ex æquo : ${TIE_FR[settings.tieBreak]} ; les numéros des projets sur le bulletin suivent cet ordre.`,
    `- Un projet doit recevoir au moins ${settings.minApprovals} voix pour être financé.`,
    "- Les bulletins anonymisés de chaque enveloppe sont publiés au format Pabulib : chacun peut recalculer le résultat.",
  ].join("\n");
  const version = publishRuleVersion(
    a,
    {
      ...town.params,
      ballotType: settings.ballotType,
      maxChoices: settings.maxChoices,
      kMin: settings.kMin,
      minSpendPercent: settings.minSpendPercent,
      allocationRule: settings.allocationRule,
      minApprovals: settings.minApprovals,
      tieBreak: settings.tieBreak,
      scope: scopeOf(b),
      title: `Règlement du budget « ${b.title} »`,
      body,
      explanation: input.explanation,
    },
    now,
  );
  const opened: string[] = [];
  for (const e of envelopes) {
    const mine = projects.filter((p) => p.envelopeId === e.id);
    if (mine.length === 0) continue;
    const ids = ballotIds(mine, settings.tieBreak);
    for (const p of mine) {
      tx.update(budgetProjects).set({ ballotId: ids.get(p.id)! }).where(eq(budgetProjects.id, p.id)).run();
      p.ballotId = ids.get(p.id)!;
    }
    const box = createBox(
      tx,
      {
        kind: "budget",
        title: `${b.title} — ${e.councilName ?? "ville"}`,
        councilId: e.councilId,
        opensAt: now.toISOString(),
        closesAt: r.utc,
        spec: specOf(settings, e, mine, town.params.minVotingAge),
        ruleVersionId: version.id,
      },
      now,
    );
    tx.update(budgetEnvelopes).set({ boxId: box.id }).where(eq(budgetEnvelopes.id, e.id)).run();
    opened.push(`- ${envelopeLabelFr(e)} : ${euros(e.amount)}, ${mine.length} projet(s)`);
  }
  tx.update(budgets).set({ ruleVersionId: version.id, voteOpensAt: now.toISOString(), voteClosesAt: r.utc }).where(eq(budgets.id, b.id)).run();
  return `Vote ouvert jusqu'au ${new Intl.DateTimeFormat("fr-FR", { dateStyle: "full", timeStyle: "short", timeZone: "Europe/Paris" }).format(new Date(r.utc))}, règlement ${version.scope} v${version.number} :\n\n${opened.join("\n")}`;
}

function countAndCompute(tx: Tx, a: Actor, b: BudgetRow, input: PhaseInput, now: Date): string {
  const settings = settingsOf(b);
  const town = getTown();
  const envelopes = envelopesOf(b.id, tx);
  const projects = projectsOf(b.id, tx);
  const summary: string[] = [];
  for (const e of envelopes) {
    if (e.boxId === null) continue;
    const box = getBox(e.boxId, tx)!;
    countBoxInTx(tx, a, e.boxId, {
      now,
      differenceExplained: !!input.differenceExplanation?.trim(),
      decide: (counted) =>
        recordDecision(tx, a, {
          councilId: e.councilId,
          subject: { kind: "budget_result", id: `${b.id}/${e.id}`, title: `${b.title} — ${envelopeLabelFr(e)}` },
          outcome: "counted",
          explanation: countSummary(counted, input.differenceExplanation),
          explanationField: "differenceExplanation",
          evidence: [{ label: b.title, url: `/budgets/${b.id}/results#envelope-${e.id}` }],
          authorRole: actingRole(a, "budget.manage", { councilId: null }) ?? "official",
          ruleScope: scopeOf(b),
          at: now,
        }).seq,
    });
    const mine = projects.filter((p) => p.envelopeId === e.id && p.ballotId !== null);
    const pb = envelopePbText(b, e, mine, board(e.boxId), settings, town.name, town.currency, box.opensAt, box.closesAt);
    const results = computeResults(pb, settings.allocationRule, { minApprovals: settings.minApprovals, now });
    tx.update(budgetEnvelopes).set({ pb, results: storeResults(results) }).where(eq(budgetEnvelopes.id, e.id)).run();
    const funded = new Set(results.projects.filter((p) => p.funded).map((p) => p.ballotId));
    for (const p of mine) tx.update(budgetProjects).set({ computedFunded: funded.has(p.ballotId!), funded: funded.has(p.ballotId!) }).where(eq(budgetProjects.id, p.id)).run();
    const names = mine.filter((p) => funded.has(p.ballotId!)).map((p) => `« ${p.title} »`);
    summary.push(`- ${envelopeLabelFr(e)} (${results.voters} bulletin(s)) : ${names.length ? names.join(", ") : "aucun projet financé"} — ${euros(Number(results.allocated.toFixed(0)))} sur ${euros(e.amount)}.`);
  }
  return `Résultat calculé par la règle déclarée (${RULE_FR[settings.allocationRule]}) :\n\n${summary.join("\n")}`;
}

function envelopePbText(b: BudgetRow, e: Envelope, projects: ProjectRow[], ballots: { id: string; choices: string[] }[], settings: BudgetSettings, townName: string, currency: string, opensAt: string, closesAt: string) {
  return envelopePb({
    description: `Budget participatif « ${b.title} » — ${e.councilName ?? "enveloppe de la ville"}`,
    unit: townName,
    subunit: e.councilName,
    instance: closesAt.slice(0, 4),
    budget: e.amount,
    rule: settings.allocationRule,
    minApprovals: settings.minApprovals,
    ballot: settings.ballotType === "approval" ? { type: "approval-budget", minSpend: Math.ceil((e.amount * settings.minSpendPercent) / 100) } : { type: "approval-k", kMin: settings.kMin, kMax: settings.maxChoices },
    opensAt,
    closesAt,
    currency,
    projects: projects.map((p) => ({ ballotId: p.ballotId!, cost: p.cost, name: p.title })),
    ballots,
    url: `${publicOrigin()}/budgets/${b.id}/results`,
  });
}

// ------------------------------------------------------------------ the official decision

export interface ResultsDecisionInput {
  outcome: "confirmed" | "departed";
  explanation: string;
  /** For a departure: project ids whose outcome changes, with the reason for each. */
  changes: { projectId: number; reason: string }[];
}

/**
 * The official publishes the decision on the computed result: it confirms it, or departs from
 * it — then each changed project is named with its reason, and both are shown side by side.
 * Errors: errors.budgetNotInResults (409), errors.resultsAlreadyDecided (409),
 * errors.departureNeedsChanges (400), errors.departureReason (400, field reason-<id>).
 */
export function decideResults(actor: MaybeActor, budgetId: number, input: ResultsDecisionInput, opts: Clock = {}) {
  const now = opts.now ?? new Date();
  const a = assertCanAs(actor, "budget.decide", { councilId: null });
  return db.transaction((tx) => {
    const b = requireBudget(tx, budgetId);
    if (b.phase !== "results") throw new DomainError("errors.budgetNotInResults", 409);
    if (b.decisionSeq) throw new DomainError("errors.resultsAlreadyDecided", 409);
    const projects = projectsOf(b.id, tx);
    const envelopes = new Map(envelopesOf(b.id, tx).map((e) => [e.id, e]));
    const lines: string[] = [];
    if (input.outcome === "departed") {
      if (input.changes.length === 0) throw new DomainError("errors.departureNeedsChanges", 400, "changed");
      for (const c of input.changes) {
        const p = projects.find((x) => x.id === c.projectId && x.computedFunded !== null);
        if (!p) throw new DomainError("errors.projectUnknown", 400, "changed");
        if (c.reason.trim().length < 20) throw new DomainError("errors.departureReason", 400, `reason-${p.id}`, { min: 20 });
        const now2 = !p.computedFunded;
        tx.update(budgetProjects).set({ funded: now2 }).where(eq(budgetProjects.id, p.id)).run();
        lines.push(
          `- « ${p.title} » (${envelopeLabelFr(envelopes.get(p.envelopeId)!)}, ${euros(p.cost)}) : ${now2 ? "financé alors que le calcul ne le finançait pas" : "non financé alors que le calcul le finançait"}. Raison : ${c.reason.trim()}`,
        );
      }
    }
    const entry = recordDecision(tx, a, {
      councilId: null,
      subject: { kind: "budget_result", id: String(b.id), title: b.title },
      outcome: input.outcome,
      explanation: lines.length ? `${input.explanation.trim()}\n\nÉcarts au résultat calculé :\n\n${lines.join("\n")}` : input.explanation,
      explanationField: "explanation",
      evidence: [{ label: b.title, url: `/budgets/${b.id}/results` }],
      authorRole: actingRole(a, "budget.decide", { councilId: null }) ?? "official",
      ruleScope: scopeOf(b),
      at: now,
    });
    tx.update(budgets).set({ decisionSeq: entry.seq, decisionOutcome: input.outcome }).where(eq(budgets.id, b.id)).run();
    return entry;
  });
}

// ------------------------------------------------------------------ reading

export function listBudgets() {
  const rows = db.select().from(budgets).orderBy(desc(budgets.createdAt)).all();
  const env = rows.length ? db.select().from(budgetEnvelopes).where(inArray(budgetEnvelopes.budgetId, rows.map((r) => r.id))).all() : [];
  const counts = rows.length
    ? db
        .select({ budgetId: budgetProjects.budgetId, n: sql<number>`count(*)`, funded: sql<number>`sum(coalesce(${budgetProjects.funded}, 0))` })
        .from(budgetProjects)
        .where(inArray(budgetProjects.budgetId, rows.map((r) => r.id)))
        .groupBy(budgetProjects.budgetId)
        .all()
    : [];
  return rows.map((b) => {
    const mine = env.filter((e) => e.budgetId === b.id);
    const c = counts.find((x) => x.budgetId === b.id);
    return {
      id: b.id,
      title: b.title,
      phase: b.phase,
      imported: b.imported,
      voteClosesAt: b.voteClosesAt,
      total: mine.reduce((s, e) => s + e.amount, 0),
      envelopes: mine.length,
      projects: c?.n ?? 0,
      funded: c?.funded ?? 0,
    };
  });
}

export function phaseHistory(budgetId: number) {
  return db.select().from(budgetPhases).where(eq(budgetPhases.budgetId, budgetId)).orderBy(asc(budgetPhases.id)).all();
}

/** Ideas submitted to the budget, with their review when there is one. */
export function budgetIdeas(budgetId: number) {
  const rows = db.select({ id: ideas.id, title: ideas.title, councilId: ideas.councilId, status: ideas.status, hiddenAt: ideas.hiddenAt, supportCount: ideas.supportCount, submittedAt: ideas.submittedAt }).from(ideas).where(eq(ideas.budgetId, budgetId)).orderBy(asc(ideas.id)).all();
  const reviews = rows.length ? db.select().from(budgetReviews).where(inArray(budgetReviews.ideaId, rows.map((r) => r.id))).all() : [];
  return rows.map((r) => ({ ...r, review: reviews.find((x) => x.ideaId === r.id) ?? null }));
}

/** What the budget page shows a verified resident about their envelopes and vote. */
export function voterEnvelopes(b: BudgetRow, actor: MaybeActor) {
  const person = personOfResidency(actor?.residency ?? null);
  const envelopes = envelopesOf(b.id).filter((e) => e.boxId !== null);
  const mine = person ? envelopes.filter((e) => e.councilId === null || e.councilId === person.councilId) : [];
  const voted = person ? participatedIn(person.key, mine.map((e) => e.boxId!)) : new Set<number>();
  return { person, envelopes: mine, voted: mine.length > 0 && mine.every((e) => voted.has(e.boxId!)) };
}

export function liveTurnout(b: BudgetRow) {
  return envelopesOf(b.id)
    .filter((e) => e.boxId !== null)
    .map((e) => ({ envelopeId: e.id, ...turnout(e.boxId!) }));
}

/** Each counted envelope's results (null before the count), with the projects' own rows. */
export function budgetResults(budgetId: number) {
  const projects = projectsOf(budgetId);
  return envelopesOf(budgetId).map((e) => ({
    envelope: e,
    results: e.results ? loadResults(e.results) : null,
    projects: projects.filter((p) => p.envelopeId === e.id),
  }));
}

/** Budgets with an envelope for this council, and the projects funded in it. */
export function councilBudgets(councilId: number) {
  const rows = db
    .select({ budget: budgets, envelope: budgetEnvelopes })
    .from(budgetEnvelopes)
    .innerJoin(budgets, eq(budgets.id, budgetEnvelopes.budgetId))
    .where(eq(budgetEnvelopes.councilId, councilId))
    .orderBy(desc(budgets.createdAt))
    .all();
  const funded = rows.length
    ? db
        .select()
        .from(budgetProjects)
        .where(and(inArray(budgetProjects.envelopeId, rows.map((r) => r.envelope.id)), eq(budgetProjects.funded, true)))
        .all()
    : [];
  return rows.map((r) => ({ id: r.budget.id, title: r.budget.title, phase: r.budget.phase, amount: r.envelope.amount, funded: funded.filter((p) => p.envelopeId === r.envelope.id) }));
}

/** The budget envelope a ballot box belongs to (for the receipts page): its projects by ballot number and its .pb. */
export function budgetOfBox(boxId: number) {
  const e = db.select().from(budgetEnvelopes).where(eq(budgetEnvelopes.boxId, boxId)).get();
  if (!e) return null;
  const options = projectsOf(e.budgetId)
    .filter((p) => p.envelopeId === e.id && p.ballotId !== null)
    .map((p) => ({ id: p.ballotId!, label: p.title }));
  return { budgetId: e.budgetId, options, pbUrl: e.pb ? `/budgets/${e.budgetId}/envelopes/${e.id}.pb` : null };
}

export function getProject(id: number) {
  return db.select().from(budgetProjects).where(eq(budgetProjects.id, id)).get() ?? null;
}

export function fundedProjects(budgetId: number) {
  return db.select().from(budgetProjects).where(and(eq(budgetProjects.budgetId, budgetId), eq(budgetProjects.funded, true))).orderBy(asc(budgetProjects.id)).all();
}

export function decidedBudgets() {
  return db.select({ id: budgets.id }).from(budgets).where(isNotNull(budgets.decisionSeq)).all();
}

export { INCREMENT, settingsEditable, type EnvelopeResults };
