/**
 * Calling route modules the way Remix does: build a Request (form posts, cookies),
 * run the loader or action, and read the result (data, redirect or thrown Response).
 */
import { randomBytes } from "node:crypto";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { startSession } from "~/domain/accounts/session.server";

const BASE = "http://localhost";

/**
 * A form post as a browser sends it. Like the page, it carries a fresh one-time token
 * (`_once`) unless the test gives its own (or `_once: ""` to send none).
 */
export function formRequest(path: string, fields: Record<string, string> | [string, string][], init: { cookie?: string; lang?: string } = {}) {
  const body = new URLSearchParams(fields);
  if (!body.has("_once")) body.set("_once", randomBytes(16).toString("base64url"));
  else if (body.get("_once") === "") body.delete("_once");
  const headers = new Headers({ "Content-Type": "application/x-www-form-urlencoded" });
  if (init.cookie) headers.set("Cookie", init.cookie);
  if (init.lang) headers.set("Accept-Language", init.lang);
  return new Request(BASE + path, { method: "POST", body, headers });
}

export function getRequest(path: string, init: { cookie?: string; lang?: string } = {}) {
  const headers = new Headers();
  if (init.cookie) headers.set("Cookie", init.cookie);
  if (init.lang) headers.set("Accept-Language", init.lang);
  return new Request(BASE + path, { headers });
}

/** A cookie header for a new session of this user. */
export async function sessionCookieFor(userId: string) {
  const setCookie = await startSession(userId);
  return setCookie.split(";")[0]!;
}

type Fn<A> = (args: A) => unknown;

/** Runs a loader/action; returns { status, data?, location? } whether it returned or threw. */
export async function run<A extends ActionFunctionArgs | LoaderFunctionArgs>(
  fn: Fn<A>,
  request: Request,
  params: Record<string, string> = {},
  context: Record<string, unknown> = { ip: "203.0.113.9" },
) {
  try {
    const out = await fn({ request, params, context } as A);
    return unwrap(out);
  } catch (thrown) {
    if (thrown instanceof Response) return unwrap(thrown);
    throw thrown;
  }
}

function unwrap(out: unknown): { status: number; data?: any; location?: string | null; headers?: Headers } {
  if (out instanceof Response) {
    return { status: out.status, location: out.headers.get("Location"), headers: out.headers };
  }
  // Remix's data(value, init) object (single fetch)
  if (out && typeof out === "object" && (out as { type?: string }).type === "DataWithResponseInit") {
    const d = out as { data: unknown; init: ResponseInit | null };
    return { status: d.init?.status ?? 200, data: d.data };
  }
  return { status: 200, data: out };
}
