/**
 * Helpers every route uses: who is acting, permission checks that answer 403, safe
 * redirects and strict ids. Form replies are in forms.server.ts.
 */
import { redirect } from "@remix-run/node";
import { publicOrigin } from "~/config/site.server";
import { getActor } from "~/domain/accounts/session.server";
import { can, type Action, type Actor, type Resource, type ScopedAction, type ScopedResource, type TownAction } from "~/domain/accounts/policy";
import { parseId } from "~/lib/fields";

/**
 * A redirect target taken from input, made safe: it must be a path on this site once the
 * WHATWG URL parser has normalised it (the parser drops tabs and newlines and reads "\\"
 * as "/", so "/<TAB>/evil.example" or "/\\evil.example" would leave the site). Returns the
 * normalised path, query and fragment, or `fallback`.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (!to || typeof to !== "string" || to.length > 2_000 || !to.startsWith("/")) return fallback;
  const origin = publicOrigin();
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = url.pathname + url.search + url.hash;
  // a path that still starts with two slashes would be read as another host by a browser
  return path.startsWith("//") || path.startsWith("/\\") ? fallback : path;
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
export async function requirePermission(request: Request, action: ScopedAction, resource: ScopedResource): Promise<Actor | null>;
export async function requirePermission(request: Request, action: TownAction, resource?: Resource): Promise<Actor | null>;
export async function requirePermission(request: Request, action: Action, resource: Resource = {}) {
  const actor = await getActor(request);
  if ((can as (a: Actor | null, x: Action, r?: Resource) => boolean)(actor, action, resource)) return actor;
  if (!actor && request.method === "GET") throw redirect(`/login?redirectTo=${encodeURIComponent(here(request))}`);
  throw new Response("Forbidden", { status: 403 });
}

export function notFound(): never {
  throw new Response("Not Found", { status: 404 });
}

/**
 * The id in a URL (route parameter or query value): decimal digits only, no sign, no
 * leading zero ("0x10", "1e1", "1.0", "010" are not ids), or 404. Every route uses this.
 */
export function idParam(value: string | null | undefined): number {
  const n = parseId(value);
  if (n === null) notFound();
  return n;
}

/** An optional id in a query string: null when absent or empty, 404 when malformed. */
export function optionalIdParam(value: string | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  return idParam(value);
}

export function clientAddress(context: unknown): string {
  const ip = (context as { ip?: string } | undefined)?.ip;
  return ip || "unknown";
}
