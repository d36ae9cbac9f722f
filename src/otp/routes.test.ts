import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { validateSession } from '../auth/sessions.ts';
import { accounts } from '../db/schema/accounts.ts';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { Forbidden, NotFound } from '../errors.ts';
import { MINUTE_MS, SECOND_MS } from '../lib/clock.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import type { TestUser } from '../test/harness.ts';
import { actorContextOf, createAccount, createHarness, createUser } from '../test/harness.ts';
import { switchOffOtpForUser } from './service.ts';
import { generateCode } from './totp.ts';

const h = await createHarness();

const secretOn = (body: string) => /data-otp-secret="([A-Z2-7]+)"/.exec(body)?.[1];
const codeFor = (secret: string, offsetMs = 0) => generateCode({ base32: secret }, new Date(h.clock.now().getTime() + offsetMs));
const nextStep = () => h.clock.advance(30 * SECOND_MS);

async function signedIn(user?: TestUser) {
  const admin = user ?? (await createAccount(h.db, { passwordChangedAt: h.clock.now() }));
  const browser = new TestBrowser(h.app);
  assert.equal((await logIn(browser, admin)).status, 303);
  return { admin, browser };
}

/** Turns 2FA on through the setup page; returns the secret and the recovery codes shown. */
async function activate(browser: TestBrowser, password: string) {
  await browser.get('/test/password/otp');
  const secret = secretOn(browser.lastBody);
  assert.ok(secret, 'the secret is on the page as text');
  const response = await browser.post('/test/password/otp/activate', { code: codeFor(secret), password });
  assert.equal(response.status, 200);
  const codes = [...browser.lastBody.matchAll(/<li><code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})<\/code><\/li>/g)].map(
    (m) => m[1]!,
  );
  return { secret, codes };
}

describe('setting up two-factor authentication (B4)', () => {
  test('the page shows a QR code with a text alternative, the secret and the otpauth URI', async () => {
    const { browser } = await signedIn();
    await browser.get('/test/password/otp');
    assert.match(browser.lastBody, /<div role="img" aria-label="QR code for your authenticator app[^"]*"><svg/);
    assert.match(browser.lastBody, /otpauth:\/\/totp\/Guichet/);
    assert.ok(secretOn(browser.lastBody));
  });

  test('each visit makes a new secret: only the newest QR code’s codes work', async () => {
    const { admin, browser } = await signedIn();
    await browser.get('/test/password/otp');
    const first = secretOn(browser.lastBody)!;
    await browser.get('/test/password/otp');
    const second = secretOn(browser.lastBody)!;
    assert.notEqual(first, second);
    const old = await browser.post('/test/password/otp/activate', { code: codeFor(first), password: admin.password });
    assert.equal(old.status, 422);
    assert.match(browser.lastBody, /The code or the password is not correct/);
    assert.equal(secretOn(browser.lastBody), second, 'after a mistake the same QR code is shown again');
    assert.equal(
      (await browser.post('/test/password/otp/activate', { code: codeFor(second), password: admin.password })).status,
      200,
    );
  });

  test('activation needs the right password and a well-formed code; nothing changes otherwise', async () => {
    const { admin, browser } = await signedIn();
    await browser.get('/test/password/otp');
    const secret = secretOn(browser.lastBody)!;
    await browser.post('/test/password/otp/activate', { code: codeFor(secret), password: 'wrong password 1' });
    assert.match(browser.lastBody, /The code or the password is not correct/, 'one message: it does not say which was wrong');
    await browser.post('/test/password/otp/activate', { code: '12ab56', password: admin.password });
    assert.match(browser.lastBody, /Enter the 6 digits shown in your app/);
    assert.ok(!browser.lastBody.includes('12ab56'), 'the code is not echoed');
    await browser.post('/test/password/otp/activate', { code: '', password: '' });
    assert.match(browser.lastBody, /Enter the 6-digit code from your app[\s\S]*Enter your password/);
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.equal(row?.totpEnabledAt, null);
  });

  test('an expired QR code is replaced by a new one with a message', async () => {
    const { admin, browser } = await signedIn();
    await browser.get('/test/password/otp');
    const secret = secretOn(browser.lastBody)!;
    h.clock.advance(10 * MINUTE_MS);
    await browser.get('/test/home');
    h.clock.advance(6 * MINUTE_MS);
    const response = await browser.post('/test/password/otp/activate', { code: codeFor(secret), password: admin.password });
    assert.equal(response.status, 422);
    assert.match(browser.lastBody, /This QR code has expired/);
    assert.notEqual(secretOn(browser.lastBody), secret);
  });

  test('with htmx a mistake swaps the setup section only', async () => {
    const { admin, browser } = await signedIn();
    await browser.get('/test/password/otp');
    const response = await browser.post(
      '/test/password/otp/activate',
      { code: '000000', password: admin.password },
      { 'HX-Request': 'true' },
    );
    assert.equal(response.status, 422);
    assert.match(browser.lastBody, /^<section class="card" id="otp-setup"/);
  });

  test('the secret is stored encrypted, never in clear', async () => {
    const { admin, browser } = await signedIn();
    const { secret } = await activate(browser, admin.password);
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.ok(row?.totpSecret?.startsWith('v1.'));
    assert.ok(!row?.totpSecret?.includes(secret));
  });
});

