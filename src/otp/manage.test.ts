import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createHarness, signIn } from '../test/harness.ts';
import { activate, codeFor, nextStep, secretOn } from './test-fixtures.ts';

const h = await createHarness();
const otpPage = paths.otp.page('test');
const WRONG =
  'The code or the password is not correct, or your user is locked after too many attempts. Wait for the next code in your app and try again.';

describe('managing one’s own two-factor authentication (B4)', () => {
  test('turning 2FA off needs a current code and the password', async () => {
    const { user, browser } = await signIn(h);
    const { secret } = await activate(h, browser, user.password);
    const off = paths.otp.deactivate('test');
    nextStep(h);
    await browser.get(otpPage);
    assert.equal((await browser.post(off, { code: codeFor(h, secret), password: 'wrong password 2' })).status, 422);
    assert.equal(browser.page.fieldError('deactivate-code'), WRONG);
    assert.deepEqual(browser.page.errorSummary(), [{ text: WRONG, href: '#deactivate-code' }]);
    nextStep(h);
    assert.equal((await browser.post(off, { code: '123456', password: user.password })).status, 422);
    nextStep(h);
    assert.equal((await browser.post(off, { code: '', password: '' })).status, 422);
    assert.deepEqual(
      browser.page.errorSummary().map((line) => line.href),
      ['#deactivate-code', '#deactivate-password'],
    );
    assert.equal((await browser.post(off, { code: codeFor(h, secret), password: user.password })).status, 303);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    assert.equal(row?.totpSecret, null);
    const events = await h.db
      .select({ success: auditLog.success })
      .from(auditLog)
      .where(and(eq(auditLog.userId, user.id), eq(auditLog.eventType, 'otp.disable')));
    assert.deepEqual(
      events.map((event) => event.success),
      [false, false, true],
      'each refusal of a code and password is audited',
    );
    await browser.get(otpPage);
    assert.equal(browser.page.flash(), 'Two-factor authentication is off.');
    assert.ok(browser.page.one('#otp-setup [role=img] svg'), 'a new QR code after it is turned off');
    assert.ok(secretOn(browser));
    const login = new TestBrowser(h.app);
    assert.equal((await logIn(login, user)).headers.get('Location'), paths.home('test'), 'no code step any more');
  });

  test('new recovery codes need a code and the password, and cancel the old ones', async () => {
    const { user, browser } = await signIn(h);
    const { secret, codes: old } = await activate(h, browser, user.password);
    const regenerate = paths.otp.recoveryCodes('test');
    nextStep(h);
    await browser.get(otpPage);
    assert.equal(browser.page.text().includes('Unused recovery codes: 10.'), true);
    assert.equal((await browser.post(regenerate, { code: codeFor(h, secret), password: 'nope nope 12' })).status, 422);
    assert.equal(browser.page.fieldError('recovery-code'), WRONG);
    nextStep(h);
    assert.equal((await browser.post(regenerate, { code: codeFor(h, secret), password: user.password })).status, 200);
    const fresh = browser.page.all('ul.recovery-codes li code').map((code) => browser.page.textOf(code));
    assert.equal(fresh.length, 10);
    assert.ok(!fresh.includes(old[1]!));
    const login = new TestBrowser(h.app);
    await logIn(login, user);
    await login.get(paths.loginCode('test'));
    assert.equal(
      (await login.post(paths.loginCode('test'), { code: old[1]! })).status,
      422,
      'old recovery codes stopped working',
    );
    assert.equal((await login.post(paths.loginCode('test'), { code: fresh[1]! })).status, 303, 'the new ones work');
  });
});
