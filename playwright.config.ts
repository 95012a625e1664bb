/**
 * Browser tests: the built app (npm run build first) served by server.mjs on a free port
 * with a fresh demo database, driven in Debian's Chromium (CHROMIUM_PATH or
 * /usr/bin/chromium; Playwright's own browser download does not work here).
 * Specs import `test` from tests/e2e/fixtures.ts (errors in the page fail the test) and
 * make their data with tests/e2e/support/data.ts, in the server's database (E2E_DB).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  throw new Error(
    `Chromium not found at ${chromium}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
  );
}

// Computed once in the main process; workers inherit the environment.
process.env.E2E_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
]).toString();
process.env.E2E_DB ??= path.join(os.tmpdir(), `conseil-e2e-${process.pid}-${Date.now()}.db`);
// Emails go to a real SMTP server (scripts/dev/smtp-sink.mjs) that keeps them as files the tests read.
process.env.E2E_SMTP_PORT ??= execFileSync(process.execPath, [
  "-e",
  "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})",
]).toString();
process.env.E2E_MAIL_DIR ??= path.join(os.tmpdir(), `conseil-e2e-mail-${process.pid}-${Date.now()}`);
const baseURL = `http://localhost:${process.env.E2E_PORT}`;
process.env.E2E_BASE_URL = baseURL;

/**
 * With JavaScript on only: the every-route spec (it is about what the browser's scripts do)
 * and the page audits tagged @audit (axe and screenshots; see AUDIT in tests/e2e/fixtures.ts).
 */
const JS_ONLY = /every-route\.spec\.ts/;

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  // Every journey runs twice: with JavaScript (the app's scripts hydrate the page and take
  // over forms and links) and without (plain HTML forms and links).
  projects: [
    { name: "js", use: { javaScriptEnabled: true } },
    { name: "no-js", use: { javaScriptEnabled: false }, testIgnore: JS_ONLY, grepInvert: /@audit/ },
  ],
  globalTeardown: "./tests/e2e/teardown.ts",
  use: {
    baseURL,
    locale: "fr-FR",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
      ],
    },
    trace: "off",
    // A page that crashed should fail its test quickly, not after the whole test timeout.
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
  webServer: [
    {
      command: "node scripts/dev/smtp-sink.mjs",
      port: Number(process.env.E2E_SMTP_PORT),
      reuseExistingServer: false,
      timeout: 30_000,
      env: { SINK_PORT: process.env.E2E_SMTP_PORT, SINK_DIR: process.env.E2E_MAIL_DIR },
    },
    {
      // Says so when the server stops during the run (its exit code), instead of leaving
      // only "connection refused" in the tests that follow.
      command: "sh -c 'node server.mjs; echo \"e2e server exited with status $?\" >&2'",
      url: `${baseURL}/`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: "pipe",
      env: {
        PORT: process.env.E2E_PORT,
        DATABASE_PATH: process.env.E2E_DB,
        SEED: "demo",
        NODE_ENV: "production",
        // The site's own origin: state-changing requests must come from it (Origin/Referer).
        PUBLIC_URL: baseURL,
        LOG_LEVEL: "warn",
        SMTP_URL: `smtp://127.0.0.1:${process.env.E2E_SMTP_PORT}`,
        OUTBOX_INTERVAL_MS: "300",
        SMS_DIR: path.join(process.env.E2E_MAIL_DIR, "sms"),
      },
    },
  ],
});
