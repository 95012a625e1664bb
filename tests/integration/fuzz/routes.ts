/**
 * How to call every route module of app/routes, for the fuzz suite: its URL parameters,
 * its query keys, its forms (field names read from the zod schema the action uses, or
 * listed), the role that makes each form reachable, a valid body to mix hostile values
 * into, and the guards (invariants.ts) its action may legitimately cross.
 *
 * discovery.test.ts fails when a route module with an action or a loader has no entry here,
 * so a new route cannot escape the fuzz.
 */
import type { ZodTypeAny } from "zod";
import { ASSIGNABLE_ROLES, BUDGET_PHASES, DOCUMENT_TYPES, IDEA_STATUSES, IDEA_THEMES, PROJECT_STATUSES, SUBJECT_KINDS } from "#db/enums";
import { DeleteAccountSchema, ChangeEmailSchema, ChangePasswordSchema, ForgotPasswordSchema, GrantRoleSchema, LogInSchema, ResetPasswordSchema, SignUpSchema, TokenSchema } from "~/domain/accounts/schemas";
import { CouncilSchema } from "~/domain/councils/schemas";
import { FreeDecisionSchema } from "~/domain/decisions/schemas";
import { AnswerSchema, CommentEditSchema, CommentSchema, IdeaOnBehalfSchema, IdeaSchema, MergeSchema, ModerationSchema, ReportSchema, SupportOnBehalfSchema } from "~/domain/ideas/schemas";
import { AgendaSchema, CancelSchema, MeetingSchema, MinutesSchema } from "~/domain/meetings/schemas";
import { FollowSchema, PreferencesSchema } from "~/domain/notifications/schemas";
import { ClaimSchema, DeskVerifySchema } from "~/domain/residency/schemas";
import { BOOTSTRAP_PARAMS, PublishRulesSchema } from "~/domain/rules/params";
import { TownSchema } from "~/domain/town/schemas";
import { CountSchema, DeskPersonSchema, VoteDecisionSchema, VoteSchema } from "~/domain/votes/schemas";
import { datasets } from "~/domain/opendata/registry.server";
import { BasketSchema, BudgetSchema, ImportSchema, PhaseSchema, ProjectUpdateSchema, ResultsDecisionSchema, ReviewSchema, ShareSchema } from "~/domain/budgets/schemas";
import { postProjectUpdate } from "~/domain/budgets/implementation.server";
import { budgetProjectUpdates } from "#db/schema";
import { budgetIn } from "./budget-world";
import { submitIdea } from "~/domain/ideas/ideas.server";
import { addComment } from "~/domain/ideas/comments.server";
import { scheduleMeeting } from "~/domain/meetings/meetings.server";
import { issueToken } from "~/domain/accounts/tokens.server";
import { sessionRef } from "~/domain/accounts/session.server";
import { db } from "#db/client.server";
import { councils, reports, roleAssignments, sessions } from "#db/schema";
import { eq } from "drizzle-orm";
import { utcToLocal } from "~/lib/time";
import { makeUser, TEST_PASSWORD } from "../../support/fixtures";
import { censusCsv } from "../../support/voting";
import { EXPLANATION } from "../../support/own-data";
import type { Guard } from "./invariants";
import type { FuzzRole, World } from "./world";

export type Values = Record<string, string | string[]>;
export type Pools = Record<string, string[]>;
type Actors = Partial<Record<FuzzRole, { actor: { userId: string; email: string } | null; cookie: string | undefined }>>;
export interface Ctx {
  w: World;
  /** What the route's setup made (its own records, accounts), by name. */
  x: Pools;
}

export interface FormSpec {
  /** The zod schema the action parses with: its field names are fuzzed. */
  schema?: ZodTypeAny;
  /** Fields the action reads without a schema (or besides it). */
  fields?: string[] | ((c: Ctx) => string[]);
  /** A valid body, into which hostile values are mixed field by field. */
  valid?: (c: Ctx) => Values;
  /** Real values a field may be given (ids of both councils, emails…), besides hostile ones. */
  pools?: (c: Ctx) => Pools;
  /** Values of `target` (multi-form pages). */
  targets?: (c: Ctx) => string[];
  /** Who reaches it: the first role mostly, the others sometimes. */
  as: FuzzRole[];
}

export interface ActionSpec {
  /** URL parameters: each a list of real values (hostile ones are mixed in). */
  params?: (c: Ctx) => Pools;
  query?: (c: Ctx) => Pools;
  /** A single form… */
  form?: FormSpec;
  /** …or several, by intent. */
  intents?: Record<string, FormSpec>;
  /** Property runs (default 30). */
  runs?: number;
  /** Guards this action may cross (see invariants.ts). */
  may?: Guard[];
  /** Records of its own (made once before the runs). */
  setup?: (w: World, actors: Actors) => Promise<Pools> | Pools;
  /** Puts back what the runs changed that later routes rely on. */
  after?: (w: World) => void;
}

export interface LoaderSpec {
  as: FuzzRole[];
  params?: (c: Ctx) => Pools;
  query?: (c: Ctx) => Pools;
  runs?: number;
  setup?: (w: World, actors: Actors) => Promise<Pools> | Pools;
}

export interface RouteSpec {
  loader?: LoaderSpec;
  action?: ActionSpec;
}

const id = (...n: (number | string)[]) => n.map(String);
const ideaParams = (c: Ctx) => ({ id: id(c.w.ideaA.id) });
const later = (days: number, hour = 18) => `${utcToLocal(new Date(Date.now() + days * 86_400_000).toISOString()).slice(0, 10)}T${String(hour).padStart(2, "0")}:00`;
const PAGE = ["1", "2", "999999", "0"];
const SCOPES = ["town", "budget:velo", "budget:", "Town"];

const meetingValid = (c: Ctx): Values => ({
  councilId: String(c.w.A.id),
  title: "Réunion publique du quartier",
  startsAt: later(20, 18),
  endsAt: later(20, 20),
  placeName: "Salle des fêtes",
  address: "1 place de la Mairie",
  accessibility: "Accès de plain-pied, boucle magnétique.",
});

const voteValid = (c: Ctx): Values => ({
  councilId: String(c.w.A.id),
  question: "Faut-il ouvrir le square A le dimanche ?",
  description: EXPLANATION,
  form: "options",
  options: "Oui le matin\nOui toute la journée\nNon",
  minChoices: "1",
  maxChoices: "2",
  opensAt: later(30, 9),
  closesAt: later(40, 19),
  binding: "",
});

