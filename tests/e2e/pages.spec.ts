/** Every page, in French and in English: right language, no axe violations; screenshots. */
import { AUDIT, expect, test, visit } from "./fixtures";
import { expectNoAxeViolations, logIn, screenshot } from "./helpers";
import { makeNeighbourhood, makeRulebook, makeUser, reviseRulebook, type TestUser } from "./support/data";

let n: Awaited<ReturnType<typeof makeNeighbourhood>>;
let rules: { scope: string; number: number };
let townOfficial: TestUser;

test.beforeAll(async () => {
  n = await makeNeighbourhood();
  // Rulebooks are the town's officials' business (a council's official may not publish them).
  townOfficial = await makeUser({ roles: [{ role: "official", council: null }] });
  // A name with no place to break makes the roles tables wider than their column: they
  // must scroll inside a box reachable by keyboard (axe checks it on /admin/roles).
  await makeUser({ name: "Marieantoinettedelaroche" + "x".repeat(40), roles: [{ role: "facilitator", council: n.council }] });
  const book = await makeRulebook(townOfficial, { title: "Charte du budget participatif de Saint-Éloi", answerDelayDays: 30 });
  rules = reviseRulebook(townOfficial, book.scope, { answerDelayDays: 21 }, "Les services répondent plus vite : le délai passe à 21 jours.");
});

const scoped = (path: string, more = "") => `${path}?scope=${encodeURIComponent(rules.scope)}${more}`;

const publicPages = () => [
  "/", "/councils", `/councils/${n.council.slug}`, "/login", "/signup", "/accessibility", "/legal",
  "/decisions", `/decisions?kind=council_decision&council=${n.council.slug}`, `/decisions/${n.decisions[0]}`, `/decisions/${n.decisions[1]}`, "/decisions/verify",
  "/rules", scoped(`/rules/${rules.number - 1}`), scoped("/rules/diff", `&from=${rules.number - 1}&to=${rules.number}`), "/open-data",
];
const adminPages = () => ["/account", "/admin", "/admin/roles", "/admin/councils", `/admin/councils/${n.council.slug}`, "/admin/town"];
const officialPages = () => ["/decisions/new", `/decisions/new?supersedes=${n.decisions[0]}`, "/rules/new"];

for (const lang of ["fr", "en"] as const) {
  test.describe(`in ${lang}`, () => {
    test.use({ locale: lang === "fr" ? "fr-FR" : "en-GB" });

    test("public pages have the right language and no axe violations", AUDIT, async ({ page }) => {
      for (const path of publicPages()) {
        const res = await visit(page, path);
        expect(res?.status(), path).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.locator("h1")).toBeVisible();
        await expectNoAxeViolations(page);
      }
    });

    test("the 404 page is localized and accessible", async ({ page }) => {
      const res = await visit(page, "/cette-page-n-existe-pas");
      expect(res?.status()).toBe(404);
      await expect(page.locator("h1")).toHaveText(lang === "fr" ? "Page introuvable" : "Page not found");
      await expectNoAxeViolations(page);
    });

    test("admin pages are accessible", AUDIT, async ({ page }) => {
      await logIn(page, await makeUser({ roles: [{ role: "admin", council: null }] }));
      for (const path of adminPages()) {
        const res = await visit(page, path);
        expect(res?.status(), path).toBe(200);
        await expectNoAxeViolations(page);
      }
    });

    test("official pages are accessible", AUDIT, async ({ page }) => {
      await logIn(page, townOfficial);
      for (const path of officialPages()) {
        const res = await visit(page, path);
        expect(res?.status(), path).toBe(200);
        await expectNoAxeViolations(page);
      }
    });

    test("screenshots: home, council page, login (desktop and phone)", AUDIT, async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 900 });
      await visit(page, "/");
      await screenshot(page, `home-${lang}`);
      await visit(page, `/councils/${n.council.slug}`);
      await screenshot(page, `council-${lang}`);
      await visit(page, "/login");
      await screenshot(page, `login-${lang}`);
      await visit(page, "/decisions");
      await screenshot(page, `register-${lang}`);
      await visit(page, `/decisions/${n.decisions[1]}`);
      await screenshot(page, `decision-${lang}`);
      await visit(page, "/decisions/verify");
      await screenshot(page, `verify-${lang}`);
      await visit(page, "/rules");
      await screenshot(page, `rules-${lang}`);
      await visit(page, scoped("/rules/diff", `&from=${rules.number - 1}&to=${rules.number}`));
      await screenshot(page, `rules-diff-${lang}`);
      await visit(page, "/open-data");
      await screenshot(page, `open-data-${lang}`);
      await page.setViewportSize({ width: 360, height: 780 });
      for (const [path, name] of [["/", "home"], ["/login", "login"], ["/decisions", "register"], [`/councils/${n.council.slug}`, "council"], [`/decisions/${n.decisions[1]}`, "decision"]] as const) {
        await visit(page, path);
        await screenshot(page, `${name}-${lang}-mobile`);
      }
    });
  });
}

test("the skip link is the first focusable element and moves focus to the content", async ({ page }) => {
  await visit(page, "/councils");
  await page.keyboard.press("Tab");
  const skip = page.locator("a.skip-link");
  await expect(skip).toBeFocused();
  await expect(skip).toHaveText("Aller au contenu");
  await page.keyboard.press("Enter");
  await expect(page.locator("main#main")).toBeFocused();
});

test("the language switch changes the language and remembers it", async ({ page }) => {
  await visit(page, "/councils");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await page.getByRole("button", { name: /English/ }).click();
  await expect(page).toHaveURL(/\/councils$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("h1")).toHaveText("Neighbourhood councils");
  await visit(page, "/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("button", { name: /Français/ }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});
