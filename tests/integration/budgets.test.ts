/**
 * Participatory budgets through the domain: phases and their register entries, collection and
 * review, the basket (refused over the envelope or outside the voter's envelopes, nothing
 * stored), one receipt for the town and council envelopes, the count and results equal to a
 * recount of the published Pabulib file, explanations and margins for every project, "how my
 * share was spent", the official's departure, implementation updates, and the import.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "#db/client.server";
import { budgetProjects, budgets, decisions, notifications, participations } from "#db/schema";
import type { Actor } from "~/domain/accounts/policy";
import { findReceipt } from "~/domain/ballot-box/count.server";
import { castBasket } from "~/domain/budgets/ballot.server";
import { budgetIdeas, budgetResults, changePhase, createBudget, decideResults, envelopesOf, getBudget, projectsOf, submitBudgetIdea } from "~/domain/budgets/budgets.server";
import { followProject, postProjectUpdate } from "~/domain/budgets/implementation.server";
import { importPabulib } from "~/domain/budgets/import.server";
import { shareOf } from "~/domain/budgets/results.server";
import { reviewIdea } from "~/domain/budgets/review.server";
import type { BudgetInput } from "~/domain/budgets/schemas";
import { DomainError } from "~/domain/errors";
import { utcToLocal } from "~/lib/time";
import { allocate, readPabulib } from "~/lib/pb/index";
import { emptyTown, makeCouncil, makeUser } from "../support/fixtures";
import { importPeople, people, verifiedResident, type CensusPerson } from "../support/voting";

const HOUR = 3600_000;
const EXPLAIN = "Le conseil municipal ouvre cette étape comme le prévoit le calendrier publié ; chaque habitant peut suivre l'avancement du budget sur sa page et au registre.";
const code = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof DomainError ? `${e.status} ${e.key}` : String(e);
  }
  return "ok";
};

let official: Actor;
let admin: Actor;
let councilA: { id: number; slug: string; name: string };
let councilB: { id: number; slug: string; name: string };
let citizensA: CensusPerson[];
let citizensB: CensusPerson[];

const budgetInput = (over: Partial<BudgetInput> = {}): BudgetInput => ({
  title: "Budget participatif de test",
  description: "Un budget pour essayer toutes les étapes, de la collecte des idées à la réalisation des projets.",
  ballotType: "approval",
  allocationRule: "mes-add1u",
  tieBreak: "cheaper",
  minApprovals: 1,
  minSpendPercent: 0,
  kMin: 1,
  maxChoices: 5,
  townAmount: 100_000,
  envelopes: [{ councilId: councilA.id, amount: 50_000 }],
  explanation: EXPLAIN,
  ...over,
});

const idea = (title: string, councilId: number | null) => ({
  title,
  body: `${title} : une idée détaillée pour le quartier, avec ce qu'elle changerait au quotidien.`,
  theme: "public_space" as const,
  councilId,
  place: "",
});

beforeAll(async () => {
  emptyTown();
  councilA = makeCouncil("Les Tilleuls");
  councilB = makeCouncil("Le Port");
  citizensA = people(40, councilA.slug);
  citizensB = people(10, councilB.slug);
  await importPeople([...citizensA, ...citizensB]);
  official = await makeUser({ roles: [{ role: "official", councilId: null }] });
  admin = await makeUser({ roles: [{ role: "admin", councilId: null }] });
});

describe("a budget from draft to implementation", () => {
  let budgetId: number;
  const start = new Date(Date.now() - 10 * HOUR);
  const t = (h: number) => new Date(start.getTime() + h * HOUR);
  let voters: Actor[];
  let receipt: string;

  it("phases move one step at a time, each a register entry", async () => {
    const b = createBudget(official, budgetInput(), { now: t(0) });
    budgetId = b.id;
    expect(envelopesOf(b.id).map((e) => [e.councilId, e.amount])).toEqual([
      [null, 100_000],
      [councilA.id, 50_000],
    ]);
    expect(code(() => changePhase(official, b.id, { to: "vote", explanation: EXPLAIN }, { now: t(0.1) }))).toBe("409 errors.phaseMoveNotAllowed");
    const resident = await verifiedResident(citizensA[0]!);
    expect(code(() => changePhase(resident, b.id, { to: "collection", explanation: EXPLAIN }, { now: t(0.1) }))).toBe("403 errors.forbidden");
    const before = db.select({ n: count() }).from(decisions).get()!.n;
    changePhase(official, b.id, { to: "collection", explanation: EXPLAIN }, { now: t(0.2) });
    expect(db.select({ n: count() }).from(decisions).get()!.n).toBe(before + 1);
    expect(getBudget(b.id)!.phase).toBe("collection");
  });

  it("collection and review: feasible ideas become projects, unfeasible ones are answered", async () => {
    const author = await verifiedResident(citizensA[1]!);
    const ideas = [
      submitBudgetIdea(author, budgetId, idea("Des bancs au parc", councilA.id), { now: t(0.3) }),
      submitBudgetIdea(author, budgetId, idea("Un jardin partagé", councilA.id), { now: t(0.3) }),
      submitBudgetIdea(author, budgetId, idea("Une piste cyclable", null), { now: t(0.3) }),
      submitBudgetIdea(author, budgetId, idea("Une fontaine", null), { now: t(0.3) }),
      submitBudgetIdea(author, budgetId, idea("Une patinoire olympique", null), { now: t(0.3) }),
      submitBudgetIdea(author, budgetId, idea("Des arbres rue haute", null), { now: t(0.3) }),
    ];
    changePhase(official, budgetId, { to: "review", explanation: EXPLAIN }, { now: t(0.4) });
    expect(code(() => submitBudgetIdea(author, budgetId, idea("Trop tard pour déposer", null), { now: t(0.45) }))).toBe("409 errors.budgetNotCollecting");
    const [town, envA] = envelopesOf(budgetId);
    const review = (i: number, cost: number | undefined, envelopeId: number | undefined, conflict = "") =>
      reviewIdea(
        official,
        budgetId,
        {
          ideaId: ideas[i]!.id,
          verdict: cost ? "feasible" : "unfeasible",
          cost,
          envelopeId,
          feasibilityExplanation: "Les services techniques ont vérifié l'emplacement, les réseaux et les règles d'urbanisme applicables à ce projet.",
          costExplanation: cost ? "Chiffrage du bureau d'études : fournitures, pose et une année d'entretien compris." : "",
          conflict: conflict ? "declared" : "none",
          conflictText: conflict,
        },
        { now: t(0.5) },
      );
    // a council-A idea cannot go into another council's envelope; the town envelope is fine
    review(0, 12_000, envA!.id, "Je suis membre de l'association qui entretient le parc.");
    review(1, 30_000, envA!.id);
    review(2, 60_000, town!.id);
    review(3, 45_000, town!.id);
    review(4, undefined, undefined);
    review(5, 25_000, town!.id);
    expect(code(() => review(0, 12_000, envA!.id))).toBe("409 errors.ideaAlreadyReviewed");
    const list = budgetIdeas(budgetId);
    expect(list.filter((x) => x.status === "in_budget")).toHaveLength(5);
    expect(list.find((x) => x.title === "Une patinoire olympique")!.status).toBe("rejected");
    expect(list[0]!.review!.conflictOfInterest).toMatch(/association/);
    expect(projectsOf(budgetId)).toHaveLength(5);
  });

  it("the vote opens one box per envelope and freezes the rules", async () => {
    changePhase(official, budgetId, { to: "vote", explanation: EXPLAIN, closesAt: utcToLocal(t(2).toISOString()) }, { now: t(1) });
    const b = getBudget(budgetId)!;
    expect(b.ruleVersionId).not.toBeNull();
    const envs = envelopesOf(budgetId);
    expect(envs.every((e) => e.boxId !== null)).toBe(true);
    // tie-break "cheaper": ballot ids number the projects by cost within each envelope
    const town = projectsOf(budgetId).filter((p) => p.envelopeId === envs[0]!.id).sort((x, y) => x.cost - y.cost);
    expect(town.map((p) => p.ballotId)).toEqual(["1", "2", "3"]);
  });

  it("a basket over the envelope, from another envelope, or outside the phase is refused and nothing is stored", async () => {
    voters = await Promise.all(citizensA.slice(2, 14).map(verifiedResident));
    const [town, envA] = envelopesOf(budgetId);
    const v = voters[0]!;
    const stored = () => db.select({ n: count() }).from(participations).get()!.n;
    const n0 = stored();
    // 60,000 + 45,000 > 100,000
    expect(code(() => castBasket(v, budgetId, [`${town!.id}:3`, `${town!.id}:2`], { now: t(1.2) }))).toBe("400 errors.ballotOverBudget");
    const other = await verifiedResident(citizensB[0]!);
    expect(code(() => castBasket(other, budgetId, [`${envA!.id}:1`], { now: t(1.2) }))).toBe("400 errors.basketOtherEnvelope");
    expect(code(() => castBasket(v, budgetId, [`999999:1`], { now: t(1.2) }))).toBe("400 errors.basketOtherEnvelope");
    expect(code(() => castBasket(v, budgetId, [`${town!.id}:9`], { now: t(1.2) }))).toBe("400 errors.ballotUnknownChoice");
    expect(stored()).toBe(n0);
    // a valid basket: one receipt for both envelopes
    receipt = castBasket(v, budgetId, [`${town!.id}:1`, `${town!.id}:3`, `${envA!.id}:1`], { now: t(1.2) }).receipt;
    expect(stored()).toBe(n0 + 2);
    expect(findReceipt(receipt)).toHaveLength(2);
    expect(code(() => castBasket(v, budgetId, [`${town!.id}:1`], { now: t(1.3) }))).toBe("409 errors.alreadyVoted");
    // a resident of another council votes in the town envelope only
    castBasket(other, budgetId, [`${town!.id}:2`], { now: t(1.3) });
    const baskets = [
      [`${town!.id}:1`, `${town!.id}:2`, `${envA!.id}:1`, `${envA!.id}:2`],
      [`${town!.id}:3`, `${envA!.id}:2`],
      [`${town!.id}:2`, `${town!.id}:1`, `${envA!.id}:1`],
      [`${town!.id}:3`, `${town!.id}:1`],
    ];
    voters.slice(1).forEach((x, i) => castBasket(x, budgetId, baskets[i % baskets.length]!, { now: t(1.4) }));
    // the results phase cannot start before the vote closes
    expect(code(() => changePhase(official, budgetId, { to: "results", explanation: EXPLAIN }, { now: t(1.5) }))).toBe("409 errors.boxStillOpen");
  });

  it("votes outside the phase are refused", () => {
    const [town] = envelopesOf(budgetId);
    expect(code(() => castBasket(voters[0]!, budgetId, [`${town!.id}:1`], { now: t(2.5) }))).toMatch(/^409 /);
  });

  it("results: each envelope's published file recounts to the same projects, every project explained", () => {
    changePhase(official, budgetId, { to: "results", explanation: EXPLAIN }, { now: t(3) });
    for (const { envelope, results, projects } of budgetResults(budgetId)) {
      expect(results).not.toBeNull();
      const election = readPabulib(envelope.pb!);
      const recount = allocate(election, "mes-add1u", { minApprovals: 1, explain: false });
      expect(new Set(recount.selected)).toEqual(new Set(results!.projects.filter((p) => p.funded).map((p) => p.ballotId)));
      // and with the command line, which reads the threshold from the file's META
      const tmp = path.join(os.tmpdir(), `recount-${process.pid}-${envelope.id}.pb`);
      fs.writeFileSync(tmp, envelope.pb!);
      const cli = JSON.parse(execFileSync(path.resolve("node_modules/.bin/tsx"), ["scripts/pb.ts", "allocate", tmp, "--rule", "mes-add1u"], { encoding: "utf8" })) as { selected: string[] };
      fs.rmSync(tmp);
      expect(new Set(cli.selected)).toEqual(new Set(recount.selected));
      expect(results!.projects).toHaveLength(projects.length);
      for (const p of results!.projects) {
        expect(p.explanation.projectId).toBe(p.ballotId);
        if (!p.funded) expect(p.margin, p.ballotId).not.toBeNull();
      }
      for (const p of projects) expect(p.computedFunded).toBe(results!.projects.find((x) => x.ballotId === p.ballotId)!.funded);
    }
  });

  it("the receipt shows how the voter's share was spent", () => {
    const found = findReceipt(receipt);
    expect(found.every((f) => f.counted)).toBe(true);
    const res = budgetResults(budgetId);
    for (const f of found) {
      const r = res.find((x) => x.envelope.boxId === f.boxId)!.results!;
      const share = shareOf(r, f.choices!)!;
      expect(share).not.toBeNull();
      const paid = share.lines.filter((l) => l.kind === "paid").reduce((s, l) => s.add(l.amount!), share.left.sub(share.left));
      expect(paid.add(share.left).eq(share.endowment)).toBe(true);
    }
  });

  it("the official departs from the result, naming each change with its reason", () => {
    const projects = projectsOf(budgetId);
    const unfunded = projects.find((p) => p.computedFunded === false)!;
    expect(code(() => changePhase(official, budgetId, { to: "implementation", explanation: EXPLAIN }, { now: t(3.5) }))).toBe("409 errors.resultsNotDecided");
    expect(code(() => decideResults(official, budgetId, { outcome: "departed", explanation: EXPLAIN, changes: [] }, { now: t(4) }))).toBe("400 errors.departureNeedsChanges");
    expect(code(() => decideResults(official, budgetId, { outcome: "departed", explanation: EXPLAIN, changes: [{ projectId: unfunded.id, reason: "court" }] }, { now: t(4) }))).toBe("400 errors.departureReason");
    const entry = decideResults(
      official,
      budgetId,
      { outcome: "departed", explanation: EXPLAIN, changes: [{ projectId: unfunded.id, reason: "Une subvention régionale couvre la moitié de son coût : le conseil le finance en plus." }] },
      { now: t(4) },
    );
    expect(entry.outcome).toBe("departed");
    expect(entry.explanation).toContain(unfunded.title);
    expect(db.select().from(budgetProjects).where(eq(budgetProjects.id, unfunded.id)).get()!.funded).toBe(true);
    expect(code(() => decideResults(official, budgetId, { outcome: "confirmed", explanation: EXPLAIN, changes: [] }, { now: t(4.1) }))).toBe("409 errors.resultsAlreadyDecided");
  });

  it("implementation: updates, abandonment in the register, followers notified", async () => {
    changePhase(official, budgetId, { to: "implementation", explanation: EXPLAIN }, { now: t(5) });
    const project = projectsOf(budgetId).find((p) => p.funded)!;
    expect(project.status).toBe("planned");
    const follower = await makeUser();
    followProject(follower, project.id, true);
    const body = "Les travaux ont commencé lundi : la première tranche est posée, la seconde suivra après l'été.";
    postProjectUpdate(official, project.id, { status: "in_progress", progress: 40, spent: 5_000, body, scopeChanged: false, photoAlt: "" }, null, { now: t(6) });
    expect(db.select({ n: count() }).from(notifications).where(eq(notifications.userId, follower.userId)).get()!.n).toBe(1);
    // a file that is not an image is refused by its bytes, whatever its name
    expect(code(() => postProjectUpdate(official, project.id, { status: "in_progress", progress: 50, spent: 6_000, body, scopeChanged: false, photoAlt: "Un banc" }, new TextEncoder().encode("<svg onload=alert(1)>"), { now: t(6.5) }))).toBe("400 errors.photoType");
    const before = db.select({ n: count() }).from(decisions).get()!.n;
    postProjectUpdate(official, project.id, { status: "abandoned", progress: 40, spent: 5_000, body: "Le terrain s'est révélé pollué : le projet est abandonné, l'argent restant revient à l'enveloppe de l'an prochain.", scopeChanged: false, photoAlt: "" }, null, { now: t(7) });
    expect(db.select({ n: count() }).from(decisions).get()!.n).toBe(before + 1);
    expect(code(() => postProjectUpdate(official, project.id, { status: "in_progress", progress: 50, spent: 5_000, body, scopeChanged: false, photoAlt: "" }, null, { now: t(8) }))).toBe("409 errors.projectAbandoned");
  });
});

describe("importing a Pabulib file", () => {
  const toulouse = fs.readFileSync(path.resolve("tests/fixtures/pabulib/France_Toulouse_2022_8_-_Minimes_Barriere_de_Paris_Ponts-Jumeaux_La_Vache_Raisins_Fondeyre.pb"), "utf8");
  const input = (text: string) => ({ text, title: "Toulouse 2022 — secteur 8", allocationRule: "greedy" as const, source: "Pabulib (pabulib.org), France_Toulouse_2022_8", explanation: EXPLAIN });

  it("a malformed file is refused with its line, and nothing is stored", () => {
    const n = db.select({ n: count() }).from(budgets).get()!.n;
    const bad = toulouse.replace("8-26;71", "8-26;71,999");
    let err: DomainError | null = null;
    try {
      importPabulib(admin, input(bad));
    } catch (e) {
      err = e as DomainError;
    }
    expect(err?.key).toBe("errors.pbInvalid");
    expect(err?.params?.line).toBe(toulouse.split("\n").findIndex((l) => l.startsWith("8-26;")) + 1);
    const negative = toulouse.replace("74;10000.0;", "74;-10000.0;");
    expect(code(() => importPabulib(admin, input(negative)))).toBe("400 errors.pbInvalid");
    expect(code(() => importPabulib(official, input(toulouse)))).toBe("403 errors.forbidden");
    expect(db.select({ n: count() }).from(budgets).get()!.n).toBe(n);
  });

  it("Toulouse 2022 imports as a closed budget whose results are greedy's", () => {
    const b = importPabulib(admin, input(toulouse));
    expect(b.phase).toBe("closed");
    const results = budgetResults(b.id)[0]!.results!;
    const expected = JSON.parse(fs.readFileSync(path.resolve("tests/fixtures/pabulib/expected/France_Toulouse_2022_8_-_Minimes_Barriere_de_Paris_Ponts-Jumeaux_La_Vache_Raisins_Fondeyre.json"), "utf8")) as { greedy: string[] };
    expect(results.projects.filter((p) => p.funded).map((p) => p.ballotId).sort()).toEqual([...expected.greedy].sort());
    expect(results.whatIf.map((w) => w.rule)).toEqual(["greedy", "mes", "mes-add1", "mes-add1u"]);
    expect(results.differing.length).toBeGreaterThan(0);
  });
});
