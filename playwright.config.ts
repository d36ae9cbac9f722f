import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import { DEMO_PASSWORD, E2E_DATA_DIR } from './e2e/demo.ts';

/**
 * End-to-end tests against a real server (embedded database, fresh data folder per run) with the
 * system Chromium. Two projects: JavaScript on (htmx and app.js enhance the pages) and JavaScript
 * off (the plain HTML must work on its own).
 */

/** E2E_PORT lets two checkouts run the suite side by side. */
const PORT = Number(process.env.E2E_PORT || 4123);
const HOST = '127.0.0.1';
/** Under test-results/ (git-ignored); deleted before every run by the server command below. */
const DATA_DIR = E2E_DATA_DIR;

const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (!existsSync(chromiumPath)) {
  throw new Error(
    `No Chromium found at ${chromiumPath}, so the end-to-end tests cannot run. ` +
      'Install one with `apt-get install -y chromium` (Debian/Ubuntu), or set CHROMIUM_PATH to the path of a Chromium or Chrome executable.',
  );
}

// Playwright passes its own environment on to the server; DATABASE_URL is blanked so the server
// always uses the embedded database in DATA_DIR, whatever the caller's shell has set.
const serverEnv = {
  PORT: String(PORT),
  HOST,
  DATA_DIR,
  DATABASE_URL: '',
  // Every seeded demo user gets this password (e2e/demo.ts).
  DEMO_PASSWORD,
  LOG_REQUESTS: '0',
};

export default defineConfig({
  testDir: 'e2e',
  // E2E_OUTPUT_DIR, with E2E_PORT and E2E_DATA_DIR, lets two runs share a checkout.
  outputDir: process.env.E2E_OUTPUT_DIR || 'test-results/playwright',
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  // axe takes 1–3 s a page on a slow machine; a test visits up to six pages.
  timeout: 60_000,
  expect: { timeout: 5_000 },
  use: {
    baseURL: `http://${HOST}:${PORT}`,
    browserName: 'chromium',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'js-on', use: { javaScriptEnabled: true }, testIgnore: /back-without-js\.spec\.ts/ },
    // The idle warning is shown by app.js: without JavaScript there is none to test.
    { name: 'js-off', use: { javaScriptEnabled: false }, testIgnore: /(idle(-tabs)?|reload)\.spec\.ts/ },
  ],
  webServer: {
    // The data folder is made afresh: the demo account with the known password and the journey users.
    command: `rm -rf ${DATA_DIR} && npx tsx e2e/seed-server-data.ts && npx tsx src/server.ts`,
    url: `http://${HOST}:${PORT}/test/login`,
    env: serverEnv,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    // SIGTERM lets the server close the embedded database cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
  },
});
