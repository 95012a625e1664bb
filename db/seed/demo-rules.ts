/** The demo town's rulebook (two versions) and a few council decisions, in French. */
import type { RuleParams } from "~/domain/rules/params";

const CHARTER_V1 = `## Nos principes

La participation citoyenne à Montclair-sur-Ardonne repose sur trois engagements :

1. **Chaque demande reçoit une réponse écrite**, dans un délai connu de tous.
2. **Chaque arbitrage est expliqué** : la décision et ses raisons sont publiées au registre des arbitrages.
3. **Le cadre est public et ne change qu'en public** : toute modification de cette charte est elle-même une décision motivée.

## Les idées des habitants

Toute personne qui habite, travaille ou étudie à Montclair peut déposer une idée, en ligne ou à l'accueil de la mairie avec l'aide d'un animateur. Une idée concerne un conseil de quartier ou toute la commune.

Chaque idée reçoit une réponse écrite dans le **délai de réponse** fixé ci-contre. Au-delà, l'idée apparaît publiquement « en retard ».

Une idée qui réunit le **seuil de soutiens** est inscrite à l'ordre du jour de la prochaine réunion de son conseil de quartier.

## Les conseils de quartier

Chaque conseil se réunit en public au moins quatre fois par an. Le compte rendu est publié dans le **délai de publication des comptes rendus**. Toute correction d'un compte rendu est conservée et visible.

## Le budget participatif

Une enveloppe est réservée chaque année aux projets proposés par les habitants. Les services étudient la faisabilité et le coût de chaque idée, avec une explication écrite. Les habitants votent ; le résultat est calculé selon la **règle de répartition** annoncée avant le vote, et chaque projet reçoit l'explication de son financement ou de son refus.

## Les votes

Peuvent voter les habitants ayant atteint l'**âge minimum** fixé ci-contre. Sauf mention contraire, les votes sont consultatifs : le conseil municipal publie ensuite sa décision motivée.

## Faire évoluer ce cadre

Toute personne peut proposer une modification de cette charte en déposant une idée sur le thème « Le cadre ». Une nouvelle version n'est publiée qu'avec une explication au registre.`;

const CHARTER_V2 = CHARTER_V1.replace(
  "Chaque idée reçoit une réponse écrite dans le **délai de réponse** fixé ci-contre. Au-delà, l'idée apparaît publiquement « en retard ».",
  "Chaque idée reçoit une réponse écrite dans le **délai de réponse** fixé ci-contre. Au-delà, l'idée apparaît publiquement « en retard », et le tableau de bord de la mairie le signale aux élus.",
).replace(
  "Chaque conseil se réunit en public au moins quatre fois par an.",
  "Chaque conseil se réunit en public au moins cinq fois par an, dont une réunion consacrée au budget participatif.",
);

export const DEMO_RULES: { at: string; title: string; body: string; params: RuleParams; explanation: string }[] = [
  {
    at: "2026-01-12T09:00:00.000Z",
    title: "Charte de la participation citoyenne",
    body: CHARTER_V1,
    params: {
      answerDelayDays: 45,
      supportThreshold: 30,
      minExplanationLength: 150,
      minutesDelayDays: 21,
      minVotingAge: 16,
      ballotType: "approval",
      maxChoices: 5,
      kMin: 1,
      minSpendPercent: 0,
      minApprovals: 1,
      tieBreak: "cheaper",
      allocationRule: "mes-add1u",
      votesBinding: false,
    },
    explanation:
      "Le conseil municipal du 8 janvier 2026 a adopté la première charte de la participation citoyenne, après six réunions publiques de concertation dans les quartiers. Elle fixe les délais de réponse, le seuil de soutiens et la règle de calcul du budget participatif, afin que chacun connaisse à l'avance les règles du jeu.",
  },
  {
    at: "2026-09-15T08:30:00.000Z",
    title: "Charte de la participation citoyenne",
    body: CHARTER_V2,
    params: {
      answerDelayDays: 30,
      supportThreshold: 25,
      minExplanationLength: 150,
      minutesDelayDays: 15,
      minVotingAge: 16,
      ballotType: "approval",
      maxChoices: 5,
      kMin: 1,
      minSpendPercent: 0,
      minApprovals: 1,
      tieBreak: "cheaper",
      allocationRule: "mes-add1u",
      votesBinding: false,
    },
    explanation:
      "Le bilan des huit premiers mois montre un délai médian de réponse de 26 jours : la mairie peut tenir un délai plus court. Le délai de réponse passe donc de 45 à 30 jours et celui de publication des comptes rendus de 21 à 15 jours. Le seuil de soutiens baisse de 30 à 25 pour que les petits quartiers, comme Les Coteaux, puissent aussi inscrire des idées à l'ordre du jour. Ces changements reprennent l'idée « Répondre plus vite aux habitants » portée par le conseil de La Croix-Verte.",
  },
];

