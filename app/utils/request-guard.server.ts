/**
 * What every request goes through before Remix sees it (server.mjs mounts `guardRequest`
 * as Express middleware), and the mapping of domain refusals to 4xx responses for every
 * route module (`guardRouteModules`). One place for each kind of refusal:
 *
 *  - Origin: every state-changing request (POST, PUT, PATCH, DELETE — documents, data
 *    requests `?_data=` and `.data`, logged in or not) is refused with 403 unless its
 *    `Origin`, or failing that its `Referer`, is the site's own origin from PUBLIC_URL.
 *    Remix checks nothing of the kind for data requests. (OWASP CSRF cheat sheet,
 *    "Verifying origin with standard headers".)
 *  - Body: a state-changing request must say its length (411 otherwise), stay under the
 *    limit (413), and be a form (`application/x-www-form-urlencoded`, or
 *    `multipart/form-data` with its boundary; 415 otherwise). A body that still cannot be
 *    read as a form (a boundary that is not in it, a body cut short) is a 400 from the
 *    route's guard (`guardRouteModules`), never a 500.
 *  - Headers on every response: nosniff, referrer policy, HSTS in production, and
 *    `Cache-Control: no-store` for anyone signed in (their pages carry personal data).
 *
 * Refusals are small HTML pages in the visitor's language that say what happened; nothing
 * reaches the route, so nothing is stored.
 */
import { cookieNames } from "~/lib/cookies";
import type { ServerBuild } from "@remix-run/node";
import { ZodError } from "zod";
import { publicOrigin } from "~/config/site.server";
import { DomainError } from "~/domain/errors";
import type { Locale } from "~/lib/format";
import en from "~/locales/en.json";
import fr from "~/locales/fr.json";

/** Largest form body accepted, in bytes (the longest text field, minutes, fits easily). */
export const MAX_FORM_BYTES = 1024 * 1024;
/** Largest multipart body (forms with a photo), in bytes. */
export const MAX_MULTIPART_BYTES = 12 * 1024 * 1024;

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const SESSION_COOKIE = "conseil_session";

export type RefusalKind = "origin" | "length" | "tooLarge" | "contentType" | "dataParam" | "target";
export interface Refusal {
  status: 400 | 403 | 411 | 413 | 415;
  kind: RefusalKind;
}

type Headers = Record<string, string | string[] | undefined>;
const header = (h: Headers, name: string): string | undefined => {
  const v = h[name];
  return Array.isArray(v) ? v[0] : v;
};

function originOf(value: string | undefined): string | null {
  if (!value || value === "null") return null;
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/** Whether a state-changing request comes from a page of this site. */
export function sameOrigin(headers: Headers): boolean {
  const own = publicOrigin();
  const origin = header(headers, "origin");
  if (origin !== undefined) return originOf(origin) === own;
  return originOf(header(headers, "referer")) === own;
}

/**
 * Paths that other sites may post to. `/unsubscribe`: the one-click unsubscribe of emails
 * (RFC 8058) is posted by the recipient's mail provider, with no Origin of ours; the key in
 * the URL is the proof, and all it can do is turn deliveries off.
 */
export const CROSS_SITE_POST_PATHS = new Set(["/unsubscribe"]);

/** The refusal for this request, or null when it may go on to the app. */
export function checkRequest(method: string, headers: Headers, path?: string, search?: string): Refusal | null {
  // `?_data=` is the data-request protocol of Remix before single fetch. This app's pages never
  // send it; Remix still ran a posted action and then answered an empty 200 (logging a stack
  // per request): refused before anything runs (after the origin, which answers 403 first).
  // Names are compared decoded, as Remix reads them (`%5Fdata`, `_dat%61` and `_data` alike).
  const legacyData = !!search && new URLSearchParams(search).has("_data");
  if (!STATE_CHANGING.has(method.toUpperCase())) return legacyData ? { status: 400, kind: "dataParam" } : null;
  if (!(path !== undefined && CROSS_SITE_POST_PATHS.has(path)) && !sameOrigin(headers)) return { status: 403, kind: "origin" };
  if (legacyData) return { status: 400, kind: "dataParam" };
  const contentType = header(headers, "content-type") ?? "";
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  const multipart = type === "multipart/form-data";
  if (type !== "application/x-www-form-urlencoded" && !multipart) return { status: 415, kind: "contentType" };
  // a multipart body cannot be read without its boundary (RFC 7578 §4.1)
  if (multipart && !/;\s*boundary=("[^"]+"|[^\s;"]+)/i.test(contentType)) return { status: 415, kind: "contentType" };
  const lengthHeader = header(headers, "content-length");
  if (lengthHeader === undefined || !/^\d{1,12}$/.test(lengthHeader)) return { status: 411, kind: "length" };
  if (Number(lengthHeader) > (multipart ? MAX_MULTIPART_BYTES : MAX_FORM_BYTES)) return { status: 413, kind: "tooLarge" };
  return null;
}

