import assert from 'node:assert/strict';
import type { Authenticated } from '../auth/sessions.ts';
import { validateSession } from '../auth/sessions.ts';
import { SECOND_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import type { Harness } from '../test/harness.ts';
import { generateCode } from './totp.ts';

/**
 * Test fixtures of two-factor authentication, shared by the otp and account tests: read the
 * setup page's key, compute the app's codes on the harness's clock, turn 2FA on through the page.
 */
type H = Pick<Harness, 'clock' | 'db'>;

/** The key (base32) the setup page shows as text, or undefined when there is none. */
export const secretOn = (browser: TestBrowser) =>
  browser.page.one('[data-otp-secret]')?.getAttribute('data-otp-secret') ?? undefined;

/** The code an authenticator app shows for `secret` now (or `offsetMs` from now) on the harness's clock. */
export const codeFor = (h: H, secret: string, offsetMs = 0) =>
  generateCode({ base32: secret }, new Date(h.clock.now().getTime() + offsetMs));

/** Moves the clock to the next 30-second step, so a new code is accepted. */
export const nextStep = (h: H) => h.clock.advance(30 * SECOND_MS);

/**
 * Presses "Set up two-factor authentication" on the one-time password page (a POST that makes a
 * new pending seed, then back to the page) and returns the key the page then shows.
 */
export async function startSetup(browser: TestBrowser): Promise<string> {
  await browser.get(paths.otp.page('test'));
  const response = await browser.post(paths.otp.setup('test'), {});
  assert.equal(response.status, 303, 'the setup button answers with a redirect to the page');
  assert.equal(response.headers.get('Location'), paths.otp.page('test'));
  await browser.get(paths.otp.page('test'));
  const secret = secretOn(browser);
  assert.ok(secret, 'the page shows the new key');
  return secret;
}

/** Turns 2FA on through the setup page; returns the key and the recovery codes shown. */
export async function activate(h: H, browser: TestBrowser, password: string) {
  const secret = await startSetup(browser);
  assert.ok(secret, 'the secret is on the page as text');
  const response = await browser.post(paths.otp.activate('test'), { code: codeFor(h, secret), password });
  assert.equal(response.status, 200);
  assert.equal(browser.page.h1(), 'Your recovery codes');
  const codes = browser.page.all('ul.recovery-codes li code').map((code) => browser.page.textOf(code));
  return { secret, codes };
}

/** The session the browser holds, as services receive it (for actorContextOf). */
export async function sessionOf(h: H, browser: TestBrowser): Promise<Authenticated> {
  await browser.get(paths.home('test'));
  const auth = await validateSession(h.db, h.clock, browser.cookies.get('guichet_test_session')!, 'test');
  assert.ok(auth, 'the browser is signed in');
  return auth;
}