export const DEMO_COUNCIL_DECISIONS: {
  at: string;
  council: string | null;
  title: string;
  outcome: "adopted" | "rejected" | "postponed" | "noted";
  explanation: string;
  evidence?: { label: string; url: string }[];
  correctionOf?: number;
}[] = [
  {
    at: "2026-03-04T18:45:00.000Z",
    council: "centre-ville",
    title: "Piétonnisation de la rue des Halles le samedi matin",
    outcome: "adopted",
    explanation:
      "Le conseil de quartier a examiné trois scénarios. La piétonnisation le samedi de 8 h à 13 h est retenue pour six mois d'essai : elle répond à la demande des commerçants du marché et des riverains, tout en maintenant l'accès des véhicules de livraison avant 8 h et des personnes à mobilité réduite. Un bilan public sera présenté en septembre.",
  },
  {
    at: "2026-04-22T19:10:00.000Z",
    council: "les-tanneries",
    title: "Ouverture au public de la friche Delmas",
    outcome: "postponed",
    explanation:
      "L'étude de pollution des sols de la friche Delmas n'est pas terminée : le bureau d'études rendra ses conclusions en juin. Le conseil ne peut pas décider d'une ouverture au public sans savoir si des travaux de dépollution sont nécessaires. La décision est reportée à la réunion de rentrée, où l'étude sera présentée.",
  },
  {
    at: "2026-05-19T17:30:00.000Z",
    council: "plateau-saint-jean",
    title: "Zone 30 autour du groupe scolaire Jean-Moulin",
    outcome: "adopted",
    explanation:
      "Les comptages réalisés en avril montrent que 38 % des véhicules dépassent 30 km/h devant l'école aux heures d'entrée et de sortie. La zone 30 est créée rue Jean-Moulin et avenue des Tilleuls, avec deux plateaux surélevés. Le coût (42 000 €) est pris sur le budget voirie 2026 et non sur le budget participatif.",
  },
  {
    at: "2026-06-10T18:00:00.000Z",
    council: "bords-de-l-ardonne",
    title: "Baignade surveillée à la base de loisirs",
    outcome: "rejected",
    explanation:
      "L'Agence régionale de santé a classé l'eau de l'Ardonne à la base de loisirs en qualité « insuffisante » deux années de suite. La commune ne peut donc pas ouvrir une baignade surveillée en 2026. En compensation, la navette vers la piscine intercommunale circulera tous les jours de juillet et août ; la question sera réexaminée après les analyses de 2027.",
  },
  {
    at: "2026-06-12T09:15:00.000Z",
    council: "bords-de-l-ardonne",
    title: "Baignade surveillée à la base de loisirs",
    outcome: "rejected",
    explanation:
      "Correction de l'entrée précédente : la navette vers la piscine intercommunale circulera du mardi au dimanche (et non tous les jours) en juillet et août, le lundi étant le jour de fermeture de la piscine. Le reste de la décision est inchangé : la qualité de l'eau ne permet pas d'ouvrir une baignade surveillée en 2026.",
    correctionOf: -1,
  },
  {
    at: "2026-10-07T18:30:00.000Z",
    council: null,
    title: "Calendrier du budget participatif 2027",
    outcome: "adopted",
    explanation:
      "Le budget participatif 2027 est doté de 450 000 € pour toute la commune et de 30 000 € par quartier. Dépôt des idées du 1er octobre au 15 novembre, étude par les services jusqu'au 31 janvier, vote du 1er au 28 février, résultats publiés le 3 mars avec l'explication de chaque projet financé ou non.",
  },
];
