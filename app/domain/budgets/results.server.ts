/**
 * A budget envelope's results, computed once from its Pabulib file — the very file anyone
 * can download and recount — by the rule declared before the vote (app/lib/pb): the funded
 * projects, every project's explanation (as data, worded at display time in the reader's
 * language), the margins of the projects left out, the Equal Shares rounds with their exact
 * prices, and the what-if under the other rules. Stored as JSON in `budget_envelopes.results`
 * (written once). Also: the Pabulib file of a counted envelope, and "how my share was spent"
 * for a ballot. No database access here.
 */
import {
  Rational,
  RULES,
  allocate,
  compareRules,
  projectMargins,
  readPabulib,
  writePabulib,
  type Election,
  type ProjectExplanation,
  type RuleName,
} from "~/lib/pb/index";

/** Exact amounts travel as "n/d" strings inside the stored JSON. */
type Encoded<T> = T extends Rational ? { r: string } : T extends (infer U)[] ? Encoded<U>[] : T extends object ? { [K in keyof T]: Encoded<T[K]> } : T;

export function encode<T>(x: T): Encoded<T> {
  if (x instanceof Rational) return { r: x.toFraction() } as Encoded<T>;
  if (Array.isArray(x)) return x.map(encode) as Encoded<T>;
  if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, encode(v)])) as Encoded<T>;
  return x as Encoded<T>;
}

export function decode<T>(x: Encoded<T>): T {
  if (x && typeof x === "object" && !Array.isArray(x) && Object.keys(x).length === 1 && typeof (x as { r?: unknown }).r === "string") {
    return Rational.parse((x as unknown as { r: string }).r)! as T;
  }
  if (Array.isArray(x)) return x.map((v) => decode(v)) as T;
  if (x && typeof x === "object") return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, decode(v as Encoded<unknown>)])) as T;
  return x as T;
}

export interface ResultProject {
  ballotId: string;
  name: string;
  cost: Rational;
  approvals: number;
  funded: boolean;
  explanation: ProjectExplanation;
  margin: { approvals: number | null; cost: Rational | null; effectiveSupport: Rational | null; method: { approvals: string; cost: string } } | null;
}

export interface ResultRound {
  round: number;
  ballotId: string;
  /** The most one supporter paid. */
  price: Rational;
  cost: Rational;
  supporters: number;
  paidFull: number;
  paidLess: number;
  paidNothing: number;
  /** cost / price: how many supporters paying the full price it amounts to. */
  effectiveVotes: Rational;
  spentSoFar: Rational;
  budgetLeft: Rational;
  /** What all voters still held between them (n·endowment − spent). */
  sharesLeft: Rational;
}

export interface EnvelopeResults {
  rule: RuleName;
  minApprovals: number;
  increment: Rational;
  unit: Rational;
  budget: Rational;
  voters: number;
  allocated: Rational;
  endowment: Rational | null;
  /** Funded in selection order, then the others by approvals. */
  projects: ResultProject[];
  rounds: ResultRound[];
  /** mes-add1u: the projects added by the greedy completion. */
  completion: string[];
  whatIf: { rule: RuleName; selected: string[]; cost: Rational }[];
  /** Projects some rules fund and others do not. */
  differing: { ballotId: string; selectedBy: RuleName[] }[];
  computedAt: string;
}

/** The rule's Add1 step: one currency unit (the command line's default, so a recount needs no option). */
export const INCREMENT = Rational.ONE;

/** Computes an envelope's results from its Pabulib text. */
export function computeResults(pbText: string, rule: RuleName, opts: { minApprovals: number; now?: Date }): EnvelopeResults {
  const election = readPabulib(pbText);
  return computeFromElection(election, rule, opts);
}

