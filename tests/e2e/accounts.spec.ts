/** Sign-up, log-in, log-out without JavaScript; what each demo role can see. */
import { expect, test } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, expectNoAxeViolations, logIn } from "./helpers";

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-up refuses bad input with messages beside the fields and keeps what was typed", async ({ page }) => {
    await page.goto("/signup");
    await page.locator("input[name=displayName]").fill("Jeanne Lambert");
    await page.locator("input[name=email]").fill("pas-une-adresse");
    await page.locator("input[name=password]").fill("court");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.locator("#signup-email-error")).toContainText("Cette adresse e-mail n'est pas valide");
    await expect(page.locator("#signup-password-error")).toContainText("au moins 10 caractères");
    await expect(page.locator("input[name=displayName]")).toHaveValue("Jeanne Lambert");
    await expect(page.locator("input[name=email]")).toHaveValue("pas-une-adresse");
    await expect(page.locator("input[name=email]")).toHaveAttribute("aria-invalid", "true");

    // an email that already has an account: the same answer as any other (no enumeration)
    await page.locator("input[name=email]").fill(DEMO.resident);
    await page.locator("input[name=password]").fill("une phrase assez longue");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.locator("h1")).toHaveText("Consultez votre messagerie");
  });

  test("an account opens only once its address is confirmed", async ({ page }) => {
    await page.goto("/signup");
    await page.locator("input[name=displayName]").fill("Jeanne Lambert");
    await page.locator("input[name=email]").fill("jeanne.lambert@exemple.fr");
    await page.locator("input[name=password]").fill("une phrase assez longue");
    await page.getByRole("button", { name: "Créer mon compte" }).click();
    await expect(page.locator("h1")).toHaveText("Consultez votre messagerie");

    await page.goto("/login");
    await page.locator("input[name=email]").fill("jeanne.lambert@exemple.fr");
    await page.locator("input[name=password]").fill("mauvais mot de passe");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect");
    await expect(page.locator("input[name=email]")).toHaveValue("jeanne.lambert@exemple.fr");
    await expect(page.locator("input[name=password]")).toHaveValue("");

    await page.locator("input[name=password]").fill("une phrase assez longue");
    await page.getByRole("button", { name: "Se connecter" }).click();
    await expect(page.getByRole("alert")).toContainText("pas encore confirmée");
  });

  test("the account menu opens without JavaScript", async ({ page }) => {
    await logIn(page, "admin");
    await page.locator("details.account-menu summary").click();
    await expect(page.getByRole("link", { name: "Administration" })).toBeVisible();
  });
});

test("form errors are accessible (axe needs JavaScript to run)", async ({ page }) => {
  await page.goto("/signup");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.locator("#signup-email-error")).toContainText("Ce champ est obligatoire");
  await expectNoAxeViolations(page);
  await page.goto("/login");
  await page.locator("input[name=email]").fill(DEMO.resident);
  await page.locator("input[name=password]").fill("faux mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert")).toContainText("incorrect");
  await expectNoAxeViolations(page);
});

test("the login page lists the demo accounts", async ({ page }) => {
  await page.goto("/login");
  for (const email of Object.values(DEMO)) await expect(page.getByText(email)).toBeVisible();
  await expect(page.getByText(DEMO_PASSWORD).first()).toBeVisible();
});

test.describe("each demo role sees what its role allows", () => {
  for (const who of ["resident", "facilitator", "official"] as const) {
    test(`${who}: no administration link, and /admin answers 403`, async ({ page }) => {
      await logIn(page, who);
      await page.locator("details.account-menu summary").click();
      await expect(page.getByRole("link", { name: "Mon compte" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
      const res = await page.goto("/admin/roles");
      expect(res?.status()).toBe(403);
      await expect(page.locator("h1")).toHaveText("Accès refusé");
      await page.goto("/councils/centre-ville");
      await expect(page.getByRole("link", { name: "Modifier" })).toHaveCount(0);
    });
  }

  test("admin: sees administration and can edit councils", async ({ page }) => {
    await logIn(page, "admin");
    await page.goto("/councils/centre-ville");
    await expect(page.getByRole("link", { name: "Modifier" })).toBeVisible();
    const res = await page.goto("/admin/roles");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("cell", { name: /Karim Benali/ }).first()).toBeVisible();
  });

  test("a resident's POST to an admin action gets 403", async ({ page }) => {
    await logIn(page, "resident");
    const res = await page.request.post("/admin/roles", {
      form: { intent: "grant", email: DEMO.resident, role: "admin", councilId: "town" },
    });
    expect(res.status()).toBe(403);
  });

  test("the facilitator's account page shows their council roles", async ({ page }) => {
    await logIn(page, "facilitator");
    await page.goto("/account");
    await expect(page.getByText("Animateur·rice — Centre-Ville")).toBeVisible();
    await expect(page.getByText("Animateur·rice — Les Tanneries")).toBeVisible();
  });
});
