import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';
import { DAY_MS } from '../lib/clock.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, createUser, signIn } from '../test/harness.ts';
import { changePassword as change, onPasswordPage as openPasswordPage } from './test-fixtures.ts';

const h = await createHarness();
const GOOD = 'Tulip-garden-2026';
const PASSWORD = paths.password.change('test');
const API_USER = paths.password.apiUser('test');
const HOME = paths.home('test');
const onPasswordPage = () => openPasswordPage(h);

describe('change password (B1)', () => {
  test('the page states the rules and asks for current, new and confirmation', async () => {
    const { browser } = await onPasswordPage();
    const { page } = browser;
    assert.equal(page.h1(), 'Password');
    const rules = page.all('#password-rules li').map(page.textOf);
    assert.ok(rules.some((rule) => rule.startsWith('12 to 128 characters')));
    assert.ok(rules.includes('not one of your last 4 passwords, nor one you used in the last 12 months'));
    assert.equal(page.field('Current password')?.id, 'password-current');
    assert.equal(page.field('New password')?.id, 'password-new');
    assert.equal(page.field('Confirm the new password')?.id, 'password-confirm');
  });

  const rules: [string, string, string][] = [
    ['too short', 'Short-pw-1', 'at least 12 characters'],
    ['too long', `${'a'.repeat(128)}1`, 'Enter at most 128 characters'],
    ['no digit', 'Only-letters-here', 'at least one digit'],
    ['no letter', '1234-5678-9012', 'at least one letter'],
    ['easy to guess', 'Password1234', 'This password is too easy to guess.'],
  ];
  for (const [name, next, message] of rules) {
    test(`a new password that is ${name} is refused beside its field, and nothing changes`, async () => {
      const { admin, browser } = await onPasswordPage();
      const response = await change(browser, { current: admin.password, next });
      assert.equal(response.status, 422);
      assert.ok(browser.page.fieldError('password-new')?.includes(message), browser.page.fieldError('password-new'));
      assert.equal(browser.page.field('New password')?.getAttribute('aria-invalid'), 'true');
      assert.ok(!browser.lastBody.includes(next), 'the password is not echoed');
      assert.ok(!browser.lastBody.includes(admin.password));
      const [row] = await h.db.select().from(users).where(eq(users.id, admin.id));
      assert.equal(row?.passwordChangedAt.getTime(), h.clock.now().getTime());
    });
  }

  test('the USERID or PSPID inside the password is refused', async () => {
    const { admin, browser } = await onPasswordPage();
    await change(browser, { current: admin.password, next: `${admin.pspid}-2026-x` });
    assert.ok(browser.page.fieldError('password-new')?.includes('Do not use your USERID or PSPID'));
  });

  test('a wrong current password and a mismatched confirmation get their own messages', async () => {
    const { browser } = await onPasswordPage();
    const response = await change(browser, { current: 'not my password 1', next: GOOD, confirmation: `${GOOD}x` });
    assert.equal(response.status, 422);
    const { page } = browser;
    assert.ok(page.fieldError('password-current')?.startsWith('The current password is not correct'));
    assert.ok(page.fieldError('password-confirm')?.startsWith('The two new passwords are not the same'));
    assert.deepEqual(
      page.errorSummary().map((line) => line.href),
      ['#password-current', '#password-confirm'],
    );
  });

  test('a missing current password is refused', async () => {
    const { browser } = await onPasswordPage();
    assert.equal((await change(browser, { next: GOOD })).status, 422);
    assert.equal(browser.page.fieldError('password-current'), 'Enter your current password.');
  });

  test('success: new password works, old does not, other sessions end, this one gets a new token; audited', async () => {
    const { admin, browser } = await onPasswordPage();
    const other = new TestBrowser(h.app);
    await logIn(other, admin);
    const before = browser.cookies.get('guichet_test_session');
    const response = await change(browser, { current: admin.password, next: GOOD });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), HOME);
    assert.notEqual(browser.cookies.get('guichet_test_session'), before, 'the session token rotated');
    assert.equal((await browser.get(HOME)).status, 200);
    assert.ok(browser.page.flash().startsWith('Your password has been changed'));
    assert.equal((await other.get(HOME)).status, 303, 'the other session ended');
    assert.equal((await logIn(new TestBrowser(h.app), admin)).status, 422);
    assert.equal((await logIn(new TestBrowser(h.app), { ...admin, password: GOOD })).status, 303);
    const events = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, admin.id), eq(auditLog.eventType, 'password.change')));
    assert.ok(events.some((e) => e.success));
    assert.ok(!JSON.stringify(events.map((e) => e.details)).includes(GOOD), 'no password in the audit log');
  });

  test('with htmx the form replaces itself with its errors, and success goes by HX-Location', async () => {
    const { admin, browser } = await onPasswordPage();
    const bad = await browser.post(
      PASSWORD,
      { current: admin.password, next: 'short', confirmation: 'short' },
      { 'HX-Request': 'true' },
    );
    assert.equal(bad.status, 422);
    assert.equal(browser.page.document.firstElementChild?.id, 'change-password', 'the form’s section alone');
    assert.equal(browser.page.one('main'), null);
    assert.ok(browser.page.fieldError('password-new'));
    assert.match(bad.headers.get('Vary') ?? '', /HX-Request/);
    const good = await browser.post(
      PASSWORD,
      { current: admin.password, next: GOOD, confirmation: GOOD },
      { 'HX-Request': 'true' },
    );
    assert.equal(good.status, 204);
    assert.equal(good.headers.get('HX-Location'), HOME);
  });
});

