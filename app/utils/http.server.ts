/**
 * Helpers every route uses: who is acting, permission checks that answer 403, safe
 * redirects, and turning a DomainError into a form reply that keeps what was typed.
 */
import { redirect, data } from "@remix-run/node";
import type { Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod";
import type { z, ZodTypeAny } from "zod";
import { getActor } from "~/domain/accounts/session.server";
import { can, type Action, type Actor, type Resource } from "~/domain/accounts/policy";
import { DomainError } from "~/domain/errors";
import { msg } from "~/lib/messages";

export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string") return fallback;
  if (!to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to;
}

/** Path + query of the request, for "come back here after logging in". */
export function here(request: Request) {
  const u = new URL(request.url);
  return u.pathname + u.search;
}

export async function requireActor(request: Request): Promise<Actor> {
  const actor = await getActor(request);
  if (!actor) throw redirect(`/login?redirectTo=${encodeURIComponent(here(request))}`);
  return actor;
}

/** Responds 403 (rendered by the error boundary) unless the policy allows it. */
export async function requirePermission(request: Request, action: Action, resource: Resource = {}) {
  const actor = await getActor(request);
  if (can(actor, action, resource)) return actor;
  if (!actor && request.method === "GET") throw redirect(`/login?redirectTo=${encodeURIComponent(here(request))}`);
  throw new Response("Forbidden", { status: 403 });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/** Parses a positive integer route parameter or answers 404. */
export function idParam(value: string | undefined): number {
  const n = Number(value);
  if (!value || !Number.isSafeInteger(n) || n <= 0) notFound();
  return n;
}

/**
 * Turns a DomainError into the form's reply (status of the error, typed values kept);
 * anything else is rethrown. 403 and 404 become error pages.
 */
export function replyWithError<S extends Submission<any>>(submission: S, error: unknown, hideFields?: string[]) {
  if (!(error instanceof DomainError)) throw error;
  if (error.status === 403 || error.status === 404) throw new Response(error.key, { status: error.status });
  const message = msg(error.key, error.params);
  const reply = submission.reply(
    error.field
      ? { fieldErrors: { [error.field]: [message] }, hideFields }
      : { formErrors: [message], hideFields },
  );
  return data(reply, { status: error.status });
}

export function clientAddress(context: unknown): string {
  const ip = (context as { ip?: string } | undefined)?.ip;
  return ip || "unknown";
}

/**
 * The usual form action: parse with `schema` (400 with the typed values when invalid), run
 * the domain call, and turn a user-fixable DomainError into the form's reply.
 */
export function handleForm<S extends ZodTypeAny>(formData: FormData, schema: S, run: (value: z.output<S>) => Response, hideFields?: string[]) {
  const submission = parseWithZod(formData, { schema });
  if (submission.status !== "success") return data(submission.reply({ hideFields }), { status: 400 });
  try {
    return run(submission.value);
  } catch (e) {
    return replyWithError(submission, e, hideFields);
  }
}
