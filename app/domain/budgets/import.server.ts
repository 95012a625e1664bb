/**
 * Importing a past budget from a Pabulib file (admins): for history and for the demo. The
 * file becomes a closed budget with one town envelope, its projects, its anonymised ballots
 * (the file itself, with the rule written into META) and its results computed by the chosen
 * rule, all in one transaction: a malformed file stores nothing, and its error names the line.
 * Amounts must be whole euros, like every budget here.
 */
import { eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { budgetEnvelopes, budgetPhases, budgetProjects, budgets } from "#db/schema";
import { actingRole, assertCanAs, type MaybeActor } from "../accounts/policy";
import { recordDecision } from "../decisions/record.server";
import { DomainError } from "../errors";
import { PabulibError, metaMinApprovals, readPabulib, writePabulib, type Election, type RuleName } from "~/lib/pb/index";
import { euros } from "./budgets.server";
import { computeFromElection, storeResults } from "./results.server";
import type { BudgetSettings } from "./schemas";

export interface ImportInput {
  text: string;
  title: string;
  allocationRule: RuleName;
  source: string;
  explanation: string;
}

function lineOf(text: string, re: RegExp): number | null {
  const lines = text.split(/\r\n|\r|\n/);
  const i = lines.findIndex((l) => re.test(l));
  return i < 0 ? null : i + 1;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function pbError(line: number | null, detail: string): DomainError {
  return new DomainError(line === null ? "errors.pbInvalidNoLine" : "errors.pbInvalid", 400, "file", { line: line ?? 0, detail });
}

/** Reads and checks the file; errors.pbInvalid (400, field "file", with the line). */
export function parseImport(text: string): Election {
  if (text.trim() === "") throw new DomainError("errors.required", 400, "file");
  let e: Election;
  try {
    e = readPabulib(text);
  } catch (err) {
    if (err instanceof PabulibError) throw pbError(err.line, err.message.replace(/^line \d+: /, ""));
    throw err;
  }
  if (!e.budget.isInteger() || e.budget.sign() <= 0) throw pbError(lineOf(text, /^\s*budget\s*;/), "the budget must be a positive whole number of euros");
  for (const p of e.projects) {
    if (!p.cost.isInteger()) throw pbError(lineOf(text, new RegExp(`^\\s*"?${escape(p.id)}"?\\s*;`)), `the cost of project "${p.id}" must be a whole number of euros`);
  }
  if (e.projects.length === 0) throw pbError(lineOf(text, /^\s*PROJECTS/), "no project");
  if (e.ballots.length === 0) throw pbError(lineOf(text, /^\s*VOTES/), "no ballot");
  return e;
}

export function importPabulib(actor: MaybeActor, input: ImportInput, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const a = assertCanAs(actor, "budget.import");
  const source = parseImport(input.text);
  const meta = source.meta;
  const minApprovals = Math.max(1, metaMinApprovals(source));
  const kMax = Number(meta.get("max_length") ?? "");
  const kMin = Number(meta.get("min_length") ?? "1");
  const chooseK = Number.isInteger(kMax) && kMax > 0 && !meta.has("max_sum_cost");
  const settings: BudgetSettings = {
    ballotType: chooseK ? "choose-k" : "approval",
    allocationRule: input.allocationRule,
    tieBreak: "id",
    minApprovals,
    minSpendPercent: 0,
    kMin: chooseK && Number.isInteger(kMin) && kMin > 0 ? Math.min(kMin, kMax) : 1,
    maxChoices: chooseK ? kMax : Math.max(1, source.projects.length),
  };
  // the file as published here: the same data, with the rule and the threshold in META
  const stored: Election = {
    ...source,
    meta: new Map([...source.meta, ["allocation_rule", input.allocationRule], ["min_project_score_threshold", String(minApprovals)]]),
  };
  const pb = writePabulib(stored);
  const results = computeFromElection(readPabulib(pb), input.allocationRule, { minApprovals, now });
  const amount = Number(source.budget.toFixed(0));
  return db.transaction((tx) => {
    let slug = `import-${(meta.get("unit") ?? "budget").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 30) || "budget"}-${meta.get("instance")?.replace(/[^0-9a-z]/gi, "") || now.getFullYear()}`;
    for (let i = 2; tx.select({ id: budgets.id }).from(budgets).where(eq(budgets.slug, slug)).get(); i++) slug = `${slug.replace(/-\d+$/, "")}-${i}`;
    const b = tx
      .insert(budgets)
      .values({
        slug,
        title: input.title,
        description: meta.get("description") ?? "",
        phase: "closed",
        settings: JSON.stringify(settings),
        imported: true,
        source: input.source,
        createdById: a.userId,
        createdAt: now.toISOString(),
      })
      .returning()
      .get();
    const envelope = tx.insert(budgetEnvelopes).values({ budgetId: b.id, councilId: null, amount, pb, results: storeResults(results) }).returning().get();
    const funded = new Set(results.projects.filter((p) => p.funded).map((p) => p.ballotId));
    for (const p of source.projects) {
      tx.insert(budgetProjects)
        .values({
          budgetId: b.id,
          envelopeId: envelope.id,
          ideaId: null,
          title: (p.fields["name"] ?? "").trim() || `Projet ${p.id}`,
          summary: [p.fields["category"], p.fields["district"]].filter(Boolean).join(" — "),
          cost: Number(p.cost.toFixed(0)),
          ballotId: p.id,
          computedFunded: funded.has(p.id),
          funded: funded.has(p.id),
          createdAt: now.toISOString(),
        })
        .run();
    }
    const entry = recordDecision(tx, a, {
      councilId: null,
      subject: { kind: "budget", id: String(b.id), title: input.title },
      outcome: "imported",
      explanation: `${input.explanation.trim()}\n\nSource : ${input.source.trim()}\n\n${source.projects.length} projets, ${source.ballots.length} bulletins, enveloppe de ${euros(amount)} ; résultat recalculé par la règle ${input.allocationRule} : ${funded.size} projet(s) financé(s).`,
      explanationField: "explanation",
      evidence: [{ label: input.title, url: `/budgets/${b.id}/results` }],
      authorRole: actingRole(a, "budget.import") ?? "admin",
      at: now,
    });
    tx.insert(budgetPhases).values({ budgetId: b.id, phase: "closed", startedAt: now.toISOString(), decisionSeq: entry.seq }).run();
    return b;
  });
}
