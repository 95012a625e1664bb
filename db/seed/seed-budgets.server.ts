/**
 * The demo town's participatory budgets, through the domain functions:
 *  - « Budget participatif 2026 », in its vote phase: a town envelope and three council
 *    envelopes (Centre-Ville among them), ideas submitted by residents, reviewed with costs
 *    and a declared conflict of interest, the vote open with ballots already cast; the demo
 *    resident (Camille Durand, verified in Centre-Ville) has not voted and can;
 *  - the real Toulouse 2022 budget (sector 8), imported from its Pabulib file (attribution:
 *    Pabulib), closed, its results recomputed by its declared rule (greedy) and explained.
 * Deterministic; times relative to the seeding time.
 */
import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { db } from "../client.server";
import { users } from "../schema";
import type { Actor } from "~/domain/accounts/policy";
import { loadActor } from "~/domain/accounts/session.server";
import { castBasket } from "~/domain/budgets/ballot.server";
import { changePhase, createBudget, envelopesOf, projectsOf, submitBudgetIdea } from "~/domain/budgets/budgets.server";
import { importPabulib } from "~/domain/budgets/import.server";
import { reviewIdea } from "~/domain/budgets/review.server";
import { listCouncils } from "~/domain/councils/councils.server";
import type { IdeaTheme } from "#db/enums";
import { utcToLocal } from "~/lib/time";
import { DEMO_RESIDENTS } from "./demo-ideas";
import type { SeedEvent } from "./seed-ideas.server";

const DAY = 86_400_000;
export const TOULOUSE_FILE = "France_Toulouse_2022_8_-_Minimes_Barriere_de_Paris_Ponts-Jumeaux_La_Vache_Raisins_Fondeyre.pb";

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function accountNamed(name: string): Actor | null {
  const row = db.select({ id: users.id }).from(users).where(eq(users.displayName, name)).get();
  return row ? loadActor(row.id) : null;
}

/** Where the Pabulib copy lives: tests/fixtures/pabulib in the repository, or ../shared/pabulib. */
export function toulouseText(): string | null {
  for (const dir of [path.resolve(process.cwd(), "tests/fixtures/pabulib"), path.resolve(process.cwd(), "../shared/pabulib")]) {
    const file = path.join(dir, TOULOUSE_FILE);
    if (fs.existsSync(file)) return fs.readFileSync(file, "utf8");
  }
  return null;
}

interface DemoBudgetIdea {
  title: string;
  body: string;
  theme: IdeaTheme;
  /** council slug, or null for the town */
  council: string | null;
  author: number;
  /** reviewed cost in euros, or null when not feasible */
  cost: number | null;
  feasibility: string;
  costNote?: string;
  conflict?: string;
}

