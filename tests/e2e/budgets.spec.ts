/**
 * The participatory-budget journey, with JavaScript on and off: a verified resident fills a
 * basket, sees it refused over the envelope (kept), casts it and gets a receipt; after the
 * close, the results page explains every project, the receipt shows how their share was
 * spent, and the envelope's .pb download parses back to the same counts. Axe in both
 * languages; screenshots at 360 px and 1280 px.
 *
 * Self-contained: the budget, its council, ideas, reviews, other voters and the resident are
 * made here through the domain functions, in the e2e server's own database (E2E_DB).
 */
import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

if (process.env.E2E_DB) process.env.DATABASE_PATH = process.env.E2E_DB;

import { db } from "#db/client.server";
import { councils, residencyVerifications, roleAssignments, users } from "#db/schema";
import { hashPassword } from "~/domain/accounts/password.server";
import { loadActor } from "~/domain/accounts/session.server";
import { castBasket } from "~/domain/budgets/ballot.server";
import { changePhase, createBudget, envelopesOf, projectsOf, submitBudgetIdea } from "~/domain/budgets/budgets.server";
import { reviewIdea } from "~/domain/budgets/review.server";
import { utcToLocal } from "~/lib/time";
import { readPabulib } from "~/lib/pb/index";
import { expectNoAxeViolations } from "./helpers";

const PASSWORD = "une phrase assez longue";
const EXPLAIN =
  "Étape ouverte pour le test de bout en bout, comme le prévoit le calendrier publié avec le budget. Chaque habitant peut suivre l'avancement sur la page du budget et au registre, où cette décision est publiée avec son explication, la version du règlement en vigueur et les pièces utiles.";
const tag = () => randomBytes(4).toString("hex");

/**
 * The e2e server writes to the same database file from its own process (the outbox worker,
 * every few seconds): a deferred transaction of this process that read before the server's
 * write cannot then write (SQLITE_BUSY). Retry it, like a second click would.
 */
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

async function user(name: string, opts: { role?: "official"; councilId?: number } = {}) {
  const id = randomBytes(10).toString("hex");
  const email = `e2e-budget-${tag()}@exemple.test`;
  db.insert(users).values({ id, email, displayName: name, passwordHash: await hashPassword(PASSWORD), emailVerifiedAt: new Date().toISOString() }).run();
  if (opts.role) db.insert(roleAssignments).values({ userId: id, role: opts.role, councilId: null }).run();
  if (opts.councilId) db.insert(residencyVerifications).values({ userId: id, councilId: opts.councilId, method: "migrated", verifiedAt: new Date().toISOString() }).run();
  return { id, email, actor: () => loadActor(id)! };
}

interface Setup {
  budgetId: number;
  townId: number;
  email: string;
  closesAt: number;
  official: () => ReturnType<typeof loadActor>;
}