export function computeFromElection(election: Election, rule: RuleName, opts: { minApprovals: number; now?: Date }): EnvelopeResults {
  const minApprovals = opts.minApprovals;
  const a = allocate(election, rule, { increment: INCREMENT, minApprovals });
  const margins = projectMargins(election, rule, { increment: INCREMENT, minApprovals, allocation: a });
  const unit = election.budget.isInteger() && election.projects.every((p) => p.cost.isInteger()) ? Rational.ONE : Rational.of(1, 100);
  const names = new Map(election.projects.map((p) => [p.id, p.fields["name"] ?? ""]));
  const selected = new Set(a.selected);
  const projects: ResultProject[] = (a.explanations ?? []).map((x) => {
    const m = margins.get(x.projectId);
    return {
      ballotId: x.projectId,
      name: names.get(x.projectId) ?? "",
      cost: x.cost,
      approvals: x.approvals,
      funded: selected.has(x.projectId),
      explanation: x,
      margin: m ? { approvals: m.approvals, cost: m.cost, effectiveSupport: m.effectiveSupport ?? null, method: m.method } : null,
    };
  });
  // the explanations list the funded first (selection order); then the others by approvals
  const funded = projects.filter((p) => p.funded);
  const others = projects.filter((p) => !p.funded).sort((x, y) => y.approvals - x.approvals || (x.ballotId < y.ballotId ? -1 : 1));

  const rounds: ResultRound[] = [];
  if (a.rounds && a.endowment) {
    const n = a.voters;
    let spent = Rational.ZERO;
    a.rounds.forEach((r, i) => {
      const x = projects.find((p) => p.ballotId === r.projectId)!.explanation;
      spent = spent.add(x.cost);
      const f = x.kind === "mes-funded" ? x : null;
      rounds.push({
        round: i + 1,
        ballotId: r.projectId,
        price: r.price,
        cost: x.cost,
        supporters: x.approvals,
        paidFull: f?.paidMax ?? 0,
        paidLess: f?.paidLess ?? 0,
        paidNothing: f?.paidNothing ?? 0,
        effectiveVotes: r.price.sign() > 0 ? x.cost.div(r.price) : Rational.ZERO,
        spentSoFar: spent,
        budgetLeft: election.budget.sub(spent),
        sharesLeft: a.endowment!.mulInt(n).sub(spent),
      });
    });
  }

  const w = compareRules(election, { increment: INCREMENT, minApprovals, explain: false, rules: RULES });
  return {
    rule,
    minApprovals,
    increment: INCREMENT,
    unit,
    budget: election.budget,
    voters: a.voters,
    allocated: a.cost,
    endowment: a.endowment ?? null,
    projects: [...funded, ...others],
    rounds,
    completion: a.completion ?? [],
    whatIf: w.outcomes.map((o) => ({ rule: o.rule, selected: o.selected, cost: o.cost })),
    differing: w.differing.map((d) => ({ ballotId: d.projectId, selectedBy: d.selectedBy })),
    computedAt: (opts.now ?? new Date()).toISOString(),
  };
}

export function storeResults(r: EnvelopeResults): string {
  return JSON.stringify(encode(r));
}

export function loadResults(json: string): EnvelopeResults {
  return decode<EnvelopeResults>(JSON.parse(json) as Encoded<EnvelopeResults>);
}

/** Pabulib's name for our rules (META `rule`); ours goes in `allocation_rule`. */
const PABULIB_RULE: Record<RuleName, string> = { greedy: "greedy", mes: "equalshares", "mes-add1": "equalshares/add1", "mes-add1u": "equalshares/add1" };

/** "dd.mm.yyyy" on the town's clock. */
function pbDate(iso: string): string {
  const [y, m, d] = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(iso)).split("-");
  return `${d}.${m}.${y}`;
}

export interface PbInput {
  description: string;
  unit: string;
  subunit: string | null;
  instance: string;
  budget: number;
  rule: RuleName;
  minApprovals: number;
  ballot: { type: "approval-budget"; minSpend: number } | { type: "approval-k"; kMin: number; kMax: number };
  opensAt: string;
  closesAt: string;
  currency: string;
  projects: { ballotId: string; cost: number; name: string }[];
  /** Board lines: the ballot key (random, the hash of its receipt) and the chosen ballot ids. */
  ballots: { id: string; choices: string[] }[];
  url: string;
}

