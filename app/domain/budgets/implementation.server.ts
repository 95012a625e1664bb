/**
 * Carrying out funded projects: dated updates (status, progress, money executed, text, an
 * optional photo) by the officials in charge; abandoning a project or changing its scope is a
 * register entry. Followers of the project are notified of each update. The budget page sums
 * the money executed against the money allocated.
 */
import { asc, eq } from "drizzle-orm";
import { db } from "#db/client.server";
import { budgetProjects, budgetProjectUpdates } from "#db/schema";
import type { ProjectStatus } from "#db/enums";
import { actingRole, assertCanAs, type MaybeActor } from "../accounts/policy";
import { recordDecision } from "../decisions/record.server";
import { DomainError, NotFoundError } from "../errors";
import { follow, isFollowing, notify, unfollow } from "../notifications/notify.server";
import { envelopesOf, euros, requireBudget, scopeOf } from "./budgets.server";
import { removePhoto, savePhoto } from "./uploads.server";

export interface ProjectUpdateInput {
  status: ProjectStatus;
  progress: number;
  spent: number;
  body: string;
  scopeChanged: boolean;
  photoAlt: string;
}

/**
 * Errors: errors.projectNotFunded (409), errors.budgetNotImplementing (409),
 * errors.projectAbandoned (409, an abandoned project takes no more updates),
 * errors.photoAltRequired (400), photo errors (400).
 */
export function postProjectUpdate(actor: MaybeActor, projectId: number, input: ProjectUpdateInput, photo: Uint8Array | null, opts: { now?: Date } = {}) {
  const now = opts.now ?? new Date();
  const at = now.toISOString();
  const project = db.select().from(budgetProjects).where(eq(budgetProjects.id, projectId)).get();
  if (!project) throw new NotFoundError();
  const envelope = envelopesOf(project.budgetId).find((e) => e.id === project.envelopeId)!;
  const a = assertCanAs(actor, "project.update", { councilId: envelope.councilId });
  if (photo && !input.photoAlt.trim()) throw new DomainError("errors.photoAltRequired", 400, "photoAlt");
  const saved = photo && photo.length > 0 ? savePhoto(photo) : null;
  try {
    return db.transaction((tx) => {
      const b = requireBudget(tx, project.budgetId);
      if (!project.funded) throw new DomainError("errors.projectNotFunded", 409);
      if (b.phase !== "implementation") throw new DomainError("errors.budgetNotImplementing", 409);
      if (project.status === "abandoned") throw new DomainError("errors.projectAbandoned", 409);
      let decisionSeq: number | null = null;
      if (input.status === "abandoned" || input.scopeChanged) {
        decisionSeq = recordDecision(tx, a, {
          councilId: envelope.councilId,
          subject: { kind: "project", id: `${b.id}/${project.id}`, title: project.title },
          outcome: input.status === "abandoned" ? "abandoned" : "scope_changed",
          explanation: `${input.body.trim()}\n\n(Projet financé à hauteur de ${euros(project.cost)} ; ${euros(input.spent)} dépensés à ce jour.)`,
          explanationField: "body",
          evidence: [{ label: project.title, url: `/budgets/${b.id}/projects/${project.id}` }],
          authorRole: actingRole(a, "project.update", { councilId: envelope.councilId }) ?? "official",
          ruleScope: scopeOf(b),
          at: now,
        }).seq;
      }
      const update = tx
        .insert(budgetProjectUpdates)
        .values({
          projectId: project.id,
          at,
          status: input.status,
          progress: input.status === "done" ? 100 : input.progress,
          spent: input.spent,
          body: input.body,
          photo: saved?.name ?? null,
          photoType: saved?.type ?? null,
          photoAlt: saved ? input.photoAlt : "",
          authorId: a.userId,
          authorName: a.displayName,
          decisionSeq,
        })
        .returning()
        .get();
      tx.update(budgetProjects).set({ status: input.status, progress: update.progress, spent: input.spent }).where(eq(budgetProjects.id, project.id)).run();
      notify(tx, {
        kind: "projectUpdate",
        at,
        title: project.title,
        link: `/budgets/${b.id}/projects/${project.id}#updates`,
        councilId: envelope.councilId,
        followersOf: [{ kind: "project", id: project.id }],
        except: a.userId,
        refs: decisionSeq ? { decisionSeq } : {},
      });
      return update;
    });
  } catch (e) {
    if (saved) removePhoto(saved.name);
    throw e;
  }
}

export function projectUpdates(projectId: number) {
  return db.select().from(budgetProjectUpdates).where(eq(budgetProjectUpdates.projectId, projectId)).orderBy(asc(budgetProjectUpdates.at), asc(budgetProjectUpdates.id)).all();
}

/** The update carrying this photo (to serve it with its checked type). */
export function photoOf(name: string) {
  return db.select({ photo: budgetProjectUpdates.photo, type: budgetProjectUpdates.photoType }).from(budgetProjectUpdates).where(eq(budgetProjectUpdates.photo, name)).get() ?? null;
}

export function followProject(actor: MaybeActor, projectId: number, on: boolean, opts: { now?: Date } = {}) {
  const a = assertCanAs(actor, "project.follow");
  const project = db.select({ id: budgetProjects.id, funded: budgetProjects.funded }).from(budgetProjects).where(eq(budgetProjects.id, projectId)).get();
  if (!project) throw new NotFoundError();
  db.transaction((tx) => (on ? follow(tx, a.userId, { kind: "project", id: projectId }, (opts.now ?? new Date()).toISOString()) : unfollow(tx, a.userId, { kind: "project", id: projectId })));
}

export function isFollowingProject(userId: string, projectId: number) {
  return isFollowing(userId, { kind: "project", id: projectId });
}
