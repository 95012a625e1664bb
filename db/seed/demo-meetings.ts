/** Demo council meetings (French): past ones with minutes, one corrected, one late; upcoming ones with agendas. */
export interface DemoMeeting {
  council: string;
  title: string;
  /** days from the seed time (negative = past) */
  day: number;
  start: string; // "18:30", Paris time
  end: string;
  placeName: string;
  address: string;
  accessibility: string;
  agenda: string | null;
  held?: boolean;
  cancelled?: string;
  minutes?: { body: string; attendance: number; afterDays: number }[];
  changeNotes?: string[];
  decision?: { title: string; outcome: "adopted" | "rejected" | "postponed" | "noted"; explanation: string; afterDays: number };
}

const ACCESS_SALLE_FETES =
  "Salle de plain-pied, accessible en fauteuil roulant. Boucle magnétique à l'accueil. Toilettes adaptées.";
const ACCESS_CENTRE_SOCIAL =
  "Accès de plain-pied par la rue Jean-Jaurès. Garde d'enfants assurée par l'association Les Petits Pas (sur inscription au centre social).";

export const DEMO_MEETINGS: DemoMeeting[] = [
  {
    council: "centre-ville",
    title: "Réunion publique de septembre",
    day: -70,
    start: "18:30",
    end: "20:30",
    placeName: "Salle des fêtes",
    address: "2 place de la Mairie, Montclair-sur-Ardonne",
    accessibility: ACCESS_SALLE_FETES,
    agenda: "1. Accueil et tour de table\n2. Bilan de la piétonnisation de la rue des Halles le samedi matin\n3. Propreté autour de la halle du marché\n4. Questions diverses",
    held: true,
    minutes: [
      {
        afterDays: 6,
        attendance: 34,
        body: "## Présents\n\n34 habitantes et habitants, Karim Benali (animateur), Sophie Lefèvre (élue référente).\n\n## 1. Bilan de la piétonnisation du samedi matin\n\nLes commerçants du marché constatent une hausse de fréquentation. Deux riverains signalent des livraisons après 8 h. La police municipale fera des passages le samedi à 8 h pendant un mois.\n\n## 2. Propreté autour de la halle\n\nLe service propreté ajoutera deux corbeilles de tri côté rue des Halles. Un nettoyage supplémentaire aura lieu le samedi à 13 h 30.\n\n## 3. Questions diverses\n\nUne habitante demande des bancs devant la pharmacie : l'idée sera déposée sur la plateforme pour être étudiée.",
      },
      {
        afterDays: 9,
        attendance: 36,
        body: "## Présents\n\n36 habitantes et habitants, Karim Benali (animateur), Sophie Lefèvre (élue référente).\n\n## 1. Bilan de la piétonnisation du samedi matin\n\nLes commerçants du marché constatent une hausse de fréquentation. Deux riverains signalent des livraisons après 8 h. La police municipale fera des passages le samedi à 8 h pendant deux mois.\n\n## 2. Propreté autour de la halle\n\nLe service propreté ajoutera deux corbeilles de tri côté rue des Halles. Un nettoyage supplémentaire aura lieu le samedi à 13 h 30.\n\n## 3. Questions diverses\n\nUne habitante demande des bancs devant la pharmacie : l'idée sera déposée sur la plateforme pour être étudiée.",
      },
    ],
    changeNotes: ["Correction du nombre de présents (deux personnes arrivées en retard n'avaient pas signé la feuille) et de la durée des passages de la police municipale : deux mois, comme annoncé en séance."],
    decision: {
      title: "Prolongation des passages de la police municipale le samedi matin",
      outcome: "adopted",
      explanation:
        "Lors de la réunion publique de septembre, plusieurs riverains ont signalé des livraisons après 8 h dans la rue des Halles piétonne. Le conseil a décidé que la police municipale passerait chaque samedi à 8 h pendant deux mois, puis ferait un bilan public.",
      afterDays: 10,
    },
  },
  {
    council: "les-tanneries",
    title: "Réunion sur les berges du canal",
    day: -42,
    start: "19:00",
    end: "21:00",
    placeName: "Atelier municipal des Tanneurs",
    address: "14 rue des Tanneurs",
    accessibility: "Rez-de-chaussée accessible par la cour. Interprète en langue des signes sur demande une semaine avant.",
    agenda: "1. Présentation du projet de réaménagement des berges par les services techniques\n2. Échanges avec les habitants\n3. Calendrier des travaux",
    held: true,
    minutes: [
      {
        afterDays: 8,
        attendance: 52,
        body: "## Présentation\n\nLes services techniques présentent trois esquisses pour les berges du canal entre la passerelle et l'écluse.\n\n## Échanges\n\nLes habitants demandent de conserver les platanes, d'éclairer le chemin la nuit et de prévoir des bancs. Des pêcheurs demandent un accès à l'eau.\n\n## Calendrier\n\nUne esquisse définitive sera présentée au printemps ; les travaux ne commenceront pas avant l'automne prochain.",
      },
    ],
  },
  {
    council: "plateau-saint-jean",
    title: "Réunion de rentrée",
    day: -28,
    start: "18:00",
    end: "20:00",
    placeName: "Groupe scolaire Jean-Moulin (préau)",
    address: "1 rue Jean-Moulin",
    accessibility: "Préau de plain-pied. Places de stationnement réservées devant l'école.",
    agenda: "1. Bilan de la zone 30 devant l'école\n2. Desserte du plateau par la ligne de bus 3\n3. Questions diverses",
    held: true,
    // no minutes yet: 28 days later, past the 15-day delay → shown as overdue
  },
  {
    council: "la-croix-verte",
    title: "Réunion de quartier d'octobre",
    day: -35,
    start: "18:30",
    end: "20:00",
    placeName: "Centre social de la Croix-Verte",
    address: "8 avenue de la Croix-Verte",
    accessibility: ACCESS_CENTRE_SOCIAL,
    agenda: null,
    cancelled: "Le centre social a été fermé ce soir-là à la suite d'une fuite d'eau. La réunion est reportée en décembre.",
  },
  {
    council: "centre-ville",
    title: "Réunion publique de décembre",
    day: 9,
    start: "18:30",
    end: "20:30",
    placeName: "Salle des fêtes",
    address: "2 place de la Mairie, Montclair-sur-Ardonne",
    accessibility: ACCESS_SALLE_FETES,
    agenda: "1. Accueil et tour de table\n2. Les idées du quartier qui ont atteint le seuil de soutiens\n3. Illuminations de fin d'année et marché de Noël\n4. Questions diverses",
  },
  {
    council: "la-croix-verte",
    title: "Réunion de quartier (reportée d'octobre)",
    day: 16,
    start: "18:30",
    end: "20:00",
    placeName: "Centre social de la Croix-Verte",
    address: "8 avenue de la Croix-Verte",
    accessibility: ACCESS_CENTRE_SOCIAL,
    agenda: "1. Jardins partagés du parc : bilan de la saison\n2. Éclairage de l'allée des Tilleuls\n3. Un lieu pour les adolescents le samedi\n4. Questions diverses",
  },
  {
    council: "gare-faubourg",
    title: "Pôle d'échanges de la gare : point d'étape",
    day: 23,
    start: "19:00",
    end: "21:00",
    placeName: "Salle Saint-Martin",
    address: "27 faubourg Saint-Martin",
    accessibility: "Salle au premier étage desservie par un ascenseur. Boucle magnétique.",
    agenda: null,
  },
  {
    council: "les-coteaux",
    title: "Réunion des hameaux",
    day: 30,
    start: "20:00",
    end: "22:00",
    placeName: "Foyer rural de La Borie",
    address: "Place de l'Église, La Borie",
    accessibility: "Salle de plain-pied. Transport à la demande possible depuis Puech-Haut et Les Vignes (réserver la veille au 04 00 00 00 00).",
    agenda: "1. Très haut débit : calendrier du raccordement\n2. Transport à la demande : bilan après six mois\n3. Entretien des chemins communaux",
  },
];
