import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { users } from '../db/schema/users.ts';
import { COOKIES } from '../http/cookies.ts';
import { SECOND_MS } from '../lib/clock.ts';
import { sealTotpSecret } from '../otp/storage.ts';
import { generateCode, generateTotpSecret } from '../otp/totp.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import type { Harness, TestUser } from '../test/harness.ts';

/** Test fixtures of the login's limits (decision record 0018): the user's own browser, 2FA, the code step. */

type H = Pick<Harness, 'app' | 'db' | 'clock' | 'secretKey'>;

/** Two-factor authentication turned on for the user directly (the setup pages have their own tests); returns the key. */
export async function turnOnTwoFactor(h: H, user: Pick<TestUser, 'id'>): Promise<string> {
  const secret = generateTotpSecret();
  await h.db
    .update(users)
    .set({ totpSecret: sealTotpSecret(h.secretKey, secret, user), totpEnabledAt: h.clock.now(), totpLastStep: null })
    .where(eq(users.id, user.id));
  return secret;
}

/** The app's code for `secret` now; the clock then moves to the next step, so the next code is new. */
export function currentCode(h: H, secret: string): string {
  const code = generateCode({ base32: secret }, h.clock.now());
  h.clock.advance(30 * SECOND_MS);
  return code;
}

/** Posts a code at the login's code step (the browser has passed the password step). */
export async function sendCode(browser: TestBrowser, code: string): Promise<Response> {
  await browser.get(paths.loginCode('test'));
  return browser.post(paths.loginCode('test'), { code });
}

/**
 * The user's own browser: it has logged in before (password, and the code when 2FA is on), so
 * it holds a device cookie for them; its session is then gone, as after closing the browser.
 */
export async function ownBrowser(h: H, user: TestUser, secret?: string, browser = new TestBrowser(h.app)) {
  assert.equal((await logIn(browser, user)).status, 303, 'the password step');
  if (secret) assert.equal((await sendCode(browser, currentCode(h, secret))).status, 303, 'the code step');
  assert.ok(browser.cookies.get(COOKIES.device), 'the browser holds a device cookie');
  browser.cookies.delete(COOKIES.session('test'));
  return browser;
}

/** A browser that never logged in as the user. */
export const stranger = (h: Pick<Harness, 'app'>, headers: Record<string, string> = {}) => new TestBrowser(h.app, headers);
