/**
 * The fuzz world's participatory budgets, one in each phase a budget page acts in, built
 * through the domain functions on a clock in the past: collecting ideas, in review (ideas
 * waiting for a review), voting (open until next week, with the bystander's basket in the
 * town and council-B envelopes), with results waiting for the official decision, and in
 * implementation (a funded project to post updates on). Each has a town envelope and one
 * per council; ballots cast by council A's verified residents.
 */
import type { Actor } from "~/domain/accounts/policy";
import { castBasket } from "~/domain/budgets/ballot.server";
import { changePhase, createBudget, decideResults, envelopesOf, projectsOf, submitBudgetIdea } from "~/domain/budgets/budgets.server";
import { reviewIdea } from "~/domain/budgets/review.server";
import { utcToLocal } from "~/lib/time";
import { EXPLANATION } from "../../support/own-data";
import { budgetInput } from "../../support/voting";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export type BudgetPhaseName = "collection" | "review" | "vote" | "results" | "implementation";

export interface WorldBudget {
  id: number;
  /** Envelope ids: the town's, council A's and council B's. */
  envelopes: { town: number; A: number; B: number };
  /** Ideas waiting for a review (phase review). */
  pending: number[];
  /** Projects (from phase vote on): id, envelope, ballot id, funded (from results on). */
  projects: { id: number; envelopeId: number; ballotId: string | null; funded: boolean | null }[];
  /** Receipt codes of the baskets cast (from phase vote on). */
  receipts: string[];
  /** Every "<envelope id>:<ballot id>" a basket may hold (from phase vote on). */
  choices: string[];
}

const idea = (title: string, councilId: number | null) => ({ title, body: `${title} : une idée détaillée pour le quartier, et ce qu'elle changerait au quotidien.`, theme: "public_space" as const, councilId, place: "" });

/**
 * A budget walked to `phase`. `voters` vote (town and council-A envelopes) when it passes
 * through the vote; `bystander` (council B) too when given.
 */
export function budgetIn(
  phase: BudgetPhaseName,
  who: { official: Actor; author: Actor; voters: Actor[]; bystander?: Actor },
  councils: { A: number; B: number },
  title: string,
  opts: { closedVote?: boolean } = {},
): WorldBudget {
  const start = Date.now() - 10 * DAY;
  const t = (h: number) => new Date(start + h * HOUR);
  const { official, author } = who;
  const b = createBudget(
    official,
    budgetInput({
      title,
      description: "Un budget participatif du monde de fuzz, avec une enveloppe par conseil et une pour la ville.",
      townAmount: 100_000,
      envelopes: [
        { councilId: councils.A, amount: 50_000 },
        { councilId: councils.B, amount: 30_000 },
      ],
      explanation: EXPLANATION,
    }),
    { now: t(0) },
  );
  const envs = envelopesOf(b.id);
  const envelopes = { town: envs.find((e) => e.councilId === null)!.id, A: envs.find((e) => e.councilId === councils.A)!.id, B: envs.find((e) => e.councilId === councils.B)!.id };
  const out: WorldBudget = { id: b.id, envelopes, pending: [], projects: [], receipts: [], choices: [] };
  changePhase(official, b.id, { to: "collection", explanation: EXPLANATION }, { now: t(1) });
  if (phase === "collection") return out;
  const ideas = [
    { i: submitBudgetIdea(author, b.id, idea("Des bancs au parc A", councils.A), { now: t(2) }), cost: 12_000, env: envelopes.A },
    { i: submitBudgetIdea(author, b.id, idea("Un jardin partagé A", councils.A), { now: t(2) }), cost: 30_000, env: envelopes.A },
    { i: submitBudgetIdea(author, b.id, idea("Une fontaine au port B", councils.B), { now: t(2) }), cost: 20_000, env: envelopes.B },
    { i: submitBudgetIdea(author, b.id, idea("Une piste cyclable", null), { now: t(2) }), cost: 60_000, env: envelopes.town },
    { i: submitBudgetIdea(author, b.id, idea("Des arbres rue haute", null), { now: t(2) }), cost: 25_000, env: envelopes.town },
    { i: submitBudgetIdea(author, b.id, idea("Une patinoire en hiver", null), { now: t(2) }), cost: 0, env: envelopes.town },
    { i: submitBudgetIdea(author, b.id, idea("Un kiosque à musique", null), { now: t(2) }), cost: 0, env: envelopes.town },
  ];
  changePhase(official, b.id, { to: "review", explanation: EXPLANATION }, { now: t(3) });
  // the last two stay waiting for a review in the review phase
  for (const x of ideas.slice(0, 5)) {
    reviewIdea(
      official,
      b.id,
      {
        ideaId: x.i.id,
        verdict: "feasible",
        cost: x.cost,
        envelopeId: x.env,
        feasibilityExplanation: "Les services techniques ont vérifié l'emplacement, les réseaux et les règles d'urbanisme applicables.",
        costExplanation: "Chiffrage du bureau d'études : fournitures, pose et une année d'entretien.",
        conflict: "none",
        conflictText: "",
      },
      { now: t(4) },
    );
  }
  out.pending = ideas.slice(5).map((x) => x.i.id);
  if (phase === "review") return out;
  const voting = phase === "vote";
  // a vote phase still open, or closed and waiting for its paper sheets and its count
  const closes = voting && !opts.closedVote ? new Date(Date.now() + 7 * DAY) : t(8);
  changePhase(official, b.id, { to: "vote", explanation: EXPLANATION, closesAt: utcToLocal(closes.toISOString()) }, { now: t(5) });
  const projects = () => projectsOf(b.id).map((p) => ({ id: p.id, envelopeId: p.envelopeId, ballotId: p.ballotId, funded: p.funded ?? null }));
  const ballot = (env: number) => projects().filter((p) => p.envelopeId === env).map((p) => `${env}:${p.ballotId}`);
  for (const [k, v] of who.voters.entries()) out.receipts.push(castBasket(v, b.id, [...ballot(envelopes.town).slice(k % 2, (k % 2) + 1), ...ballot(envelopes.A).slice(0, 1 + (k % 2))], { now: t(6) }).receipt);
  if (who.bystander) out.receipts.push(castBasket(who.bystander, b.id, [...ballot(envelopes.town).slice(0, 1), ...ballot(envelopes.B)], { now: t(6) }).receipt);
  out.choices = [...ballot(envelopes.town), ...ballot(envelopes.A), ...ballot(envelopes.B)];
  out.projects = projects();
  if (voting) return out;
  changePhase(official, b.id, { to: "results", explanation: EXPLANATION }, { now: t(9) });
  out.projects = projects();
  if (phase === "results") return out;
  decideResults(official, b.id, { outcome: "confirmed", explanation: EXPLANATION, changes: [] }, { now: t(10) });
  changePhase(official, b.id, { to: "implementation", explanation: EXPLANATION }, { now: t(11) });
  out.projects = projects();
  return out;
}
