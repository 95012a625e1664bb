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

/**
 * The emails the site sent, as received by the SMTP sink that playwright.config.ts starts
 * (E2E_MAIL_DIR): waits for one to `to` whose subject matches.
 */
export async function waitForMail(to: string, subject: string | RegExp, timeout = 20_000) {
  const { simpleParser } = await import("mailparser");
  const fs = await import("node:fs");
  const path = await import("node:path");
  const dir = process.env.E2E_MAIL_DIR!;
  const end = Date.now() + timeout;
  for (;;) {
    for (const f of fs.existsSync(dir) ? fs.readdirSync(dir).filter((x) => x.endsWith(".eml")) : []) {
      const m = await simpleParser(fs.readFileSync(path.join(dir, f)));
      const rcpt = Array.isArray(m.to) ? m.to.map((a) => a.text).join(",") : (m.to?.text ?? "");
      if (rcpt.includes(to) && (typeof subject === "string" ? m.subject === subject : subject.test(m.subject ?? ""))) return m;
    }
    if (Date.now() > end) throw new Error(`no email "${subject}" to ${to} in ${dir}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The path and query of the first link to `path` in an email's text. */
export function linkIn(text: string, path: string) {
  const m = new RegExp(`https?://[^\\s]+${path.replace("?", "\\?")}[^\\s]*`).exec(text);
  if (!m) throw new Error(`no ${path} link in:\n${text}`);
  const u = new URL(m[0]);
  return u.pathname + u.search;
}

/** Signs up and confirms the address by the emailed link; ends logged in on the account page. */
export async function signUpVerified(page: Page, name: string, email: string, password = "une phrase assez longue") {
  await visit(page, "/signup");
  await page.locator("input[name=displayName]").fill(name);
  await page.locator("input[name=email]").fill(email);
  await page.locator("input[name=password]").fill(password);
  await page.getByRole("button", { name: "Créer mon compte" }).click();
  await expect(page.locator("h1")).toHaveText("Consultez votre messagerie");
  const mail = await waitForMail(email, /^Confirmez votre adresse/);
  await visit(page, linkIn(mail.text ?? "", "/verify-email?token="));
  await page.getByRole("button", { name: "Confirmer mon adresse" }).click();
  await expect(page.locator("h1")).toHaveText("Mon compte");
}