const IDEAS: DemoBudgetIdea[] = [
  { title: "Des fontaines à eau potable dans les parcs", council: null, author: 3, theme: "environment", cost: 48_000, body: "Installer six fontaines à eau potable dans les parcs et squares de la ville, pour les promeneurs, les sportifs et les enfants, surtout pendant les étés de plus en plus chauds.", feasibility: "Le service de l'eau a vérifié les six emplacements proposés : tous sont à moins de vingt mètres d'une canalisation, et le modèle retenu est antigel.", costNote: "Six fontaines à 6 500 € posées, plus 9 000 € de raccordements et un an d'entretien." },
  { title: "Une piste cyclable continue du centre à la gare", council: null, author: 7, theme: "mobility", cost: 95_000, body: "Relier la place de la Mairie à la gare par une piste cyclable séparée de la circulation, sans interruption aux carrefours, pour que les trajets quotidiens à vélo soient sûrs.", feasibility: "Le tracé par l'avenue de la Gare est possible sur 1,4 km en supprimant une file de stationnement ; deux carrefours devront être repris.", costNote: "Marquage, séparateurs et reprise de deux carrefours, d'après le bureau d'études voirie." },
  { title: "Des bancs et de l'ombre le long de l'Ardonne", council: null, author: 12, theme: "public_space", cost: 36_000, body: "Poser des bancs tous les deux cents mètres sur le chemin de halage et planter des arbres pour l'ombre, afin que les personnes âgées puissent se promener en s'arrêtant.", feasibility: "Le chemin de halage appartient à la commune ; les plantations respectent la servitude de passage des engins de la rivière.", costNote: "Quinze bancs et vingt arbres en godets, plantation comprise.", conflict: "Je suis membre de l'association des riverains de l'Ardonne, qui soutient cette idée." },
  { title: "Une recyclerie de quartier", council: null, author: 20, theme: "solidarity", cost: 70_000, body: "Aménager un local où déposer et reprendre objets, meubles et vêtements, tenu par une association d'insertion, pour réduire les déchets et aider les familles.", feasibility: "Le local municipal de la rue de l'Europe peut l'accueillir ; une association d'insertion s'est portée candidate pour le tenir.", costNote: "Travaux de mise aux normes du local et équipement de départ." },
  { title: "Une patinoire couverte", council: null, author: 25, theme: "sport", cost: null, body: "Construire une patinoire couverte ouverte toute l'année pour les clubs et les familles.", feasibility: "Une patinoire couverte coûterait plus de quatre millions d'euros et son fonctionnement plusieurs centaines de milliers d'euros par an : c'est hors de portée d'un budget participatif." },
  { title: "Des jeux d'eau place du Marché", council: "centre-ville", author: 7, theme: "public_space", cost: 24_000, body: "Installer des jets d'eau au sol sur la place du Marché, actifs l'été les jours sans marché, pour que les enfants du centre aient un endroit frais où jouer.", feasibility: "Les jets au sol sont compatibles avec le marché : la dalle supporte les étals et l'eau est recyclée en circuit fermé.", costNote: "Douze buses, pompe de recyclage et commande programmable." },
  { title: "Des arceaux à vélos devant les commerces", council: "centre-ville", author: 14, theme: "mobility", cost: 9_000, body: "Poser des arceaux à vélos devant les commerces de la rue du Marché et de la rue des Halles, où l'on ne peut aujourd'hui attacher son vélo qu'aux lampadaires.", feasibility: "Les trottoirs sont assez larges à douze endroits repérés avec les commerçants.", costNote: "Soixante arceaux posés." },
  { title: "Végétaliser la cour de l'école Saint-Roch", council: "centre-ville", author: 21, theme: "education", cost: 31_000, body: "Remplacer une partie du bitume de la cour de l'école Saint-Roch par de la terre, des arbres et un petit potager, avec les enfants et les parents.", feasibility: "L'école et les parents d'élèves sont d'accord ; les travaux se feront pendant les vacances d'été.", costNote: "Dépavage de 300 m², terre végétale, plantations et bacs de potager." },
  { title: "Un jardin partagé sur la friche des Tanneurs", council: "les-tanneries", author: 1, theme: "environment", cost: 18_000, body: "Transformer la friche au bout de la rue des Tanneurs en jardin partagé, avec des parcelles pour les habitants et un composteur.", feasibility: "La friche est communale et la terre a été analysée : elle convient au jardinage en bacs.", costNote: "Clôture, bacs, récupérateur d'eau et composteur." },
  { title: "Éclairer le quai du Canal", council: "les-tanneries", author: 8, theme: "safety", cost: 27_000, body: "Installer un éclairage doux et économe le long du quai du Canal, aujourd'hui plongé dans le noir, pour rentrer à pied en sécurité le soir.", feasibility: "Quatorze candélabres à détection de présence suffisent sur les 600 mètres du quai.", costNote: "Candélabres, tranchée et raccordement au réseau." },
  { title: "Un terrain multisport au Plateau", council: "plateau-saint-jean", author: 2, theme: "sport", cost: 42_000, body: "Créer un terrain multisport près du stade, ouvert à tous, pour les jeunes du Plateau qui n'ont pas de lieu où jouer en dehors des clubs.", feasibility: "Le terrain peut être implanté sur la pelouse ouest du stade, déjà clôturée et éclairée.", costNote: "Plateau multisport en kit, sol et pose." },
  { title: "Des ralentisseurs devant le groupe scolaire Jean-Moulin", council: "plateau-saint-jean", author: 9, theme: "safety", cost: 15_000, body: "Poser des plateaux ralentisseurs et un passage piéton surélevé devant le groupe scolaire Jean-Moulin, où les voitures roulent trop vite aux heures d'entrée.", feasibility: "L'avenue Jean-Moulin est une voie communale : un plateau surélevé et deux coussins sont possibles.", costNote: "Plateau surélevé, deux coussins berlinois et signalisation." },
];