/** A budget whose vote closes `seconds` from now: ideas reviewed, 8 other voters, one resident to vote in the browser. */
async function makeBudget(seconds: number): Promise<Setup> {
  const t = tag();
  const council = db.insert(councils).values({ slug: `quartier-e2e-${t}`, name: `Quartier ${t}`, description: "", territory: "" }).returning().get();
  const official = await user(`Élue ${t}`, { role: "official" });
  const start = Date.now() - 3 * 3600_000;
  const at = (m: number) => new Date(start + m * 60_000);
  const b = retry(() => createBudget(
    official.actor(),
    {
      title: `Budget e2e ${t}`,
      description: "Un budget participatif créé par le test de bout en bout, avec une enveloppe de ville et une de quartier.",
      ballotType: "approval",
      allocationRule: "mes-add1u",
      tieBreak: "cheaper",
      minApprovals: 1,
      minSpendPercent: 0,
      kMin: 1,
      maxChoices: 5,
      townAmount: 100_000,
      envelopes: [{ councilId: council.id, amount: 40_000 }],
      explanation: EXPLAIN,
    },
    { now: at(0) },
  ));
  retry(() => changePhase(official.actor(), b.id, { to: "collection", explanation: EXPLAIN }, { now: at(1) }));
  const author = await user(`Auteur ${t}`, { councilId: council.id });
  const ideas = [
    ["Un kiosque à musique au parc", null, 45_000],
    ["Des toilettes publiques près du marché", null, 60_000],
    ["Un composteur collectif rue haute", null, 12_000],
    ["Une boîte à livres devant l'école", null, 3_000],
    ["Un banc face à la rivière", council.id, 8_000],
    ["Un éclairage du passage sous le pont", council.id, 30_000],
  ] as const;
  const ids = ideas.map(([title, councilId]) =>
    retry(() => submitBudgetIdea(author.actor(), b.id, { title, body: `${title} : une idée détaillée pour le quartier et ses habitants.`, theme: "public_space", councilId, place: "" }, { now: at(2) })).id,
  );
  retry(() => changePhase(official.actor(), b.id, { to: "review", explanation: EXPLAIN }, { now: at(3) }));
  const envs = envelopesOf(b.id);
  ideas.forEach(([, councilId, cost], i) =>
    retry(() => reviewIdea(
      official.actor(),
      b.id,
      {
        ideaId: ids[i]!,
        verdict: "feasible",
        cost,
        envelopeId: envs.find((e) => e.councilId === councilId)!.id,
        feasibilityExplanation: "Les services ont vérifié l'emplacement, les réseaux et les règles applicables à ce projet.",
        costExplanation: "Chiffrage des services techniques, pose comprise.",
        conflict: "none",
        conflictText: "",
      },
      { now: at(4) },
    )),
  );
  // the form's time has minutes only: close at the first whole minute `seconds` from now
  const closesAt = Math.ceil((Date.now() + seconds * 1000) / 60_000) * 60_000;
  retry(() => changePhase(official.actor(), b.id, { to: "vote", explanation: EXPLAIN, closesAt: utcToLocal(new Date(closesAt).toISOString()) }, { now: at(5) }));
  const projects = projectsOf(b.id);
  const town = envs.find((e) => e.councilId === null)!;
  const local = envs.find((e) => e.councilId === council.id)!;
  const pick = (envId: number, titles: string[]) => projects.filter((p) => p.envelopeId === envId && titles.some((x) => p.title.startsWith(x))).map((p) => `${envId}:${p.ballotId}`);
  const baskets = [
    [...pick(town.id, ["Un kiosque", "Un composteur"]), ...pick(local.id, ["Un banc"])],
    [...pick(town.id, ["Des toilettes", "Une boîte"]), ...pick(local.id, ["Un éclairage"])],
    [...pick(town.id, ["Un kiosque", "Une boîte"]), ...pick(local.id, ["Un banc", "Un éclairage"])],
    [...pick(town.id, ["Un composteur", "Une boîte"])],
  ];
  for (let i = 0; i < 8; i++) {
    const v = await user(`Voisin ${t} ${i}`, { councilId: council.id });
    retry(() => castBasket(v.actor(), b.id, baskets[i % baskets.length]!, { now: at(6 + i) }));
  }
  const resident = await user(`Habitante ${t}`, { councilId: council.id });
  return { budgetId: b.id, townId: town.id, email: resident.email, closesAt, official: official.actor };
}

async function logIn(page: Page, email: string) {
  await page.goto("/login");
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(PASSWORD);
  await page.locator("form.form-card button[type=submit]").click();
  await expect(page.locator("details.account-menu")).toBeVisible();
}

