/** Shared e2e helpers: the demo role accounts, logging in through the form, axe checks, screenshots. */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { scriptsRun, visit } from "./fixtures";
import type { TestUser } from "./support/data";

/** The demo ROLE accounts: only the every-route spec logs in with them. */
export const DEMO = {
  resident: "habitante@demo.conseil-ouvert.fr",
  facilitator: "animateur@demo.conseil-ouvert.fr",
  official: "elue@demo.conseil-ouvert.fr",
  admin: "admin@demo.conseil-ouvert.fr",
} as const;

/** Logs in through the login form (most journeys use signIn, which skips the form). */
export async function logIn(page: Page, user: TestUser) {
  await visit(page, "/login");
  await page.locator("input[name=email]").fill(user.email);
  await page.locator("input[name=password]").fill(user.password);
  await page.locator("form.form-card button[type=submit]").click();
  await expect(page.locator("details.account-menu")).toBeVisible();
}

const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * No axe violations (WCAG 2.1 A/AA rules) on the current page. axe is a script: on a page
 * without JavaScript, the page as it is now (its HTML, scripts removed) is served again at
 * the same address to a page that runs scripts, with the same styles, and axe checks that.
 */
export async function expectNoAxeViolations(page: Page) {
  let target = page;
  let close: (() => Promise<void>) | undefined;
  if (!(await scriptsRun(page))) {
    const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
    const browser = page.context().browser()!;
    const context = await browser.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
    target = await context.newPage();
    const url = page.url();
    await target.route(url, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
    await target.goto(url);
    close = () => context.close();
  }
  try {
    const results = await new AxeBuilder({ page: target }).withTags(AXE_TAGS).analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`);
    expect(summary, `axe violations on ${page.url()}`).toEqual([]);
  } finally {
    await close?.();
  }
}

/** A full-page screenshot in tests/e2e/screenshots; "-nojs" marks the run without JavaScript. */
export async function screenshot(page: Page, name: string) {
  const suffix = test.info().project.name === "no-js" ? "-nojs" : "";
  await page.screenshot({ path: `tests/e2e/screenshots/${name}${suffix}.png`, fullPage: true });
}