const EXPLAIN = {
  create:
    "Le conseil municipal consacre 230 000 € au budget participatif 2026 : une enveloppe pour toute la ville et une enveloppe pour trois quartiers qui l'ont demandé en conseil. Les règles du vote et du calcul sont publiées ici, avant le dépôt des idées.",
  collection:
    "Le dépôt des idées est ouvert pour six semaines, comme annoncé au conseil municipal. Chaque idée sera étudiée par les services, avec une réponse écrite publiée au registre.",
  review:
    "Le dépôt est clos. Les services techniques étudient maintenant chaque idée : faisabilité, coût estimé et enveloppe, avec une explication écrite et la déclaration de tout conflit d'intérêts.",
  vote: "L'étude est terminée : les projets faisables sont soumis au vote des habitants vérifiés, dans l'enveloppe de la ville et dans celle de leur quartier. Le règlement du budget est publié et ne changera plus.",
  import:
    "Pour comparer les règles de calcul sur un vrai budget, la ville publie ici le budget participatif 2022 du secteur 8 de Toulouse, à partir des bulletins anonymisés publiés par Pabulib. Le résultat est recalculé et expliqué projet par projet.",
};

export function budgetEvents(ctx: { now: number; admin: Actor; official: Actor }): SeedEvent[] {
  const { now, admin, official } = ctx;
  const events: SeedEvent[] = [];
  const councils = () => new Map(listCouncils().map((c) => [c.slug, c.id]));
  let budgetId = 0;
  const created = now - 70 * DAY;

  // ------------------------------------------------------------ Toulouse 2022, imported
  events.push({
    at: now - 100 * DAY,
    run: () => {
      const text = toulouseText();
      if (!text) {
        console.warn(`seed: ${TOULOUSE_FILE} not found; the imported demo budget is skipped`);
        return;
      }
      importPabulib(
        admin,
        {
          text,
          title: "Toulouse 2022 — Minimes, Barrière de Paris, Ponts-Jumeaux",
          allocationRule: "greedy",
          source:
            "Données réelles : budget participatif 2022 de la ville de Toulouse, secteur 8 (Minimes, Barrière de Paris, Ponts-Jumeaux, La Vache, Raisins, Fondeyre), 512 bulletins anonymisés publiés par Pabulib (pabulib.org), fichier France_Toulouse_2022_8_-_Minimes_Barriere_de_Paris_Ponts-Jumeaux_La_Vache_Raisins_Fondeyre.pb.",
          explanation: EXPLAIN.import,
        },
        { now: new Date(now - 100 * DAY) },
      );
    },
  });

  // ------------------------------------------------------------ the 2026 budget, in its vote phase
  events.push({
    at: created,
    run: () => {
      const c = councils();
      budgetId = createBudget(
        official,
        {
          title: "Budget participatif 2026",
          description:
            "Les habitants de Montclair-sur-Ardonne décident de l'usage de **230 000 €** d'investissement.\n\n- **Enveloppe de la ville** (150 000 €) : des projets pour toute la commune ; tous les habitants vérifiés votent.\n- **Enveloppes de quartier** : Centre-Ville (35 000 €), Les Tanneries (25 000 €), Plateau Saint-Jean (20 000 €) ; seuls les habitants du quartier votent.\n\nLe résultat est calculé par la méthode des parts égales, annoncée avant le vote, et chaque projet reçoit une explication.",
          ballotType: "approval",
          allocationRule: "mes-add1u",
          tieBreak: "cheaper",
          minApprovals: 1,
          minSpendPercent: 0,
          kMin: 1,
          maxChoices: 5,
          townAmount: 150_000,
          envelopes: [
            { councilId: c.get("centre-ville")!, amount: 35_000 },
            { councilId: c.get("les-tanneries")!, amount: 25_000 },
            { councilId: c.get("plateau-saint-jean")!, amount: 20_000 },
          ],
          explanation: EXPLAIN.create,
        },
        { now: new Date(created) },
      ).id;
    },
  });
  events.push({ at: created + DAY, run: () => void changePhase(official, budgetId, { to: "collection", explanation: EXPLAIN.collection }, { now: new Date(created + DAY) }) });
  const ideaIds: number[] = [];
  IDEAS.forEach((d, i) => {
    const at = created + (3 + i * 2) * DAY;
    events.push({
      at,
      run: () => {
        const author = accountNamed(DEMO_RESIDENTS[d.author]!)!;
        const councilId = d.council ? councils().get(d.council)! : null;
        ideaIds[i] = submitBudgetIdea(author, budgetId, { title: d.title, body: d.body, theme: d.theme, councilId, place: "" }, { now: new Date(at) }).id;
      },
    });
  });
  const reviewAt = created + 40 * DAY;
  events.push({ at: reviewAt, run: () => void changePhase(official, budgetId, { to: "review", explanation: EXPLAIN.review }, { now: new Date(reviewAt) }) });
  IDEAS.forEach((d, i) => {
    const at = reviewAt + (1 + i) * 12 * 3_600_000;
    events.push({
      at,
      run: () => {
        const envelopes = envelopesOf(budgetId);
        const councilId = d.council ? councils().get(d.council)! : null;
        const envelope = envelopes.find((e) => e.councilId === councilId) ?? envelopes.find((e) => e.councilId === null)!;
        reviewIdea(
          official,
          budgetId,
          {
            ideaId: ideaIds[i]!,
            verdict: d.cost ? "feasible" : "unfeasible",
            cost: d.cost ?? undefined,
            envelopeId: d.cost ? envelope.id : undefined,
            feasibilityExplanation: d.feasibility,
            costExplanation: d.costNote ?? "",
            conflict: d.conflict ? "declared" : "none",
            conflictText: d.conflict ?? "",
          },
          { now: new Date(at) },
        );
      },
    });
  });
  const voteAt = now - 12 * DAY;
  events.push({
    at: voteAt,
    run: () => void changePhase(official, budgetId, { to: "vote", explanation: EXPLAIN.vote, closesAt: utcToLocal(new Date(now + 18 * DAY).toISOString()) }, { now: new Date(voteAt) }),
  });
  // ballots: verified residents with an account (not the demo resident, who votes herself)
  const random = rng(2026);
  DEMO_RESIDENTS.forEach((name, i) => {
    if (i === 0 || i % 5 === 4) return;
    const at = voteAt + (2 + i) * 5 * 3_600_000;
    events.push({
      at,
      run: () => {
        const voter = accountNamed(name);
        if (!voter?.residency) return;
        const envelopes = envelopesOf(budgetId).filter((e) => e.councilId === null || e.councilId === voter.residency!.councilId);
        const projects = projectsOf(budgetId);
        const choices: string[] = [];
        for (const e of envelopes) {
          const mine = projects.filter((p) => p.envelopeId === e.id).sort((a, b) => (a.ballotId! < b.ballotId! ? -1 : 1));
          let total = 0;
          for (const p of mine) {
            if (random() < 0.5 && total + p.cost <= e.amount) {
              choices.push(`${e.id}:${p.ballotId}`);
              total += p.cost;
            }
          }
        }
        castBasket(voter, budgetId, choices, { now: new Date(at) });
      },
    });
  });
  return events;
}