async function shots(page: Page, name: string) {
  for (const width of [360, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `tests/e2e/screenshots/budget-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** axe runs in the page: only with JavaScript on (the server sends the same markup either way). */
async function axe(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) await expectNoAxeViolations(page);
}

const ballot = (page: Page, title: string) => page.getByRole("checkbox", { name: new RegExp(title) });

// Each Playwright project runs the journey once: "js" with JavaScript on, "no-js" with it off.
test.describe("budget journey", () => {
    test.setTimeout(240_000);

    test("basket, refusal, receipt, results explained, my share, recount", async ({ page, javaScriptEnabled }) => {
      const s = await makeBudget(30);
      const mode = javaScriptEnabled ? "js" : "nojs";
      await logIn(page, s.email);

      // 1. the basket
      await page.goto(`/budgets/${s.budgetId}/vote`);
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Voter");
      await ballot(page, "Un kiosque").check();
      await ballot(page, "Des toilettes").check();
      await ballot(page, "Un banc").check();
      if (javaScriptEnabled) {
        // the running total follows every tick, and warns before anything is sent
        await expect(page.locator(".basket-total").first()).toContainText("105");
        await expect(page.locator(".basket-warning").first()).toBeVisible();
      } else {
        await page.getByRole("button", { name: "Mettre à jour mon total" }).click();
        await expect(page.locator(".basket-total").first()).toContainText("105");
      }
      await axe(page, javaScriptEnabled);
      if (!javaScriptEnabled) await shots(page, "ballot");

      // 2. over the envelope: refused with a clear message, basket kept
      await page.getByRole("button", { name: "Envoyer mon vote" }).click();
      await expect(page.getByRole("alert")).toContainText("plus que l'enveloppe");
      await expect(ballot(page, "Un kiosque")).toBeChecked();
      await expect(ballot(page, "Des toilettes")).toBeChecked();
      await expect(ballot(page, "Un banc")).toBeChecked();
      await shots(page, `basket-refused-${mode}`);

      // 3. fixed and sent: a receipt
      await ballot(page, "Des toilettes").uncheck();
      await ballot(page, "Une boîte").check();
      await page.getByRole("button", { name: "Envoyer mon vote" }).click();
      const code = (await page.locator(".receipt-code code").textContent())!.trim();
      expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      await axe(page, javaScriptEnabled);
      await shots(page, `receipt-${mode}`);

      // 4. after the close, the count and the results explain every project
      await page.waitForTimeout(Math.max(0, s.closesAt - Date.now() + 1000));
      retry(() => changePhase(s.official(), s.budgetId, { to: "results", explanation: EXPLAIN }));
      await page.goto(`/budgets/${s.budgetId}/results`);
      const items = page.locator(".result-item");
      await expect(items).toHaveCount(6);
      for (let i = 0; i < 6; i++) {
        await expect(items.nth(i).locator(".result-sentence")).not.toBeEmpty();
        const funded = (await items.nth(i).getAttribute("class"))!.includes("is-funded");
        if (!funded) await expect(items.nth(i).locator(".result-margin")).toContainText("il lui aurait fallu");
      }
      await expect(page.locator("svg.chart-svg").first()).toBeVisible();
      await axe(page, javaScriptEnabled);

      // 5. the receipt shows how the share was spent
      await page.getByLabel("Code de reçu").fill(code.toLowerCase());
      await page.getByRole("button", { name: "Voir mon bulletin" }).click();
      await expect(page.locator(".share-result")).toContainText("Votre part de");
      await expect(page.locator(".share-result")).toContainText("Un kiosque");
      if (!javaScriptEnabled) await shots(page, "results");

      // 6. the .pb download parses back to the same counts as the page
      const href = await page.locator(`a[href$="/envelopes/${s.townId}.pb"]`).getAttribute("href");
      const file = await page.request.get(href!);
      expect(file.status()).toBe(200);
      const election = readPabulib(await file.text());
      expect(election.ballots).toHaveLength(9); // the 8 neighbours and the resident all vote in the town envelope
      const rows = page.locator(`#envelope-${s.townId} table`).first().locator("tbody tr");
      const counts = new Map<string, number>();
      for (const b of election.ballots) for (const id of b.vote) counts.set(id, (counts.get(id) ?? 0) + 1);
      const byName = new Map(election.projects.map((p) => [p.fields["name"], counts.get(p.id) ?? 0]));
      for (let i = 0; i < (await rows.count()); i++) {
        const name = (await rows.nth(i).locator("th").textContent())!.trim();
        const votes = Number((await rows.nth(i).locator("td").first().textContent())!.trim());
        expect(byName.get(name), name).toBe(votes);
      }

      // the same page in English has no axe violations either
      await page.locator("form.lang-switch button").click();
      await page.goto(`/budgets/${s.budgetId}/results`);
      await expect(page.locator("html")).toHaveAttribute("lang", "en");
      await axe(page, javaScriptEnabled);
      await page.goto(`/budgets/${s.budgetId}`);
      await axe(page, javaScriptEnabled);
    });
});
