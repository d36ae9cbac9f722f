import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createHarness, signIn } from '../test/harness.ts';
import { activate, codeFor, nextStep, secretOn, startSetup } from './test-fixtures.ts';

const h = await createHarness();
const otpPage = paths.otp.page('test');
const SWITCH_OFF = 'Switch off two-factor authentication';
const CODE_OR_RECOVERY = 'Enter the 6-digit code from your app or one of your recovery codes.';
const RECOVERY_WRONG =
  'The recovery code or the password is not correct, the code was already used, or your user is locked after too many attempts.';
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
    assert.deepEqual(browser.page.errorSummary(), [
      { text: `Code from the app, or a recovery code: ${WRONG}`, href: '#deactivate-code' },
    ]);
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
    assert.equal(secretOn(browser), undefined, 'no QR code is made by looking at the page');
    assert.ok(browser.page.buttons().includes('Set up two-factor authentication'), 'it can be set up again');
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

  test('a lost phone: 2FA is switched off with a recovery code and the password, and the code is spent', async () => {
    const { user, browser } = await signIn(h);
    const { codes } = await activate(h, browser, user.password);
    const off = paths.otp.deactivate('test');
    await browser.get(otpPage);
    const section = browser.page.one('#otp-deactivate');
    assert.equal(browser.page.textOf(section?.querySelector('h2')), SWITCH_OFF);
    assert.equal(
      browser.page.textOf(section?.querySelector('label[for=deactivate-code]')),
      'Code from the app, or a recovery code',
    );
    assert.notEqual(browser.page.one('#deactivate-code')?.getAttribute('inputmode'), 'numeric', 'letters can be typed');

    assert.equal((await browser.post(off, { code: 'abcd-efgh-ijkl', password: user.password })).status, 422);
    assert.equal(browser.page.fieldError('deactivate-code'), CODE_OR_RECOVERY);
    assert.equal((await browser.post(off, { code: codes[0]!, password: 'wrong password 3' })).status, 422);
    assert.equal(browser.page.fieldError('deactivate-code'), RECOVERY_WRONG);
    const login = new TestBrowser(h.app);
    await logIn(login, user);
    await login.get(paths.loginCode('test'));
    assert.equal((await login.post(paths.loginCode('test'), { code: codes[1]! })).status, 303, 'a code spent at login');
    assert.equal((await browser.post(off, { code: codes[1]!, password: user.password })).status, 422, 'is spent');
    assert.equal(browser.page.fieldError('deactivate-code'), RECOVERY_WRONG);

    const done = await browser.post(off, { code: codes[0]!.toUpperCase(), password: user.password });
    assert.equal(done.status, 303, 'the code the wrong password did not spend works');
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    assert.equal(row?.totpEnabledAt, null);
    const events = await h.db
      .select({ type: auditLog.eventType, success: auditLog.success, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.userId, user.id), eq(auditLog.object, `user:${user.id}`)));
    const spent = events.filter((event) => event.type === 'otp.recovery_code_used');
    assert.deepEqual(
      spent.map((event) => event.details),
      [{}, { for: 'otp.disable' }],
      'the code used at login, then the one used to switch off',
    );
    assert.deepEqual(
      events.filter((event) => event.type === 'otp.disable').map((event) => [event.success, event.details]),
      [
        [false, { reason: 'otp.codeOrRecoveryCode' }],
        [false, { reason: 'otp.recoveryCodeOrPasswordWrong' }],
        [false, { reason: 'otp.recoveryCodeOrPasswordWrong' }],
        [true, { method: 'recovery' }],
      ],
    );
    assert.equal(
      (await logIn(new TestBrowser(h.app), user)).headers.get('Location'),
      paths.home('test'),
      'no code step any more',
    );
  });

  test('new recovery codes can be made with a recovery code too', async () => {
    const { user, browser } = await signIn(h);
    const { codes } = await activate(h, browser, user.password);
    await browser.get(otpPage);
    assert.equal(browser.page.textOf(browser.page.one('label[for=recovery-code]')), 'Code from the app, or a recovery code');
    const made = await browser.post(paths.otp.recoveryCodes('test'), { code: codes[3]!, password: user.password });
    assert.equal(made.status, 200);
    assert.equal(browser.page.all('ul.recovery-codes li code').length, 10);
  });

  test('buttons and links say what they do', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(otpPage);
    assert.ok(browser.page.buttons().includes('Set up two-factor authentication'));
    await startSetup(browser);
    assert.ok(browser.page.buttons().includes('Switch on two-factor authentication'));
    assert.ok(browser.page.buttons().includes('Make a new QR code'));
    await activate(h, browser, user.password);
    assert.ok(browser.page.link('I have kept my codes: back to the one-time password page'));
    await browser.get(otpPage);
    assert.ok(browser.page.buttons().includes(SWITCH_OFF));
    assert.ok(browser.page.buttons().includes('Make new recovery codes'));
    assert.ok(browser.page.buttons().includes('Save the account setting'));
    const login = new TestBrowser(h.app);
    await logIn(login, user);
    await login.get(paths.loginCode('test'));
    assert.ok(login.page.buttons().includes('Log in'));
    assert.ok(login.page.buttons().includes('Cancel and log out'));
    const vague = ['Continue', 'Yes, continue', 'Turn on', 'Turn off', 'OK', 'Submit', 'Save'];
    for (const label of [...browser.page.buttons(), ...login.page.buttons()]) assert.ok(!vague.includes(label), label);
  });
});
