import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { DAY_MS } from '../lib/clock.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';

const h = await createHarness();
const GOOD = 'Tulip-garden-2026';

async function signedIn(options: { passwordIssued?: boolean } = {}) {
  const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
  if (options.passwordIssued) await h.db.update(users).set({ passwordIssued: true }).where(eq(users.id, admin.id));
  const browser = new TestBrowser(h.app);
  await logIn(browser, admin);
  await browser.get('/test/password');
  return { admin, browser };
}

function change(browser: TestBrowser, form: { current?: string; next: string; confirmation?: string }) {
  return browser.post('/test/password', {
    current: form.current ?? null,
    next: form.next,
    confirmation: form.confirmation ?? form.next,
  });
}

describe('change password (B1)', () => {
  test('the page states the rules and asks for current, new and confirmation', async () => {
    const { browser } = await signedIn();
    assert.match(browser.lastBody, /<h1>Password<\/h1>/);
    assert.match(browser.lastBody, /12 to 128 characters/);
    assert.match(browser.lastBody, /not one of your last 4 passwords/);
    for (const id of ['password-current', 'password-new', 'password-confirm'])
      assert.match(browser.lastBody, new RegExp(`id="${id}"`));
  });

  const rules: [string, string, RegExp][] = [
    ['too short', 'Short-pw-1', /at least 12 characters/],
    ['too long', `${'a'.repeat(128)}1`, /Enter at most 128 characters/],
    ['no digit', 'Only-letters-here', /at least one digit/],
    ['no letter', '1234-5678-9012', /at least one letter/],
    ['common', 'qwerty123456', /too common/],
  ];
  for (const [name, next, message] of rules) {
    test(`a new password that is ${name} is refused beside its field, and nothing changes`, async () => {
      const { admin, browser } = await signedIn();
      const response = await change(browser, { current: admin.password, next });
      assert.equal(response.status, 422);
      assert.match(browser.lastBody, message);
      assert.match(browser.lastBody, /id="password-new"[^>]*aria-invalid="true"/);
      assert.ok(!browser.lastBody.includes(next), 'the password is not echoed');
      assert.ok(!browser.lastBody.includes(admin.password));
      const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
      assert.equal(row?.passwordChangedAt.getTime(), h.clock.now().getTime());
    });
  }

  test('the USERID or PSPID inside the password is refused', async () => {
    const { admin, browser } = await signedIn();
    await change(browser, { current: admin.password, next: `${admin.pspid}-2026-x` });
    assert.match(browser.lastBody, /Do not use your USERID or PSPID/);
  });

  test('a wrong current password and a mismatched confirmation get their own messages', async () => {
    const { browser } = await signedIn();
    const response = await change(browser, { current: 'not my password 1', next: GOOD, confirmation: `${GOOD}x` });
    assert.equal(response.status, 422);
    assert.match(browser.lastBody, /The current password is not correct/);
    assert.match(browser.lastBody, /The two new passwords are not the same/);
  });

  test('a missing current password is refused', async () => {
    const { browser } = await signedIn();
    assert.equal((await change(browser, { next: GOOD })).status, 422);
    assert.match(browser.lastBody, /Enter your current password/);
  });

  test('success: new password works, old does not, other sessions end, this one gets a new token; audited', async () => {
    const { admin, browser } = await signedIn();
    const other = new TestBrowser(h.app);
    await logIn(other, admin);
    const before = browser.cookies.get('guichet_test_session');
    const response = await change(browser, { current: admin.password, next: GOOD });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), '/test/home');
    assert.notEqual(browser.cookies.get('guichet_test_session'), before, 'the session token rotated');
    assert.equal((await browser.get('/test/home')).status, 200);
    assert.match(browser.lastBody, /Your password has been changed/);
    assert.equal((await other.get('/test/home')).status, 303, 'the other session ended');
    assert.equal((await logIn(new TestBrowser(h.app), admin)).status, 422);
    assert.equal((await logIn(new TestBrowser(h.app), { ...admin, password: GOOD })).status, 303);
    const events = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, admin.id), eq(auditLog.eventType, 'password.change')));
    assert.ok(events.some((e) => e.success));
    assert.ok(!JSON.stringify(events.map((e) => e.details)).includes(GOOD), 'no password in the audit log');
  });

  test('the last 4 passwords cannot be chosen again; the fifth can', async () => {
    const { admin, browser } = await signedIn();
    const passwords = [admin.password, 'Second-choice-22', 'Third-choice-333', 'Fourth-choice-44'];
    for (let i = 1; i < passwords.length; i += 1) {
      assert.equal((await change(browser, { current: passwords[i - 1], next: passwords[i]! })).status, 303);
      await browser.get('/test/password');
    }
    for (const old of passwords) {
      const response = await change(browser, { current: passwords[3], next: old! });
      assert.equal(response.status, 422, `refuses ${old}`);
      assert.match(browser.lastBody, /not used among your last 4/);
    }
    assert.equal((await change(browser, { current: passwords[3], next: 'Fifth-choice-555' })).status, 303);
    await browser.get('/test/password');
    assert.equal(
      (await change(browser, { current: 'Fifth-choice-555', next: admin.password })).status,
      303,
      'the oldest is allowed again',
    );
  });

  test('with htmx the form replaces itself with its errors, and success goes by HX-Location', async () => {
    const { admin, browser } = await signedIn();
    const bad = await browser.post(
      '/test/password',
      { current: admin.password, next: 'short', confirmation: 'short' },
      { 'HX-Request': 'true' },
    );
    assert.equal(bad.status, 422);
    assert.match(browser.lastBody, /^<section class="card" id="change-password"/);
    assert.match(bad.headers.get('Vary') ?? '', /HX-Request/);
    const good = await browser.post(
      '/test/password',
      { current: admin.password, next: GOOD, confirmation: GOOD },
      { 'HX-Request': 'true' },
    );
    assert.equal(good.status, 204);
    assert.equal(good.headers.get('HX-Location'), '/test/home');
  });
});

