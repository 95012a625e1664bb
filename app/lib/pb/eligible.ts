/**
 * The minimum number of approvals a project needs to be funded (Pabulib META
 * `min_project_score_threshold`; for approval ballots the score is the number of votes).
 * A project below it takes no part in the allocation: it is removed from the projects and
 * from the ballots before the rule runs, every ballot still counts in n (the number of
 * voters), and its explanation says why it was left out. Pure.
 */
import type { Election } from "./types";

/** The META threshold of a file, or 0 when it has none (or it is not a whole number). */
export function metaMinApprovals(election: Election): number {
  const raw = election.meta.get("min_project_score_threshold")?.trim();
  return raw && /^\d{1,9}$/.test(raw) ? Number(raw) : 0;
}

const cache = new WeakMap<Election, Map<number, { election: Election; excluded: Set<string> }>>();

/** Approvals of every project id (ballots listing it). */
export function approvalCounts(election: Election): Map<string, number> {
  const counts = new Map(election.projects.map((p) => [p.id, 0]));
  for (const b of election.ballots) for (const id of b.vote) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

/**
 * The election the rule runs on when projects need `minimum` approvals: the same one when
 * every project has enough (or minimum ≤ 1 and no project has 0 approvals… any project
 * below is dropped). Cached per election object.
 */
export function eligibleElection(election: Election, minimum: number): { election: Election; excluded: Set<string> } {
  if (minimum <= 0) return { election, excluded: new Set() };
  let byMin = cache.get(election);
  if (!byMin) cache.set(election, (byMin = new Map()));
  const hit = byMin.get(minimum);
  if (hit) return hit;
  const counts = approvalCounts(election);
  const excluded = new Set(election.projects.filter((p) => (counts.get(p.id) ?? 0) < minimum).map((p) => p.id));
  const out =
    excluded.size === 0
      ? { election, excluded }
      : {
          election: {
            ...election,
            projects: election.projects.filter((p) => !excluded.has(p.id)),
            ballots: election.ballots.map((b) => (b.vote.some((id) => excluded.has(id)) ? { ...b, vote: b.vote.filter((id) => !excluded.has(id)) } : b)),
          },
          excluded,
        };
  byMin.set(minimum, out);
  return out;
}
