/**
 * The pages of this capability look finished and pass axe: account pages, the dashboard,
 * the statistics (French and English), and the letters print queue; screenshots at 360 px
 * and 1280 px in tests/e2e/screenshots/. Self-contained: @playwright/test and ./helpers.
 */
import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolations, logIn, screenshot } from "./helpers";

const WIDTHS = [360, 1280] as const;

async function shoot(browser: Browser, who: "resident" | "facilitator" | "official" | null, paths: [string, string][], locale = "fr-FR") {
  for (const width of WIDTHS) {
    const page = await (await browser.newContext({ locale, viewport: { width, height: 900 } })).newPage();
    if (who) await logIn(page, who);
    for (const [path, name] of paths) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await screenshot(page, `${name}-${width}`);
    }
    await page.context().close();
  }
}

for (const locale of ["fr-FR", "en-GB"]) {
  test(`dashboard and statistics have no axe violations (${locale})`, async ({ browser }) => {
    const page = await (await browser.newContext({ locale })).newPage();
    await page.goto("/statistics");
    await expectNoAxeViolations(page);
    const slug = await page.locator("select#council option").nth(1).getAttribute("value");
    await page.goto(`/statistics?council=${slug}`);
    await expectNoAxeViolations(page);
    await page.locator("details.chart-numbers").first().locator("summary").click();
    await expectNoAxeViolations(page);
    await logIn(page, "facilitator");
    await page.goto("/dashboard");
    await expect(page.locator("h1")).toHaveText(locale === "fr-FR" ? "Tableau de bord" : "Dashboard");
    await expectNoAxeViolations(page);
    for (const p of ["/account", "/account/space", "/account/preferences", "/account/security", "/account/data", "/letters", "/privacy"]) {
      await page.goto(p);
      await expectNoAxeViolations(page);
    }
  });
}

test("letters for residents who chose post wait in the print queue, one page each", async ({ browser }) => {
  const resident = await (await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" })).newPage();
  await logIn(resident, "resident");
  await resident.goto("/account/preferences");
  await resident.getByLabel("Courrier postal (imprimé et posté par la mairie)").check();
  await resident.getByLabel("Adresse postale (pour le courrier)").fill("Mme Habitante\n12 rue des Tanneurs\n00000 Montclair-sur-Ardonne");
  await resident.getByRole("button", { name: "Enregistrer" }).click();
  await expect(resident.getByText("Préférences enregistrées.")).toBeVisible();
  await resident.goto("/councils/les-tanneries");
  const follow = resident.getByRole("button", { name: "Suivre ce conseil" });
  if (await follow.count()) await follow.click();

  const staff = await (await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" })).newPage();
  await logIn(staff, "facilitator");
  const day = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await staff.goto("/meetings/new?council=les-tanneries");
  await staff.getByLabel("Titre").fill("Réunion sur les jardins partagés");
  await staff.getByLabel("Début").fill(`${day}T18:00`);
  await staff.getByLabel("Fin").fill(`${day}T20:00`);
  await staff.getByLabel("Lieu", { exact: true }).fill("Maison de quartier");
  await staff.getByRole("button", { name: "Programmer la réunion" }).click();
  await staff.getByRole("link", { name: "Rédiger l'ordre du jour" }).first().click();
  await staff.getByLabel("Ordre du jour", { exact: true }).fill("1. Accueil\n2. Les jardins partagés\n3. Questions diverses");
  await staff.getByRole("button", { name: "Publier l'ordre du jour" }).click();

  await staff.goto("/dashboard");
  await expect(staff.getByRole("link", { name: "Imprimer les courriers" })).toBeVisible();
  await staff.goto("/letters");
  await expect(staff.locator("article.letter", { hasText: "12 rue des Tanneurs" })).toContainText("Ordre du jour publié : « Réunion sur les jardins partagés »");
  await staff.emulateMedia({ media: "print" });
  await screenshot(staff, "letters-print");
  await staff.emulateMedia({ media: "screen" });
  await shoot(browser, "facilitator", [["/letters", "letters"], ["/dashboard", "dashboard"]]);
  await staff.getByRole("button", { name: "Marquer les lettres cochées comme envoyées" }).click();
  await expect(staff.getByText(/lettres? marquées? comme envoyées?/)).toBeVisible();

  // back to email, so that other tests see the demo resident as before
  await resident.goto("/account/preferences");
  await resident.getByLabel("Courriel", { exact: true }).check();
  await resident.getByRole("button", { name: "Enregistrer" }).click();
});

test("screenshots of the account pages, the dashboard and the statistics", async ({ browser }) => {
  test.setTimeout(120_000);
  await shoot(browser, "resident", [
    ["/account", "account"],
    ["/account/space", "account-space"],
    ["/account/preferences", "account-preferences"],
    ["/account/security", "account-security"],
    ["/account/data", "account-data"],
  ]);
  await shoot(browser, "official", [["/dashboard", "dashboard-official"]]);
  await shoot(browser, null, [["/statistics", "statistics"], ["/privacy", "privacy"]]);
  await shoot(browser, null, [["/statistics", "statistics-en"]], "en-GB");
});