describe('logging in with two-factor authentication (B4)', () => {
  test('the whole journey: activate, log out, password then code, a code only once', async () => {
    const { admin, browser } = await signedIn();
    const { secret, codes } = await activate(browser, admin.password);
    assert.equal(codes.length, 10);
    assert.match(browser.lastBody, /download="guichet-recovery-codes-/);
    await browser.get('/test/password/otp');
    assert.match(browser.lastBody, /Two-factor authentication is on/);
    assert.doesNotMatch(browser.lastBody, /<svg/, 'no QR code while 2FA is on');
    await browser.post('/test/logout', {});

    nextStep();
    const login = new TestBrowser(h.app);
    const response = await logIn(login, admin);
    assert.equal(response.headers.get('Location'), '/test/login/otp?next=%2Ftest%2Fhome');
    const halfToken = login.cookies.get('guichet_test_session')!;
    for (const path of ['/test/home', '/test/support', '/test/password', '/test/password/otp']) {
      const inner = await login.get(path);
      assert.equal(inner.status, 303, path);
      assert.equal(inner.headers.get('Location'), '/test/login/otp', path);
    }
    await login.get('/test/login/otp?next=%2Ftest%2Fhome');
    assert.match(login.lastBody, /<h1>Enter your code<\/h1>/);
    const wrong = await login.post('/test/login/otp', { code: '000000', next: '/test/home' });
    assert.equal(wrong.status, 422);
    const code = codeFor(secret);
    const right = await login.post('/test/login/otp', { code, next: '/test/home' });
    assert.equal(right.status, 303);
    assert.equal(right.headers.get('Location'), '/test/home');
    assert.notEqual(login.cookies.get('guichet_test_session'), halfToken, 'the token rotated after the code step');
    assert.equal((await login.get('/test/home')).status, 200);

    const again = new TestBrowser(h.app);
    await logIn(again, admin);
    await again.get('/test/login/otp');
    const replay = await again.post('/test/login/otp', { code });
    assert.equal(replay.status, 422, 'the same code is refused a second time');
    nextStep();
    assert.equal((await again.post('/test/login/otp', { code: codeFor(secret) })).status, 303);
  });

  test('a recovery code replaces the app’s code once', async () => {
    const { admin, browser } = await signedIn();
    const { codes } = await activate(browser, admin.password);
    const recovery = codes[0]!.toUpperCase().replaceAll('-', ' ');
    const first = new TestBrowser(h.app);
    await logIn(first, admin);
    await first.get('/test/login/otp');
    assert.equal((await first.post('/test/login/otp', { code: recovery })).status, 303);
    const second = new TestBrowser(h.app);
    await logIn(second, admin);
    await second.get('/test/login/otp');
    assert.equal((await second.post('/test/login/otp', { code: codes[0]! })).status, 422);
    const events = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, admin.id), eq(auditLog.eventType, 'otp.recovery_code_used')));
    assert.equal(events.length, 1);
  });

  test('5 wrong codes in a row end the half-open session; wrong codes count toward the lockout', async () => {
    const { admin, browser } = await signedIn();
    await activate(browser, admin.password);
    const login = new TestBrowser(h.app);
    await logIn(login, admin);
    await login.get('/test/login/otp');
    for (let i = 0; i < 4; i += 1) assert.equal((await login.post('/test/login/otp', { code: `00000${i}` })).status, 422);
    const fifth = await login.post('/test/login/otp', { code: '000009' });
    assert.equal(fifth.status, 303);
    assert.equal(fifth.headers.get('Location'), '/test/login');
    await login.get('/test/login');
    assert.match(login.lastBody, /Too many wrong codes/);
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.equal(row?.failedLoginCount, 5);
    for (let i = 0; i < 5; i += 1) {
      const retry = new TestBrowser(h.app);
      await logIn(retry, admin);
      await retry.get('/test/login/otp');
      await retry.post('/test/login/otp', { code: '111111' });
    }
    const [locked] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.ok(locked?.lockedUntil && locked.lockedUntil > h.clock.now(), 'ten wrong codes lock the user');
    assert.equal((await logIn(new TestBrowser(h.app), admin)).status, 422);
  });

  test('turning 2FA off needs a current code and the password', async () => {
    const { admin, browser } = await signedIn();
    const { secret } = await activate(browser, admin.password);
    nextStep();
    await browser.get('/test/password/otp');
    assert.equal(
      (await browser.post('/test/password/otp/deactivate', { code: codeFor(secret), password: 'wrong password 2' })).status,
      422,
    );
    nextStep();
    assert.equal((await browser.post('/test/password/otp/deactivate', { code: '123456', password: admin.password })).status, 422);
    nextStep();
    assert.equal(
      (await browser.post('/test/password/otp/deactivate', { code: codeFor(secret), password: admin.password })).status,
      303,
    );
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.equal(row?.totpSecret, null);
    await browser.get('/test/password/otp');
    assert.match(browser.lastBody, /<svg/, 'a new QR code after it is turned off');
    const login = new TestBrowser(h.app);
    assert.equal((await logIn(login, admin)).headers.get('Location'), '/test/home', 'no code step any more');
  });

  test('new recovery codes need a code and the password, and cancel the old ones', async () => {
    const { admin, browser } = await signedIn();
    const { secret, codes: old } = await activate(browser, admin.password);
    nextStep();
    await browser.get('/test/password/otp');
    assert.equal(
      (await browser.post('/test/password/otp/recovery-codes', { code: codeFor(secret), password: 'nope nope 12' })).status,
      422,
    );
    nextStep();
    assert.equal(
      (await browser.post('/test/password/otp/recovery-codes', { code: codeFor(secret), password: admin.password })).status,
      200,
    );
    const login = new TestBrowser(h.app);
    await logIn(login, admin);
    await login.get('/test/login/otp');
    assert.equal((await login.post('/test/login/otp', { code: old[1]! })).status, 422, 'old recovery codes stopped working');
  });
});