describe('forced change (B2)', () => {
  test('a system-issued password works for one login, which leads only to the change page', async () => {
    const account = await createAccount(h.db);
    const issued = await createUser(h.db, account.accountId, account.pspid, {
      userid: 'issued.admin',
      profile: 'admin',
      passwordIssued: true,
    });
    const browser = new TestBrowser(h.app);
    await logIn(browser, issued);
    await browser.get(PASSWORD);
    assert.equal(browser.page.h1(), 'Choose a new password');
    assert.equal(browser.page.field('Current password'), null, 'no current password asked');
    assert.equal(browser.page.one('.main-menu'), null, 'no menu');
    for (const path of [HOME, paths.support.index('test'), paths.otp.page('test')]) {
      const response = await browser.get(path);
      assert.equal(response.status, 303, path);
      assert.equal(response.headers.get('Location'), PASSWORD);
    }
    assert.equal((await logIn(new TestBrowser(h.app), issued)).status, 422, 'the issued password does not work twice');
    assert.equal((await change(browser, { next: GOOD })).status, 303);
    assert.equal((await browser.get(HOME)).status, 200);
    assert.equal((await logIn(new TestBrowser(h.app), { ...issued, password: GOOD })).status, 303);
  });

  test('a self-chosen password expires after 90 days, with a notice from 14 days before', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    h.clock.advance(75 * DAY_MS);
    let browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get(HOME);
    assert.ok(!browser.page.text().includes('Your password expires'));
    h.clock.advance(2 * DAY_MS);
    browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    await browser.get(HOME);
    assert.ok(browser.page.flash().startsWith('Your password expires in less than 14 days'), 'the login’s notice');
    assert.match(browser.page.text(), /Your password expires on \d\d\/\d\d\/\d{4} \d\d:\d\d/, 'Home’s notice with the date');
    h.clock.advance(13 * DAY_MS);
    browser = new TestBrowser(h.app);
    await logIn(browser, admin);
    const home = await browser.get(HOME);
    assert.equal(home.headers.get('Location'), PASSWORD);
    await browser.get(PASSWORD);
    assert.ok(browser.page.text().includes('more than 90 days old'));
    assert.equal(browser.page.field('Current password')?.id, 'password-current', 'an expired password is still asked for');
    assert.equal((await change(browser, { current: admin.password, next: GOOD })).status, 303);
    assert.equal((await browser.get(HOME)).status, 200);
  });
});

describe('API user passwords (B1)', () => {
  test('an administrator sets an API user’s password from a list; a viewer cannot', async () => {
    const { user: admin, browser } = await signIn(h);
    const api = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'shop.api', isApiUser: true, profile: 'admin' });
    await browser.get(PASSWORD);
    const choices = browser.page
      .all('#api-user option')
      .map((option) => [option.getAttribute('value'), browser.page.textOf(option)]);
    assert.deepEqual(choices, [
      ['', '—'],
      [api.id, 'shop.api'],
    ]);
    const bad = await browser.post(API_USER, { apiUser: api.id, next: 'short', confirmation: 'short' });
    assert.equal(bad.status, 422);
    assert.equal(browser.page.one('#api-new')?.getAttribute('aria-invalid'), 'true');
    assert.ok(browser.page.fieldError('api-new'));
    assert.equal(browser.page.valueOf('#api-user'), api.id, 'the chosen API user stays chosen');
    const good = await browser.post(API_USER, { apiUser: api.id, next: GOOD, confirmation: GOOD });
    assert.equal(good.status, 303);
    const [row] = await h.db.select().from(users).where(eq(users.id, api.id));
    assert.notEqual(row?.passwordChangedAt.getTime(), undefined);
    assert.equal(row?.passwordIssued, false);

    const { browser: viewerBrowser } = await signIn(h, { account: admin, userid: 'viewer.one', profile: 'viewer' });
    await viewerBrowser.get(PASSWORD);
    assert.ok(!viewerBrowser.page.headings(2).includes('Password of an API user'));
    assert.equal(viewerBrowser.page.one('#api-password'), null);
    assert.equal((await viewerBrowser.post(API_USER, { apiUser: api.id, next: GOOD, confirmation: GOOD })).status, 403);
  });

  test('a user of another account is not in reach', async () => {
    const { browser } = await onPasswordPage();
    const stranger = await createAccount(h.db);
    const api = await createUser(h.db, stranger.accountId, stranger.pspid, { userid: 'other.api', isApiUser: true });
    const [before] = await h.db.select().from(users).where(eq(users.id, api.id));
    const response = await browser.post(API_USER, { apiUser: api.id, next: GOOD, confirmation: GOOD });
    assert.equal(response.status, 404);
    const [after] = await h.db.select().from(users).where(eq(users.id, api.id));
    assert.equal(after?.passwordHash, before?.passwordHash, 'the other account’s user is untouched');
  });
});

test('the password, one-time password and forgotten-password pages come in French', async () => {
  const account = await createAccount(h.db);
  const { browser } = await signIn(h, { account, userid: 'pw.fr', profile: 'viewer', language: 'fr' });
  await browser.get(PASSWORD);
  assert.equal(browser.page.h1(), 'Mot de passe');
  assert.equal(browser.page.field('Mot de passe actuel')?.id, 'password-current');
  await browser.get(paths.otp.page('test'));
  assert.equal(browser.page.h1(), 'Configuration d’un mot de passe unique');
  const anonymous = new TestBrowser(h.app, { 'Accept-Language': 'fr' });
  await anonymous.get(paths.password.forgotten('test'));
  assert.equal(anonymous.page.h1(), 'Mot de passe introuvable');
});
