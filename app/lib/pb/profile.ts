/**
 * Compiled form of an election for the rules: projects by index with exact and float costs,
 * approval counts, the string order of ids (tie-breaking), the greedy order, and the ballots
 * grouped into voter types (distinct approval sets over the projects of positive cost, with
 * multiplicities) stored as typed-array adjacency lists both ways. Under Equal Shares voters
 * with the same approval set always hold the same budget, so the rules run on types.
 */
import type { Election } from "./types";
import { compareIds } from "./types";
import { Rational } from "./rational";

export interface Profile {
  readonly election: Election;
  /** Number of projects. */
  readonly P: number;
  readonly ids: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly costs: readonly Rational[];
  readonly costF: Float64Array;
  /** Ballots approving each project (all ballots). */
  readonly approvals: Int32Array;
  /** Number of ballots, empty ones included. */
  readonly n: number;
  readonly budget: Rational;
  /** Rank of each project id in string order (smaller rank wins ties). */
  readonly idRank: Int32Array;
  /** Projects by approvals descending, then id as a string. */
  readonly greedyOrder: Int32Array;
  /** Voter types: distinct approval sets restricted to projects with cost > 0. */
  readonly T: number;
  readonly typeWeight: Float64Array;
  readonly typeStart: Int32Array;
  readonly typeProj: Int32Array;
  /** For each project, its approving types (CSR) and their total weight. */
  readonly projStart: Int32Array;
  readonly projTypes: Int32Array;
  readonly projWeight: Float64Array;
  /** Largest number of types approving one project. */
  readonly maxK: number;
  /** Smallest positive cost (float), for scan tolerances. */
  readonly minPositiveCost: number;
}

const cache = new WeakMap<Election, Profile>();

/** Builds (or returns the cached) profile of an election. */
export function compile(election: Election): Profile {
  const hit = cache.get(election);
  if (hit) return hit;
  const P = election.projects.length;
  const ids = election.projects.map((p) => p.id);
  const index = new Map<string, number>();
  ids.forEach((id, i) => index.set(id, i));
  const costs = election.projects.map((p) => p.cost);
  const costF = Float64Array.from(costs, (c) => c.toNumber());
  const positive = costs.map((c) => c.sign() > 0);

  const approvals = new Int32Array(P);
  const typeOf = new Map<string, number>();
  const weights: number[] = [];
  const sets: number[][] = [];
  const scratch: number[] = [];
  for (const b of election.ballots) {
    scratch.length = 0;
    for (const id of b.vote) {
      const j = index.get(id);
      if (j === undefined) continue;
      approvals[j]!++;
      if (positive[j]) scratch.push(j);
    }
    if (scratch.length === 0) continue;
    scratch.sort((x, y) => x - y);
    const key = scratch.join(",");
    const t = typeOf.get(key);
    if (t === undefined) {
      typeOf.set(key, weights.length);
      weights.push(1);
      sets.push(scratch.slice());
    } else {
      weights[t]!++;
    }
  }
  const T = weights.length;
  const typeWeight = Float64Array.from(weights);
  const typeStart = new Int32Array(T + 1);
  for (let t = 0; t < T; t++) typeStart[t + 1] = typeStart[t]! + sets[t]!.length;
  const typeProj = new Int32Array(typeStart[T]!);
  const projCount = new Int32Array(P);
  const projWeight = new Float64Array(P);
  for (let t = 0; t < T; t++) {
    const s = sets[t]!;
    typeProj.set(s, typeStart[t]!);
    for (const j of s) {
      projCount[j]!++;
      projWeight[j]! += weights[t]!;
    }
  }
  const projStart = new Int32Array(P + 1);
  for (let j = 0; j < P; j++) projStart[j + 1] = projStart[j]! + projCount[j]!;
  const fill = projStart.slice(0, P);
  const projTypes = new Int32Array(projStart[P]!);
  for (let t = 0; t < T; t++) for (const j of sets[t]!) projTypes[fill[j]!++] = t;
  let maxK = 0;
  for (let j = 0; j < P; j++) maxK = Math.max(maxK, projCount[j]!);

  const byId = [...ids.keys()].sort((a, b) => compareIds(ids[a]!, ids[b]!));
  const idRank = new Int32Array(P);
  byId.forEach((j, r) => (idRank[j] = r));
  const greedyOrder = Int32Array.from(
    [...ids.keys()].sort((a, b) => approvals[b]! - approvals[a]! || idRank[a]! - idRank[b]!),
  );
  let minPositiveCost = Infinity;
  for (let j = 0; j < P; j++) if (positive[j]) minPositiveCost = Math.min(minPositiveCost, costF[j]!);

  const profile: Profile = {
    election,
    P,
    ids,
    index,
    costs,
    costF,
    approvals,
    n: election.ballots.length,
    budget: election.budget,
    idRank,
    greedyOrder,
    T,
    typeWeight,
    typeStart,
    typeProj,
    projStart,
    projTypes,
    projWeight,
    maxK,
    minPositiveCost,
  };
  cache.set(election, profile);
  return profile;
}

/** Exact total cost of a list of project indices. */
export function costOf(profile: Profile, projects: Iterable<number>): Rational {
  let acc = Rational.ZERO;
  for (const j of projects) acc = acc.add(profile.costs[j]!);
  return acc;
}
