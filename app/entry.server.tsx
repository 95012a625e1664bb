/**
 * Server rendering: the shared i18next instance of the detected language, the
 * session cookie refreshed when lucia extended the session, and baseline security headers.
 * Also exports `startup`, which server.mjs runs once before listening (migrations are
 * applied when the database opens; the demo town is seeded if the database is empty).
 */
import { randomBytes } from "node:crypto";
import { Writable } from "node:stream";
import type { AppLoadContext, EntryContext, HandleDataRequestFunction } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { NonceProvider } from "./components/nonce";
import { sessionCookieUpdate } from "./domain/accounts/session.server";
import { getLocale, i18nFor } from "./i18next.server";

export { startup } from "#db/seed/startup.server";
export { guardRequest, guardRouteModules } from "./utils/request-guard.server";
export { startWorker } from "./domain/notifications/worker.server";
export { logger, requestLogger } from "./utils/log.server";
export { closeDatabase } from "#db/client.server";
export { pageCache } from "./utils/page-cache.server";
export { answerFromCache } from "./utils/cached-hit.server";

/**
 * A render that has not finished after this long is stopped (a safety net: no page defers
 * data, so a render only waits for the CPU). It is long because under a burst of requests the
 * CPU is shared: a 5 s limit cut pages in half and answered 500 — even after a vote was cast.
 */
const ABORT_DELAY = 60_000;

/** Page-only headers; the ones every response carries are set by request-guard.server.ts. */
function securityHeaders(headers: Headers, nonce: string) {
  headers.set("X-Frame-Options", "DENY");
  headers.set(
    "Content-Security-Policy",
    `default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self' 'nonce-${nonce}'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'`,
  );
}

async function withSessionCookie(request: Request, headers: Headers) {
  const cookie = await sessionCookieUpdate(request);
  if (cookie) headers.append("Set-Cookie", cookie);
}

export const handleDataRequest: HandleDataRequestFunction = async (response, { request }) => {
  await withSessionCookie(request, response.headers);
  return response;
};

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = (loadContext as { cspNonce?: string }).cspNonce ?? randomBytes(16).toString("base64");
  const lng = await getLocale(request);
  // one shared, initialised instance per language (never mutated): see i18nFor
  const instance = i18nFor(lng);
  await withSessionCookie(request, responseHeaders);
  securityHeaders(responseHeaders, nonce);
  responseHeaders.set("Content-Language", lng);

  // Every loader has run before the render, and no page defers data: wait for the whole page
  // (bots and people alike), so a render error is a real 500 status, never a cut page.

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={instance}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        onAllReady() {
          shellRendered = true;
          // The page is sent as one buffer with its length: React writes it in ~2 KB pieces,
          // and each piece went through the compressor on its own (≈ 4 ms of brotli calls per
          // page against 0.35 ms for the whole body at once; docs/decisions/016).
          const chunks: Buffer[] = [];
          const sink = new Writable({
            write(chunk: Buffer | string, _encoding, done) {
              chunks.push(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
              done();
            },
            final(done) {
              clearTimeout(timer);
              const html = Buffer.concat(chunks);
              responseHeaders.set("Content-Type", "text/html; charset=utf-8");
              responseHeaders.set("Content-Length", String(html.length));
              resolve(new Response(html, { headers: responseHeaders, status: responseStatusCode }));
              done();
            },
          });
          sink.on("error", (error) => {
            clearTimeout(timer);
            reject(error);
          });
          pipe(sink);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    timer = setTimeout(abort, ABORT_DELAY);
  });
}
