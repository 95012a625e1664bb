/**
 * The pages of accounts, the dashboard and the statistics look finished and pass axe
 * (French and English), and letters for residents who chose post wait in the print queue,
 * one page each. Screenshots at 360 px and 1280 px in tests/e2e/screenshots/. The people,
 * councils and meetings are the test's own.
 */
import { AUDIT, expect, test, visit, type Page } from "./fixtures";
import { expectNoAxeViolations, screenshot } from "./helpers";
import { makeCouncil, makeMeeting, makeUser, uniq, type TestUser } from "./support/data";

const WIDTHS = [360, 1280] as const;

async function shoot(openPage: (o?: { user?: TestUser; viewport?: { width: number; height: number }; locale?: string }) => Promise<Page>, user: TestUser | undefined, paths: [string, string][], locale = "fr-FR") {
  for (const width of WIDTHS) {
    const page = await openPage({ user, locale, viewport: { width, height: 900 } });
    for (const [path, name] of paths) {
      const res = await visit(page, path);
      expect(res?.status(), path).toBe(200);
      await screenshot(page, `${name}-${width}`);
    }
  }
}

for (const locale of ["fr-FR", "en-GB"]) {
  test(`dashboard and statistics have no axe violations (${locale})`, AUDIT, async ({ openPage }) => {
    const council = await makeCouncil();
    const facilitator = await makeUser({ roles: [{ role: "facilitator", council }] });
    const visitor = await openPage({ locale });
    await visit(visitor, "/statistics");
    await expectNoAxeViolations(visitor);
    await visit(visitor, `/statistics?council=${council.slug}`);
    await expectNoAxeViolations(visitor);
    await visitor.locator("details.chart-numbers").first().locator("summary").click();
    await expectNoAxeViolations(visitor);
    const page = await openPage({ locale, user: facilitator });
    await visit(page, "/dashboard");
    await expect(page.locator("h1")).toHaveText(locale === "fr-FR" ? "Tableau de bord" : "Dashboard");
    await expectNoAxeViolations(page);
    for (const p of ["/account", "/account/space", "/account/preferences", "/account/security", "/account/data", "/letters", "/privacy"]) {
      await visit(page, p);
      await expectNoAxeViolations(page);
    }
  });
}

test("letters for residents who chose post wait in the print queue, one page each", async ({ openPage }) => {
  const tag = uniq(4);
  const council = await makeCouncil({ name: `Les Jardins ${tag}` });
  const facilitator = await makeUser({ roles: [{ role: "facilitator", council }] });
  const resident = await makeUser({ name: `Mme Habitante ${tag}` });
  const residentPage = await openPage({ user: resident });
  await visit(residentPage, "/account/preferences");
  await residentPage.getByLabel("Courrier postal (imprimé et posté par la mairie)").check();
  await residentPage.getByLabel("Adresse postale (pour le courrier)").fill(`Mme Habitante ${tag}\n12 rue des Lilas\n00000 Ville-Test`);
  await residentPage.getByRole("button", { name: "Enregistrer" }).click();
  await expect(residentPage.getByText("Préférences enregistrées.")).toBeVisible();
  await visit(residentPage, `/councils/${council.slug}`);
  await residentPage.getByRole("button", { name: "Suivre ce conseil" }).click();
  await expect(residentPage.getByRole("button", { name: "Ne plus suivre ce conseil" })).toBeVisible();

  // the facilitator publishes an agenda: the resident's letter joins the print queue
  makeMeeting(facilitator, council, { title: `Réunion sur les jardins partagés ${tag}`, when: 7, agenda: "1. Accueil\n2. Les jardins partagés\n3. Questions diverses" });
  const staff = await openPage({ user: facilitator });
  await visit(staff, "/dashboard");
  await expect(staff.getByRole("link", { name: "Imprimer les courriers" })).toBeVisible();
  await visit(staff, "/letters");
  await expect(staff.locator("article.letter", { hasText: "12 rue des Lilas" })).toContainText(`Ordre du jour publié : « Réunion sur les jardins partagés ${tag} »`);
  await staff.emulateMedia({ media: "print" });
  await screenshot(staff, "letters-print");
  await staff.emulateMedia({ media: "screen" });
  await staff.getByRole("button", { name: "Marquer les lettres cochées comme envoyées" }).click();
  await expect(staff.getByText(/lettres? marquées? comme envoyées?/)).toBeVisible();
});

test("screenshots of the account pages, the dashboard and the statistics", AUDIT, async ({ openPage }) => {
  test.setTimeout(120_000);
  const council = await makeCouncil();
  const resident = await makeUser();
  const facilitator = await makeUser({ roles: [{ role: "facilitator", council }] });
  const official = await makeUser({ roles: [{ role: "official", council: null }] });
  await shoot(openPage, resident, [
    ["/account", "account"],
    ["/account/space", "account-space"],
    ["/account/preferences", "account-preferences"],
    ["/account/security", "account-security"],
    ["/account/data", "account-data"],
  ]);
  await shoot(openPage, facilitator, [["/letters", "letters"], ["/dashboard", "dashboard"]]);
  await shoot(openPage, official, [["/dashboard", "dashboard-official"]]);
  await shoot(openPage, undefined, [["/statistics", "statistics"], ["/privacy", "privacy"]]);
  await shoot(openPage, undefined, [["/statistics", "statistics-en"]], "en-GB");
});
