import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { users } from '../db/schema/users.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import { createHarness, signIn } from '../test/harness.ts';
import { activate, codeFor, secretOn } from './test-fixtures.ts';

const h = await createHarness();
const otpPage = paths.otp.page('test');
const activateUrl = paths.otp.activate('test');
const WRONG =
  'The code or the password is not correct, or your user is locked after too many attempts. Wait for the next code in your app and try again.';

describe('setting up two-factor authentication (B4)', () => {
  test('the page shows a QR code with a text alternative, the secret and the otpauth URI', async () => {
    const { browser } = await signIn(h);
    await browser.get(otpPage);
    const qr = browser.page.one('#otp-setup [role=img]');
    assert.ok(qr?.getAttribute('aria-label')?.startsWith('QR code for your authenticator app'));
    assert.ok(qr?.querySelector('svg'), 'the picture is an inline SVG');
    assert.ok(browser.page.textOf(browser.page.one('code.uri')).startsWith('otpauth://totp/Guichet'));
    assert.ok(secretOn(browser));
  });

  test('each visit makes a new secret: only the newest QR code’s codes work', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(otpPage);
    const first = secretOn(browser)!;
    await browser.get(otpPage);
    const second = secretOn(browser)!;
    assert.notEqual(first, second);
    const old = await browser.post(activateUrl, { code: codeFor(h, first), password: user.password });
    assert.equal(old.status, 422);
    assert.equal(browser.page.fieldError('otp-code'), WRONG);
    assert.equal(secretOn(browser), second, 'after a mistake the same QR code is shown again');
    assert.equal((await browser.post(activateUrl, { code: codeFor(h, second), password: user.password })).status, 200);
  });

  test('activation needs the right password and a well-formed code; nothing changes otherwise', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(otpPage);
    const secret = secretOn(browser)!;
    await browser.post(activateUrl, { code: codeFor(h, secret), password: 'wrong password 1' });
    assert.deepEqual(
      browser.page.errorSummary(),
      [{ text: WRONG, href: '#otp-code' }],
      'one message: it does not say which was wrong',
    );
    assert.equal(browser.page.fieldError('otp-password'), undefined);
    assert.ok(browser.page.title().startsWith('Error: '));
    await browser.post(activateUrl, { code: '12ab56', password: user.password });
    assert.equal(browser.page.fieldError('otp-code'), 'Enter the 6 digits shown in your app, without letters.');
    assert.ok(!browser.lastBody.includes('12ab56'), 'the code is not echoed');
    await browser.post(activateUrl, { code: '', password: '' });
    assert.deepEqual(browser.page.errorSummary(), [
      { text: 'Enter the 6-digit code from your app.', href: '#otp-code' },
      { text: 'Enter your password.', href: '#otp-password' },
    ]);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    assert.equal(row?.totpEnabledAt, null);
  });

  test('an expired QR code is replaced by a new one with a message', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(otpPage);
    const secret = secretOn(browser)!;
    h.clock.advance(10 * MINUTE_MS);
    await browser.get(paths.home('test'));
    h.clock.advance(6 * MINUTE_MS);
    const response = await browser.post(activateUrl, { code: codeFor(h, secret), password: user.password });
    assert.equal(response.status, 422);
    const expired = 'This QR code has expired. Scan the new QR code below and enter its code.';
    assert.equal(browser.page.textOf(browser.page.one('#otp-setup [role=status]')), expired);
    assert.equal(browser.page.fieldError('otp-code'), expired);
    assert.notEqual(secretOn(browser), secret);
  });

  test('with htmx a mistake swaps the setup section only', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(otpPage);
    const response = await browser.post(activateUrl, { code: '000000', password: user.password }, { 'HX-Request': 'true' });
    assert.equal(response.status, 422);
    assert.ok(browser.lastBody.startsWith('<section'), 'a fragment, not a whole page');
    assert.equal(browser.page.one('h1'), null);
    assert.ok(browser.page.one('section#otp-setup'));
    assert.equal(browser.page.fieldError('otp-code'), WRONG);
  });

  test('the secret is stored encrypted, never in clear', async () => {
    const { user, browser } = await signIn(h);
    const { secret } = await activate(h, browser, user.password);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    assert.ok(row?.totpSecret?.startsWith('v1.'));
    assert.ok(!row?.totpSecret?.includes(secret));
  });
});
