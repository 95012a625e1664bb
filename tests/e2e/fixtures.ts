/**
 * The `test` every spec imports (instead of @playwright/test's): it watches every page of
 * every browser context the test opens and fails the test, listing the messages, on
 *  - an uncaught exception in the page (`pageerror`),
 *  - a console error (`console` of type "error"),
 *  - any response of our own server with a status of 500 or more (documents, Remix data
 *    requests, assets).
 * A console "Failed to load resource: … 4xx" is not a fault when that response was a
 * document or a data request: the test asserts those statuses itself (403, 404, a 400
 * form reply). A 4xx on a script, a style sheet or an image is still a fault.
 *
 * It also gives journeys the helpers that make them wait correctly with JavaScript on and
 * off: `visit` (go to a URL, then wait for hydration when scripts run), `settle`, and
 * `openPage`/`signIn` to act as several people at once.
 */
import { test as base, expect, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "@playwright/test";
import { sessionCookie, type TestUser } from "./support/data";

export { expect };

/**
 * Page audits (axe over a list of pages, screenshots) carry this tag and run once, with
 * JavaScript (see playwright.config.ts): the HTML they check is the same without it, and
 * axe is slow. Journeys, which fill forms and click, run both ways.
 */
export const AUDIT = { tag: "@audit" };
export type { Page } from "@playwright/test";

interface Watch {
  problems: string[];
  /** "Failed to load resource" messages, judged at the end against `tolerated`. */
  loadFailures: { text: string; url: string; page: string }[];
  /** URLs of documents and data requests that answered 4xx (the test checks those). */
  tolerated: Set<string>;
}

const watches = new WeakMap<BrowserContext, Watch>();

/** The message and the first frames of its stack: enough to find the fault. */
function brief(text: string) {
  const lines = text.split("\n");
  return lines.length > 4 ? [...lines.slice(0, 4), "    …"].join("\n") : text;
}

function watchPage(page: Page, w: Watch, origin: string) {
  page.on("pageerror", (e) => w.problems.push(`uncaught error on ${page.url()}: ${brief(e.stack || e.message)}`));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    const url = m.location().url;
    if (/^Failed to load resource/.test(m.text())) w.loadFailures.push({ text: m.text(), url, page: page.url() });
    else w.problems.push(`console error on ${page.url()}: ${brief(m.text())}${url ? ` (${url})` : ""}`);
  });
  page.on("response", (r) => {
    if (!r.url().startsWith(origin)) return;
    const kind = r.request().resourceType();
    if (r.status() >= 500) w.problems.push(`HTTP ${r.status()} for ${kind} ${r.url()} (page ${page.url()})`);
    else if (r.status() >= 400 && (kind === "document" || kind === "fetch" || kind === "xhr")) w.tolerated.add(r.url());
  });
}

function watchContext(context: BrowserContext, origin: string) {
  const w: Watch = { problems: [], loadFailures: [], tolerated: new Set() };
  watches.set(context, w);
  for (const p of context.pages()) watchPage(p, w, origin);
  context.on("page", (p) => watchPage(p, w, origin));
  return w;
}

/** The faults seen so far in this context (used by the every-route spec to name the URL). */
export function problemsOf(context: BrowserContext): string[] {
  const w = watches.get(context);
  if (!w) return [];
  const load = w.loadFailures
    .filter((f) => !(/status of 4\d\d/.test(f.text) && w.tolerated.has(f.url)))
    .map((f) => `console error on ${f.page}: ${f.text} (${f.url})`);
  return [...w.problems, ...load];
}

/** Forget what was seen (after the every-route spec has reported it with its URL). */
export function clearProblems(context: BrowserContext) {
  const w = watches.get(context);
  if (w) {
    w.problems.length = 0;
    w.loadFailures.length = 0;
  }
}

/** Whether the page runs scripts: inline scripts have run by the load event (Remix's context). */
export async function scriptsRun(page: Page) {
  return page.evaluate(() => "__remixContext" in window).catch(() => false);
}

/**
 * With JavaScript on, waits until Remix has hydrated the page and has no navigation in
 * flight, so that what the test does next goes through the app's scripts (and a script
 * that throws is seen). Without JavaScript it returns at once.
 */
export async function settle(page: Page, timeout = 15_000) {
  if (!(await scriptsRun(page))) return;
  try {
    await page.waitForFunction(
      () => {
        const w = window as unknown as { __remixRouter?: { state: { initialized: boolean; navigation: { state: string } } } };
        const router = w.__remixRouter;
        if (!router || !router.state.initialized || router.state.navigation.state !== "idle") return false;
        // React marks the elements it has hydrated; the footer is rendered last.
        const last = document.querySelector("footer") ?? document.body.lastElementChild;
        return !!last && Object.keys(last).some((k) => k.startsWith("__reactFiber"));
      },
      null,
      { timeout, polling: 50 },
    );
    // Let the commit's effects run, then do a round trip so that errors already raised
    // in the page have reached the test.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
  } catch (e) {
    const problems = problemsOf(page.context());
    throw new Error(`${page.url()} did not finish hydrating${problems.length ? `:\n${problems.join("\n")}` : ""}\n${(e as Error).message}`);
  }
}

/** Goes to `url` and waits until the page is usable (hydrated when scripts run). */
export async function visit(page: Page, url: string) {
  const res = await page.goto(url);
  await settle(page);
  return res;
}

/** Signs `user` in, in the page's browser context, with a session made in the database. */
export async function signIn(page: Page, user: TestUser) {
  const cookie = await sessionCookie(user);
  await page.context().addCookies([{ ...cookie, url: baseURLOf(page) }]);
}

function baseURLOf(page: Page) {
  const url = page.url();
  if (url.startsWith("http")) return new URL(url).origin;
  return process.env.E2E_BASE_URL!;
}

type OpenPage = (opts?: { user?: TestUser; locale?: string; viewport?: { width: number; height: number }; javaScriptEnabled?: boolean }) => Promise<Page>;

export const test = base.extend<{ openPage: OpenPage; watchErrors: void }>({
  // Every context opened in the test, by a fixture or by browser.newContext(), is watched.
  watchErrors: [
    async ({ browser, context, baseURL }, use) => {
      const origin = new URL(baseURL!).origin;
      const contexts: BrowserContext[] = [context];
      watchContext(context, origin);
      const original = browser.newContext;
      (browser as Browser).newContext = async function (this: Browser, options?: BrowserContextOptions) {
        const c = await original.call(this, options);
        contexts.push(c);
        watchContext(c, origin);
        return c;
      };
      await use();
      browser.newContext = original;
      const problems = contexts.flatMap((c) => problemsOf(c));
      expect(problems, "errors in the browser (uncaught exceptions, console errors, 5xx responses)").toEqual([]);
    },
    { auto: true },
  ],

  // Another person's browser: the test's options (JavaScript on or off, language, size).
  openPage: async ({ browser, javaScriptEnabled, locale, viewport, baseURL }, use) => {
    const opened: BrowserContext[] = [];
    await use(async (opts = {}) => {
      const context = await browser.newContext({
        baseURL,
        javaScriptEnabled: opts.javaScriptEnabled ?? javaScriptEnabled,
        locale: opts.locale ?? locale,
        viewport: opts.viewport ?? viewport,
      });
      opened.push(context);
      const page = await context.newPage();
      if (opts.user) {
        const cookie = await sessionCookie(opts.user);
        await context.addCookies([{ ...cookie, url: baseURL! }]);
      }
      return page;
    });
    for (const c of opened) await c.close();
  },
});
