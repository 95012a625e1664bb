/** Shared e2e helpers: log in as a demo role, axe checks, screenshots. */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "conseil-demo-2026";
export const DEMO = {
  resident: "habitante@demo.conseil-ouvert.fr",
  facilitator: "animateur@demo.conseil-ouvert.fr",
  official: "elue@demo.conseil-ouvert.fr",
  admin: "admin@demo.conseil-ouvert.fr",
} as const;

export async function logIn(page: Page, who: keyof typeof DEMO) {
  await page.goto("/login");
  await page.locator("input[name=email]").fill(DEMO[who]);
  await page.locator("input[name=password]").fill(DEMO_PASSWORD);
  await page.locator("form.form-card button[type=submit]").click();
  await expect(page.locator("details.account-menu")).toBeVisible();
}

/** No axe violations (WCAG 2.1 A/AA rules) on the current page. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `tests/e2e/screenshots/${name}.png`, fullPage: true });
}