/** The visitor's language from the `lng` cookie, then Accept-Language; French by default. */
export function localeFromHeaders(headers: Headers): Locale {
  const cookie = header(headers, "cookie") ?? "";
  const m = /(?:^|;\s*)lng=([^;]+)/.exec(cookie);
  if (m) {
    // remix cookies are base64(JSON)
    try {
      const v = JSON.parse(Buffer.from(decodeURIComponent(m[1]!), "base64").toString("utf8"));
      if (v === "en" || v === "fr") return v;
    } catch {
      /* not ours: fall through */
    }
  }
  const accept = (header(headers, "accept-language") ?? "").toLowerCase();
  for (const part of accept.split(",")) {
    const tag = part.split(";")[0]!.trim();
    if (tag.startsWith("fr")) return "fr";
    if (tag.startsWith("en")) return "en";
  }
  return "fr";
}

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** A complete, styled HTML page explaining the refusal, in `locale`. */
export function refusalPage(refusal: Refusal, locale: Locale): string {
  const m = (locale === "en" ? en : fr).refusal as Record<string, string>;
  const title = m[`${refusal.kind}Title`]!;
  const body = m[`${refusal.kind}Body`]!.replace("{{max}}", String(Math.round(MAX_FORM_BYTES / 1024)));
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/styles/app.css"></head><body><main id="main" class="site-main"><div class="wrap page narrow"><p class="eyebrow">${escapeHtml(m.code!.replace("{{status}}", String(refusal.status)))}</p><h1>${escapeHtml(title)}</h1><p class="lead">${escapeHtml(body)}</p><p><a class="btn" href="/">${escapeHtml(m.home!)}</a></p></div></main></body></html>`;
}

/** Headers every response carries (static files, feeds, open data and pages alike). */
export function baseHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
  };
  if (process.env.NODE_ENV === "production") out["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains";
  if (cookieNames(header(headers, "cookie")).includes(SESSION_COOKIE)) out["Cache-Control"] = "private, no-store";
  return out;
}

interface NodeReq {
  method: string;
  headers: Headers;
  path?: string;
  url?: string;
}
interface NodeRes {
  setHeader(name: string, value: string): void;
  status(code: number): NodeRes;
  type(t: string): NodeRes;
  send(body: string): void;
  set(name: string, value: string): NodeRes;
}

/**
 * Once the origin is checked against PUBLIC_URL, the request goes on as addressed to
 * PUBLIC_URL's host: behind a proxy that rewrites Host (nginx's default `$proxy_host`) or adds
 * X-Forwarded-Host, Remix's own check (Host against Origin) answered every form post 500.
 * Nothing in the app reads Host: absolute links come from PUBLIC_URL.
 */
function pinHost(headers: Headers) {
  headers.host = new URL(publicOrigin()).host;
  delete headers["x-forwarded-host"];
}

/** Express middleware: base headers on everything, refusals before the app. */
export function guardRequest(req: NodeReq, res: NodeRes, next: () => void) {
  for (const [k, v] of Object.entries(baseHeaders(req.headers))) res.setHeader(k, v);
  const url = req.url ?? "";
  // Only origin-form targets ("/path?query"): an absolute-form ("GET http://host/path") or
  // asterisk target made Remix's request builder throw (a 500 and a logged stack per request).
  const refusal: Refusal | null = url.startsWith("/")
    ? checkRequest(req.method, req.headers, req.path, url.includes("?") ? url.slice(url.indexOf("?")) : "")
    : { status: 400, kind: "target" };
  if (!refusal) {
    pinHost(req.headers);
    return next();
  }
  res.set("Cache-Control", "no-store").set("Connection", "close").status(refusal.status).type("html").send(refusalPage(refusal, localeFromHeaders(req.headers)));
}

/** A request body that could not be read as a form: the client's fault, answered 400. */
export class UnreadableFormError extends Error {
  constructor(cause: unknown) {
    super("errors.badRequest", { cause });
    this.name = "UnreadableFormError";
  }
}

/**
 * A refusal thrown by domain code or a schema, as the 4xx response the error boundary
 * renders; anything else is rethrown (a real 500).
 */
export function refusalResponse(error: unknown): Response {
  if (error instanceof Response) return error;
  if (error instanceof UnreadableFormError) return new Response("errors.badRequest", { status: 400 });
  if (error instanceof DomainError) return new Response(error.key, { status: error.status });
  if (error instanceof ZodError) return new Response("errors.badRequest", { status: 400 });
  throw error;
}

/**
 * `request.formData()` throws a TypeError when the body is not the form its type says (a
 * multipart boundary that is not in the body, a body shorter than announced): that is the
 * client's fault, so it becomes an UnreadableFormError (400) instead of a 500.
 */
function readableForm(request: Request) {
  const read = request.formData.bind(request);
  request.formData = async () => {
    try {
      return await read();
    } catch (e) {
      throw new UnreadableFormError(e);
    }
  };
}

type Fn = (args: never) => unknown;
/** One loader or action as the server runs it: refusals become their 4xx, never a 500. */
export function guardRoute<F extends Fn | undefined>(fn: F): F {
  if (!fn) return fn;
  const wrapped = async (args: never) => {
    const request = (args as { request?: Request } | undefined)?.request;
    if (request) readableForm(request);
    try {
      return await fn(args);
    } catch (e) {
      throw refusalResponse(e);
    }
  };
  return wrapped as unknown as F;
}

/**
 * The build with every loader and action wrapped, so that a DomainError (403, 404, 409…)
 * or a ZodError escaping a route becomes its 4xx response instead of a 500, whatever the
 * route forgot. server.mjs serves this build.
 */
export function guardRouteModules(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const m = route.module as unknown as Record<string, unknown>;
      const module = { ...m };
      if (m.loader) module.loader = guardRoute(m.loader as Fn);
      if (m.action) module.action = guardRoute(m.action as Fn);
      return [id, { ...route, module }];
    }),
  );
  return { ...build, routes } as unknown as ServerBuild;
}
