/**
 * The meetings journey: a facilitator schedules a meeting, publishes the agenda, records it
 * as held, publishes minutes and corrects them with a change note; a visitor sees both
 * versions and the diff. With and without JavaScript, on a phone; axe in both languages;
 * print preview.
 */
import { AUDIT, expect, test, visit } from "./fixtures";
import { expectNoAxeViolations, screenshot } from "./helpers";
import { makeCouncil, makeMeeting, makeUser, uniq, type Council, type TestUser } from "./support/data";

const yesterday = () => {
  const d = new Date(Date.now() - 86_400_000);
  return d.toISOString().slice(0, 10);
};

test.describe("on a phone", () => {
  test.use({ viewport: { width: 360, height: 780 } });

  test("schedule, agenda, held, minutes, correction; visitors see versions and the diff", async ({ page, openPage }) => {
    const council = await makeCouncil({ name: `Les Tanneurs ${uniq(4)}` });
    const facilitator = await makeUser({ roles: [{ role: "facilitator", council }] });
    const f = await openPage({ user: facilitator });
    await visit(f, `/meetings/new?council=${council.slug}`);
    await f.getByLabel("Titre").fill("Réunion sur le marché de nuit");
    await f.getByLabel("Début").fill(`${yesterday()}T20:00`);
    await f.getByLabel("Fin").fill(`${yesterday()}T18:00`);
    await f.getByLabel("Lieu", { exact: true }).fill("Atelier municipal des Tanneurs");
    await f.getByRole("button", { name: "Programmer la réunion" }).click();
    await expect(f.getByText("La fin doit être après le début.")).toBeVisible();
    await expect(f.getByLabel("Titre")).toHaveValue("Réunion sur le marché de nuit");
    await f.getByLabel("Début").fill(`${yesterday()}T18:00`);
    await f.getByLabel("Fin").fill(`${yesterday()}T20:00`);
    await f.getByLabel("Accessibilité").fill("Rez-de-chaussée accessible par la cour.");
    await f.getByRole("button", { name: "Programmer la réunion" }).click();
    await expect(f.locator("h1")).toHaveText("Réunion sur le marché de nuit");
    const url = f.url();

    await f.getByRole("link", { name: "Rédiger l'ordre du jour" }).first().click();
    await f.waitForURL(/\/agenda$/);
    await f.getByRole("textbox", { name: "Ordre du jour", exact: true }).fill("1. Accueil\n2. Le marché de nuit de juillet\n3. Questions diverses");
    await f.getByRole("button", { name: "Publier l'ordre du jour" }).click();
    await expect(f.getByText("Le marché de nuit de juillet")).toBeVisible();

    await f.getByRole("button", { name: "Enregistrer la réunion comme tenue" }).click();
    await expect(f.locator("h1")).toHaveText("Publier le compte rendu");
    await f.getByLabel("Compte rendu", { exact: true }).fill("");
    await f.getByLabel("Nombre de personnes présentes").fill("24");
    await f.getByRole("button", { name: "Publier le compte rendu" }).click();
    await expect(f.getByText("Ce champ est obligatoire.")).toBeVisible();
    await expect(f.getByLabel("Nombre de personnes présentes")).toHaveValue("24");
    // Corrected, one press of the button publishes (the message that goes away must not
    // move the button from under the finger).
    await f.getByLabel("Compte rendu", { exact: true }).fill("## Marché de nuit\n\nLe conseil approuve un marché de nuit le 14 juillet, sur les quais du canal.");
    await f.getByRole("button", { name: "Publier le compte rendu" }).click();
    await expect(f.getByText("sur les quais du canal")).toBeVisible();

    await f.getByRole("link", { name: "Corriger le compte rendu" }).click();
    await f.waitForURL(/\/minutes$/);
    await f.getByRole("textbox", { name: "Compte rendu", exact: true }).fill("## Marché de nuit\n\nLe conseil approuve un marché de nuit le 13 juillet, sur les quais du canal, de 19 h à minuit.");
    await f.getByRole("button", { name: "Publier la version 2" }).click();
    await expect(f.getByText("Expliquez ce qui change dans cette nouvelle version.")).toBeVisible();
    await f.getByLabel("Ce qui change, et pourquoi").fill("La date était fausse : le marché aura lieu le 13 juillet ; ajout des horaires.");
    await f.getByRole("button", { name: "Publier la version 2" }).click();
    await expect(f.getByText("de 19 h à minuit")).toBeVisible();

    // a visitor
    await visit(page, url);
    await expect(page.getByText("Version 2, publiée le")).toBeVisible();
    await expect(page.getByText("La date était fausse")).toBeVisible();
    await page.getByRole("link", { name: "Version 1" }).click();
    await expect(page.getByText("le 14 juillet")).toBeVisible();
    await visit(page, url);
    await page.getByRole("link", { name: "voir les changements" }).click();
    await expect(page.locator("del", { hasText: "14" })).toBeVisible();
    await expect(page.locator("ins", { hasText: "13" })).toBeVisible();
    await expect(page.locator("ins", { hasText: "de 19 h à minuit" })).toBeVisible();
  });
});