export const ROUTES: Record<string, RouteSpec> = {
  "$.tsx": {
    loader: { as: ["visitor", "resident"], params: () => ({ "*": ["nothing/here", "ideas/1/x", "%00"] }) },
    action: { params: () => ({ "*": ["nothing/here"] }), form: { fields: ["x"], as: ["visitor", "resident"] } },
  },
  "_index.tsx": { loader: { as: ["visitor", "resident"], query: () => ({ deleted: ["1"] }) } },
  "accessibility.tsx": { loader: { as: ["visitor"] } },
  "legal.tsx": { loader: { as: ["visitor"] } },
  "privacy.tsx": { loader: { as: ["visitor"] } },
  "account._index.tsx": { loader: { as: ["resident", "visitor", "facilitator"], query: () => ({ verified: ["1"], reset: ["1"], welcome: ["1"], emailChanged: ["1"] }) } },
  "account.data.tsx": {
    loader: { as: ["resident", "visitor"] },
    // the valid body deletes the route's own account: later runs are a deleted session's
    action: { form: { schema: DeleteAccountSchema, valid: () => ({ password: TEST_PASSWORD, confirm: "on" }), as: ["resident", "verified", "visitor"] }, runs: 25 },
  },
  "account.data[.]json.tsx": { loader: { as: ["verified", "resident", "visitor"] } },
  "account.email.confirm.tsx": {
    loader: { as: ["resident", "visitor"], query: (c) => ({ token: [c.w.bystanderReset, c.w.bystanderVerify] }) },
    action: {
      setup: async () => ({ token: [await ownToken("changeEmail")] }),
      form: { schema: TokenSchema, valid: (c) => ({ token: c.x.token![0]! }), pools: (c) => ({ token: [c.w.bystanderReset, c.w.bystanderVerify] }), as: ["resident", "visitor"] },
    },
  },
  "account.notifications.tsx": { loader: { as: ["resident", "visitor"] }, action: { form: { fields: ["intent"], as: ["resident", "visitor"] }, runs: 15 } },
  "account.preferences.tsx": {
    loader: { as: ["resident", "visitor"], query: () => ({ saved: ["1"] }) },
    action: {
      form: {
        schema: PreferencesSchema,
        valid: () => ({ channel: "post", digest: "on", topics: ["ideas", "votes"], locale: "en", phone: "+33 6 12 34 56 78", postalAddress: "2 rue du Port\n99000 Fuzzville" }),
        pools: () => ({ channel: ["email", "sms", "post", "none"], topics: ["ideas", "meetings", "votes", "budgets"] }),
        as: ["resident", "visitor"],
      },
    },
  },
  "account.residency.tsx": {
    loader: { as: ["resident", "verified", "visitor"], query: () => ({ verified: ["1"] }) },
    action: {
      form: {
        schema: ClaimSchema,
        valid: (c) => ({ reference: c.w.popA[8]!.reference, familyName: c.w.popA[8]!.familyName, birthDate: "17/05/1980" }),
        pools: (c) => ({ reference: [c.w.popB[0]!.reference, c.w.popA[9]!.reference], familyName: [c.w.popB[0]!.familyName], birthDate: ["1980-05-17", "31/02/1980", "1889-01-01"] }),
        as: ["resident", "verified", "visitor"],
      },
    },
  },
  "account.security.tsx": {
    loader: { as: ["resident", "visitor"], query: () => ({ done: ["password", "email", "endOthers", "end"] }) },
    action: {
      setup: (w) => {
        const refs = db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, w.bystander.userId)).all().map((s) => sessionRef(s.id));
        return { bystanderSessions: refs };
      },
      intents: {
        password: { schema: ChangePasswordSchema, valid: () => ({ currentPassword: TEST_PASSWORD, newPassword: "un autre mot de passe solide 42" }), as: ["resident", "visitor"] },
        email: { schema: ChangeEmailSchema, valid: () => ({ newEmail: "nouvelle-adresse@test.fr", password: TEST_PASSWORD }), pools: (c) => ({ newEmail: c.w.pools.emails }), as: ["resident"] },
        endOthers: { as: ["resident"] },
        end: { targets: (c) => c.x.bystanderSessions!, as: ["resident"] },
      },
      runs: 30,
    },
  },
  "account.space.tsx": {
    loader: { as: ["resident", "visitor"] },
    action: { form: { schema: FollowSchema, valid: (c) => ({ kind: "idea", id: String(c.w.ideaA.id) }), pools: (c) => ({ kind: ["idea", "council", "vote"], id: c.w.pools.ids }), as: ["resident", "visitor"] } },
  },
  "admin._index.tsx": { loader: { as: ["admin", "resident", "visitor"] } },
  "admin.mail.tsx": { loader: { as: ["admin", "resident"] } },
  "admin.census.tsx": {
    loader: { as: ["admin", "townOfficial", "resident"], query: () => ({ imported: ["1"] }) },
    action: {
      form: {
        fields: ["text", "mode", "file"],
        valid: (c) => ({ text: censusCsv([...c.w.popA, ...c.w.popB]), mode: "supplement" }),
        pools: () => ({ mode: ["replace", "supplement"] }),
        as: ["admin", "facilitator"],
      },
      runs: 20,
      // an administrator's new census version is town-wide: entries and verifications may change
      may: ["census", "bystander"],
    },
  },
  "admin.councils.$slug.tsx": {
    loader: { as: ["admin", "resident"], params: (c) => ({ slug: [c.w.A.slug] }) },
    action: {
      params: (c) => ({ slug: [c.w.A.slug] }),
      form: {
        schema: CouncilSchema,
        valid: (c) => ({ name: "Quartier A", slug: c.w.A.slug, description: "Le quartier **A**.", territory: "Du pont à la gare." }),
        pools: (c) => ({ slug: c.w.pools.slugs }),
        as: ["admin", "official"],
      },
      may: ["councilA"],
      after: (w) => restoreSlug(w),
    },
  },
  "admin.councils._index.tsx": {
    loader: { as: ["admin", "resident"] },
    action: { form: { schema: CouncilSchema, valid: () => ({ name: "Nouveau quartier", slug: "nouveau-quartier", description: "", territory: "" }), pools: (c) => ({ slug: c.w.pools.slugs }), as: ["admin", "resident"] } },
  },
  "admin.roles.tsx": {
    loader: { as: ["admin", "facilitator"] },
    action: {
      setup: async () => {
        const granted = await makeUser({ name: "Animateur à retirer", roles: [{ role: "facilitator", councilId: null }] });
        const mine = db.select({ id: roleAssignments.id }).from(roleAssignments).where(eq(roleAssignments.userId, granted.userId)).all().map((r) => String(r.id));
        return { email: [(await makeUser({ name: "À nommer" })).email], mine, assignments: db.select({ id: roleAssignments.id }).from(roleAssignments).all().map((r) => String(r.id)) };
      },
      intents: {
        grant: { schema: GrantRoleSchema, valid: (c) => ({ email: c.x.email![0]!, role: "facilitator", councilId: String(c.w.A.id) }), pools: (c) => ({ email: c.w.pools.emails, role: [...ASSIGNABLE_ROLES, "resident"], councilId: [...c.w.pools.ids, "town"] }), as: ["admin", "official"] },
        revoke: { fields: ["assignmentId"], valid: (c) => ({ assignmentId: c.x.mine![0]! }), pools: (c) => ({ assignmentId: c.x.assignments! }), as: ["admin", "official"] },
      },
    },
  },
  "admin.town.tsx": {
    loader: { as: ["admin", "resident"], query: () => ({ saved: ["1"] }) },
    action: { form: { schema: TownSchema, valid: () => ({ name: "Fuzzville", accentColor: "#1d4ed8", deskInfo: "Mairie, du lundi au vendredi." }), pools: () => ({ accentColor: ["#fff", "#ffffff", "red", "#12345", "#GGGGGG"] }), as: ["admin", "official"] }, may: ["town"] },
  },
  "budgets._index.tsx": { loader: { as: ["visitor", "townOfficial", "admin"] } },
  "budgets.new.tsx": {
    loader: { as: ["townOfficial", "official", "resident"] },
    action: {
      form: {
        schema: BudgetSchema,
        fields: ["envelopes[0].councilId", "envelopes[0].amount", "envelopes[1].councilId", "envelopes[1].amount"],
        valid: (c) => ({
          title: "Budget participatif des écoles",
          description: "Un budget pour les cours d'école, proposé et voté par les habitants.",
          ballotType: "approval",
          allocationRule: "greedy",
          tieBreak: "cheaper",
          minApprovals: "1",
          minSpendPercent: "0",
          kMin: "1",
          maxChoices: "5",
          townAmount: "50000",
          "envelopes[0].councilId": String(c.w.A.id),
          "envelopes[0].amount": "20000",
          "envelopes[1].councilId": String(c.w.B.id),
          "envelopes[1].amount": "",
          explanation: EXPLANATION,
        }),
        pools: (c) => ({ ballotType: ["approval", "cumulative", "ordinal"], allocationRule: ["greedy", "mes", "mes-add1", "mes-add1u"], tieBreak: ["cheaper", "dearer", "random"], "envelopes[0].councilId": c.w.pools.ids, "envelopes[1].councilId": [...c.w.pools.ids, "town"] }),
        as: ["townOfficial", "official", "resident"],
      },
      runs: 25,
    },
  },
  "budgets.$id.tsx": {
    loader: { as: ["visitor", "verified", "townOfficial"], params: (c) => ({ id: budgetIds(c) }) },
    action: {
      // budgets of its own: a phase change moves them on
      setup: (w) => ownBudgets(w),
      params: (c) => ({ id: [...c.x.collecting!, ...c.x.tallying!, ...c.x.counted!] }),
      intents: {
        follow: { as: ["resident", "visitor"] },
        unfollow: { as: ["resident"] },
        phase: {
          schema: PhaseSchema,
          valid: () => ({ to: "review", explanation: EXPLANATION, closesAt: later(7, 18), differenceExplanation: "" }),
          pools: () => ({ to: [...BUDGET_PHASES], closesAt: ["2026-03-29T02:30", "1999-01-01T00:00", "2099-02-30T10:00"] }),
          as: ["townOfficial", "official", "resident"],
        },
      },
      runs: 40,
      // a phase change plans council B's funded projects (implementation) or counts its envelope (results)
      may: ["budgetB"],
    },
  },
  "budgets.$id_.desk.tsx": {
    loader: { as: ["townFacilitator", "facilitator", "resident"], params: (c) => ({ id: id(c.w.budgets.voting.id, c.w.budgets.collecting.id) }), query: (c) => ({ q: [c.w.popA[6]!.familyName, c.w.popB[2]!.familyName, "%"], person: id(c.w.census.a, c.w.census.b, c.w.census.bystander, c.w.census.desk[4]!), recorded: ["paper"] }) },
    action: {
      params: (c) => ({ id: id(c.w.budgets.voting.id, c.w.budgets.tallying.id) }),
      intents: {
        paper: {
          schema: DeskPersonSchema,
          fields: ["q"],
          valid: (c) => ({ censusEntryId: String(c.w.census.desk[3]), q: c.w.popA[55]!.familyName }),
          // the bystander voted online in the voting budget: a paper ballot for them is refused
          pools: (c) => ({ censusEntryId: id(c.w.census.a, c.w.census.b, c.w.census.bystander, ...c.w.census.desk) }),
          as: ["townFacilitator", "facilitator", "resident"],
        },
      },
      runs: 30,
    },
  },
  "budgets.$id_.envelopes.$envelopeId[.]pb.tsx": {
    loader: { as: ["visitor"], params: (c) => ({ id: id(c.w.budgets.counted.id, c.w.budgets.implementing.id, c.w.budgets.voting.id), envelopeId: id(...Object.values(c.w.budgets.counted.envelopes), ...Object.values(c.w.budgets.implementing.envelopes)) }) },
  },
  "budgets.$id_.ideas.new.tsx": {
    loader: { as: ["resident", "visitor"], params: (c) => ({ id: budgetIds(c) }) },
    action: {
      params: (c) => ({ id: id(c.w.budgets.collecting.id, c.w.budgets.voting.id) }),
      form: {
        schema: IdeaSchema,
        valid: (c) => ({ title: "Des arceaux à vélos devant l'école", body: "Des arceaux à vélos devant l'école du quartier, pour les parents et les enfants.", theme: "mobility", councilId: String(c.w.A.id), place: "École" }),
        pools: (c) => ({ councilId: [...c.w.pools.ids, "town", ""], theme: [...IDEA_THEMES] }),
        as: ["resident", "verified", "visitor"],
      },
      runs: 25,
    },
  },
  "budgets.$id_.paper.tsx": {
    loader: { as: ["townOfficial", "facilitator", "resident"], params: (c) => ({ id: id(c.w.budgets.tallying.id, c.w.budgets.voting.id, c.w.budgets.collecting.id) }) },
    action: {
      params: (c) => ({ id: id(c.w.budgets.tallying.id) }),
      intents: {
        sheet: {
          fields: ["sheet", "spoiled", "choices"],
          targets: (c) => id(c.w.budgets.tallying.envelopes.town, c.w.budgets.tallying.envelopes.A, c.w.budgets.voting.envelopes.A),
          valid: () => ({ sheet: "1", spoiled: "", choices: "1" }),
          pools: () => ({ choices: ["1", "2", "3", "yes"], sheet: ["1", "2", "1000000", "1000001"] }),
          as: ["townOfficial", "facilitator", "resident"],
        },
      },
      runs: 30,
    },
  },
  "budgets.$id_.projects.$projectId.tsx": {
    loader: { as: ["visitor", "townOfficial"], params: (c) => ({ id: id(c.w.budgets.implementing.id, c.w.budgets.counted.id), projectId: id(...c.w.budgets.implementing.projects.map((p) => p.id), c.w.budgets.counted.projects[0]!.id) }) },
    action: {
      params: (c) => ({ id: id(c.w.budgets.implementing.id), projectId: fundedA(c) }),
      intents: {
        follow: { as: ["resident", "visitor"] },
        unfollow: { as: ["resident"] },
        update: {
          schema: ProjectUpdateSchema,
          fields: ["photo"],
          valid: () => ({ status: "in_progress", progress: "40", spent: "5000", body: "Les travaux ont commencé lundi, la première tranche est posée.", scopeChanged: "", photoAlt: "" }),
          pools: () => ({ status: [...PROJECT_STATUSES], progress: ["0", "100", "101"], spent: ["0", "1000000000", "1000000001"] }),
          as: ["townOfficial", "official", "resident"],
        },
      },
      runs: 30,
    },
  },
  "budgets.$id_.results.tsx": {
    loader: { as: ["visitor", "townOfficial", "verified"], params: (c) => ({ id: budgetIds(c) }) },
    action: {
      params: (c) => ({ id: id(c.w.budgets.counted.id, c.w.budgets.implementing.id, c.w.budgets.voting.id) }),
      intents: {
        share: { schema: ShareSchema, valid: (c) => ({ code: c.w.budgets.counted.receipts[0]! }), pools: (c) => ({ code: [...c.w.budgets.counted.receipts, ...c.w.budgets.voting.receipts, c.w.bystanderReceipt] }), as: ["visitor", "resident"] },
        decide: {
          schema: ResultsDecisionSchema,
          // a departure's reason per project: reason-<project id>
          fields: (c) => c.w.budgets.counted.projects.map((p) => `reason-${p.id}`),
          valid: () => ({ outcome: "confirmed", explanation: EXPLANATION, changed: [] }),
          pools: (c) => ({ outcome: ["confirmed", "departed"], changed: id(...c.w.budgets.counted.projects.map((p) => p.id), c.w.budgets.implementing.projects[0]!.id) }),
          as: ["townOfficial", "official", "resident"],
        },
      },
      runs: 30,
      // a departure from the result changes which projects are funded, council B's included
      may: ["budgetB"],
    },
  },
  "budgets.$id_.review.tsx": {
    loader: { as: ["townOfficial", "resident"], params: (c) => ({ id: id(c.w.budgets.reviewing.id, c.w.budgets.collecting.id) }) },
    action: {
      params: (c) => ({ id: id(c.w.budgets.reviewing.id) }),
      intents: {
        review: {
          schema: ReviewSchema,
          targets: (c) => id(...c.w.budgets.reviewing.pending),
          valid: (c) => ({
            ideaId: String(c.w.budgets.reviewing.pending[0]),
            verdict: "feasible",
            cost: "5000",
            envelopeId: String(c.w.budgets.reviewing.envelopes.town),
            feasibilityExplanation: "Les services techniques ont vérifié l'emplacement et les réseaux : le projet est faisable.",
            costExplanation: "Devis du fournisseur, pose comprise.",
            conflict: "none",
            conflictText: "",
          }),
          pools: (c) => ({ ideaId: id(...c.w.budgets.reviewing.pending, c.w.ideaB.id), verdict: ["feasible", "unfeasible"], envelopeId: id(...Object.values(c.w.budgets.reviewing.envelopes), c.w.budgets.voting.envelopes.town), conflict: ["none", "declared"], cost: ["0", "1000000000", "1000000001", "-5"] }),
          as: ["townOfficial", "official", "resident"],
        },
      },
      runs: 30,
    },
  },
  "budgets.$id_.vote.tsx": {
    loader: { as: ["verified", "visitor", "resident"], params: (c) => ({ id: budgetIds(c) }) },
    action: {
      params: (c) => ({ id: id(c.w.budgets.voting.id, c.w.budgets.tallying.id) }),
      form: {
        schema: BasketSchema,
        valid: (c) => ({ choices: c.w.budgets.voting.choices.filter((x) => !x.startsWith(`${c.w.budgets.voting.envelopes.B}:`)).slice(0, 2), step: "review" }),
        pools: (c) => ({ choices: [...c.w.budgets.voting.choices, ...c.w.budgets.tallying.choices], step: ["review", "cast"] }),
        as: ["verified", "resident", "visitor"],
      },
      runs: 40,
    },
  },
  "budgets.import.tsx": {
    loader: { as: ["admin", "resident"] },
    action: {
      form: {
        schema: ImportSchema,
        fields: ["file"],
        valid: () => ({ title: "Budget importé de Pabulib", allocationRule: "greedy", source: "https://pabulib.org/ jeu de test", explanation: EXPLANATION, file: TINY_PB }),
        pools: () => ({ allocationRule: ["greedy", "mes", "mes-add1", "mes-add1u", "x"], file: [TINY_PB.replace("budget;100", "budget;-1"), TINY_PB.replace("PROJECTS", ""), "META\n", TINY_PB.replace("1;9,10", "1;9,<script>")] }),
        as: ["admin", "townOfficial"],
      },
      runs: 15,
    },
  },
  "health.tsx": { loader: { as: ["visitor"], runs: 5 } },
  "uploads.$name.tsx": {
    loader: {
      as: ["visitor"],
      setup: (w) => ({ photos: [photoOf(w)] }),
      params: (c) => ({ name: [...c.x.photos!, "nothing.png", "../../etc/passwd", ".."] }),
    },
  },
  "check-email.tsx": { loader: { as: ["visitor"], query: () => ({ reason: ["signup", "reset", "email"] }) } },
  "councils.$slug.decisions[.]atom.tsx": { loader: { as: ["visitor"], params: (c) => ({ slug: c.w.pools.slugs }) } },
  "councils.$slug.meetings[.]ics.tsx": { loader: { as: ["visitor"], params: (c) => ({ slug: c.w.pools.slugs }) } },
  "councils.$slug.tsx": {
    loader: { as: ["visitor", "resident", "admin"], params: (c) => ({ slug: c.w.pools.slugs }) },
    action: { params: (c) => ({ slug: [c.w.A.slug] }), form: { fields: ["intent"], pools: () => ({ intent: ["follow", "unfollow"] }), valid: () => ({ intent: "follow" }), as: ["resident", "visitor"] }, runs: 20 },
  },
  "councils._index.tsx": { loader: { as: ["visitor"] } },
  "dashboard.tsx": { loader: { as: ["facilitator", "official", "resident", "visitor"] } },
  "decisions.$seq.tsx": { loader: { as: ["visitor", "official"], params: (c) => ({ seq: id(c.w.decisionA.seq, c.w.decisionB.seq, 1) }) } },
  "decisions._index.tsx": {
    loader: {
      as: ["visitor"],
      query: (c) => ({ council: [...c.w.pools.slugs, "town"], kind: [...SUBJECT_KINDS], author: ["Élu A"], from: ["2020-01-01", "2026-02-30"], to: ["2099-12-31"], page: PAGE }),
    },
  },
  "decisions.new.tsx": {
    loader: { as: ["official", "resident"], query: (c) => ({ supersedes: id(c.w.decisionA.seq, c.w.decisionB.seq), meeting: id(c.w.heldA.id, c.w.heldB.id) }) },
    action: {
      form: {
        schema: FreeDecisionSchema,
        valid: (c) => ({ councilId: String(c.w.A.id), title: "Éclairage du square A", outcome: "adopted", explanation: EXPLANATION, evidence: `/meetings/${c.w.heldA.id} Compte rendu\nhttps://example.org/plan.pdf Plan`, supersedes: "" }),
        pools: (c) => ({ councilId: [...c.w.pools.ids, "town"], supersedes: id(c.w.decisionA.seq, c.w.decisionB.seq), evidence: ["javascript:alert(1) x", "/\\evil.example x", "//evil.example x", "data:text/html,x y"] }),
        as: ["official", "resident", "townOfficial"],
      },
    },
  },
  "decisions.verify.tsx": { loader: { as: ["visitor"], query: () => ({ head: ["1:abc", "1:" + "0".repeat(64), "999:" + "f".repeat(64)] }) } },
  "decisions[.]atom.tsx": { loader: { as: ["visitor"] } },
  "desk.residents.tsx": {
    loader: { as: ["facilitator", "resident"], query: (c) => ({ q: [c.w.popA[5]!.familyName, c.w.popB[1]!.familyName, "Martin", "%"], verified: ["1"] }) },
    action: {
      setup: async () => ({ walkIn: [(await makeUser({ name: "Venue au guichet" })).email] }),
      form: {
        schema: DeskVerifySchema,
        valid: (c) => ({ censusEntryId: String(c.w.census.a), email: c.x.walkIn![0]!, documentType: "id_card" }),
        pools: (c) => ({ censusEntryId: id(c.w.census.a, c.w.census.b), email: c.w.pools.emails, documentType: [...DOCUMENT_TYPES] }),
        as: ["facilitator", "resident"],
      },
    },
  },
  "forgot-password.tsx": {
    loader: { as: ["visitor"] },
    // anyone may ask a reset for any address: the bystander's tokens may change
    action: { form: { schema: ForgotPasswordSchema, valid: () => ({ email: "personne@test.fr" }), pools: (c) => ({ email: c.w.pools.emails }), as: ["visitor"] }, runs: 20, may: ["bystanderTokens"] },
  },
  "ideas.$id.tsx": {
    loader: { as: ["visitor", "resident", "facilitator"], params: (c) => ({ id: c.w.pools.ids }), query: () => ({ new: ["1"], reported: ["1"], recorded: ["1"] }) },
    action: {
      params: ideaParams,
      setup: (w, actors) => {
        const own = addComment(actors.resident!.actor as never, w.ideaA.id, { stance: "neutral", body: "Mon commentaire.", parentId: null });
        return { own: id(own.id), comments: id(own.id, w.commentA.id, w.commentB.id) };
      },
      intents: {
        support: { as: ["resident", "visitor"] },
        unsupport: { as: ["resident"] },
        follow: { as: ["resident"] },
        unfollow: { as: ["resident"] },
        withdrawComment: { targets: (c) => [...c.x.own!, ...c.x.comments!], as: ["resident", "facilitator"] },
        comment: { schema: CommentSchema, valid: () => ({ stance: "for", body: "Oui, et aussi près de l'école.", parentId: "" }), pools: (c) => ({ parentId: c.x.comments! }), as: ["resident", "visitor"] },
        reply: { schema: CommentSchema, valid: (c) => ({ stance: "neutral", body: "Je réponds.", parentId: String(c.w.commentA.id) }), pools: (c) => ({ parentId: c.x.comments! }), as: ["resident"] },
        editComment: { schema: CommentEditSchema, valid: (c) => ({ commentId: c.x.own![0]!, body: "Texte corrigé." }), pools: (c) => ({ commentId: c.x.comments! }), as: ["resident"] },
        report: { schema: ReportSchema, valid: (c) => ({ subjectKind: "idea", subjectId: String(c.w.ideaA.id), reason: "Ce texte est hors sujet." }), pools: (c) => ({ subjectId: c.w.pools.ids }), as: ["resident"] },
        answer: {
          schema: AnswerSchema,
          valid: (c) => ({ status: "under_review", explanation: EXPLANATION, cites: [String(c.w.commentA.id)], ruleVersion: "" }),
          pools: (c) => ({ status: [...IDEA_STATUSES], cites: c.x.comments!, ruleVersion: ["1", "2", "99"] }),
          as: ["official", "facilitator", "resident"],
        },
        merge: { schema: MergeSchema, valid: (c) => ({ targetId: String(c.w.ideaA2.id), explanation: EXPLANATION }), pools: (c) => ({ targetId: id(c.w.ideaB.id, c.w.ideaA.id, c.w.ideaA2.id) }), as: ["facilitator", "official"] },
        supportOnBehalf: { schema: SupportOnBehalfSchema, valid: () => ({ onBehalfName: "Marcel Dupuis", channel: "assisted", consent: "on" }), as: ["facilitator", "resident"] },
        hide: { schema: ModerationSchema, valid: (c) => ({ subjectKind: "comment", subjectId: String(c.w.commentA.id), reason: EXPLANATION }), pools: (c) => ({ subjectId: c.w.pools.ids }), as: ["facilitator", "resident"] },
        restore: { schema: ModerationSchema, valid: (c) => ({ subjectKind: "comment", subjectId: String(c.w.commentA.id), reason: EXPLANATION }), pools: (c) => ({ subjectId: c.w.pools.ids }), as: ["facilitator"] },
      },
      runs: 80,
    },
  },
  "ideas.$id_.edit.tsx": {
    loader: { as: ["resident", "visitor"], params: (c) => ({ id: c.w.pools.ids }) },
    action: {
      setup: (w, actors) => ({
        own: id(submitIdea(actors.resident!.actor as never, { title: "Mon idée à corriger", body: "Une idée assez longue pour être publiée et corrigée.", theme: "culture", councilId: w.A.id, place: "" }).id),
      }),
      params: (c) => ({ id: [...c.x.own!, String(c.w.ideaB.id)] }),
      form: { schema: IdeaSchema.omit({ councilId: true }), valid: () => ({ title: "Mon idée corrigée", body: "Une idée assez longue pour être publiée, corrigée.", theme: "culture", place: "Halle" }), pools: () => ({ theme: [...IDEA_THEMES] }), as: ["resident"] },
    },
  },
  "ideas._index.tsx": {
    loader: { as: ["visitor"], query: (c) => ({ council: c.w.pools.slugs, status: [...IDEA_STATUSES], theme: [...IDEA_THEMES], overdue: ["1"], sort: ["newest", "supported", "discussed"], page: PAGE }) },
  },
  "ideas.new.tsx": {
    loader: { as: ["resident", "facilitator", "visitor"], query: (c) => ({ onBehalf: ["1"], council: c.w.pools.slugs }) },
    action: {
      form: {
        schema: IdeaOnBehalfSchema,
        fields: ["onBehalf"],
        valid: (c) => ({ title: "Un composteur partagé", body: "Un composteur au pied des immeubles, géré par les habitants.", theme: "environment", councilId: String(c.w.A.id), place: "Square", onBehalf: "", channel: "assisted", onBehalfName: "Marcel Dupuis", onBehalfContact: "06 00 00 00 00", consent: "on" }),
        pools: (c) => ({ councilId: [...c.w.pools.ids, "town"], onBehalf: ["1", "0"], channel: ["online", "assisted", "letter"] }),
        as: ["resident", "facilitator", "visitor"],
      },
    },
  },
  "language.tsx": {
    loader: { as: ["visitor"] },
    action: { form: { fields: ["lng", "redirectTo"], valid: () => ({ lng: "en", redirectTo: "/ideas?page=2" }), as: ["visitor"] }, runs: 25 },
  },
  "letters.tsx": {
    loader: { as: ["facilitator", "resident"], query: () => ({ marked: ["1"] }) },
    action: { form: { fields: ["id"], valid: (c) => ({ id: c.w.letters.map(String) }), pools: (c) => ({ id: c.w.letters.map(String) }), as: ["facilitator", "resident"] }, runs: 20 },
  },
  "login.tsx": {
    loader: { as: ["visitor", "resident"], query: () => ({ redirectTo: ["/ideas", "//evil.example", "/\\evil.example", "javascript:alert(1)"] }) },
    action: {
      setup: async () => ({ email: [(await makeUser({ name: "Qui se connecte" })).email] }),
      form: { schema: LogInSchema, valid: (c) => ({ email: c.x.email![0]!, password: TEST_PASSWORD, redirectTo: "/ideas" }), pools: (c) => ({ email: c.w.pools.emails, redirectTo: ["//evil.example", "/\\evil.example", "https://evil.example/"] }), as: ["visitor"] },
      runs: 20,
    },
  },
  "logout.tsx": { loader: { as: ["visitor"] }, action: { form: { fields: [], as: ["resident", "visitor"] }, runs: 10 } },
  "meetings.$id.tsx": {
    loader: { as: ["visitor", "facilitator"], params: (c) => ({ id: c.w.pools.ids }) },
    action: {
      setup: (w, actors) => ownMeetings(w, actors),
      params: (c) => ({ id: [...c.x.upcoming!, ...c.x.started!] }),
      intents: {
        attend: { as: ["resident", "visitor"] },
        unattend: { as: ["resident"] },
        held: { as: ["facilitator", "resident"] },
        cancel: { schema: CancelSchema, valid: () => ({ reason: "La salle n'est pas disponible." }), as: ["facilitator", "resident"] },
      },
      runs: 40,
    },
  },
  "meetings.$id_.agenda.tsx": {
    loader: { as: ["facilitator", "resident"], params: (c) => ({ id: c.w.pools.ids }) },
    action: {
      setup: (w, actors) => ownMeetings(w, actors),
      params: (c) => ({ id: c.x.upcoming! }),
      form: { schema: AgendaSchema, valid: (c) => ({ agenda: "1. Accueil\n2. Les bancs", ideaIds: id(c.w.ideaA.id, c.w.ideaA2.id) }), pools: (c) => ({ ideaIds: c.w.pools.ids }), as: ["facilitator", "resident"] },
    },
  },
  "meetings.$id_.edit.tsx": {
    loader: { as: ["facilitator", "resident"], params: (c) => ({ id: c.w.pools.ids }) },
    action: { setup: (w, actors) => ownMeetings(w, actors), params: (c) => ({ id: c.x.upcoming! }), form: { schema: MeetingSchema, valid: meetingValid, pools: (c) => ({ councilId: c.w.pools.ids, startsAt: ["2026-03-29T02:30", "2026-10-25T02:30", "2099-02-30T10:00"] }), as: ["facilitator", "resident"] } },
  },
  "meetings.$id_.minutes.$version.tsx": { loader: { as: ["visitor"], params: (c) => ({ id: id(c.w.heldA.id, c.w.heldB.id), version: ["1", "2", "3"] }) } },
  "meetings.$id_.minutes._index.tsx": {
    loader: { as: ["facilitator", "resident"], params: (c) => ({ id: c.w.pools.ids }) },
    action: {
      params: (c) => ({ id: id(c.w.heldA.id) }),
      form: { schema: MinutesSchema, valid: () => ({ body: "## Présents\n\nQuatorze personnes.", attendanceCount: "14", changeNote: "Une personne de plus." }), as: ["facilitator", "resident"] },
    },
  },
  "meetings.$id_.minutes.diff.tsx": { loader: { as: ["visitor"], params: (c) => ({ id: id(c.w.heldA.id, c.w.heldB.id) }), query: () => ({ from: ["1", "2"], to: ["1", "2", "3"] }) } },
  "meetings._index.tsx": { loader: { as: ["visitor", "facilitator"], query: (c) => ({ council: c.w.pools.slugs }) } },
  "meetings.new.tsx": {
    loader: { as: ["facilitator", "resident"], query: (c) => ({ council: c.w.pools.slugs }) },
    action: { form: { schema: MeetingSchema, valid: meetingValid, pools: (c) => ({ councilId: c.w.pools.ids }), as: ["facilitator", "resident"] } },
  },
  "meetings[.]ics.tsx": { loader: { as: ["visitor"] } },
  "moderation.tsx": {
    loader: { as: ["facilitator", "resident"], query: () => ({ done: ["dismissed", "hidden"] }) },
    action: {
      setup: (w) => ({
        reports: db.select({ id: reports.id }).from(reports).all().map((r) => String(r.id)),
        reportsA: db.select({ id: reports.id }).from(reports).where(eq(reports.councilId, w.A.id)).all().map((r) => String(r.id)),
      }),
      intents: {
        dismiss: { fields: ["reportId"], valid: (c) => ({ reportId: c.x.reportsA! }), pools: (c) => ({ reportId: c.x.reports! }), as: ["facilitator", "resident"] },
        hide: { schema: ModerationSchema, valid: (c) => ({ subjectKind: "comment", subjectId: String(c.w.commentA.id), reason: EXPLANATION }), pools: (c) => ({ subjectId: c.w.pools.ids }), as: ["facilitator"] },
      },
    },
  },
  "open-data.$file.tsx": { loader: { as: ["visitor"], params: () => ({ file: datasets().map((d) => d.file) }) } },
  "open-data._index.tsx": { loader: { as: ["visitor"], runs: 5 } },
  "receipts.tsx": { loader: { as: ["visitor"], query: (c) => ({ code: [c.w.bystanderReceipt, c.w.bystanderReceipt.toLowerCase(), c.w.bystanderReceipt.replace(/-/g, "")] }) } },
  "reset-password.tsx": {
    loader: { as: ["visitor"], query: (c) => ({ token: [c.w.bystanderVerify] }) },
    action: {
      setup: async () => ({ token: [await ownToken("resetPassword")] }),
      form: { schema: ResetPasswordSchema, valid: (c) => ({ token: c.x.token![0]!, password: "un mot de passe tout neuf 77" }), pools: (c) => ({ token: [c.w.bystanderVerify, c.w.bystanderReset.slice(0, 42)] }), as: ["visitor"] },
      runs: 20,
    },
  },
  "rules.$number.tsx": { loader: { as: ["visitor"], params: () => ({ number: ["1", "2"] }), query: () => ({ scope: SCOPES }) } },
  "rules._index.tsx": { loader: { as: ["visitor", "townOfficial"], query: () => ({ scope: SCOPES }) } },
  "rules.diff.tsx": { loader: { as: ["visitor"], query: () => ({ scope: SCOPES, from: ["1", "2"], to: ["1", "2"] }) } },
  "rules.new.tsx": {
    loader: { as: ["townOfficial", "official"], query: () => ({ scope: SCOPES }) },
    action: {
      form: {
        schema: PublishRulesSchema,
        valid: () => ({
          ...Object.fromEntries(Object.entries({ ...BOOTSTRAP_PARAMS, minExplanationLength: 40 }).map(([k, v]) => [k, typeof v === "boolean" ? (v ? "on" : "") : String(v)])),
          scope: "town",
          title: "Charte révisée",
          body: "## Délais\n\nUne réponse écrite sous trente jours.",
          explanation: EXPLANATION,
        }),
        pools: () => ({ scope: SCOPES }),
        as: ["townOfficial", "official"],
      },
      runs: 20,
    },
  },
  "search.tsx": { loader: { as: ["visitor"], query: (c) => ({ q: ["bancs", "square A", "fontaine"], kind: ["idea", "comment", "decision", "minutes"], council: c.w.pools.slugs, status: [...IDEA_STATUSES], theme: [...IDEA_THEMES], page: PAGE }), runs: 40 } },
  "signup.tsx": {
    loader: { as: ["visitor", "resident"], query: () => ({ redirectTo: ["/ideas", "//evil.example"] }) },
    action: { form: { schema: SignUpSchema, valid: () => ({ displayName: "Nouvelle Habitante", email: "nouvelle@test.fr", password: "un mot de passe solide 2026" }), pools: (c) => ({ email: c.w.pools.emails }), as: ["visitor"] }, runs: 15 },
  },
  "statistics.tsx": { loader: { as: ["visitor"], query: (c) => ({ council: c.w.pools.slugs }), runs: 10 } },
  "unsubscribe.tsx": {
    loader: { as: ["visitor"], query: () => ({ key: ["abc"] }) },
    action: { query: () => ({ key: ["abc"] }), form: { fields: ["key", "List-Unsubscribe"], valid: () => ({ "List-Unsubscribe": "One-Click" }), as: ["visitor"] }, runs: 20 },
  },
  "verify-email.tsx": {
    loader: { as: ["visitor"], query: (c) => ({ token: [c.w.bystanderReset] }) },
    action: {
      setup: async () => ({ token: [await ownToken("verifyEmail")] }),
      form: { schema: TokenSchema, valid: (c) => ({ token: c.x.token![0]! }), pools: (c) => ({ token: [c.w.bystanderReset] }), as: ["visitor", "resident"] },
      runs: 20,
    },
  },
  "votes.$id.tsx": {
    loader: { as: ["visitor", "verified", "official"], params: (c) => ({ id: id(c.w.scheduledA.id, c.w.openA.id, c.w.countingA.id, c.w.closedA.id, c.w.openB.id, c.w.closedB.id) }) },
    action: {
      params: (c) => ({ id: id(c.w.openA.id, c.w.closedA.id, c.w.scheduledA.id) }),
      intents: {
        review: { fields: ["choices"], valid: () => ({ choices: "yes" }), pools: () => ({ choices: ["yes", "no", "abstain", "opt-1"] }), as: ["verified", "resident", "visitor"] },
        cast: { fields: ["choices"], valid: () => ({ choices: "yes" }), pools: () => ({ choices: ["yes", "no", "abstain"] }), as: ["verified", "resident"] },
        change: { fields: ["choices"], valid: () => ({ choices: "no" }), as: ["verified"] },
        decide: { schema: VoteDecisionSchema, valid: () => ({ outcome: "adopted", explanation: EXPLANATION }), pools: () => ({ outcome: ["adopted", "rejected", "yes", "no"] }), as: ["official", "verified"] },
      },
      runs: 50,
    },
  },
  "votes.$id_.count.tsx": {
    loader: { as: ["official", "facilitator", "resident"], params: (c) => ({ id: id(c.w.countingA.id, c.w.openA.id, c.w.closedB.id) }), query: () => ({ entered: ["1"], pass: ["1", "2"] }) },
    action: {
      params: (c) => ({ id: id(c.w.countingA.id) }),
      intents: {
        sheet: { schema: undefined, fields: ["sheet", "spoiled", "choices"], valid: () => ({ sheet: "1", spoiled: "", choices: "yes" }), pools: () => ({ choices: ["yes", "no", "abstain"] }), as: ["official", "facilitator", "resident"] },
        count: { schema: CountSchema, valid: () => ({ explanation: "" }), as: ["official", "resident"] },
      },
      runs: 40,
    },
  },
  "votes.$id_.desk.tsx": {
    loader: { as: ["facilitator", "resident"], params: (c) => ({ id: id(c.w.openA.id, c.w.openB.id) }), query: (c) => ({ q: [c.w.popA[6]!.familyName, c.w.popB[2]!.familyName], person: id(c.w.census.a, c.w.census.b), recorded: ["paper"] }) },
    action: {
      params: (c) => ({ id: id(c.w.openA.id) }),
      intents: {
        paper: { schema: DeskPersonSchema, valid: (c) => ({ censusEntryId: String(c.w.census.desk[2]) }), pools: (c) => ({ censusEntryId: id(c.w.census.a, c.w.census.b, ...c.w.census.desk) }), as: ["facilitator", "resident"] },
        review: { fields: ["censusEntryId", "choices"], valid: (c) => ({ censusEntryId: String(c.w.census.desk[0]), choices: "yes" }), pools: (c) => ({ censusEntryId: id(c.w.census.b, ...c.w.census.desk) }), as: ["facilitator"] },
        cast: { fields: ["censusEntryId", "choices"], valid: (c) => ({ censusEntryId: String(c.w.census.desk[1]), choices: "no" }), pools: (c) => ({ censusEntryId: id(c.w.census.b, ...c.w.census.desk) }), as: ["facilitator", "resident"] },
        change: { fields: ["censusEntryId", "choices"], valid: (c) => ({ censusEntryId: String(c.w.census.a), choices: "no" }), as: ["facilitator"] },
      },
      runs: 40,
    },
  },
  "votes.$id_.edit.tsx": {
    loader: { as: ["official", "resident"], params: (c) => ({ id: id(c.w.scheduledA.id, c.w.openA.id, c.w.openB.id) }) },
    action: { params: (c) => ({ id: id(c.w.scheduledA.id, c.w.openA.id) }), form: { schema: VoteSchema, valid: voteValid, pools: (c) => ({ councilId: [...c.w.pools.ids, "town"], form: ["yes_no", "options"] }), as: ["official", "resident"] } },
  },
  "votes._index.tsx": { loader: { as: ["visitor"], query: (c) => ({ council: c.w.pools.slugs }) } },
  "votes.new.tsx": {
    loader: { as: ["official", "resident"] },
    action: { form: { schema: VoteSchema, valid: voteValid, pools: (c) => ({ councilId: [...c.w.pools.ids, "town"], form: ["yes_no", "options"] }), as: ["official", "resident"] } },
  },
};

