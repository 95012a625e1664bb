/** Demo ideas for Montclair-sur-Ardonne (French, fictional): residents, ideas, arguments, supports, answers, one merge. */
import type { IdeaStatus, IdeaTheme, Stance } from "../enums";

export interface DemoComment {
  /** index into DEMO_RESIDENTS */
  author: number;
  stance: Stance;
  body: string;
  /** days after the idea's submission */
  daysAfter: number;
  replies?: { author: number; body: string; daysAfter: number }[];
}

export interface DemoAnswer {
  status: Exclude<IdeaStatus, "submitted" | "merged">;
  by: "facilitator" | "official";
  /** days after the idea's submission */
  daysAfter: number;
  /** markdown: what was weighed and why */
  explanation: string;
  /** indexes into this idea's `comments` that the answer weighed */
  cites?: number[];
}

export interface DemoIdea {
  key: string;
  council: string | null;
  author: number;
  daysAgo: number;
  title: string;
  body: string;
  theme: IdeaTheme;
  place: string;
  channel?: "online" | "assisted" | "letter";
  onBehalfName?: string;
  supporters: number;
  comments: DemoComment[];
  answers: DemoAnswer[];
  mergeInto?: string;
  mergeDaysAfter?: number;
  mergeExplanation?: string;
}

export const DEMO_RESIDENTS: string[] = [
  "Camille Durand", "Jean-Pierre Martin", "Aïcha Benali", "Louis Petit", "Nora Haddad", "Paul Girard", "Emma Roux", "Yanis Morel",
  "Chantal Lefebvre", "Mehdi Bouaziz", "Léa Fontaine", "Gérard Blanc", "Inès Carpentier", "Thomas Nguyen", "Fatoumata Diallo", "Hugo Lambert",
  "Monique Garnier", "Karim Saïdi", "Julie Perrin", "Antoine Mercier", "Sofia Costa", "Bernard Chevalier", "Manon Gauthier", "Rachid El Amrani",
  "Claire Dubois", "Lucas Robin", "Odile Masson", "Samuel Lévy", "Nathalie Faure", "Kevin Marchand", "Zoé Bertrand", "Pierre-Yves Le Goff",
  "Amina Traoré", "Élodie Rousseau", "Jacques Colin", "Sarah Benhamou", "Maxime Picard", "Yvette Arnaud", "Bilal Hamdi", "Agathe Leroy",
  "Guillaume Barbier", "Hélène Vidal", "Nicolas Henry", "Lina Mansour", "René Caron",
];

