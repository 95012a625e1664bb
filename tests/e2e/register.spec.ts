/** An official publishes a decision and a rulebook version, without JavaScript; visitors read them. */
import { expect, test } from "@playwright/test";
import { logIn } from "./helpers";

const WHY =
  "Après la réunion publique du 12 novembre, le conseil retient l'installation de six bancs place du Marché : quatre à l'ombre des platanes, deux près de l'arrêt de bus, pour les personnes âgées qui attendent.";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("an official publishes a council decision; a too-short explanation is refused first", async ({ page }) => {
    await logIn(page, "official");
    await page.goto("/decisions/new");
    await page.getByLabel("Périmètre").selectOption({ label: "Centre-Ville" });
    await page.getByLabel("Objet de la décision").fill("Bancs place du Marché");
    await page.getByLabel("Décision", { exact: true }).selectOption("adopted");
    await page.getByLabel("Explication").fill("Parce que.");
    await page.getByRole("button", { name: "Publier au registre" }).click();
    await expect(page.locator("#decision-explanation-error")).toContainText("L'explication est trop courte : 10 caractères, le cadre en demande au moins 150.");
    await expect(page.getByLabel("Objet de la décision")).toHaveValue("Bancs place du Marché");
    await expect(page.getByLabel("Explication")).toHaveValue("Parce que.");

    await page.getByLabel("Explication").fill(WHY);
    await page.getByRole("button", { name: "Publier au registre" }).click();
    await expect(page.locator("h1")).toHaveText("Bancs place du Marché");
    await expect(page.getByText("Adoptée")).toBeVisible();
    await expect(page.getByText("quatre à l'ombre des platanes")).toBeVisible();
    const url = page.url();

    // visitors see it in the register and in the council's page, and the chain still verifies
    await page.context().clearCookies();
    await page.goto("/decisions?council=centre-ville");
    await expect(page.getByRole("link", { name: "Bancs place du Marché" })).toBeVisible();
    await page.goto("/councils/centre-ville");
    await expect(page.getByRole("link", { name: "Bancs place du Marché" })).toBeVisible();
    await page.goto("/decisions/verify");
    await expect(page.getByRole("status")).toContainText("Registre intact");
    await page.goto(url);
    await expect(page.getByText("Sophie Lefèvre — Élu·e ou service")).toBeVisible();
  });

  test("an official publishes a new rulebook version and the diff shows the change", async ({ page }) => {
    await logIn(page, "official");
    await page.goto("/rules/new");
    await page.getByLabel("Délai de réponse aux idées").fill("21");
    await page.getByLabel("Pourquoi ce changement ?").fill(
      "Les services répondent désormais en 15 jours en moyenne : le délai promis aux habitants peut passer de 30 à 21 jours, comme le demandait le conseil de quartier des Coteaux en octobre.",
    );
    await page.getByRole("button", { name: "Publier la nouvelle version" }).click();
    await expect(page.locator("h1")).toHaveText("Charte de la participation citoyenne");
    await expect(page.getByText("C'est la version en vigueur.")).toBeVisible();
    await page.goto("/rules");
    await expect(page.getByText("21 jours")).toBeVisible();
    await page.getByRole("link", { name: "changements depuis v2" }).click();
    await expect(page.locator("del", { hasText: "30 jours" })).toBeVisible();
    await expect(page.locator("ins", { hasText: "21 jours" })).toBeVisible();
  });
});

test("the feed is linked and served as Atom", async ({ page, request }) => {
  await page.goto("/decisions");
  await expect(page.getByRole("link", { name: "S'abonner (flux Atom)" })).toBeVisible();
  const res = await request.get("/decisions.atom");
  expect(res.headers()["content-type"]).toContain("application/atom+xml");
  expect(await res.text()).toContain("<feed");
});
