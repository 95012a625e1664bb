/**
 * The demo town's fixed content (French, fictional): Montclair-sur-Ardonne, its
 * neighbourhood councils and the demo accounts shown on the login page in demo mode.
 */
export const DEMO_TOWN = {
  name: "Montclair-sur-Ardonne",
  accentColor: "#1d5fa8",
  deskInfo:
    "Accueil de la mairie, place de la Mairie : du lundi au vendredi de 8 h 30 à 17 h, le samedi de 9 h à 12 h. Maisons de quartier de La Croix-Verte et du Plateau Saint-Jean : le mercredi de 14 h à 18 h. Venez avec une pièce d'identité.",
};

export const DEMO_PASSWORD = "conseil-demo-2026";

export const DEMO_COUNCILS = [
  {
    slug: "centre-ville",
    name: "Centre-Ville",
    territory: "De la place de la Mairie au pont Saint-Roch, rues commerçantes et halle du marché.",
    description:
      "Le conseil du cœur historique : commerces, marché couvert, circulation et vie nocturne. Il se réunit chaque premier mardi du mois à la salle des fêtes.",
  },
  {
    slug: "les-tanneries",
    name: "Les Tanneries",
    territory: "Ancien quartier artisanal entre le canal et la voie ferrée, autour de la rue des Tanneurs.",
    description:
      "Un quartier en pleine transformation : anciennes friches, nouveaux logements, ateliers d'artistes. Le conseil suit de près le réaménagement des berges du canal.",
  },
  {
    slug: "plateau-saint-jean",
    name: "Plateau Saint-Jean",
    territory: "Le plateau au nord de la commune : groupe scolaire Jean-Moulin, stade et résidences des années 1970.",
    description:
      "Le plus grand quartier de Montclair par sa population. Priorités du conseil : les abords des écoles, les espaces verts et la desserte en bus.",
  },
  {
    slug: "bords-de-l-ardonne",
    name: "Bords de l'Ardonne",
    territory: "Les deux rives de l'Ardonne, du moulin de la Roche jusqu'à la base de loisirs.",
    description:
      "Quartier résidentiel au bord de la rivière. Le conseil travaille sur les chemins de halage, le risque d'inondation et la baignade surveillée.",
  },
  {
    slug: "la-croix-verte",
    name: "La Croix-Verte",
    territory: "Quartier d'habitat social et pavillonnaire à l'est, autour du centre social et du parc de la Croix-Verte.",
    description:
      "Un quartier jeune et très associatif. Le conseil porte des projets de jardins partagés, d'éclairage et de lieux pour les adolescents.",
  },
  {
    slug: "les-coteaux",
    name: "Les Coteaux",
    territory: "Hameaux et vignes sur les hauteurs sud : Les Vignes, La Borie, Puech-Haut.",
    description:
      "Le quartier le plus rural de la commune. Sujets récurrents : routes communales, transport à la demande, accès au très haut débit.",
  },
  {
    slug: "gare-faubourg",
    name: "Gare – Faubourg",
    territory: "Le quartier de la gare et le faubourg Saint-Martin jusqu'au rond-point de l'Europe.",
    description:
      "Porte d'entrée de la ville. Le conseil suit le pôle d'échanges multimodal, le stationnement et la sécurité des cyclistes.",
  },
] as const;

export type DemoRole = "resident" | "facilitator" | "official" | "admin";

export const DEMO_ACCOUNTS: {
  key: DemoRole;
  displayName: string;
  email: string;
  roles: { role: DemoRole; council: string | null }[];
}[] = [
  {
    key: "resident",
    displayName: "Camille Durand",
    email: "habitante@demo.conseil-ouvert.fr",
    // a verified resident of Centre-Ville: the demo census verifies her (seed-voting.server.ts)
    roles: [],
  },
  {
    key: "facilitator",
    displayName: "Karim Benali",
    email: "animateur@demo.conseil-ouvert.fr",
    roles: [
      { role: "facilitator", council: "centre-ville" },
      { role: "facilitator", council: "les-tanneries" },
    ],
  },
  {
    key: "official",
    displayName: "Sophie Lefèvre",
    email: "elue@demo.conseil-ouvert.fr",
    roles: [{ role: "official", council: null }],
  },
  {
    key: "admin",
    displayName: "Service démocratie locale",
    email: "admin@demo.conseil-ouvert.fr",
    roles: [{ role: "admin", council: null }],
  },
];