export const DEMO_IDEAS: DemoIdea[] = [
  // ------------------------------------------------------------------ Centre-Ville
  {
    key: "bancs-pharmacie",
    council: "centre-ville",
    author: 0,
    daysAgo: 62,
    title: "Des bancs devant la pharmacie de la Halle",
    body: "Les personnes âgées attendent debout devant la pharmacie, souvent plus de dix minutes le samedi matin. **Deux bancs** de part et d'autre de l'entrée suffiraient, sans gêner le passage.",
    theme: "public_space",
    place: "Pharmacie de la Halle, rue des Halles",
    supporters: 31,
    comments: [
      { author: 1, stance: "for", body: "Ma mère a 87 ans et attend debout à chaque fois. Ce serait un vrai soulagement.", daysAfter: 1 },
      { author: 2, stance: "against", body: "Le trottoir est étroit à cet endroit : attention aux poussettes et aux fauteuils roulants.", daysAfter: 2, replies: [{ author: 3, body: "Côté parking, le trottoir fait plus de trois mètres, il y a la place.", daysAfter: 3 }] },
      { author: 4, stance: "against", body: "C'est une idée complètement stupide, typique des bobos du centre.", daysAfter: 4 },
      { author: 5, stance: "neutral", body: "La pharmacie accepterait-elle de participer à l'entretien ?", daysAfter: 6 },
    ],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 24,
        explanation:
          "Les services techniques ont mesuré le trottoir : côté parking, il fait 3,20 m, ce qui permet de poser deux bancs en laissant 1,80 m de passage, au-delà du minimum réglementaire pour les fauteuils roulants. L'inquiétude sur le passage a donc été prise en compte. Coût : 1 900 € pour deux bancs en bois avec accoudoirs, pris sur le budget d'entretien de la voirie. Pose prévue en janvier.",
        cites: [1],
      },
      {
        status: "implemented",
        by: "official",
        daysAfter: 58,
        explanation:
          "Les deux bancs ont été posés le 14 novembre par l'équipe voirie, côté parking, avec accoudoirs pour faciliter le relèvement. Le passage restant mesure 1,85 m. La pharmacie a accepté de signaler toute dégradation au service propreté.",
      },
    ],
  },
  {
    key: "livraisons-halles",
    council: "centre-ville",
    author: 6,
    daysAgo: 48,
    title: "Faire respecter l'horaire des livraisons rue des Halles",
    body: "Depuis la piétonnisation du samedi, des camionnettes livrent encore après 8 h au milieu des piétons. Il faudrait des contrôles et une signalisation plus claire à l'entrée de la rue.",
    theme: "safety",
    place: "Rue des Halles",
    supporters: 14,
    comments: [
      { author: 7, stance: "for", body: "Samedi dernier, une camionnette a reculé à 9 h 30 au milieu des enfants.", daysAfter: 2 },
      { author: 8, stance: "against", body: "Les commerçants ont besoin d'être livrés ; un peu de souplesse, ce n'est pas la mort.", daysAfter: 3 },
    ],
    answers: [
      {
        status: "under_review",
        by: "facilitator",
        daysAfter: 9,
        explanation:
          "L'idée a été présentée à la réunion publique de septembre. La police municipale a commencé des passages le samedi à 8 h ; le service voirie étudie un panneau lumineux à l'entrée de la rue. Nous reviendrons vers vous avec le devis et le bilan des contrôles d'ici la fin du mois.",
      },
      {
        status: "accepted",
        by: "official",
        daysAfter: 27,
        explanation:
          "Après quatre samedis de contrôles, la police municipale a constaté douze livraisons hors horaire. Un panneau lumineux « Rue piétonne 8 h – 13 h » sera installé à l'entrée de la rue (3 400 €) et les commerçants ont reçu un courrier rappelant les horaires. Les livraisons restent possibles avant 8 h, ce qui répond à la demande de souplesse des commerçants.",
        cites: [0, 1],
      },
    ],
  },
  {
    key: "fontaine-place",
    council: "centre-ville",
    author: 9,
    daysAgo: 12,
    title: "Une fontaine à eau potable sur la place de la Mairie",
    body: "L'été, il n'y a aucun point d'eau potable sur la place. Une fontaine simple, accessible aux enfants et aux personnes en fauteuil, rendrait service pendant les marchés et les fêtes.",
    theme: "public_space",
    place: "Place de la Mairie",
    supporters: 9,
    comments: [
      { author: 10, stance: "for", body: "Pendant la canicule de juillet, on n'avait nulle part où remplir les gourdes des enfants.", daysAfter: 1 },
      { author: 11, stance: "neutral", body: "Attention au coût de l'eau si elle coule en continu : il existe des modèles à bouton poussoir.", daysAfter: 3 },
    ],
    answers: [],
  },
  {
    key: "illuminations",
    council: "centre-ville",
    author: 12,
    daysAgo: 5,
    title: "Des illuminations de fin d'année plus sobres",
    body: "Les illuminations restent allumées toute la nuit. On pourrait les éteindre à minuit et réduire les guirlandes de la rue principale pour économiser l'énergie, comme d'autres villes l'ont fait.",
    theme: "environment",
    place: "Rue principale",
    supporters: 4,
    comments: [{ author: 13, stance: "against", body: "Les illuminations font vivre le commerce en décembre, ce n'est pas le moment de les réduire.", daysAfter: 1 }],
    answers: [],
  },
  // ------------------------------------------------------------------ Les Tanneries
  {
    key: "berges-bancs",
    council: "les-tanneries",
    author: 14,
    daysAgo: 95,
    title: "Des bancs et de l'ombre le long du canal",
    body: "Le chemin du canal est très fréquenté mais il n'y a ni banc ni arbre entre la passerelle et l'écluse. Quelques bancs à l'ombre permettraient aux personnes âgées d'y marcher.",
    theme: "public_space",
    place: "Berges du canal, entre la passerelle et l'écluse",
    supporters: 27,
    comments: [
      { author: 15, stance: "for", body: "Je marche tous les jours sur ce chemin, un banc tous les 200 mètres serait idéal.", daysAfter: 2 },
      { author: 16, stance: "for", body: "Et des arbres : en été le chemin est brûlant.", daysAfter: 4 },
      { author: 17, stance: "against", body: "Des bancs, ce sont aussi des rassemblements le soir et du bruit pour les riverains.", daysAfter: 6, replies: [{ author: 15, body: "On peut les placer loin des immeubles, côté friche.", daysAfter: 7 }] },
    ],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 30,
        explanation:
          "L'idée rejoint le projet de réaménagement des berges présenté en réunion publique. Six bancs et douze arbres (tilleuls et érables champêtres) seront intégrés à l'esquisse définitive. Pour répondre à la crainte de nuisances, les bancs seront placés côté friche Delmas, à plus de 50 mètres des logements.",
        cites: [2],
      },
      {
        status: "on_agenda",
        by: "facilitator",
        daysAfter: 50,
        explanation:
          "L'idée est inscrite à l'ordre du jour de la réunion sur les berges du canal, où l'emplacement précis des bancs et des arbres sera discuté avec les habitants à partir des plans des services techniques.",
      },
    ],
  },
  {
    key: "friche-jardin",
    council: "les-tanneries",
    author: 18,
    daysAgo: 140,
    title: "Un jardin partagé sur la friche Delmas",
    body: "La friche Delmas est abandonnée depuis des années. Une partie pourrait accueillir un jardin partagé géré par une association du quartier, avec des bacs hors-sol.",
    theme: "environment",
    place: "Friche Delmas, rue des Tanneurs",
    supporters: 22,
    comments: [
      { author: 19, stance: "for", body: "L'association Les Mains Vertes est prête à s'en occuper.", daysAfter: 3 },
      { author: 20, stance: "neutral", body: "Le sol est-il pollué ? C'était une tannerie.", daysAfter: 5 },
    ],
    answers: [
      {
        status: "rejected",
        by: "official",
        daysAfter: 40,
        explanation:
          "L'étude de sols rendue en juin a confirmé la présence de chrome et d'arsenic au-delà des seuils sanitaires sur toute la friche, comme l'avait pressenti un habitant. Même en bacs hors-sol, la réglementation impose une dépollution préalable, estimée à 380 000 €, qui n'est pas programmée avant 2028. La commune propose à l'association Les Mains Vertes une parcelle de 400 m² au parc de la Croix-Verte, disponible dès le printemps.",
        cites: [1],
      },
    ],
  },
  {
    key: "ateliers-ouverts",
    council: "les-tanneries",
    author: 21,
    daysAgo: 20,
    title: "Un week-end « ateliers ouverts » dans le quartier",
    body: "Beaucoup d'artistes et d'artisans se sont installés dans les anciens ateliers. Un week-end portes ouvertes chaque printemps ferait découvrir le quartier et ses talents.",
    theme: "culture",
    place: "Rue des Tanneurs",
    supporters: 12,
    comments: [{ author: 22, stance: "for", body: "Avec un plan des ateliers distribué à la gare et à l'office de tourisme !", daysAfter: 2 }],
    answers: [
      {
        status: "under_review",
        by: "facilitator",
        daysAfter: 6,
        explanation:
          "Le service culture a contacté le collectif des ateliers de la rue des Tanneurs : quinze ateliers sont intéressés. Une réunion de préparation aura lieu en janvier pour fixer la date, le budget (impression du plan, signalétique) et le rôle de chacun.",
      },
    ],
  },
  {
    key: "eclairage-passerelle",
    council: "les-tanneries",
    author: 23,
    daysAgo: 55,
    title: "Réparer l'éclairage de la passerelle du canal",
    body: "L'électricité de la passerelle est coupée depuis l'été : la nuit, on traverse dans le noir complet. C'est dangereux, surtout pour les personnes qui rentrent du travail à pied.",
    theme: "safety",
    place: "Passerelle du canal",
    supporters: 19,
    comments: [
      { author: 24, stance: "for", body: "Je fais un détour de dix minutes tous les soirs pour éviter la passerelle.", daysAfter: 1 },
      { author: 25, stance: "neutral", body: "Le signalement a été fait sur le site de la mairie en juillet, sans réponse.", daysAfter: 3 },
    ],
    answers: [],
  },
  // ------------------------------------------------------------------ Plateau Saint-Jean
  {
    key: "pedibus",
    council: "plateau-saint-jean",
    author: 26,
    daysAgo: 120,
    title: "Un pédibus pour le groupe scolaire Jean-Moulin",
    body: "Des parents bénévoles accompagneraient les enfants à pied sur trois lignes, avec des arrêts signalés. Moins de voitures devant l'école, plus de sécurité.",
    theme: "education",
    place: "Groupe scolaire Jean-Moulin",
    supporters: 26,
    comments: [
      { author: 27, stance: "for", body: "Je suis prête à accompagner une ligne le mardi et le jeudi.", daysAfter: 2 },
      { author: 28, stance: "against", body: "Qui est responsable s'il arrive quelque chose à un enfant ?", daysAfter: 4, replies: [{ author: 26, body: "Les pédibus sont couverts par l'assurance de l'association de parents, c'est prévu.", daysAfter: 5 }] },
    ],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 35,
        explanation:
          "La commune soutient le pédibus : les services poseront des panneaux d'arrêt sur les trois lignes proposées (1 200 €) et fourniront des gilets réfléchissants. La question de la responsabilité a été vérifiée : l'association des parents d'élèves assure les accompagnateurs, et une charte sera signée avec l'école.",
        cites: [1],
      },
      {
        status: "implemented",
        by: "official",
        daysAfter: 70,
        explanation:
          "Le pédibus fonctionne depuis la rentrée de septembre sur trois lignes, avec 41 enfants inscrits et 18 parents accompagnateurs. Les panneaux d'arrêt ont été posés pendant l'été.",
      },
    ],
  },
  {
    key: "bus-ligne-3",
    council: "plateau-saint-jean",
    author: 29,
    daysAgo: 85,
    title: "Un bus toutes les 15 minutes sur la ligne 3 aux heures de pointe",
    body: "Le matin, la ligne 3 passe toutes les 30 minutes et les bus sont pleins dès le plateau. Les lycéens arrivent en retard et beaucoup prennent la voiture.",
    theme: "mobility",
    place: "Arrêt Plateau Saint-Jean",
    supporters: 38,
    comments: [
      { author: 30, stance: "for", body: "Mon fils a été laissé à l'arrêt trois fois ce mois-ci, le bus était plein.", daysAfter: 1 },
      { author: 31, stance: "neutral", body: "La ligne dépend de l'agglomération, pas de la commune, non ?", daysAfter: 2 },
    ],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 40,
        explanation:
          "Comme l'a rappelé un habitant, la ligne 3 relève de l'agglomération. La maire a porté la demande au conseil communautaire avec les comptages des habitants. L'agglomération ajoute deux départs le matin (7 h 15 et 7 h 45) dès janvier, soit un bus toutes les 15 minutes entre 7 h et 8 h. La fréquence du soir sera étudiée au printemps.",
        cites: [1],
      },
      {
        status: "in_budget",
        by: "official",
        daysAfter: 60,
        explanation:
          "L'abri de l'arrêt Plateau Saint-Jean, trop petit pour l'affluence, sera agrandi dans le cadre du budget participatif 2027 (projet « Un abri de bus digne de ce nom »), soumis au vote des habitants en février.",
      },
    ],
  },
  {
    key: "city-stade",
    council: "plateau-saint-jean",
    author: 32,
    daysAgo: 38,
    title: "Rénover le city-stade près du stade",
    body: "Le revêtement du city-stade est troué et les filets sont arrachés. Les jeunes du plateau n'ont pas d'autre endroit pour jouer au foot le soir.",
    theme: "sport",
    place: "City-stade, rue du Stade",
    supporters: 17,
    comments: [{ author: 33, stance: "for", body: "Un enfant s'est tordu la cheville dans un trou le mois dernier.", daysAfter: 2 }],
    answers: [],
  },
  {
    key: "parking-ecole",
    council: "plateau-saint-jean",
    author: 34,
    daysAgo: 70,
    title: "Un parking minute devant l'école",
    body: "Avec la zone 30, il est devenu impossible de s'arrêter pour déposer les enfants. Quelques places « minute » devant l'école aideraient les parents qui travaillent loin.",
    theme: "mobility",
    place: "Rue Jean-Moulin",
    supporters: 6,
    comments: [
      { author: 35, stance: "against", body: "Le but de la zone 30 est justement d'éloigner les voitures de l'entrée de l'école.", daysAfter: 1 },
      { author: 26, stance: "against", body: "Le pédibus marche très bien, il faut continuer dans ce sens.", daysAfter: 3 },
    ],
    answers: [
      {
        status: "rejected",
        by: "official",
        daysAfter: 28,
        explanation:
          "Des places minute devant l'entrée iraient à l'encontre de la zone 30 créée en mai pour éloigner la circulation de l'école, comme plusieurs parents l'ont souligné. En revanche, le parking du stade, à 250 mètres, sera réservé aux parents de 8 h à 8 h 45 et de 16 h 15 à 17 h, avec un cheminement piéton éclairé jusqu'à l'école.",
        cites: [0, 1],
      },
    ],
  },
  // ------------------------------------------------------------------ Bords de l'Ardonne
  {
    key: "halage",
    council: "bords-de-l-ardonne",
    author: 36,
    daysAgo: 160,
    title: "Remettre en état le chemin de halage",
    body: "Entre le moulin de la Roche et la base de loisirs, le chemin de halage est raviné et boueux dès qu'il pleut. Impossible d'y passer avec une poussette ou un vélo.",
    theme: "mobility",
    place: "Chemin de halage, du moulin de la Roche à la base de loisirs",
    supporters: 29,
    comments: [
      { author: 37, stance: "for", body: "C'est le seul itinéraire sans voiture pour aller à la base de loisirs.", daysAfter: 2 },
      { author: 38, stance: "against", body: "Pas de goudron sur les berges, s'il vous plaît : gardons le chemin naturel.", daysAfter: 5, replies: [{ author: 36, body: "Un stabilisé en sable compacté suffirait, comme à Saint-Roch.", daysAfter: 6 }] },
    ],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 38,
        explanation:
          "Le chemin sera remis en état sur 1,4 km en stabilisé calcaire (et non en enrobé, pour respecter le caractère naturel des berges demandé par des riverains), avec deux traversées drainantes. Coût : 86 000 €, dont 40 % financés par le syndicat de rivière.",
        cites: [1],
      },
      {
        status: "implemented",
        by: "official",
        daysAfter: 120,
        explanation:
          "Les travaux ont été réalisés en septembre. Le chemin est praticable à pied, à vélo et en poussette. Un panneau à chaque extrémité indique la longueur du parcours et les points d'eau.",
      },
    ],
  },
  {
    key: "reperes-crues",
    council: "bords-de-l-ardonne",
    author: 39,
    daysAgo: 45,
    title: "Des repères de crue et un plan d'alerte affiché",
    body: "Beaucoup de nouveaux habitants ne savent pas que le quartier est inondable. Des repères des grandes crues et un plan d'alerte affichés dans les halls aideraient chacun à se préparer.",
    theme: "safety",
    place: "Quai de l'Ardonne",
    supporters: 11,
    comments: [{ author: 40, stance: "for", body: "En 1994, l'eau est montée à un mètre dans ma rue. Il faut que ça se sache.", daysAfter: 3 }],
    answers: [
      {
        status: "under_review",
        by: "facilitator",
        daysAfter: 10,
        explanation:
          "Le service prévention des risques recense les repères de crue existants (deux sont connus, rue du Moulin et quai de l'Ardonne) et prépare avec la préfecture une affiche du plan communal de sauvegarde pour les halls d'immeubles. Réponse détaillée à la prochaine réunion du conseil.",
      },
    ],
  },
  {
    key: "ponton-peche",
    council: "bords-de-l-ardonne",
    author: 41,
    daysAgo: 30,
    title: "Un ponton accessible pour la pêche",
    body: "Les personnes en fauteuil ne peuvent pas pêcher au bord de l'Ardonne : les berges sont trop pentues. Un petit ponton accessible près de la base de loisirs ouvrirait ce loisir à tous.",
    theme: "sport",
    place: "Base de loisirs",
    channel: "letter",
    onBehalfName: "Gérard Pujol",
    supporters: 8,
    comments: [{ author: 42, stance: "for", body: "Le club de pêche est prêt à participer à l'entretien.", daysAfter: 4 }],
    answers: [],
  },
  // ------------------------------------------------------------------ La Croix-Verte
  {
    key: "regle-delai",
    council: null,
    author: 43,
    daysAgo: 290,
    title: "Répondre plus vite aux habitants",
    body: "Le délai de réponse de 45 jours prévu par la charte est trop long : quand la réponse arrive, on a souvent oublié sa demande. **30 jours** suffiraient, puisque beaucoup de réponses arrivent déjà avant.",
    theme: "rules",
    place: "",
    supporters: 33,
    comments: [
      { author: 44, stance: "for", body: "Au centre social, on voit des habitants découragés d'attendre.", daysAfter: 3 },
      { author: 0, stance: "against", body: "Les services ont besoin de temps pour étudier sérieusement ; mieux vaut une bonne réponse qu'une réponse rapide.", daysAfter: 6 },
    ],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 222,
        explanation:
          "Le bilan des huit premiers mois montre un délai médian de réponse de 26 jours : les services peuvent tenir un délai de 30 jours sans sacrifier la qualité des réponses, ce qui répond à la crainte exprimée dans la discussion. La version 2 de la charte, publiée ce jour, fixe le délai de réponse à 30 jours et abaisse aussi le seuil de soutiens à 25.",
        cites: [1],
      },
    ],
  },
  {
    key: "jardins-parc",
    council: "la-croix-verte",
    author: 44,
    daysAgo: 210,
    title: "Agrandir les jardins partagés du parc",
    body: "Les jardins partagés du parc de la Croix-Verte ont une liste d'attente de 30 familles. On pourrait ouvrir une deuxième zone près du terrain de boules, peu utilisé.",
    theme: "environment",
    place: "Parc de la Croix-Verte",
    supporters: 24,
    comments: [
      { author: 1, stance: "for", body: "J'attends une parcelle depuis deux ans.", daysAfter: 2 },
      { author: 2, stance: "against", body: "Le terrain de boules est utilisé tous les après-midi par les retraités !", daysAfter: 4, replies: [{ author: 44, body: "On peut garder deux pistes et utiliser le reste.", daysAfter: 5 }] },
    ],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 40,
        explanation:
          "Une deuxième zone de 18 parcelles sera créée au nord du parc, en gardant deux des quatre pistes de boules après concertation avec l'amicale des boulistes, qui s'inquiétait à juste titre. Les parcelles seront attribuées par le centre social selon la liste d'attente.",
        cites: [1],
      },
      {
        status: "implemented",
        by: "official",
        daysAfter: 150,
        explanation:
          "Les 18 nouvelles parcelles ont été livrées en juin, avec un récupérateur d'eau de pluie et un abri à outils. Dix-huit familles de la liste d'attente ont commencé à jardiner.",
      },
    ],
  },
  {
    key: "ados-samedi",
    council: "la-croix-verte",
    author: 2,
    daysAgo: 75,
    title: "Un lieu pour les adolescents le samedi après-midi",
    body: "Les 12-17 ans du quartier n'ont nulle part où aller le samedi. Le centre social pourrait ouvrir une salle avec un animateur : jeux, musique, aide aux projets.",
    theme: "education",
    place: "Centre social de la Croix-Verte",
    supporters: 28,
    comments: [
      { author: 3, stance: "for", body: "Mes enfants traînent en bas de l'immeuble faute de mieux.", daysAfter: 1 },
      { author: 4, stance: "neutral", body: "Il faudrait demander aux jeunes ce qu'ils veulent vraiment.", daysAfter: 2 },
    ],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 28,
        explanation:
          "Le centre social ouvrira une salle « Espace ados » le samedi de 14 h à 18 h à partir de janvier, avec un animateur diplômé (poste financé à 50 % par la CAF). Comme suggéré dans la discussion, un questionnaire a été distribué au collège pour que les jeunes choisissent les activités.",
        cites: [1],
      },
      {
        status: "on_agenda",
        by: "facilitator",
        daysAfter: 60,
        explanation:
          "Les résultats du questionnaire (212 réponses) et le programme de l'Espace ados seront présentés à la réunion de quartier reportée d'octobre, avec les jeunes qui ont participé.",
      },
    ],
  },
  {
    key: "eclairage-tilleuls",
    council: "la-croix-verte",
    author: 5,
    daysAgo: 110,
    title: "Éclairer l'allée des Tilleuls",
    body: "L'allée des Tilleuls relie l'arrêt de bus aux immeubles mais n'a qu'un lampadaire sur trois qui fonctionne. Le soir, beaucoup de femmes évitent de l'emprunter.",
    theme: "safety",
    place: "Allée des Tilleuls",
    supporters: 21,
    comments: [{ author: 6, stance: "for", body: "Je rentre du travail à 22 h et je fais le tour par la route.", daysAfter: 2 }],
    answers: [],
  },
  {
    key: "repair-cafe",
    council: "la-croix-verte",
    author: 7,
    daysAgo: 15,
    title: "Un repair café une fois par mois",
    body: "Des bénévoles réparent avec les habitants petits appareils, vêtements et vélos. Cela évite de jeter et crée du lien. La salle polyvalente du centre social serait parfaite.",
    theme: "solidarity",
    place: "Centre social de la Croix-Verte",
    channel: "assisted",
    onBehalfName: "Yvonne Marchal",
    supporters: 10,
    comments: [{ author: 8, stance: "for", body: "Je suis électricien à la retraite, je veux bien donner un coup de main.", daysAfter: 2 }],
    answers: [],
  },
  {
    key: "cantine-bio",
    council: "la-croix-verte",
    author: 9,
    daysAgo: 180,
    title: "Des repas 100 % bio à la cantine",
    body: "La cantine de l'école de la Croix-Verte sert 20 % de produits bio. Passer à 100 % serait meilleur pour la santé des enfants.",
    theme: "education",
    place: "École de la Croix-Verte",
    supporters: 15,
    comments: [
      { author: 10, stance: "for", body: "Nos enfants méritent ce qu'il y a de mieux.", daysAfter: 1 },
      { author: 11, stance: "against", body: "Le prix du repas va augmenter pour les familles modestes.", daysAfter: 3 },
    ],
    answers: [
      {
        status: "rejected",
        by: "official",
        daysAfter: 42,
        explanation:
          "Passer à 100 % de bio augmenterait le coût matière d'environ 1,10 € par repas, soit 95 000 € par an pour la commune, ou une hausse du tarif pour les familles, ce que la discussion a justement souligné. La commune vise plutôt 50 % de bio et local d'ici 2028, avec une tarification sociale inchangée ; la part passera à 35 % dès la rentrée prochaine.",
        cites: [1],
      },
    ],
  },
  // ------------------------------------------------------------------ Les Coteaux
  {
    key: "fibre-puech",
    council: "les-coteaux",
    author: 12,
    daysAgo: 100,
    title: "Le très haut débit à Puech-Haut",
    body: "Le hameau de Puech-Haut n'a toujours pas la fibre, ni même un ADSL correct. Les télétravailleurs et les élèves en pâtissent.",
    theme: "economy",
    place: "Puech-Haut",
    channel: "letter",
    onBehalfName: "Marcel Vidal",
    supporters: 16,
    comments: [{ author: 13, stance: "for", body: "Impossible de faire une visioconférence depuis chez moi.", daysAfter: 4 }],
    answers: [],
  },
  {
    key: "tad-coteaux",
    council: "les-coteaux",
    author: 14,
    daysAgo: 150,
    title: "Un transport à la demande vers le marché du samedi",
    body: "Les habitants des hameaux sans voiture ne peuvent pas venir au marché du centre. Un minibus sur réservation le samedi matin desservirait Les Vignes, La Borie et Puech-Haut.",
    theme: "mobility",
    place: "Les Vignes, La Borie, Puech-Haut",
    channel: "assisted",
    onBehalfName: "Germaine Roques",
    supporters: 20,
    comments: [{ author: 15, stance: "for", body: "Ma voisine de 90 ans ne sort plus du hameau depuis qu'elle a arrêté de conduire.", daysAfter: 3 }],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 30,
        explanation:
          "Un transport à la demande fonctionnera le samedi de 8 h à 13 h dès le mois prochain, sur réservation la veille par téléphone. Le minibus du CCAS sera utilisé, avec un chauffeur de la régie. Coût pour l'usager : 1 € le trajet, gratuit pour les plus de 75 ans.",
      },
      {
        status: "in_budget",
        by: "official",
        daysAfter: 90,
        explanation:
          "Après six mois, 35 personnes utilisent le service chaque samedi. L'achat d'un second minibus accessible aux fauteuils, pour étendre le service au mardi, est proposé au budget participatif 2027.",
      },
    ],
  },
  {
    key: "chemins-communaux",
    council: "les-coteaux",
    author: 16,
    daysAgo: 65,
    title: "Entretenir les chemins communaux des Vignes",
    body: "Les chemins communaux autour des Vignes sont envahis de ronces et ravinés. Les promeneurs et les vendangeurs ne peuvent plus passer.",
    theme: "environment",
    place: "Les Vignes",
    supporters: 9,
    comments: [{ author: 17, stance: "neutral", body: "Les viticulteurs pourraient peut-être participer à un chantier collectif.", daysAfter: 2 }],
    answers: [
      {
        status: "under_review",
        by: "facilitator",
        daysAfter: 12,
        explanation:
          "L'équipe espaces verts a fait le tour des chemins avec deux habitants : 3,5 km sont à débroussailler, dont 800 m ravinés. Un devis est en cours, et un chantier participatif avec les viticulteurs est proposé pour février. Nous répondrons après la réunion des hameaux.",
        cites: [0],
      },
    ],
  },
  {
    key: "eolienne",
    council: "les-coteaux",
    author: 18,
    daysAgo: 130,
    title: "Une éolienne sur la colline de Puech-Haut",
    body: "La colline de Puech-Haut est très ventée. Une éolienne municipale produirait de l'électricité et rapporterait de l'argent à la commune.",
    theme: "environment",
    place: "Colline de Puech-Haut",
    supporters: 7,
    comments: [
      { author: 19, stance: "against", body: "Le paysage des coteaux est classé, c'est impossible.", daysAfter: 1 },
      { author: 20, stance: "for", body: "Il faut bien produire de l'énergie quelque part.", daysAfter: 2 },
    ],
    answers: [
      {
        status: "rejected",
        by: "official",
        daysAfter: 44,
        explanation:
          "La colline de Puech-Haut est située dans le périmètre d'un site classé (vallée de l'Ardonne) et dans un couloir de l'aviation militaire : l'État refuse toute éolienne de plus de 12 mètres, comme l'indiquait un habitant. La commune étudie plutôt des panneaux solaires sur les toits du gymnase et des ateliers municipaux, avec une coopérative citoyenne.",
        cites: [0],
      },
    ],
  },
  // ------------------------------------------------------------------ Gare – Faubourg
  {
    key: "velo-gare",
    council: "gare-faubourg",
    author: 21,
    daysAgo: 90,
    title: "Un stationnement vélo sécurisé à la gare",
    body: "Il n'y a que six arceaux devant la gare, toujours pleins, et les vols sont fréquents. Un abri fermé par badge permettrait de laisser son vélo la journée.",
    theme: "mobility",
    place: "Gare",
    supporters: 30,
    comments: [
      { author: 22, stance: "for", body: "On m'a volé deux roues en un an devant la gare.", daysAfter: 2 },
      { author: 23, stance: "neutral", body: "La SNCF peut-elle participer au financement ?", daysAfter: 3 },
    ],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 34,
        explanation:
          "Un abri vélo fermé de 40 places, accessible par badge, sera construit sur le parvis nord de la gare dans le cadre du pôle d'échanges. SNCF Gares & Connexions finance 50 % des 62 000 € ; l'abonnement coûtera 20 € par an. Les trois idées sur le stationnement vélo à la gare ont été réunies dans celle-ci.",
        cites: [1],
      },
    ],
  },
  {
    key: "arceaux-gare",
    council: "gare-faubourg",
    author: 24,
    daysAgo: 70,
    title: "Plus d'arceaux à vélos devant la gare",
    body: "Les arceaux sont toujours pleins le matin : beaucoup de vélos sont attachés aux grilles et aux panneaux. Il en faudrait au moins vingt de plus.",
    theme: "mobility",
    place: "Parvis de la gare",
    supporters: 12,
    comments: [],
    answers: [],
    mergeInto: "velo-gare",
    mergeDaysAfter: 14,
    mergeExplanation:
      "Cette idée et celle d'un abri sécurisé répondent au même besoin : garer son vélo à la gare, longtemps et sans craindre le vol. Le projet de pôle d'échanges prévoit à la fois 24 arceaux libres et un abri fermé de 40 places ; les soutiens sont réunis sur une seule idée collective pour suivre ce projet.",
  },
  {
    key: "abri-velo-badge",
    council: "gare-faubourg",
    author: 25,
    daysAgo: 60,
    title: "Un garage à vélos fermé pour les travailleurs",
    body: "Je prends le train de 6 h 50 tous les jours. J'aimerais pouvoir laisser mon vélo dans un local fermé plutôt que dans la rue.",
    theme: "mobility",
    place: "Gare",
    supporters: 7,
    comments: [],
    answers: [],
    mergeInto: "velo-gare",
    mergeDaysAfter: 5,
    mergeExplanation:
      "Même demande que l'idée collective sur le stationnement vélo sécurisé à la gare, déjà acceptée : un local fermé par badge. Les soutiens sont réunis pour ne pas disperser le suivi du projet, sans compter deux fois les personnes qui soutenaient les deux.",
  },
  {
    key: "rond-point-velo",
    council: "gare-faubourg",
    author: 26,
    daysAgo: 40,
    title: "Sécuriser le rond-point de l'Europe pour les cyclistes",
    body: "Traverser le rond-point de l'Europe à vélo est dangereux : les voitures roulent vite et ne voient pas les cyclistes. Une piste séparée autour du rond-point changerait tout.",
    theme: "mobility",
    place: "Rond-point de l'Europe",
    supporters: 25,
    comments: [
      { author: 27, stance: "for", body: "J'ai failli être renversé deux fois cet automne.", daysAfter: 1 },
      { author: 28, stance: "against", body: "Une piste, c'est de la place en moins pour les voitures, déjà en bouchon le soir.", daysAfter: 2 },
    ],
    answers: [],
  },
  {
    key: "marche-faubourg",
    council: "gare-faubourg",
    author: 29,
    daysAgo: 8,
    title: "Un petit marché le mercredi soir au faubourg Saint-Martin",
    body: "Les commerçants du faubourg pourraient organiser un marché de producteurs le mercredi de 17 h à 20 h, pour les gens qui rentrent du travail par le train.",
    theme: "economy",
    place: "Faubourg Saint-Martin",
    supporters: 5,
    comments: [],
    answers: [],
  },
  {
    key: "tags-pont",
    council: "gare-faubourg",
    author: 30,
    daysAgo: 150,
    title: "Une fresque sous le pont de la voie ferrée",
    body: "Le passage sous la voie ferrée est couvert de tags et sinistre. Une fresque réalisée avec les élèves du collège et un graffeur embellirait l'entrée du quartier.",
    theme: "culture",
    place: "Passage sous la voie ferrée",
    supporters: 26,
    comments: [{ author: 31, stance: "for", body: "Le collège a déjà un atelier arts plastiques qui serait partant.", daysAfter: 2 }],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 26,
        explanation:
          "La SNCF, propriétaire du pont, a donné son accord. Une fresque sera réalisée au printemps par le collectif Murs Libres avec deux classes du collège, comme proposé dans la discussion. Budget : 7 500 € (peinture, nacelle, intervenant), dont 3 000 € de la région au titre de l'éducation artistique.",
        cites: [0],
      },
      {
        status: "on_agenda",
        by: "facilitator",
        daysAfter: 80,
        explanation:
          "Les esquisses des élèves seront présentées au conseil du quartier Gare – Faubourg lors du point d'étape sur le pôle d'échanges, pour que les habitants choisissent le motif final.",
      },
    ],
  },
  // ------------------------------------------------------------------ town-wide
  {
    key: "budget-jeunes",
    council: null,
    author: 32,
    daysAgo: 100,
    title: "Ouvrir le budget participatif aux 11-15 ans",
    body: "Les collégiens ont plein d'idées pour leur ville mais ne peuvent pas voter au budget participatif. Abaisser l'âge à 11 ans, comme à Paris, les ferait participer.",
    theme: "rules",
    place: "",
    supporters: 18,
    comments: [
      { author: 33, stance: "for", body: "Au conseil municipal des jeunes, ils réclament ça depuis deux ans.", daysAfter: 2 },
      { author: 34, stance: "against", body: "À 11 ans, on vote comme ses parents.", daysAfter: 3 },
    ],
    answers: [
      {
        status: "under_review",
        by: "facilitator",
        daysAfter: 20,
        explanation:
          "La proposition touche à la charte (âge minimum pour voter) : elle sera examinée avec le conseil municipal des jeunes et les principaux de collège avant le budget participatif 2028. Si elle est retenue, une nouvelle version du cadre sera publiée, avec son explication.",
      },
    ],
  },
  {
    key: "velo-ecole",
    council: null,
    author: 35,
    daysAgo: 25,
    title: "Apprendre le vélo à tous les CM2",
    body: "Beaucoup d'enfants ne savent pas circuler à vélo en ville. Un programme « savoir rouler » pour toutes les classes de CM2, avec la police municipale, les rendrait autonomes pour le collège.",
    theme: "education",
    place: "",
    supporters: 13,
    comments: [{ author: 36, stance: "for", body: "L'association Vélo Montclair peut prêter des vélos aux enfants qui n'en ont pas.", daysAfter: 1 }],
    answers: [],
  },
  {
    key: "cimetiere-arrosoirs",
    council: null,
    author: 37,
    daysAgo: 135,
    title: "Des arrosoirs et des bancs au cimetière",
    body: "Au cimetière, il n'y a qu'un robinet au fond et aucun banc. Les personnes âgées peinent à porter l'eau et à se reposer.",
    theme: "solidarity",
    place: "Cimetière municipal",
    channel: "assisted",
    onBehalfName: "Lucienne Barthe",
    supporters: 23,
    comments: [{ author: 38, stance: "for", body: "Un deuxième point d'eau près de l'entrée serait déjà très bien.", daysAfter: 5 }],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 33,
        explanation:
          "Un deuxième point d'eau sera installé près de l'entrée, avec six arrosoirs en libre-service attachés, et trois bancs seront posés le long de l'allée centrale. Coût : 5 200 €, pris sur le budget d'entretien des bâtiments et équipements. Travaux avant la Toussaint.",
        cites: [0],
      },
      {
        status: "implemented",
        by: "official",
        daysAfter: 95,
        explanation:
          "Le point d'eau, les arrosoirs et les trois bancs sont en place depuis le 20 octobre. Mme Barthe, qui avait déposé l'idée à l'accueil de la mairie, a été prévenue par courrier.",
      },
    ],
  },
  {
    key: "piscine-horaires",
    council: null,
    author: 39,
    daysAgo: 160,
    title: "Ouvrir la piscine le dimanche après-midi toute l'année",
    body: "La piscine intercommunale ferme le dimanche à 12 h hors saison. Les familles qui travaillent en semaine n'y ont presque jamais accès.",
    theme: "sport",
    place: "Piscine intercommunale",
    supporters: 20,
    comments: [{ author: 40, stance: "for", body: "C'est le seul moment où je peux emmener mes enfants nager.", daysAfter: 3 }],
    answers: [
      {
        status: "rejected",
        by: "official",
        daysAfter: 50,
        explanation:
          "La piscine dépend de l'intercommunalité, qui a étudié la demande : ouvrir le dimanche après-midi toute l'année coûterait 68 000 € par an (deux maîtres-nageurs et l'accueil) et le recrutement est impossible à court terme, la région manquant de maîtres-nageurs. Une ouverture le dimanche jusqu'à 17 h est en revanche prévue pendant les vacances scolaires dès cet hiver.",
      },
    ],
  },
  {
    key: "chiens-parc",
    council: null,
    author: 41,
    daysAgo: 80,
    title: "Un espace clos pour les chiens",
    body: "Les chiens sont interdits dans les parcs et il n'existe aucun espace où les lâcher. Un enclos de quelques centaines de mètres carrés éviterait les conflits avec les promeneurs.",
    theme: "public_space",
    place: "",
    supporters: 10,
    comments: [
      { author: 42, stance: "for", body: "Ce serait aussi un lieu de rencontre pour les propriétaires.", daysAfter: 2 },
      { author: 43, stance: "against", body: "Ce n'est pas une priorité quand il manque des bancs et de l'ombre partout.", daysAfter: 4 },
    ],
    answers: [
      {
        status: "rejected",
        by: "official",
        daysAfter: 31,
        explanation:
          "Aucun terrain communal disponible ne répond aux conditions (éloignement des habitations, clôture, accès à l'eau) sans prendre sur un espace vert existant. Comme le rappelait la discussion, d'autres aménagements passent d'abord. La commune indiquera en revanche, par des panneaux, les chemins des berges où les chiens tenus en laisse sont autorisés.",
        cites: [1],
      },
    ],
  },
  {
    key: "composteurs",
    council: "centre-ville",
    author: 44,
    daysAgo: 3,
    title: "Des composteurs collectifs dans les cours d'immeubles",
    body: "Beaucoup d'immeubles du centre n'ont pas de jardin. Des composteurs partagés dans les cours, avec un référent par immeuble, réduiraient les ordures ménagères.",
    theme: "environment",
    place: "",
    supporters: 2,
    comments: [],
    answers: [],
  },
  {
    key: "toilettes-halle",
    council: "centre-ville",
    author: 3,
    daysAgo: 130,
    title: "Des toilettes publiques près de la halle",
    body: "Les jours de marché, il n'y a aucune toilette publique à moins de dix minutes à pied. Les commerçants et les clients en souffrent.",
    theme: "public_space",
    place: "Halle du marché",
    supporters: 28,
    comments: [{ author: 4, stance: "for", body: "Les cafés n'acceptent plus les non-clients, on ne peut pas leur en vouloir.", daysAfter: 1 }],
    answers: [
      {
        status: "accepted",
        by: "official",
        daysAfter: 36,
        explanation:
          "Des toilettes publiques automatiques, accessibles aux personnes en fauteuil et gratuites, seront installées à l'angle de la halle côté rue du Marché. Le raccordement aux réseaux est possible à cet endroit. Coût : 48 000 € d'investissement et 6 000 € d'entretien par an.",
      },
      {
        status: "in_budget",
        by: "official",
        daysAfter: 75,
        explanation:
          "Le conseil municipal n'a pas pu inscrire l'investissement au budget 2026. Le projet est proposé au vote du budget participatif 2027, sur l'enveloppe du quartier Centre-Ville, avec le devis des services techniques.",
      },
    ],
  },
];
