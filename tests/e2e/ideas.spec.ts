/**
 * The ideas journey: a resident submits an idea, another argues against it, a third
 * supports it, a facilitator answers "accepted" with an explanation; the answer and its
 * register entry show. Run with and without JavaScript.
 */
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, logIn, screenshot, signUpVerified } from "./helpers";

const ANSWER =
  "Le service des espaces verts a validé l'emplacement au pied du kiosque : la boîte à livres sera posée en mars, fabriquée par l'atelier bois du centre social. Les arguments sur l'humidité ont été pris en compte : elle sera fermée et ventilée.";

async function signUp(page: Page, name: string, email: string) {
  await signUpVerified(page, name, email);
}

async function newContext(browser: Browser, js: boolean) {
  return browser.newContext({ javaScriptEnabled: js, locale: "fr-FR" });
}

for (const js of [true, false]) {
  test(`idea journey ${js ? "with" : "without"} JavaScript`, async ({ browser }) => {
    const tag = js ? "js" : "nojs";
    const title = `Boîte à livres au kiosque (${tag})`;

    // 1. a resident submits an idea; bad input first
    const a = await (await newContext(browser, js)).newPage();
    await signUp(a, "Inès Moreau", `ines.${tag}@exemple.fr`);
    await a.goto("/ideas/new");
    await a.getByLabel("Titre").fill(title);
    await a.getByLabel("Votre idée").fill("Court");
    await a.getByLabel("Thème").selectOption("culture");
    await a.getByLabel("Quartier").selectOption({ label: "Centre-Ville" });
    await a.getByRole("button", { name: "Publier mon idée" }).click();
    await expect(a.getByText("Ce texte est trop court (au moins 20 caractères).")).toBeVisible();
    await expect(a.getByLabel("Titre")).toHaveValue(title);
    await a.getByLabel("Votre idée").fill("Une boîte à livres au pied du kiosque, pour échanger des livres entre voisins.");
    await a.getByRole("button", { name: "Publier mon idée" }).click();
    await expect(a.locator("h1")).toHaveText(title);
    await expect(a.getByText("Votre idée est publiée")).toBeVisible();
    const url = a.url().replace(/\?.*$/, "");

    // 2. another resident argues against it
    const b = await (await newContext(browser, js)).newPage();
    await signUp(b, "Hugo Lefort", `hugo.${tag}@exemple.fr`);
    await b.goto(url);
    await b.getByLabel("Je suis contre").check();
    await b.getByLabel("Votre message").fill("Avec l'humidité du kiosque, les livres vont s'abîmer en un hiver.");
    await b.getByRole("button", { name: "Publier mon avis" }).click();
    await expect(b.locator(".argument-against")).toContainText("les livres vont s'abîmer");

    // 3. a third supports it
    const c = await (await newContext(browser, js)).newPage();
    await signUp(c, "Zoé Garcia", `zoe.${tag}@exemple.fr`);
    await c.goto(url);
    await c.getByRole("button", { name: "Je soutiens" }).click();
    await expect(c.locator(".support-card .big-number")).toContainText("1");
    await expect(c.getByRole("button", { name: "Retirer mon soutien" })).toBeVisible();

    // 4. the facilitator answers "accepted", weighing the argument against
    const f = await (await newContext(browser, js)).newPage();
    await logIn(f, "facilitator");
    await f.goto(url);
    await f.getByLabel("Réponse", { exact: true }).selectOption("accepted");
    await f.getByLabel("Explication écrite").fill("Oui.");
    await f.getByRole("button", { name: "Publier la réponse" }).click();
    await expect(f.getByText(/L'explication est trop courte/)).toBeVisible();
    await expect(f.getByLabel("Explication écrite")).toHaveValue("Oui.");
    await f.getByLabel("Explication écrite").fill(ANSWER);
    await f.locator(".cite-choice input[type=checkbox]").first().check();
    await f.getByRole("button", { name: "Publier la réponse" }).click();

    // 5. everyone sees the answer and its register entry
    await a.goto(url);
    await expect(a.locator(".idea-main .badges")).toContainText("Acceptée");
    const answer = a.locator("#answers .answer").first();
    await expect(answer).toContainText("Karim Benali, Animateur·rice");
    await expect(answer).toContainText("atelier bois du centre social");
    await expect(answer).toContainText("Argument contre");
    await expect(a.getByText(/dans le délai promis/)).toBeVisible();
    await answer.getByRole("link", { name: /registre des arbitrages/ }).click();
    await expect(a.locator("h1")).toHaveText(title);
    await expect(a.getByText("Réponse à une idée").first()).toBeVisible();
    // the author was notified
    await a.goto("/account/notifications");
    await expect(a.getByText(`Nouvelle réponse sur « ${title} »`)).toBeVisible();
    if (js) {
      await a.goto(url);
      await expectNoAxeViolations(a);
    }
  });
}

test("idea list and idea page look finished and are accessible in both languages", async ({ browser }) => {
  for (const locale of ["fr-FR", "en-GB"]) {
    const page = await (await browser.newContext({ locale })).newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto("/ideas");
    await expectNoAxeViolations(page);
    await screenshot(page, `ideas-${locale.slice(0, 2)}`);
    await page.goto("/ideas?sort=supported");
    await page.locator(".idea-card a").first().click();
    await expectNoAxeViolations(page);
    await screenshot(page, `idea-${locale.slice(0, 2)}`);
    await page.goto("/ideas?overdue=1");
    await expect(page.locator(".idea-card").first()).toContainText(locale === "fr-FR" ? "Réponse en retard" : "Answer overdue");
    await page.goto("/search?q=electricite");
    await expectNoAxeViolations(page);
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto("/ideas?sort=discussed");
    await page.locator(".idea-card a").first().click();
    await screenshot(page, `idea-${locale.slice(0, 2)}-mobile`);
  }
});

test("médiation: a facilitator records an idea for a resident; staff pages are accessible", async ({ page }) => {
  await logIn(page, "facilitator");
  await page.goto("/ideas/new?onBehalf=1");
  await expectNoAxeViolations(page);
  await page.getByLabel("Nom de la personne").fill("Mme Rose Vidal");
  await page.getByLabel("Comment l'idée est arrivée").selectOption("assisted");
  await page.getByLabel("Titre").fill("Un banc devant la poste");
  await page.getByLabel("Votre idée").fill("Mme Vidal, 84 ans, attend debout l'ouverture du bureau de poste chaque matin.");
  await page.getByLabel("Thème").selectOption("public_space");
  await page.getByLabel("Quartier").selectOption({ label: "Centre-Ville" });
  await page.getByRole("button", { name: "Publier l'idée" }).click();
  await expect(page.getByText("Cochez la case : la personne doit avoir donné son accord.")).toBeVisible();
  await expect(page.getByLabel("Nom de la personne")).toHaveValue("Mme Rose Vidal");
  await page.getByLabel("La personne est d'accord pour que son idée et son nom soient publiés.").check();
  await page.getByRole("button", { name: "Publier l'idée" }).click();
  await expect(page.locator("h1")).toHaveText("Un banc devant la poste");
  await expect(page.getByText(/Proposée par Mme Rose Vidal .* Avec l'aide d'un·e animateur·rice \(Karim Benali\)/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Répondre" })).toBeVisible();
  await expectNoAxeViolations(page);
  await screenshot(page, "idea-staff-fr");
  await page.goto("/moderation");
  await expectNoAxeViolations(page);
  await page.goto("/account/notifications");
  await expectNoAxeViolations(page);
});

test("a hidden comment is replaced by its notice", async ({ page }) => {
  await page.goto("/search?q=conseil");
  await page.goto("/decisions?kind=moderation");
  await page.locator(".decision-item a").first().click();
  await page.locator(".side a", { hasText: /Commentaire n°/ }).first().click();
  await expect(page.locator(".hidden-notice").first()).toContainText("Commentaire masqué par");
});
