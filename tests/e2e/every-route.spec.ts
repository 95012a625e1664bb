/**
 * Every route of the app, with JavaScript on, in French and in English, as a visitor and
 * as each demo role: the page answers below 500, shows no error in the browser (uncaught
 * exception, console error, 5xx data request) and sends no NUL byte; every GET form on it
 * (search, filters) is filled and submitted with the same checks. Then, at 320 and 360 px
 * wide, no page scrolls sideways, logged out and logged in (with a long name), with
 * user-written text made of long words and long URLs.
 *
 * The URL list is built from the files in app/routes: a new route file without an entry in
 * URLS below makes this spec fail. Every id comes from the data this spec makes.
 */
import type { Page } from "@playwright/test";
import { clearProblems, expect, problemsOf, settle, test } from "./fixtures";
import { DEMO } from "./helpers";
import {
  comment,
  datasets,
  existingUser,
  explanation,
  grant,
  hideComment,
  makeCouncil,
  makeDecision,
  makeIdea,
  makeMeeting,
  makeRulebook,
  makeUser,
  makeVote,
  support,
  type Council,
  type TestUser,
} from "./support/data";
import { routeFiles } from "./support/routes";
import { publishRuleVersion, rulesInForce } from "~/domain/rules/rules.server";
import { changePhase, createBudget, envelopesOf, projectsOf, submitBudgetIdea } from "~/domain/budgets/budgets.server";
import { importPabulib } from "~/domain/budgets/import.server";
import { reviewIdea } from "~/domain/budgets/review.server";
import { toulouseText } from "#db/seed/seed-budgets.server";
import { utcToLocal } from "~/lib/time";
import { loadActor } from "~/domain/accounts/session.server";

/** A word no phone screen can hold, and a URL as people paste them. */
const LONG_WORD = "Test" + "0".repeat(110);
const LONG_URL = "https://www.montclair.example/deliberations/2026/conseil-municipal/annexes/" + "rapport-de-la-commission-mobilite-".repeat(4) + "version-definitive.pdf";
const LONG_NAME = "Marie-Christine de La Tour-d'Auvergne-Lauraguais Dupont-Aignan";
const UNBROKEN_NAME = "Jeanbaptisteemmanuelalexandrefrancoisdelarochefoucauld";

interface World {
  council: Council;
  residentIdea: number;
  longIdea: number;
  upcoming: number;
  held: number;
  seq: number;
  rules: { scope: string; number: number };
  votes: { upcoming: number; open: number; closed: number };
  budgets: { voting: number; envelope: number; project: number; past: number; pastEnvelope: number; pastProject: number };
  longAdmin: TestUser;
}

