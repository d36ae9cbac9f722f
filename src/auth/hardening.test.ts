import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, ne } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { sessions } from '../db/schema/sessions.ts';
import { users } from '../db/schema/users.ts';
import { generateCode } from '../otp/totp.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import type { Page } from '../test/html.ts';

const h = await createHarness({ trustProxy: 1 });
const fresh = () => ({ passwordChangedAt: h.clock.now() });

/** Attempts that were really checked (not refused because the user was locked). */
async function checkedAttempts(userId: string, eventType: string) {
  const rows = await h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.userId, userId), eq(auditLog.eventType, eventType)));
  return rows.filter((row) => !['locked', 'too_many_codes'].includes((row.details as { reason?: string }).reason ?? ''));
}

/** The secret the 2FA setup page shows (its data-otp-secret attribute). */
function otpSecret(page: Page): string {
  const secret = page.one('[data-otp-secret]')?.getAttribute('data-otp-secret') ?? '';
  assert.match(secret, /^[A-Z2-7]+$/, 'the setup page shows the secret');
  return secret;
}

/** A signed-in administrator who has set up 2FA; the clock has moved past the code used. */
async function withTwoFactor() {
  const { user: admin, browser } = await signIn(h);
  await browser.get(paths.otp.page('test'));
  await browser.post(paths.otp.setup('test'), {});
  await browser.get(paths.otp.page('test'));
  const secret = otpSecret(browser.page);
  await browser.post(paths.otp.activate('test'), {
    code: generateCode({ base32: secret }, h.clock.now()),
    password: admin.password,
  });
  h.clock.advance(30_000);
  return { admin, secret };
}

describe('the lockout under parallel requests', () => {
  test('a burst of 39 wrong passwords and the right one: at most 10 are checked, and the user ends locked or properly logged in', async () => {
    const admin = await createAccount(h.db, fresh());
    const attempts = Array.from({ length: 40 }, (_, i) => (i === 20 ? admin.password : `wrong guess ${i}`));
    const results = await Promise.all(attempts.map((password) => logIn(new TestBrowser(h.app), { ...admin, password })));
    const checked = await checkedAttempts(admin.id, 'login');
    assert.ok(checked.length <= 10, `${checked.length} attempts were checked`);
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    const succeeded = results.filter((r) => r.status === 303).length;
    assert.ok(succeeded <= 1);
    if (succeeded === 0) assert.ok(row?.lockedUntil && row.lockedUntil > h.clock.now(), 'locked');
  });

  test('a burst of codes on one half-open session: at most 5 are checked and at most one session results', async () => {
    const { admin, secret } = await withTwoFactor();
    const login = new TestBrowser(h.app);
    await logIn(login, admin);
    await login.get(paths.loginCode('test'));
    const right = generateCode({ base32: secret }, h.clock.now());
    const codes = Array.from({ length: 30 }, (_, i) => (i === 15 ? right : String(100000 + i)));
    await Promise.all(codes.map((code) => login.post(paths.loginCode('test'), { code })));
    const checked = await checkedAttempts(admin.id, 'login.otp');
    assert.ok(checked.length <= 5, `${checked.length} codes were checked`);
    const live = await h.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, admin.id), eq(sessions.otpPending, false)));
    assert.ok(live.length <= 2, 'no extra sessions from one code step'); // the setup browser's own session + at most one
  });
});

describe('forms that ask for the password again count toward the lockout', () => {
  test('wrong passwords on the 2FA setup form lock the user, and the answer never says which part was wrong', async () => {
    const { user: admin, browser } = await signIn(h);
    await browser.get(paths.otp.page('test'));
    await browser.post(paths.otp.setup('test'), {});
    await browser.get(paths.otp.page('test'));
    const secret = otpSecret(browser.page);
    for (let i = 0; i < 10; i += 1) {
      await browser.post(paths.otp.activate('test'), {
        code: generateCode({ base32: secret }, h.clock.now()),
        password: `guess number ${i}`,
      });
    }
    const rightAnswer = await browser.post(paths.otp.activate('test'), {
      code: generateCode({ base32: secret }, h.clock.now()),
      password: admin.password,
    });
    assert.equal(rightAnswer.status, 422, 'locked: even the right password is refused');
    assert.match(browser.page.alert(), /The code or the password is not correct/);
    assert.equal((await logIn(new TestBrowser(h.app), admin)).status, 422, 'the login is locked too');
  });

  test('the password page refuses the right current password while the user is locked', async () => {
    const { user: admin, browser } = await signIn(h);
    await browser.get(paths.password.change('test'));
    for (let i = 0; i < 10; i += 1)
      await browser.post(paths.password.change('test'), {
        current: `guess number ${i}`,
        next: 'Harbour-light-2026',
        confirmation: 'Harbour-light-2026',
      });
    const response = await browser.post(paths.password.change('test'), {
      current: admin.password,
      next: 'Harbour-light-2026',
      confirmation: 'Harbour-light-2026',
    });
    assert.equal(response.status, 422);
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.ok(row?.lockedUntil);
  });
});

describe('a half-finished login changes nothing', () => {
  test('the language switch at the code step sets the cookie but not the user’s setting', async () => {
    const { admin } = await withTwoFactor();
    const login = new TestBrowser(h.app);
    await logIn(login, admin);
    await login.get(paths.loginCode('test'));
    assert.equal((await login.post(paths.language('test'), { lang: 'fr', next: paths.loginCode('test') })).status, 303);
    const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
    assert.equal(row?.language, 'en');
  });
});

describe('odd input never makes a 500', () => {
  test('a NUL in the list cursor, malformed ids and a broken HX-Current-URL', async () => {
    const { browser } = await signIn(h);
    // The cursor is ignored; the filter text's problem is shown beside it (422), as any form's is.
    assert.equal((await browser.get('/test/users?after=%00&q=%00')).status, 422);
    assert.equal(browser.page.fieldError('filter-text'), 'Remove the control characters or invalid characters from this field.');
    assert.equal((await browser.get(`/test/users/${'0'.repeat(36)}`)).status, 404);
    assert.equal((await browser.get(`/test/users/${'-'.repeat(36)}`)).status, 404);
    await browser.get(paths.users.list('test'));
    assert.equal((await browser.post(`/test/users/${'0'.repeat(36)}/unlock`, {})).status, 404);
    const anonymous = new TestBrowser(h.app);
    const response = await anonymous.get('/test/home', { 'HX-Request': 'true', 'HX-Current-URL': 'http://[' });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('HX-Redirect'), '/test/login?next=%2Ftest%2Fhome');
  });
});

describe('client address behind a proxy', () => {
  test('the address is the proxy’s last X-Forwarded-For entry, not one the client wrote', async () => {
    const { user: admin } = await signIn(h, { headers: { 'X-Forwarded-For': '6.6.6.6, 203.0.113.7' } });
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, admin.id), eq(auditLog.eventType, 'login'), ne(auditLog.success, false)));
    assert.equal(entry?.ip, '203.0.113.7');
  });
});
