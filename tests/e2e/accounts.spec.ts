/** Sign-up, log-in, log-out; what each role can see. Runs with and without JavaScript. */
import { demoLogin } from "~/domain/town/town.server";
import { expect, signIn, test, visit } from "./fixtures";
import { expectNoAxeViolations, logIn } from "./helpers";
import { makeCouncil, makeUser, uniq, type Council, type TestUser } from "./support/data";

test("sign-up refuses bad input with messages beside the fields and keeps what was typed", async ({ page }) => {
  const existing = await makeUser();
  await visit(page, "/signup");
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
  await page.locator("input[name=email]").fill(existing.email);
  await page.locator("input[name=password]").fill("une phrase assez longue");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.locator("h1")).toHaveText("Consultez votre messagerie");
});

test("an account opens only once its address is confirmed", async ({ page }) => {
  const email = `jeanne.lambert.${uniq()}@exemple.fr`;
  await visit(page, "/signup");
  await page.locator("input[name=displayName]").fill("Jeanne Lambert");
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill("une phrase assez longue");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.locator("h1")).toHaveText("Consultez votre messagerie");

  await visit(page, "/login");
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill("une phrase assez longue");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert")).toContainText("pas encore confirmée");
});

test("log in, log out and log in again; a wrong password is refused and not kept", async ({ page }) => {
  const someone = await makeUser({ name: "Jeanne Lambert" });
  await visit(page, "/login");
  await page.locator("input[name=email]").fill(someone.email);
  await page.locator("input[name=password]").fill("mauvais mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert")).toContainText("Adresse e-mail ou mot de passe incorrect");
  await expect(page.locator("input[name=email]")).toHaveValue(someone.email);
  await expect(page.locator("input[name=password]")).toHaveValue("");

  await page.locator("input[name=password]").fill(someone.password);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.locator("summary")).toContainText("Jeanne Lambert");

  await visit(page, "/account");
  await page.getByRole("main").getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();

  await logIn(page, someone);
  await expect(page.locator("summary")).toContainText("Jeanne Lambert");
});

test("the account menu opens (a <details>, with or without JavaScript)", async ({ page }) => {
  const admin = await makeUser({ roles: [{ role: "admin", council: null }] });
  await logIn(page, admin);
  await page.locator("details.account-menu summary").click();
  await expect(page.getByRole("link", { name: "Administration" })).toBeVisible();
});

test("form errors are accessible", async ({ page }) => {
  const someone = await makeUser();
  await visit(page, "/signup");
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.locator("#signup-email-error")).toContainText("Ce champ est obligatoire");
  await expectNoAxeViolations(page);
  await visit(page, "/login");
  await page.locator("input[name=email]").fill(someone.email);
  await page.locator("input[name=password]").fill("faux mot de passe");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert")).toContainText("incorrect");
  await expectNoAxeViolations(page);
});

test("the login page lists the demo accounts (the town is in demo mode)", async ({ page }) => {
  const demo = demoLogin();
  expect(demo, "the e2e server runs the demo town").not.toBeNull();
  await visit(page, "/login");
  for (const a of demo!.accounts) await expect(page.getByText(a.email)).toBeVisible();
  await expect(page.getByText(demo!.password).first()).toBeVisible();
});

test.describe("each role sees what its role allows", () => {
  let council: Council;
  let people: Record<"resident" | "facilitator" | "official" | "admin", TestUser>;

  test.beforeAll(async () => {
    council = await makeCouncil();
    people = {
      resident: await makeUser({ name: `Habitante ${uniq(4)}` }),
      facilitator: await makeUser({ name: `Animateur ${uniq(4)}`, roles: [{ role: "facilitator", council }] }),
      official: await makeUser({ name: `Élue ${uniq(4)}`, roles: [{ role: "official", council: null }] }),
      admin: await makeUser({ name: `Admin ${uniq(4)}`, roles: [{ role: "admin", council: null }] }),
    };
  });

  for (const who of ["resident", "facilitator", "official"] as const) {
    test(`${who}: no administration link, and /admin answers 403`, async ({ page }) => {
      await logIn(page, people[who]);
      await page.locator("details.account-menu summary").click();
      await expect(page.getByRole("link", { name: "Mon compte" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Administration" })).toHaveCount(0);
      const res = await visit(page, "/admin/roles");
      expect(res?.status()).toBe(403);
      await expect(page.locator("h1")).toHaveText("Accès refusé");
      await visit(page, `/councils/${council.slug}`);
      await expect(page.locator("h1")).toHaveText(council.name);
      await expect(page.getByRole("link", { name: "Modifier" })).toHaveCount(0);
    });
  }

  test("admin: sees administration and can edit councils", async ({ page }) => {
    await logIn(page, people.admin);
    await visit(page, `/councils/${council.slug}`);
    await expect(page.getByRole("link", { name: "Modifier" })).toBeVisible();
    const res = await visit(page, "/admin/roles");
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("cell", { name: new RegExp(people.facilitator.name) }).first()).toBeVisible();
  });

  test("a resident's POST to an admin action gets 403; the same POST by an admin is accepted", async ({ page, baseURL }) => {
    const target = await makeUser();
    const form = { intent: "grant", email: target.email, role: "facilitator", councilId: String(council.id) };
    // A proper Origin: the request is refused for who sends it, not for where it comes from.
    const headers = { Origin: new URL(baseURL!).origin };
    await signIn(page, people.resident);
    const refused = await page.request.post("/admin/roles", { form, headers, maxRedirects: 0 });
    expect(refused.status()).toBe(403);
    await page.context().clearCookies();
    await signIn(page, people.admin);
    const accepted = await page.request.post("/admin/roles", { form, headers, maxRedirects: 0 });
    expect(accepted.status()).toBe(302);
    expect(accepted.headers()["location"]).toContain("/admin/roles?done=granted");
  });

  test("the facilitator's account page shows their council roles", async ({ page }) => {
    const other = await makeCouncil();
    const facilitator = await makeUser({ roles: [{ role: "facilitator", council }, { role: "facilitator", council: other }] });
    await logIn(page, facilitator);
    await visit(page, "/account");
    await expect(page.getByText(`Animateur·rice — ${council.name}`)).toBeVisible();
    await expect(page.getByText(`Animateur·rice — ${other.name}`)).toBeVisible();
  });
});
