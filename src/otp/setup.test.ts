import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { users } from '../db/schema/users.ts';
import { MINUTE_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import { createHarness, signIn } from '../test/harness.ts';
import { activate, codeFor, secretOn, startSetup } from './test-fixtures.ts';

const h = await createHarness();
const otpPage = paths.otp.page('test');
const activateUrl = paths.otp.activate('test');
const SET_UP = 'Set up two-factor authentication';
const EXPIRED = 'This QR code expired after 15 minutes. Make a new one with the button below, then scan it.';
const WRONG =
  'The code or the password is not correct, or your user is locked after too many attempts. Wait for the next code in your app and try again.';

describe('setting up two-factor authentication (B4)', () => {
  test('the page offers a button; only its POST makes a QR code, and a GET shows the same one again', async () => {
    const { user, browser } = await signIn(h);
    const pendingOf = async () => (await h.db.select().from(users).where(eq(users.id, user.id)))[0]?.totpPendingSecret;
    for (let i = 0; i < 2; i += 1) {
      await browser.get(otpPage);
      assert.equal(secretOn(browser), undefined, 'no QR code before the button');
      assert.ok(browser.page.buttons().includes(SET_UP));
      assert.equal(browser.page.one(`form[action="${paths.otp.setup('test')}"]`)?.getAttribute('method'), 'post');
    }
    assert.equal(await pendingOf(), null, 'looking at the page made nothing');
    const forged = await browser.post(paths.otp.setup('test'), { _csrf: null });
    assert.equal(forged.status, 403, 'the button is protected like every form');
    assert.equal(await pendingOf(), null);

    const secret = await startSetup(browser);
    const qr = browser.page.one('#otp-setup [role=img]');
    assert.ok(qr?.getAttribute('aria-label')?.startsWith('QR code for your authenticator app'));
    assert.ok(qr?.querySelector('svg'), 'the picture is an inline SVG');
    assert.ok(browser.page.textOf(browser.page.one('code.uri')).startsWith('otpauth://totp/Guichet'));
    const stored = await pendingOf();
    await browser.get(otpPage);
    assert.equal(secretOn(browser), secret, 'a GET shows the pending QR code again, unchanged');
    assert.equal(await pendingOf(), stored);
    assert.ok(browser.page.buttons().includes('Make a new QR code'));
  });

  test('a new QR code replaces the previous one: only the newest QR code’s codes work', async () => {
    const { user, browser } = await signIn(h);
    const first = await startSetup(browser);
    const second = await startSetup(browser);
    assert.notEqual(first, second);
    const old = await browser.post(activateUrl, { code: codeFor(h, first), password: user.password });
    assert.equal(old.status, 422);
    assert.equal(browser.page.fieldError('otp-code'), WRONG);
    assert.equal(secretOn(browser), second, 'after a mistake the same QR code is shown again');
    assert.equal((await browser.post(activateUrl, { code: codeFor(h, second), password: user.password })).status, 200);
  });

  test('activation needs the right password and a well-formed code; nothing changes otherwise', async () => {
    const { user, browser } = await signIn(h);
    const secret = await startSetup(browser);
    await browser.post(activateUrl, { code: codeFor(h, secret), password: 'wrong password 1' });
    assert.deepEqual(
      browser.page.errorSummary(),
      [{ text: `Code from the app: ${WRONG}`, href: '#otp-code' }],
      'one message: it does not say which was wrong',
    );
    assert.equal(browser.page.fieldError('otp-password'), undefined);
    assert.ok(browser.page.title().startsWith('Error: '));
    await browser.post(activateUrl, { code: '12ab56', password: user.password });
    assert.equal(browser.page.fieldError('otp-code'), 'Enter the 6 digits shown in your app, without letters.');
    assert.ok(!browser.lastBody.includes('12ab56'), 'the code is not echoed');
    await browser.post(activateUrl, { code: '', password: '' });
    assert.deepEqual(browser.page.errorSummary(), [
      { text: 'Code from the app: Enter the 6-digit code from your app.', href: '#otp-code' },
      { text: 'Your password: Enter your password.', href: '#otp-password' },
    ]);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    assert.equal(row?.totpEnabledAt, null);
  });

  test('an expired QR code is not shown again: the page says so and offers the button', async () => {
    const { user, browser } = await signIn(h);
    const secret = await startSetup(browser);
    h.clock.advance(10 * MINUTE_MS);
    await browser.get(paths.home('test'));
    h.clock.advance(6 * MINUTE_MS);
    await browser.get(otpPage);
    assert.equal(secretOn(browser), undefined);
    assert.equal(browser.page.textOf(browser.page.one('#otp-setup [role=status]')), EXPIRED);
    assert.ok(browser.page.buttons().includes(SET_UP));
    const response = await browser.post(activateUrl, { code: codeFor(h, secret), password: user.password });
    assert.equal(response.status, 422);
    assert.equal(browser.page.alert(), EXPIRED);
    assert.ok(browser.page.title().startsWith('Error: '));
    assert.equal(secretOn(browser), undefined, 'answering a POST makes no QR code either');
    assert.ok(browser.page.buttons().includes(SET_UP));
    assert.notEqual(await startSetup(browser), secret);
  });

  test('with htmx a mistake swaps the setup section only', async () => {
    const { user, browser } = await signIn(h);
    await startSetup(browser);
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