/** Every budget of the world, each phase. */
const budgetIds = (c: Ctx) => id(...Object.values(c.w.budgets).map((b) => b.id));

/** Funded projects of the budget in implementation (council A's, the town's) and one of council B's. */
const fundedA = (c: Ctx) => {
  const b = c.w.budgets.implementing;
  const funded = b.projects.filter((p) => p.funded);
  return id(...funded.filter((p) => p.envelopeId !== b.envelopes.B).map((p) => p.id), ...funded.filter((p) => p.envelopeId === b.envelopes.B).slice(0, 1).map((p) => p.id));
};

/** A tiny Pabulib file (tests/fixtures/pabulib/synthetic/tie_greedy.pb). */
const TINY_PB = "META\nkey;value\ndescription;fuzz\ncountry;Worldwide\nunit;fuzz\ninstance;fuzz\nnum_projects;3\nnum_votes;4\nbudget;100\nvote_type;approval\nrule;greedy\nPROJECTS\nproject_id;cost;votes\n9;60;2\n10;60;2\n3;30;1\nVOTES\nvoter_id;vote\n1;9,10\n2;9,10,3\n3;\n4;\n";

/** Budgets of a route's own: collecting, closed vote waiting for the count, counted and undecided. */
async function ownBudgets(w: World): Promise<Pools> {
  const { makeUser: mk } = await import("../../support/fixtures");
  const official = await mk({ name: "Officiel des budgets", roles: [{ role: "official", councilId: null }] });
  const author = await mk({ name: "Auteur des budgets" });
  const who = { official, author, voters: [] as never[] };
  const councils = { A: w.A.id, B: w.B.id };
  return {
    collecting: id(budgetIn("collection", who, councils, "Budget de la route qui collecte").id),
    tallying: id(budgetIn("vote", who, councils, "Budget de la route fermé", { closedVote: true }).id),
    counted: id(budgetIn("results", who, councils, "Budget de la route compté").id),
  };
}

