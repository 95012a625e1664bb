/**
 * The meetings journey: a facilitator schedules a meeting, publishes the agenda, records it
 * as held, publishes minutes and corrects them with a change note; a visitor sees both
 * versions and the diff. Without JavaScript; axe in both languages; print preview.
 */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, logIn, screenshot } from "./helpers";

const yesterday = () => {
  const d = new Date(Date.now() - 86_400_000);
  return d.toISOString().slice(0, 10);
};

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("schedule, agenda, held, minutes, correction; visitors see versions and the diff", async ({ page, browser }) => {
    await logIn(page, "facilitator");
    await page.goto("/meetings/new?council=les-tanneries");
    await page.getByLabel("Titre").fill("Réunion sur le marché de nuit");
    await page.getByLabel("Début").fill(`${yesterday()}T20:00`);
    await page.getByLabel("Fin").fill(`${yesterday()}T18:00`);
    await page.getByLabel("Lieu", { exact: true }).fill("Atelier municipal des Tanneurs");
    await page.getByRole("button", { name: "Programmer la réunion" }).click();
    await expect(page.getByText("La fin doit être après le début.")).toBeVisible();
    await expect(page.getByLabel("Titre")).toHaveValue("Réunion sur le marché de nuit");
    await page.getByLabel("Début").fill(`${yesterday()}T18:00`);
    await page.getByLabel("Fin").fill(`${yesterday()}T20:00`);
    await page.getByLabel("Accessibilité").fill("Rez-de-chaussée accessible par la cour.");
    await page.getByRole("button", { name: "Programmer la réunion" }).click();
    await expect(page.locator("h1")).toHaveText("Réunion sur le marché de nuit");
    const url = page.url();

    await page.getByRole("link", { name: "Rédiger l'ordre du jour" }).first().click();
    await page.getByLabel("Ordre du jour", { exact: true }).fill("1. Accueil\n2. Le marché de nuit de juillet\n3. Questions diverses");
    await page.getByRole("button", { name: "Publier l'ordre du jour" }).click();
    await expect(page.getByText("Le marché de nuit de juillet")).toBeVisible();

    await page.getByRole("button", { name: "Enregistrer la réunion comme tenue" }).click();
    await expect(page.locator("h1")).toHaveText("Publier le compte rendu");
    await page.getByLabel("Compte rendu", { exact: true }).fill("");
    await page.getByLabel("Nombre de personnes présentes").fill("24");
    await page.getByRole("button", { name: "Publier le compte rendu" }).click();
    await expect(page.getByText("Ce champ est obligatoire.")).toBeVisible();
    await expect(page.getByLabel("Nombre de personnes présentes")).toHaveValue("24");
    await page.getByLabel("Compte rendu", { exact: true }).fill("## Marché de nuit\n\nLe conseil approuve un marché de nuit le 14 juillet, sur les quais du canal.");
    await page.getByRole("button", { name: "Publier le compte rendu" }).click();
    await expect(page.getByText("sur les quais du canal")).toBeVisible();

    await page.getByRole("link", { name: "Corriger le compte rendu" }).click();
    await page.getByLabel("Compte rendu", { exact: true }).fill("## Marché de nuit\n\nLe conseil approuve un marché de nuit le 13 juillet, sur les quais du canal, de 19 h à minuit.");
    await page.getByRole("button", { name: "Publier la version 2" }).click();
    await expect(page.getByText("Expliquez ce qui change dans cette nouvelle version.")).toBeVisible();
    await page.getByLabel("Ce qui change, et pourquoi").fill("La date était fausse : le marché aura lieu le 13 juillet ; ajout des horaires.");
    await page.getByRole("button", { name: "Publier la version 2" }).click();
    await expect(page.getByText("de 19 h à minuit")).toBeVisible();

    // a visitor
    const visitor = await (await browser.newContext({ javaScriptEnabled: false, locale: "fr-FR" })).newPage();
    await visitor.goto(url);
    await expect(visitor.getByText("Version 2, publiée le")).toBeVisible();
    await expect(visitor.getByText("La date était fausse")).toBeVisible();
    await visitor.getByRole("link", { name: "Version 1" }).click();
    await expect(visitor.getByText("le 14 juillet")).toBeVisible();
    await visitor.goto(url);
    await visitor.getByRole("link", { name: "voir les changements" }).click();
    await expect(visitor.locator("del", { hasText: "14" })).toBeVisible();
    await expect(visitor.locator("ins", { hasText: "13" })).toBeVisible();
    await expect(visitor.locator("ins", { hasText: "de 19 h à minuit" })).toBeVisible();
  });
});

for (const locale of ["fr-FR", "en-GB"]) {
  test(`meeting pages are accessible (${locale})`, async ({ browser }) => {
    const page = await (await browser.newContext({ locale })).newPage();
    for (const path of ["/meetings", "/meetings/1", "/meetings/1/minutes/1", "/meetings/1/minutes/diff?from=1&to=2", "/councils/centre-ville"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    await logIn(page, "facilitator");
    for (const path of ["/meetings/new", "/meetings/5", "/meetings/5/agenda", "/meetings/5/edit", "/meetings/1/minutes"]) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
  });
}

test("screenshots and print preview of the minutes", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/meetings");
  await screenshot(page, "meetings-fr");
  await page.goto("/meetings/1");
  await screenshot(page, "meeting-fr");
  await page.goto("/meetings/1/minutes/diff?from=1&to=2");
  await screenshot(page, "minutes-diff-fr");
  await page.goto("/meetings/1");
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  await screenshot(page, "meeting-print-fr");
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator("#minutes")).toBeVisible();
});

test("the calendar feeds are served as iCalendar", async ({ request }) => {
  const res = await request.get("/councils/centre-ville/meetings.ics");
  expect(res.headers()["content-type"]).toContain("text/calendar");
  const text = await res.text();
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toContain("TZID=Europe/Paris");
});