/** A council with a meeting to come (agenda published) and one held, with two versions of its minutes. */
async function meetingsOf(): Promise<{ council: Council; facilitator: TestUser; upcoming: number; held: number }> {
  const council = await makeCouncil({ name: `La Fontaine ${uniq(4)}` });
  const facilitator = await makeUser({ name: "Samia Haddad", roles: [{ role: "facilitator", council }] });
  const upcoming = makeMeeting(facilitator, council, {
    title: "Conseil de quartier de printemps",
    when: 12,
    place: "Salle polyvalente de la Fontaine",
    agenda: "1. Accueil des nouveaux habitants\n2. Le plan de circulation autour de l'école\n3. Questions diverses",
  }).id;
  const held = makeMeeting(facilitator, council, {
    title: "Réunion publique sur le square",
    when: -5,
    place: "Préau de l'école Jules-Ferry",
    agenda: "1. Le réaménagement du square\n2. Les horaires d'ouverture",
    held: true,
    minutes: [
      {
        body: "## Réaménagement du square\n\nLes habitants demandent plus d'ombre et des bancs. Le conseil propose **six bancs** et deux arbres.\n\n## Horaires\n\nLe square fermera à 21 h l'été.",
        attendance: 31,
      },
      {
        body: "## Réaménagement du square\n\nLes habitants demandent plus d'ombre et des bancs. Le conseil propose **huit bancs** et trois arbres.\n\n## Horaires\n\nLe square fermera à 22 h l'été.",
        attendance: 32,
        changeNote: "Chiffres corrigés d'après la feuille de présence et le relevé des votes.",
      },
    ],
  }).id;
  return { council, facilitator, upcoming, held };
}

for (const locale of ["fr-FR", "en-GB"]) {
  test(`meeting pages are accessible (${locale})`, AUDIT, async ({ openPage }) => {
    const { council, facilitator, upcoming, held } = await meetingsOf();
    const page = await openPage({ locale });
    for (const path of ["/meetings", `/meetings/${held}`, `/meetings/${held}/minutes/1`, `/meetings/${held}/minutes/diff?from=1&to=2`, `/councils/${council.slug}`]) {
      const res = await visit(page, path);
      expect(res?.status(), path).toBe(200);
      await expectNoAxeViolations(page);
    }
    const staff = await openPage({ locale, user: facilitator });
    for (const path of ["/meetings/new", `/meetings/${upcoming}`, `/meetings/${upcoming}/agenda`, `/meetings/${upcoming}/edit`, `/meetings/${held}/minutes`]) {
      const res = await visit(staff, path);
      expect(res?.status(), path).toBe(200);
      await expectNoAxeViolations(staff);
    }
  });
}

test("screenshots and print preview of the minutes", AUDIT, async ({ page }) => {
  const { held } = await meetingsOf();
  await page.setViewportSize({ width: 1280, height: 900 });
  await visit(page, "/meetings");
  await screenshot(page, "meetings-fr");
  await visit(page, `/meetings/${held}`);
  await screenshot(page, "meeting-fr");
  await visit(page, `/meetings/${held}/minutes/diff?from=1&to=2`);
  await screenshot(page, "minutes-diff-fr");
  await page.setViewportSize({ width: 360, height: 780 });
  await visit(page, `/meetings/${held}`);
  await screenshot(page, "meeting-fr-mobile");
  await page.emulateMedia({ media: "print" });
  await page.setViewportSize({ width: 794, height: 1123 });
  await screenshot(page, "meeting-print-fr");
  await expect(page.locator(".site-header")).toBeHidden();
  await expect(page.locator("#minutes")).toBeVisible();
});

test("the calendar feeds are served as iCalendar", async ({ request }) => {
  const { council } = await meetingsOf();
  const res = await request.get(`/councils/${council.slug}/meetings.ics`);
  expect(res.headers()["content-type"]).toContain("text/calendar");
  const text = await res.text();
  expect(text).toContain("BEGIN:VCALENDAR");
  expect(text).toContain("TZID=Europe/Paris");
  expect(text).toContain("Conseil de quartier de printemps");
});