/** The anonymised ballots of a counted envelope as a Pabulib file (recount with `npm run -s pb -- allocate`). */
export function envelopePb(x: PbInput): string {
  const votes = new Map(x.projects.map((p) => [p.ballotId, 0]));
  for (const b of x.ballots) for (const c of b.choices) votes.set(c, (votes.get(c) ?? 0) + 1);
  const meta = new Map<string, string>([
    ["description", x.description],
    ["country", "France"],
    ["unit", x.unit],
    ...(x.subunit ? ([["subunit", x.subunit]] as [string, string][]) : []),
    ["instance", x.instance],
    ["num_projects", String(x.projects.length)],
    ["num_votes", String(x.ballots.length)],
    ["budget", String(x.budget)],
    ["vote_type", "approval"],
    ["rule", PABULIB_RULE[x.rule]],
    ["allocation_rule", x.rule],
    ["min_project_score_threshold", String(x.minApprovals)],
    ...(x.ballot.type === "approval-budget"
      ? ([["max_sum_cost", String(x.budget)], ...(x.ballot.minSpend > 0 ? [["min_sum_cost", String(x.ballot.minSpend)]] : [])] as [string, string][])
      : ([
          ["min_length", String(x.ballot.kMin)],
          ["max_length", String(x.ballot.kMax)],
        ] as [string, string][])),
    ["date_begin", pbDate(x.opensAt)],
    ["date_end", pbDate(x.closesAt)],
    ["currency", x.currency],
    ["language", "fr"],
    [
      "comment",
      `#1: Anonymised ballots published by Conseil Ouvert (${x.url}); voter_id is the ballot's random key on the public board (the SHA-256 of its receipt code, random for paper ballots). #2: Recount: npm run -s pb -- allocate FILE --rule ${x.rule} (Add1 increment 1; projects with fewer votes than min_project_score_threshold take no part). #3: Project ids are numbered in the declared tie-break order.`,
    ],
  ]);
  const election: Election = {
    meta,
    budget: Rational.fromInt(x.budget),
    voteType: "approval",
    projectColumns: ["project_id", "cost", "votes", "name"],
    projects: x.projects.map((p) => ({ id: p.ballotId, cost: Rational.fromInt(p.cost), fields: { votes: String(votes.get(p.ballotId) ?? 0), name: p.name } })),
    voteColumns: ["voter_id", "vote"],
    ballots: x.ballots.map((b) => ({ voterId: b.id, vote: [...b.choices].sort(), fields: {} })),
  };
  return writePabulib(election);
}

export interface ShareLine {
  ballotId: string;
  kind: "paid" | "completion" | "not-funded";
  amount: Rational | null;
}

/**
 * How one ballot's share was spent under Equal Shares: its endowment, what it paid for each
 * funded project it chose (the round's price, or all it had left), what went to projects added
 * by the completion (paid from the rest of the envelope, not from shares), and what was left.
 * Uses the identity of docs/decisions/003: a voter's budget after some rounds is
 * max(0, e − Σ prices of the chosen rounds).
 */
export function shareOf(r: EnvelopeResults, choices: readonly string[]): { endowment: Rational; lines: ShareLine[]; left: Rational } | null {
  if (!r.endowment || r.rounds.length === 0 && r.rule === "greedy") return null;
  if (r.rule === "greedy") return null;
  const chosen = new Set(choices);
  let b = r.endowment;
  const lines: ShareLine[] = [];
  for (const round of r.rounds) {
    if (!chosen.has(round.ballotId)) continue;
    const pay = Rational.min(b, round.price);
    b = b.sub(pay);
    lines.push({ ballotId: round.ballotId, kind: "paid", amount: pay });
  }
  for (const id of r.completion) if (chosen.has(id)) lines.push({ ballotId: id, kind: "completion", amount: null });
  const funded = new Set(r.projects.filter((p) => p.funded).map((p) => p.ballotId));
  for (const id of choices) if (!funded.has(id)) lines.push({ ballotId: id, kind: "not-funded", amount: null });
  return { endowment: r.endowment, lines, left: b };
}