/** Retries a write that met the server's own write (SQLITE_BUSY: two processes share the file). */
function retry<T>(f: () => T): T {
  for (let i = 0; ; i++) {
    try {
      return f();
    } catch (e) {
      if (i >= 50 || !String((e as { code?: string }).code ?? "").startsWith("SQLITE_BUSY")) throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
}

/** A budget in its vote phase (long words everywhere) and a past one imported from Pabulib. */
function makeBudgets(official: TestUser, admin: TestUser, council: Council): World["budgets"] {
  const o = loadActor(official.id)!;
  const hour = 3_600_000;
  const at = (h: number) => new Date(Date.now() - 48 * hour + h * hour);
  const b = retry(() => createBudget(
    o,
    {
      title: `Budget ${LONG_WORD.slice(0, 60)}`,
      description: `Présentation avec un lien : ${LONG_URL} et ${LONG_WORD}`,
      ballotType: "approval",
      allocationRule: "mes-add1u",
      tieBreak: "cheaper",
      minApprovals: 1,
      minSpendPercent: 0,
      kMin: 1,
      maxChoices: 5,
      townAmount: 100_000,
      envelopes: [{ councilId: council.id, amount: 40_000 }],
      explanation: explanation("Un budget pour les essais de toutes les pages."),
    },
    { now: at(0) },
  ));
  retry(() => changePhase(o, b.id, { to: "collection", explanation: explanation("Le dépôt des idées s'ouvre.") }, { now: at(1) }));
  const idea = retry(() => submitBudgetIdea(o, b.id, { title: `Idée ${LONG_WORD.slice(0, 80)}`, body: `${LONG_WORD} — ${LONG_URL}`, theme: "mobility", councilId: council.id, place: "" }, { now: at(2) }));
  retry(() => changePhase(o, b.id, { to: "review", explanation: explanation("L'étude de faisabilité commence.") }, { now: at(3) }));
  const envelope = envelopesOf(b.id).find((e) => e.councilId === council.id)!;
  retry(() => reviewIdea(o, b.id, { ideaId: idea.id, verdict: "feasible", cost: 12_000, envelopeId: envelope.id, feasibilityExplanation: `Faisable : ${LONG_URL}`, costExplanation: LONG_WORD, conflict: "declared", conflictText: LONG_WORD }, { now: at(4) }));
  retry(() => changePhase(o, b.id, { to: "vote", explanation: explanation("Le vote s'ouvre."), closesAt: utcToLocal(new Date(Date.now() + 72 * hour).toISOString()) }, { now: at(5) }));
  const past = retry(() => importPabulib(loadActor(admin.id)!, { text: toulouseText()!, title: `Toulouse ${LONG_WORD.slice(0, 40)}`, allocationRule: "mes-add1u", source: `Pabulib (pabulib.org) ${LONG_URL}`, explanation: explanation("Un budget passé pour les essais.") }));
  const pastEnvelope = envelopesOf(past.id)[0]!.id;
  return { voting: b.id, envelope: envelope.id, project: projectsOf(b.id)[0]!.id, past: past.id, pastEnvelope, pastProject: projectsOf(past.id)[0]!.id };
}

let world: World;

test.beforeAll(async () => {
  const council = await makeCouncil({
    name: `Quartier des essais ${LONG_WORD.slice(0, 40)}`,
    description: `Description avec un lien : ${LONG_URL}`,
    territory: `Territoire : ${LONG_WORD}`,
  });
  // The demo role accounts act in this council as they do in their own.
  const resident = existingUser(DEMO.resident);
  const facilitator = existingUser(DEMO.facilitator);
  const official = existingUser(DEMO.official);
  await grant(facilitator, "facilitator", council);
  const author = await makeUser({ name: UNBROKEN_NAME });
  const longAdmin = await makeUser({ name: LONG_NAME, roles: [{ role: "admin", council: null }, { role: "facilitator", council: null }, { role: "official", council: null }] });

  const residentIdea = makeIdea(resident, {
    title: "Des arceaux à vélo devant la médiathèque",
    body: "Les vélos sont attachés aux grilles : six arceaux à vélo suffiraient devant la médiathèque.",
    council,
    theme: "mobility",
  }).id;
  const longIdea = makeIdea(author, {
    title: LONG_WORD,
    body: `${LONG_WORD} — voir ${LONG_URL}\n\n\`${LONG_WORD}\``,
    council,
    theme: "mobility",
    place: LONG_WORD.slice(0, 100),
  }).id;
  support(resident, longIdea);
  comment(author, longIdea, `Pour : ${LONG_URL}`, "for");
  comment(resident, residentIdea, `Contre : ${LONG_WORD}`, "against");
  const hidden = comment(author, residentIdea, "Un commentaire hors sujet qui sera masqué par la modération.", "neutral");
  hideComment(facilitator, hidden.id, explanation("Commentaire masqué : il ne parle pas de l'idée et mentionne une personne par son nom."));

  const upcoming = makeMeeting(facilitator, council, { title: `Réunion ${LONG_WORD}`, when: 10, place: LONG_WORD.slice(0, 100), agenda: `1. ${LONG_URL}\n2. ${LONG_WORD}` }).id;
  const held = makeMeeting(facilitator, council, {
    title: "Réunion publique sur les arceaux à vélo",
    when: -3,
    held: true,
    minutes: [
      { body: `## Vélo\n\nLe conseil demande six arceaux. Source : ${LONG_URL}`, attendance: 12 },
      { body: `## Vélo\n\nLe conseil demande huit arceaux. ${LONG_WORD}`, attendance: 14, changeNote: `Nombre corrigé ; ${LONG_WORD}` },
    ],
  }).id;
  const seq = makeDecision(official, council, { title: `Décision ${LONG_WORD}`, explanation: explanation(`Explication avec un lien : ${LONG_URL}.`) });
  const book = await makeRulebook(official, { title: `Règlement ${LONG_WORD.slice(0, 60)}` });
  const town = rulesInForce("town").params;
  const v2 = publishRuleVersion(loadActor(official.id), {
    ...town,
    answerDelayDays: town.answerDelayDays + 1,
    scope: book.scope,
    title: `Règlement ${LONG_WORD.slice(0, 60)}`,
    body: `## Délais\n\nVoir ${LONG_URL}`,
    explanation: explanation("Un jour de plus pour répondre, pour les essais."),
  });
  const votes = {
    upcoming: makeVote(official, council, { question: `Question ${LONG_WORD}`, description: explanation(`Pourquoi cette question : ${LONG_URL}`), opensIn: 24, closesIn: 96 }).id,
    open: makeVote(official, council, { opensIn: -1, closesIn: 72 }).id,
    closed: makeVote(official, council, { opensIn: -5, closesIn: -1 }).id,
  };
  const budgets = makeBudgets(official, longAdmin, council);
  world = { council, residentIdea, longIdea, upcoming, held, seq, rules: { scope: book.scope, number: v2.number }, votes, budgets, longAdmin };
});

type Access = "public" | "restricted";
interface Target {
  urls: (w: World) => string[];
  access: Access;
  /** The status every identity must get (the splat's 404). */
  status?: number;
}

const scoped = (w: World, path: string, more = "") => `${path}?scope=${encodeURIComponent(w.rules.scope)}${more}`;

/** One entry per route pattern of app/routes. */
const URLS: Record<string, Target> = {
  "/": { access: "public", urls: () => ["/"] },
  "/*": { access: "public", status: 404, urls: () => ["/cette-page-n-existe-pas", "/ideas/999999999"] },
  "/accessibility": { access: "public", urls: () => ["/accessibility"] },
  "/account": { access: "restricted", urls: () => ["/account", "/account?welcome=1"] },
  "/account/notifications": { access: "restricted", urls: () => ["/account/notifications"] },
  "/admin": { access: "restricted", urls: () => ["/admin"] },
  "/admin/councils": { access: "restricted", urls: () => ["/admin/councils"] },
  "/admin/councils/:slug": { access: "restricted", urls: (w) => [`/admin/councils/${w.council.slug}`] },
  "/admin/roles": { access: "restricted", urls: () => ["/admin/roles"] },
  "/admin/town": { access: "restricted", urls: () => ["/admin/town", "/admin/town?saved=1"] },
  "/councils": { access: "public", urls: () => ["/councils"] },
  "/councils/:slug": { access: "public", urls: (w) => [`/councils/${w.council.slug}`] },
  "/councils/:slug/decisions.atom": { access: "public", urls: (w) => [`/councils/${w.council.slug}/decisions.atom`] },
  "/councils/:slug/meetings.ics": { access: "public", urls: (w) => [`/councils/${w.council.slug}/meetings.ics`] },
  "/decisions": { access: "public", urls: (w) => ["/decisions", `/decisions?kind=council_decision&council=${w.council.slug}`] },
  "/decisions.atom": { access: "public", urls: () => ["/decisions.atom"] },
  "/decisions/:seq": { access: "public", urls: (w) => [`/decisions/${w.seq}`] },
  "/decisions/new": { access: "restricted", urls: (w) => ["/decisions/new", `/decisions/new?supersedes=${w.seq}`] },
  "/decisions/verify": { access: "public", urls: () => ["/decisions/verify"] },
  "/ideas": { access: "public", urls: (w) => ["/ideas", "/ideas?sort=supported", `/ideas?council=${w.council.slug}&theme=mobility`] },
  "/ideas/:id": { access: "public", urls: (w) => [`/ideas/${w.residentIdea}`, `/ideas/${w.longIdea}`] },
  "/ideas/:id/edit": { access: "restricted", urls: (w) => [`/ideas/${w.residentIdea}/edit`] },
  "/ideas/new": { access: "restricted", urls: (w) => ["/ideas/new", "/ideas/new?onBehalf=1", `/ideas/new?council=${w.council.slug}`] },
  "/language": { access: "public", status: 302, urls: () => ["/language"] },
  "/legal": { access: "public", urls: () => ["/legal"] },
  "/login": { access: "public", urls: () => ["/login", "/login?redirectTo=%2Fideas"] },
  "/logout": { access: "public", status: 302, urls: () => ["/logout"] },
  "/meetings": { access: "public", urls: (w) => ["/meetings", `/meetings?council=${w.council.slug}`] },
  "/meetings.ics": { access: "public", urls: () => ["/meetings.ics"] },
  "/meetings/:id": { access: "public", urls: (w) => [`/meetings/${w.upcoming}`, `/meetings/${w.held}`] },
  "/meetings/:id/agenda": { access: "restricted", urls: (w) => [`/meetings/${w.upcoming}/agenda`] },
  "/meetings/:id/edit": { access: "restricted", urls: (w) => [`/meetings/${w.upcoming}/edit`] },
  "/meetings/:id/minutes": { access: "restricted", urls: (w) => [`/meetings/${w.held}/minutes`] },
  "/meetings/:id/minutes/:version": { access: "public", urls: (w) => [`/meetings/${w.held}/minutes/1`, `/meetings/${w.held}/minutes/2`] },
  "/meetings/:id/minutes/diff": { access: "public", urls: (w) => [`/meetings/${w.held}/minutes/diff?from=1&to=2`] },
  "/meetings/new": { access: "restricted", urls: (w) => ["/meetings/new", `/meetings/new?council=${w.council.slug}`] },
  "/moderation": { access: "restricted", urls: () => ["/moderation"] },
  "/open-data": { access: "public", urls: () => ["/open-data"] },
  "/open-data/:file": { access: "public", urls: () => datasets().map((d) => `/open-data/${d.file}`) },
  "/rules": { access: "public", urls: (w) => ["/rules", scoped(w, "/rules")] },
  "/rules/:number": { access: "public", urls: (w) => [scoped(w, `/rules/${w.rules.number}`)] },
  "/rules/diff": { access: "public", urls: (w) => [scoped(w, "/rules/diff", `&from=${w.rules.number - 1}&to=${w.rules.number}`)] },
  "/rules/new": { access: "restricted", urls: (w) => ["/rules/new", scoped(w, "/rules/new")] },
  "/account/residency": { access: "restricted", urls: () => ["/account/residency"] },
  "/admin/census": { access: "restricted", urls: () => ["/admin/census"] },
  "/desk/residents": { access: "restricted", urls: () => ["/desk/residents", "/desk/residents?q=Durand"] },
  "/receipts": { access: "public", urls: () => ["/receipts", "/receipts?code=ABCD-1234-EFGH"] },
  "/votes": { access: "public", urls: (w) => ["/votes", `/votes?council=${w.council.slug}`] },
  "/votes/:id": { access: "public", urls: (w) => [`/votes/${w.votes.open}`, `/votes/${w.votes.upcoming}`, `/votes/${w.votes.closed}`] },
  "/votes/:id/count": { access: "restricted", urls: (w) => [`/votes/${w.votes.closed}/count`] },
  "/votes/:id/desk": { access: "restricted", urls: (w) => [`/votes/${w.votes.open}/desk`, `/votes/${w.votes.open}/desk?q=Durand`] },
  "/votes/:id/edit": { access: "restricted", urls: (w) => [`/votes/${w.votes.upcoming}/edit`] },
  "/votes/new": { access: "restricted", urls: () => ["/votes/new"] },
  "/search": { access: "public", urls: (w) => ["/search", "/search?q=v%C3%A9lo", `/search?q=arceaux&kind=idea&council=${w.council.slug}`] },
  "/signup": { access: "public", urls: () => ["/signup"] },
  "/account/data": { access: "restricted", urls: () => ["/account/data"] },
  "/account/data.json": { access: "restricted", urls: () => ["/account/data.json"] },
  "/account/email/confirm": { access: "public", urls: () => ["/account/email/confirm", "/account/email/confirm?token=pas-un-jeton"] },
  "/account/preferences": { access: "restricted", urls: () => ["/account/preferences", "/account/preferences?saved=1"] },
  "/account/security": { access: "restricted", urls: () => ["/account/security"] },
  "/account/space": { access: "restricted", urls: () => ["/account/space"] },
  "/admin/mail": { access: "restricted", urls: () => ["/admin/mail"] },
  "/check-email": { access: "public", urls: () => ["/check-email", "/check-email?reason=reset"] },
  "/dashboard": { access: "restricted", urls: () => ["/dashboard"] },
  "/forgot-password": { access: "public", urls: () => ["/forgot-password"] },
  "/letters": { access: "restricted", urls: () => ["/letters"] },
  "/privacy": { access: "public", urls: () => ["/privacy"] },
  "/health": { access: "public", urls: () => ["/health"] },
  "/reset-password": { access: "public", urls: () => ["/reset-password", "/reset-password?token=pas-un-jeton"] },
  "/statistics": { access: "public", urls: (w) => ["/statistics", `/statistics?council=${w.council.slug}`] },
  "/unsubscribe": { access: "public", urls: () => ["/unsubscribe", "/unsubscribe?key=pas-une-cle"] },
  "/verify-email": { access: "public", urls: () => ["/verify-email", "/verify-email?token=pas-un-jeton"] },
  "/budgets": { access: "public", urls: () => ["/budgets"] },
  "/budgets/:id": { access: "public", urls: (w) => [`/budgets/${w.budgets.voting}`, `/budgets/${w.budgets.past}`] },
  "/budgets/:id/vote": { access: "public", urls: (w) => [`/budgets/${w.budgets.voting}/vote`] },
  "/budgets/:id/results": { access: "public", urls: (w) => [`/budgets/${w.budgets.past}/results`, `/budgets/${w.budgets.voting}/results`] },
  "/budgets/:id/review": { access: "restricted", urls: (w) => [`/budgets/${w.budgets.voting}/review`] },
  "/budgets/:id/paper": { access: "restricted", urls: (w) => [`/budgets/${w.budgets.voting}/paper`] },
  "/budgets/:id/desk": { access: "restricted", urls: (w) => [`/budgets/${w.budgets.voting}/desk`, `/budgets/${w.budgets.voting}/desk?q=Durand`] },
  "/budgets/:id/ideas/new": { access: "restricted", urls: (w) => [`/budgets/${w.budgets.voting}/ideas/new`] },
  "/budgets/:id/projects/:projectId": { access: "public", urls: (w) => [`/budgets/${w.budgets.voting}/projects/${w.budgets.project}`, `/budgets/${w.budgets.past}/projects/${w.budgets.pastProject}`] },
  "/budgets/:id/envelopes/:envelopeId.pb": { access: "public", urls: (w) => [`/budgets/${w.budgets.past}/envelopes/${w.budgets.pastEnvelope}.pb`] },
  "/budgets/import": { access: "restricted", urls: () => ["/budgets/import"] },
  "/budgets/new": { access: "restricted", urls: () => ["/budgets/new"] },
  "/uploads/:name": { access: "public", status: 404, urls: () => ["/uploads/0123456789abcdef0123456789abcdef.jpg"] },
};

const ROUTES = routeFiles();

test("every route file has URLs in this spec, and every URL entry has a route file", () => {
  const patterns = ROUTES.map((r) => r.pattern);
  expect(patterns.length).toBeGreaterThan(30);
  expect(patterns.filter((p) => !(p in URLS)), "route patterns without URLs in every-route.spec.ts").toEqual([]);
  expect(Object.keys(URLS).filter((p) => !patterns.includes(p)), "URLs for routes that no longer exist").toEqual([]);
});

const NUL = 0x00;

function pages(w: World) {
  return ROUTES.flatMap((r) => {
    const t = URLS[r.pattern];
    if (!t) return [];
    // The GET forms are filled on the first URL of each route (the others vary its query).
    return t.urls(w).map((url, i) => ({ url, pattern: r.pattern, resource: r.resource, access: t.access, status: t.status, forms: i === 0 }));
  });
}

/** Fails with the URL when the browser reported anything since the last call. */
function expectNoProblems(page: Page, where: string) {
  const problems = problemsOf(page.context());
  clearProblems(page.context());
  expect(problems, `errors in the browser on ${where}`).toEqual([]);
}

async function expectRawResponse(page: Page, url: string, expected: { status?: number; public: boolean }) {
  const res = await page.request.get(url, { maxRedirects: 0 });
  const body = await res.body();
  expect(res.status(), `status of ${url}`).toBeLessThan(500);
  if (expected.status) expect(res.status(), `status of ${url}`).toBe(expected.status);
  else if (expected.public) expect(res.status(), `status of ${url}`).toBe(200);
  expect(body.indexOf(NUL), `NUL byte in the body of ${url}`).toBe(-1);
}

/** Fills every control of the GET form `index` and submits it; checks where it lands. */
async function submitGetForm(page: Page, index: number, w: World, where: string) {
  const form = page.locator("form").nth(index);
  // Folded filters (phones) open like a person would open them.
  const closed = form.locator("xpath=ancestor::details[not(@open)]/summary");
  for (const s of await closed.all()) if (await s.isVisible()) await s.click();
  const controls = form.locator("input:not([type=hidden]):not([type=submit]), select, textarea");
  let dates = 0;
  for (const c of await controls.all()) {
    if (!(await c.isVisible())) continue;
    const tag = await c.evaluate((el) => el.tagName.toLowerCase());
    const type = (await c.getAttribute("type")) ?? "text";
    if (tag === "select") {
      const options = await c.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
      const current = await c.inputValue();
      const choice = options.includes(w.council.slug) ? w.council.slug : options.find((o) => o !== current);
      if (choice !== undefined) await c.selectOption(choice);
    } else if (type === "checkbox" || type === "radio") await c.check();
    else if (type === "date") await c.fill(dates++ === 0 ? "2020-01-01" : `${new Date().getFullYear() + 1}-12-31`);
    else if (type === "number") await c.fill("2");
    else await c.fill("vélo");
  }
  const expected = await form.evaluate((f: HTMLFormElement) => {
    const submitter = f.querySelector<HTMLElement>("button:not([type]), button[type=submit], input[type=submit]");
    const data = new FormData(f, submitter as HTMLButtonElement | null);
    const u = new URL(f.action);
    const params = new URLSearchParams(data as unknown as Record<string, string>);
    params.sort();
    return { path: u.pathname, params: params.toString(), hasSubmitter: !!submitter };
  });
  const landed = (url: URL) => {
    const p = new URLSearchParams(url.search);
    p.delete("index");
    p.sort();
    return url.pathname === expected.path && p.toString() === expected.params;
  };
  const button = form.locator("button:not([type]), button[type=submit], input[type=submit]").first();
  if (expected.hasSubmitter) await button.click();
  else await form.evaluate((f: HTMLFormElement) => f.requestSubmit());
  await page.waitForURL(landed, { timeout: 15_000 });
  await settle(page);
  expectNoProblems(page, `${where}, after submitting GET form #${index} (${page.url()})`);
  await expect(page.locator("h1").first()).toBeVisible();
  await expectRawResponse(page, page.url(), { public: true });
}

const IDENTITIES = ["visitor", "resident", "facilitator", "official", "admin"] as const;

for (const lang of ["fr", "en"] as const) {
  for (const who of IDENTITIES) {
    test(`every route as ${who} (${lang}): no error, no NUL byte, GET forms work`, async ({ openPage }) => {
      test.setTimeout(240_000);
      const user = who === "visitor" ? undefined : existingUser(DEMO[who]);
      const page = await openPage({ user, locale: lang === "fr" ? "fr-FR" : "en-GB", viewport: { width: 1280, height: 900 } });
      // Every fault is collected, so that one broken page does not hide the others.
      const faults: string[] = [];
      for (const p of pages(world)) {
        const where = `${p.url} as ${who} (${lang})`;
        try {
          const t0 = Date.now();
          await checkRoute(page, p, where, lang);
          if (process.env.E2E_TIMING) console.log(`${Date.now() - t0} ms ${where}`);
        } catch (e) {
          faults.push(`${where}: ${(e as Error).message.split("\n").slice(0, 40).join("\n")}`);
          clearProblems(page.context());
        }
      }
      expect(faults, `faults as ${who} (${lang})`).toEqual([]);
    });
  }
}

async function checkRoute(page: Page, p: ReturnType<typeof pages>[number], where: string, lang: string) {
  // Downloads and redirects are fetched; pages are loaded in the browser (below).
  if (p.resource) return expectRawResponse(page, p.url, { status: p.status, public: p.access === "public" });
  const res = await page.goto(p.url);
  expect(res, where).not.toBeNull();
  expect(res!.status(), where).toBeLessThan(500);
  if (p.status) expect(res!.status(), where).toBe(p.status);
  else if (p.access === "public") expect(res!.status(), where).toBe(200);
  expect((await res!.body()).indexOf(NUL), `NUL byte in ${where}`).toBe(-1);
  await settle(page);
  expectNoProblems(page, where);
  await expect(page.locator("html"), where).toHaveAttribute("lang", lang);
  if (!p.forms) return;
  const forms = await page.locator("form").evaluateAll((fs) => fs.map((f) => (f.getAttribute("method") ?? "get").toLowerCase()));
  for (let i = 0; i < forms.length; i++) {
    if (forms[i] !== "get") continue;
    if (page.url() !== new URL(p.url, page.url()).href) {
      await page.goto(p.url);
      await settle(page);
    }
    await submitGetForm(page, i, world, where);
  }
}

/** Which elements stick out on the right, for the failure message. */
async function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    const width = root.clientWidth;
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll("*")) {
      const r = el.getBoundingClientRect();
      // Inside a box that scrolls or clips on its own (a wide table), sticking out is fine.
      let clipped = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") clipped = true;
      }
      if (!clipped && r.right > width + 0.5 && r.width > 0) {
        // Only the innermost offenders: skip an element whose child also sticks out.
        const child = [...el.children].some((c) => c.getBoundingClientRect().right > width + 0.5);
        if (!child) culprits.push(`${el.tagName.toLowerCase()}${el.className ? "." + String(el.className).split(" ").join(".") : ""} (right ${Math.round(r.right)}px) "${(el.textContent ?? "").trim().slice(0, 40)}"`);
      }
      if (culprits.length >= 5) break;
    }
    return `scrollWidth ${root.scrollWidth} > clientWidth ${width}: ${culprits.join("; ")}`;
  });
}

for (const lang of ["fr", "en"] as const) {
  for (const who of ["visitor", "signed in, long name"] as const) {
    test(`nothing scrolls sideways at 360 and 320 px, ${who} (${lang})`, async ({ openPage }) => {
      test.setTimeout(240_000);
      const page = await openPage({
        user: who === "visitor" ? undefined : world.longAdmin,
        locale: lang === "fr" ? "fr-FR" : "en-GB",
        viewport: { width: 360, height: 780 },
        // Layout only: the scripts' faults are the other tests' business, and pages load faster.
        javaScriptEnabled: false,
      });
      const faults: string[] = [];
      for (const p of pages(world)) {
        if (p.resource) continue;
        await page.setViewportSize({ width: 360, height: 780 });
        await page.goto(p.url);
        for (const width of [360, 320]) {
          await page.setViewportSize({ width, height: 780 });
          const o = await overflow(page);
          if (o) faults.push(`${p.url} at ${width}px: ${o}`);
        }
      }
      expect(faults, "pages wider than the screen").toEqual([]);
    });
  }
}
