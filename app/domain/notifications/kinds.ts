/**
 * The closed list of notification kinds, each with its template in French and English.
 * Client-safe (no imports from .server modules): the in-app list, emails, SMS and letters
 * all word an event from here, so a kind exists once.
 *
 * Adding a kind (votes, budgets, projects…): add it to NOTIFICATION_KINDS with a template
 * and a topic, then call `notify(tx, { kind, title, link, about, … })` from the domain
 * function that makes the change, inside its transaction. Nothing else is needed: the
 * recipients' preferences, the outbox, digests and letters follow.
 */
import { DELIVERY_CHANNELS, FOLLOW_KINDS, NOTIFICATION_KINDS, TOPICS } from "#db/enums";
import type { Locale } from "~/lib/format";

export { DELIVERY_CHANNELS, FOLLOW_KINDS, NOTIFICATION_KINDS, TOPICS };

/** What a person can follow; notification events go to the followers of their subject. */
export type FollowKind = (typeof FOLLOW_KINDS)[number];
export type SubjectRef = { kind: FollowKind; id: number };

/** Families of events a person may choose to receive outside the site (preferences). */
export type Topic = (typeof TOPICS)[number];

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export function isNotificationKind(x: unknown): x is NotificationKind {
  return typeof x === "string" && (NOTIFICATION_KINDS as readonly string[]).includes(x);
}

type Words = Record<Locale, string>;
export interface Template {
  topic: Topic;
  /** One line: the in-app notification, the email subject, the start of an SMS. `{{title}}`. */
  subject: Words;
  /** A sentence or two for the email body and the letter, after the subject. `{{title}}`. */
  text: Words;
}

export const TEMPLATES: Record<NotificationKind, Template> = {
  answer: {
    topic: "ideas",
    subject: { fr: "Nouvelle réponse sur « {{title}} »", en: "New answer on “{{title}}”" },
    text: {
      fr: "La mairie a répondu par écrit à l'idée « {{title}} ». La réponse et son explication sont publiées sur la page de l'idée.",
      en: "The town answered the idea “{{title}}” in writing. The answer and its explanation are on the idea's page.",
    },
  },
  comment: {
    topic: "ideas",
    subject: { fr: "Nouveau commentaire sur « {{title}} »", en: "New comment on “{{title}}”" },
    text: { fr: "Quelqu'un a donné son avis sur l'idée « {{title}} ».", en: "Someone commented on the idea “{{title}}”." },
  },
  reply: {
    topic: "ideas",
    subject: { fr: "Nouvelle réponse à un commentaire sur « {{title}} »", en: "New reply to a comment on “{{title}}”" },
    text: { fr: "Quelqu'un a répondu à un commentaire sur l'idée « {{title}} ».", en: "Someone replied to a comment on the idea “{{title}}”." },
  },
  moderation: {
    topic: "ideas",
    subject: { fr: "Décision de modération sur « {{title}} »", en: "Moderation decision on “{{title}}”" },
    text: {
      fr: "Un contenu lié à l'idée « {{title}} » a été masqué ou rétabli. La raison est publiée dans le registre des arbitrages.",
      en: "Content about the idea “{{title}}” was hidden or restored. The reason is published in the decision register.",
    },
  },
  merge: {
    topic: "ideas",
    subject: { fr: "« {{title}} » a été fusionnée dans une idée collective", en: "“{{title}}” was merged into a collective idea" },
    text: {
      fr: "L'idée « {{title}} » rejoint une idée collective. Ses soutiens y sont reportés ; l'explication est publiée.",
      en: "The idea “{{title}}” joins a collective idea. Its supports carry over; the explanation is published.",
    },
  },
  threshold: {
    topic: "ideas",
    subject: { fr: "« {{title}} » a atteint le seuil de soutiens", en: "“{{title}}” reached the support threshold" },
    text: {
      fr: "L'idée « {{title}} » a atteint le seuil de soutiens : elle sera inscrite à l'ordre du jour d'un conseil.",
      en: "The idea “{{title}}” reached the support threshold: it will be put on a council's agenda.",
    },
  },
  agenda: {
    topic: "meetings",
    subject: { fr: "Ordre du jour publié : « {{title}} »", en: "Agenda published: “{{title}}”" },
    text: { fr: "L'ordre du jour de la réunion « {{title}} » est publié.", en: "The agenda of the meeting “{{title}}” is published." },
  },
  agendaChanged: {
    topic: "meetings",
    subject: { fr: "Ordre du jour modifié : « {{title}} »", en: "Agenda changed: “{{title}}”" },
    text: { fr: "L'ordre du jour de la réunion « {{title}} » a changé.", en: "The agenda of the meeting “{{title}}” has changed." },
  },
  minutes: {
    topic: "meetings",
    subject: { fr: "Compte rendu publié : « {{title}} »", en: "Minutes published: “{{title}}”" },
    text: { fr: "Le compte rendu de la réunion « {{title}} » est publié.", en: "The minutes of the meeting “{{title}}” are published." },
  },
  minutesChanged: {
    topic: "meetings",
    subject: { fr: "Compte rendu corrigé : « {{title}} »", en: "Minutes corrected: “{{title}}”" },
    text: {
      fr: "Le compte rendu de la réunion « {{title}} » a été corrigé. La note de modification dit quoi et pourquoi.",
      en: "The minutes of the meeting “{{title}}” were corrected. The change note says what and why.",
    },
  },
  cancelled: {
    topic: "meetings",
    subject: { fr: "Réunion annulée : « {{title}} »", en: "Meeting cancelled: “{{title}}”" },
    text: { fr: "La réunion « {{title}} » est annulée. La raison est sur sa page.", en: "The meeting “{{title}}” is cancelled. The reason is on its page." },
  },
  voteOpened: {
    topic: "votes",
    subject: { fr: "Le vote est ouvert : « {{title}} »", en: "Voting is open: “{{title}}”" },
    text: { fr: "Le vote « {{title}} » est ouvert. Sa page dit qui peut voter et jusqu'à quand.", en: "The vote “{{title}}” is open. Its page says who may vote and until when." },
  },
  voteResults: {
    topic: "votes",
    subject: { fr: "Résultats publiés : « {{title}} »", en: "Results published: “{{title}}”" },
    text: { fr: "Les résultats du vote « {{title}} » sont publiés, avec la participation.", en: "The results of the vote “{{title}}” are published, with the turnout." },
  },
  budgetPhase: {
    topic: "budgets",
    subject: { fr: "Budget participatif : « {{title}} » change d'étape", en: "Participatory budget: “{{title}}” moves to a new phase" },
    text: { fr: "Le budget participatif « {{title}} » passe à une nouvelle étape.", en: "The participatory budget “{{title}}” moves to a new phase." },
  },
  projectUpdate: {
    topic: "budgets",
    subject: { fr: "Nouvelles du projet « {{title}} »", en: "News of the project “{{title}}”" },
    text: { fr: "Le projet « {{title}} » a avancé : sa page dit où il en est.", en: "The project “{{title}}” has moved on: its page says where it stands." },
  },
};

function fill(s: string, title: string) {
  return s.replaceAll("{{title}}", title);
}

/** The wording of one event in one language. */
export function renderNotification(kind: NotificationKind, title: string, locale: Locale) {
  const t = TEMPLATES[kind];
  return { subject: fill(t.subject[locale], title), text: fill(t.text[locale], title) };
}

/** Delivery channels a person can choose (or "none": only the in-app list). */
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export type SendChannel = Exclude<DeliveryChannel, "none">;