describe('forced change (B2)', () => {
  test('a system-issued password works for one login, which leads only to the change page', async () => {
    const { admin, browser } = await signedIn({ passwordIssued: true });
    assert.match(browser.lastBody, /<h1>Choose a new password<\/h1>/);
    assert.doesNotMatch(browser.lastBody, /id="password-current"/, 'no current password asked');
    assert.doesNotMatch(browser.lastBody, /class="main-menu"/, 'no menu');
    for (const path of ['/test/home', '/test/support', '/test/password/otp']) {
      const response = await browser.get(path);
      assert.equal(response.status, 303, path);
      assert.equal(response.headers.get('Location'), '/test/password');
    }
    assert.equal((await logIn(new TestBrowser(h.app), admin)).status, 422, 'the issued password does not work twice');
    assert.equal((await change(browser, { next: GOOD })).status, 303);
    assert.equal((await browser.get('/test/home')).status, 200);
    assert.equal((await logIn(new TestBrowser(h.app), { ...admin, password: GOOD })).status, 303);
  });

  test('a self-chosen password expires after 90 days, with a notice from 14 days before', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    h.clock.advance(75 * DAY_MS);
    let browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get('/test/home');
    assert.doesNotMatch(browser.lastBody, /Your password expires/);
    h.clock.advance(2 * DAY_MS);
    browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get('/test/home');
    assert.match(browser.lastBody, /Your password expires in less than 14 days/, 'the login’s notice');
    assert.match(browser.lastBody, /Your password expires on \d\d\/\d\d\/\d{4} \d\d:\d\d/, 'Home’s notice with the date');
    h.clock.advance(13 * DAY_MS);
    browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    const home = await browser.get('/test/home');
    assert.equal(home.headers.get('Location'), '/test/password');
    await browser.get('/test/password');
    assert.match(browser.lastBody, /more than 90 days old/);
    assert.match(browser.lastBody, /id="password-current"/, 'an expired password is still asked for');
    assert.equal((await change(browser, { current: admin.password, next: GOOD })).status, 303);
    assert.equal((await browser.get('/test/home')).status, 200);
  });
});

describe('API user passwords (B1)', () => {
  test('an administrator sets an API user’s password from a list; a viewer cannot', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const api = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'shop.api', isApiUser: true, profile: 'admin' });
    const viewer = await createUser(h.db, admin.accountId, admin.pspid, {
      userid: 'viewer.one',
      passwordChangedAt: h.clock.now(),
    });
    const browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get('/test/password');
    assert.match(browser.lastBody, new RegExp(`<option value="${api.id}">shop.api</option>`));
    const bad = await browser.post('/test/password/api-user', { apiUser: api.id, next: 'short', confirmation: 'short' });
    assert.equal(bad.status, 422);
    assert.match(browser.lastBody, /id="api-new"[^>]*aria-invalid="true"/);
    const good = await browser.post('/test/password/api-user', { apiUser: api.id, next: GOOD, confirmation: GOOD });
    assert.equal(good.status, 303);
    const [row] = await h.db.select().from(users).where(eq(users.id, api.id));
    assert.notEqual(row?.passwordChangedAt.getTime(), undefined);
    assert.equal(row?.passwordIssued, false);

    const viewerBrowser = new TestBrowser(h.app);
    await logIn(viewerBrowser, viewer);
    await viewerBrowser.get('/test/password');
    assert.doesNotMatch(viewerBrowser.lastBody, /Password of an API user/);
    assert.equal(
      (await viewerBrowser.post('/test/password/api-user', { apiUser: api.id, next: GOOD, confirmation: GOOD })).status,
      403,
    );
  });

  test('a user of another account is not in reach', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const stranger = await createAccount(h.db);
    const api = await createUser(h.db, stranger.accountId, stranger.pspid, { userid: 'other.api', isApiUser: true });
    const browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get('/test/password');
    const [before] = await h.db.select().from(users).where(eq(users.id, api.id));
    const response = await browser.post('/test/password/api-user', { apiUser: api.id, next: GOOD, confirmation: GOOD });
    assert.equal(response.status, 404);
    const [after] = await h.db.select().from(users).where(eq(users.id, api.id));
    assert.equal(after?.passwordHash, before?.passwordHash, 'the other account’s user is untouched');
  });
});

test('the password, one-time password and forgotten-password pages come in French', async () => {
  const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
  const french = await createUser(h.db, admin.accountId, admin.pspid, {
    userid: 'pw.fr',
    language: 'fr',
    passwordChangedAt: h.clock.now(),
  });
  const browser = new TestBrowser(h.app);
  await logIn(browser, french);
  await browser.get('/test/password');
  assert.match(browser.lastBody, /<h1>Mot de passe<\/h1>/);
  assert.match(browser.lastBody, /Mot de passe actuel/);
  await browser.get('/test/password/otp');
  assert.equal(browser.page.h1(), 'Configuration d’un mot de passe unique');
  const anonymous = new TestBrowser(h.app, { 'Accept-Language': 'fr' });
  await anonymous.get('/test/password/forgotten');
  assert.match(anonymous.lastBody, /<h1>Mot de passe introuvable<\/h1>/);
});