describe('administrator control (B5)', () => {
  test('an administrator with user management switches off another user’s 2FA; their sessions end', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const user = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'lost.phone', passwordChangedAt: h.clock.now() });
    const { browser: userBrowser } = await signedIn(user);
    await activate(userBrowser, user.password);
    const { browser: adminBrowser } = await signedIn(admin);
    await adminBrowser.get('/test/home');
    const adminAuth = await validateSession(h.db, h.clock, adminBrowser.cookies.get('guichet_test_session')!, 'test');
    assert.ok(adminAuth);
    await switchOffOtpForUser(actorContextOf(h, adminAuth, '192.0.2.9'), user.id);
    const [row] = await h.db.select().from(users).where(eq(users.id, user.id));
    assert.equal(row?.totpEnabledAt, null);
    assert.equal((await userBrowser.get('/test/home')).status, 303, 'the user’s session ended');
    const [event] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.eventType, 'otp.disabled_by_admin'), eq(auditLog.object, `user:${user.id}`)));
    assert.equal(event?.userId, admin.id, 'audited with who did it');
    assert.equal((await logIn(new TestBrowser(h.app), user)).headers.get('Location'), '/test/home');
  });

  test('profiles without user management, and users of other accounts, are refused', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const viewer = await createUser(h.db, admin.accountId, admin.pspid, {
      userid: 'viewer.two',
      passwordChangedAt: h.clock.now(),
    });
    const stranger = await createAccount(h.db);
    const { browser: viewerBrowser } = await signedIn(viewer);
    await viewerBrowser.get('/test/home');
    const viewerAuth = (await validateSession(h.db, h.clock, viewerBrowser.cookies.get('guichet_test_session')!, 'test'))!;
    await assert.rejects(switchOffOtpForUser(actorContextOf(h, viewerAuth), admin.id), Forbidden);
    const { browser: adminBrowser } = await signedIn(admin);
    await adminBrowser.get('/test/home');
    const adminAuth = (await validateSession(h.db, h.clock, adminBrowser.cookies.get('guichet_test_session')!, 'test'))!;
    await assert.rejects(switchOffOtpForUser(actorContextOf(h, adminAuth), stranger.id), NotFound);
  });

  test('“2FA required for every user” sends users without it to the setup page, and nothing else', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const viewer = await createUser(h.db, admin.accountId, admin.pspid, {
      userid: 'viewer.three',
      passwordChangedAt: h.clock.now(),
    });
    const { browser: adminBrowser } = await signedIn(admin);
    await adminBrowser.get('/test/password/otp');
    assert.match(adminBrowser.lastBody, /Require two-factor authentication for every user/);
    await activate(adminBrowser, admin.password);
    await adminBrowser.get('/test/password/otp');
    assert.equal((await adminBrowser.post('/test/password/otp/required', { submitted: '1', required: '1' })).status, 303);
    const [account] = await h.db.select().from(accounts).where(eq(accounts.id, admin.accountId));
    assert.equal(account?.twoFactorRequired, true);

    const { browser } = await signedIn(viewer);
    for (const path of ['/test/home', '/test/support', '/test/password']) {
      const response = await browser.get(path);
      assert.equal(response.headers.get('Location'), '/test/password/otp', path);
    }
    await browser.get('/test/password/otp');
    assert.match(browser.lastBody, /Your account requires two-factor authentication/);
    assert.doesNotMatch(browser.lastBody, /class="main-menu"/);
    assert.doesNotMatch(browser.lastBody, /Require two-factor authentication for every user/, 'no account setting here');
    const secret = secretOn(browser.lastBody)!;
    await browser.post('/test/password/otp/activate', { code: codeFor(secret), password: viewer.password });
    assert.equal((await browser.get('/test/home')).status, 200, 'once set up, the back office opens');
    nextStep();
    await browser.get('/test/password/otp');
    const off = await browser.post('/test/password/otp/deactivate', { code: codeFor(secret), password: viewer.password });
    assert.equal(off.status, 422, 'cannot be turned off while required');

    const { browser: viewerAgain } = await signedIn(viewer);
    await viewerAgain.get('/test/home');
    assert.equal(
      (await viewerAgain.post('/test/password/otp/required', { submitted: '1' })).status,
      403,
      'a viewer cannot change it',
    );
  });
});
