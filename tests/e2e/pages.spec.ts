/** Every page, in French and in English: right language, no axe violations; screenshots. */
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, logIn, screenshot } from "./helpers";

const PUBLIC_PAGES = [
  "/", "/councils", "/councils/centre-ville", "/login", "/signup", "/accessibility", "/legal",
  "/decisions", "/decisions?kind=council_decision&council=centre-ville", "/decisions/1", "/decisions/5", "/decisions/verify",
  "/rules", "/rules/1", "/rules/diff?from=1&to=2", "/open-data",
];
const ADMIN_PAGES = ["/account", "/admin", "/admin/roles", "/admin/councils", "/admin/councils/centre-ville", "/admin/town"];
const OFFICIAL_PAGES = ["/decisions/new", "/decisions/new?supersedes=3", "/rules/new"];

for (const lang of ["fr", "en"] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang === "fr" ? "fr-FR" : "en-GB" });

    test("public pages have the right language and no axe violations", async ({ page }) => {
      for (const path of PUBLIC_PAGES) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.locator("h1")).toBeVisible();
        await expectNoAxeViolations(page);
      }
    });

    test("the 404 page is localized and accessible", async ({ page }) => {
      const res = await page.goto("/cette-page-n-existe-pas");
      expect(res?.status()).toBe(404);
      await expect(page.locator("h1")).toHaveText(lang === "fr" ? "Page introuvable" : "Page not found");
      await expectNoAxeViolations(page);
    });

    test("admin pages are accessible", async ({ page }) => {
      await logIn(page, "admin");
      for (const path of ADMIN_PAGES) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        await expectNoAxeViolations(page);
      }
    });

    test("official pages are accessible", async ({ page }) => {
      await logIn(page, "official");
      for (const path of OFFICIAL_PAGES) {
        const res = await page.goto(path);
        expect(res?.status(), path).toBe(200);
        await expectNoAxeViolations(page);
      }
    });

    test("screenshots: home, council page, login (desktop and phone)", async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto("/");
      await screenshot(page, `home-${lang}`);
      await page.goto("/councils/centre-ville");
      await screenshot(page, `council-${lang}`);
      await page.goto("/login");
      await screenshot(page, `login-${lang}`);
      await page.goto("/decisions");
      await screenshot(page, `register-${lang}`);
      await page.goto("/decisions/5");
      await screenshot(page, `decision-${lang}`);
      await page.goto("/decisions/verify");
      await screenshot(page, `verify-${lang}`);
      await page.goto("/rules");
      await screenshot(page, `rules-${lang}`);
      await page.goto("/rules/diff?from=1&to=2");
      await screenshot(page, `rules-diff-${lang}`);
      await page.goto("/open-data");
      await screenshot(page, `open-data-${lang}`);
      await page.setViewportSize({ width: 360, height: 780 });
      await page.goto("/");
      await screenshot(page, `home-${lang}-mobile`);
    });
  });
}

test("the skip link is the first focusable element and moves focus to the content", async ({ page }) => {
  await page.goto("/councils");
  await page.keyboard.press("Tab");
  const skip = page.locator("a.skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText("Aller au contenu");
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("the language switch changes the language and remembers it", async ({ page }) => {
  await page.goto("/councils");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page).toHaveURL(/\/councils$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("h1")).toHaveText("Neighbourhood councils");
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /Français/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});