/** A photo posted on a funded project of the budget in implementation: its stored name. */
function photoOf(w: World): string {
  const b = w.budgets.implementing;
  const p = b.projects.find((x) => x.funded && x.envelopeId === b.envelopes.A)!;
  // a 1×1 PNG
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/iZk9HQAAAABJRU5ErkJggg==", "base64");
  postProjectUpdate(w.budgetOfficial, p.id, { status: "in_progress", progress: 10, spent: 100, body: "Une photo du chantier, prise lundi matin.", scopeChanged: false, photoAlt: "Le chantier" }, new Uint8Array(png));
  return db.select({ photo: budgetProjectUpdates.photo }).from(budgetProjectUpdates).where(eq(budgetProjectUpdates.projectId, p.id)).all().map((r) => r.photo).filter(Boolean).at(-1)!;
}

/** A token of an account of the route's own, for `purpose`. */
async function ownToken(purpose: "verifyEmail" | "resetPassword" | "changeEmail") {
  const u = await makeUser({ name: "Lien reçu", verified: purpose !== "verifyEmail" });
  return db.transaction((tx) => issueToken(tx, u.userId, purpose, { newEmail: purpose === "changeEmail" ? `change-${u.userId}@test.fr` : null }));
}

/** Meetings of the route's own in council A: two upcoming, two started (may be marked held). */
function ownMeetings(w: World, actors: Actors): Pools {
  const f = actors.facilitator!.actor as never;
  const now = Date.now();
  const at = (ms: number) => utcToLocal(new Date(ms).toISOString());
  const make = (start: number) =>
    String(scheduleMeeting(f, { councilId: w.A.id, title: "Réunion de la route", startsAt: at(start), endsAt: at(start + 7_200_000), placeName: "Salle", address: "", accessibility: "" }, { now: new Date(now - 3 * 86_400_000) }).id);
  return { upcoming: [make(now + 5 * 86_400_000), make(now + 6 * 86_400_000)], started: [make(now - 86_400_000), make(now - 2 * 86_400_000)] };
}

function restoreSlug(w: World) {
  db.update(councils).set({ slug: w.A.slug }).where(eq(councils.id, w.A.id)).run();
}
