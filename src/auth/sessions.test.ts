import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { sessions } from '../db/schema/sessions.ts';
import { users } from '../db/schema/users.ts';
import { HOUR_MS, MINUTE_MS } from '../lib/clock.ts';
import { sha256Hex } from '../lib/tokens.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';

const h = await createHarness();
const SESSION = 'guichet_test_session';

/** A new account's administrator, signed in: their browser and its session token. */
async function signedIn() {
  const { user: admin, browser } = await signIn(h);
  return { admin, browser, token: browser.cookies.get(SESSION)! };
}

/** A browser that only has the given session cookie. */
function browserWith(token: string, name = SESSION) {
  const browser = new TestBrowser(h.app);
  browser.cookies.set(name, token);
  return browser;
}

describe('session cookie and token (A3)', () => {
  test('the cookie is HttpOnly, SameSite=Lax, path /; only the SHA-256 of the token is stored', async () => {
    const admin = await createAccount(h.db);
    const browser = new TestBrowser(h.app);
    await browser.get('/test/login');
    const response = await browser.post('/test/login', { form: 'pspid', pspid: admin.pspid, password: admin.password });
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION}=`));
    assert.ok(cookie);
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\//);
    const token = browser.cookies.get(SESSION)!;
    assert.ok(token.length >= 26, 'at least 128 bits of randomness');
    const stored = await h.db.select().from(sessions).where(eq(sessions.userId, admin.id));
    assert.equal(stored.length, 1);
    assert.equal(stored[0]?.tokenHash, sha256Hex(token));
    assert.notEqual(stored[0]?.tokenHash, token);
  });

  test('over HTTPS the cookie is Secure with a __Host- name, and HSTS is sent', async () => {
    const secure = await createHarness({ publicOrigin: 'https://localhost', secureCookies: true });
    const admin = await createAccount(secure.db);
    const browser = new TestBrowser(secure.app);
    await browser.get('/test/login');
    const response = await browser.post(
      '/test/login',
      { form: 'pspid', pspid: admin.pspid, password: admin.password },
      { Origin: 'https://localhost' },
    );
    assert.equal(response.status, 303);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`__Host-${SESSION}=`));
    assert.ok(cookie, 'the __Host- session cookie is set');
    assert.match(cookie, /Secure/);
    assert.match(response.headers.get('Strict-Transport-Security') ?? '', /max-age=31536000/);
  });

  test('login rotates the token: a new one each time, and the previous one dies', async () => {
    const { admin, browser, token: first } = await signedIn();
    assert.equal((await logIn(browser, admin)).status, 303);
    const second = browser.cookies.get(SESSION)!;
    assert.notEqual(second, first);
    assert.equal((await browserWith(first).get('/test/home')).status, 303, 'the old token no longer works');
    assert.equal((await browserWith(second).get('/test/home')).status, 200);
  });

  test('a token planted in the browser before login is never adopted', async () => {
    const admin = await createAccount(h.db);
    const planted = 'a'.repeat(52);
    const browser = browserWith(planted);
    await logIn(browser, admin);
    assert.notEqual(browser.cookies.get(SESSION), planted);
  });
});

describe('session expiry (A3)', () => {
  test('15 minutes without activity end the session; activity keeps it alive', async () => {
    const { browser, token } = await signedIn();
    h.clock.advance(14 * MINUTE_MS);
    assert.equal((await browser.get('/test/home')).status, 200, 'still alive after 14 idle minutes');
    h.clock.advance(14 * MINUTE_MS);
    assert.equal((await browser.get('/test/home')).status, 200, 'activity restarted the idle timeout');
    h.clock.advance(15 * MINUTE_MS);
    const expired = await browserWith(token).get('/test/home');
    assert.equal(expired.status, 303);
    assert.match(expired.headers.get('Location') ?? '', /^\/test\/login\?next=/);
    const [row] = await h.db
      .select()
      .from(sessions)
      .where(eq(sessions.tokenHash, sha256Hex(token)));
    assert.equal(row, undefined, 'the expired session is deleted');
  });

  test('the login page after expiry says the session ended', async () => {
    const { token } = await signedIn();
    h.clock.advance(16 * MINUTE_MS);
    const browser = browserWith(token);
    const response = await browser.get('/test/home');
    await browser.get(response.headers.get('Location')!);
    const notices = browser.page.all('main [role=status]').map(browser.page.textOf);
    assert.ok(notices.includes('Your session has ended. Log in again to continue where you were.'), notices.join(' | '));
  });

  test('12 hours end the session even with constant activity', async () => {
    const { browser } = await signedIn();
    for (let elapsed = 0; elapsed < 12 * HOUR_MS - 10 * MINUTE_MS; elapsed += 10 * MINUTE_MS) {
      h.clock.advance(10 * MINUTE_MS);
      assert.equal((await browser.get('/test/home')).status, 200);
    }
    h.clock.advance(10 * MINUTE_MS);
    assert.equal((await browser.get('/test/home')).status, 303);
  });

  test('"Stay signed in" restarts the idle timeout without leaving the page', async () => {
    const { browser } = await signedIn();
    await browser.get('/test/home');
    h.clock.advance(13 * MINUTE_MS);
    const keep = await browser.send('/test/session/keepalive', {
      method: 'POST',
      headers: { 'X-CSRF-Token': browser.csrfToken!, Origin: 'http://localhost' },
    });
    assert.equal(keep.status, 204);
    h.clock.advance(13 * MINUTE_MS);
    assert.equal((await browser.get('/test/home')).status, 200);
  });

  test('a POST after the session ended gets the "session ended" page (401), not a 500 or a CSRF refusal', async () => {
    const { browser } = await signedIn();
    await browser.get('/test/home');
    h.clock.advance(16 * MINUTE_MS);
    const response = await browser.post(
      '/test/language',
      { lang: 'fr', next: '/test/home' },
      { Referer: 'http://localhost/test/home' },
    );
    assert.equal(response.status, 401);
    assert.equal(browser.page.h1(), 'Your session has ended');
    assert.equal(browser.page.link('Log in again'), paths.login('test', '/test/home'));
    assert.equal(browser.page.link('Log in again'), '/test/login?next=%2Ftest%2Fhome');
  });

  test('an htmx request without a session is sent to the login page by HX-Redirect', async () => {
    const browser = new TestBrowser(h.app);
    const response = await browser.get('/test/home', { 'HX-Request': 'true', 'HX-Current-URL': 'http://localhost/test/home' });
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('HX-Redirect'), '/test/login?next=%2Ftest%2Fhome');
  });

  test('a deactivated user loses access on the next request', async () => {
    const { admin, browser } = await signedIn();
    await h.db.update(users).set({ active: false }).where(eq(users.id, admin.id));
    assert.equal((await browser.get('/test/home')).status, 303);
  });
});

describe('logout (A3)', () => {
  test('ends the session on the server, clears the cookie, and is audited', async () => {
    const { admin, browser, token } = await signedIn();
    await browser.get('/test/home');
    const response = await browser.post('/test/logout', {});
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), paths.login('test'));
    assert.equal(browser.cookies.has(SESSION), false);
    assert.equal((await browserWith(token).get('/test/home')).status, 303, 'the old token is dead on the server');
    await browser.get(paths.login('test'));
    assert.equal(browser.page.flash(), 'You have logged out.');
    const events = await h.db.select().from(auditLog).where(eq(auditLog.userId, admin.id));
    const logout = events.find((e) => e.eventType === 'logout');
    assert.ok(logout, 'the logout is audited');
    assert.equal(logout.success, true);
    assert.equal(logout.actor, admin.userid);
    assert.equal(logout.accountId, admin.accountId);
    assert.equal(logout.object, `user:${admin.id}`);
    assert.deepEqual(logout.details, {});
  });

  test('every signed-in page has the logout button', async () => {
    const { browser } = await signedIn();
    await browser.get('/test/home');
    const logout = browser.page.one(`form[method=post][action="${paths.logout('test')}"]`);
    assert.ok(logout, 'the logout form');
    assert.equal(logout.querySelector('input[type=hidden][name=_csrf]')?.getAttribute('value'), browser.csrfToken);
    assert.equal(browser.page.textOf(logout.querySelector('button[type=submit]')), 'Log out');
  });
});

describe('environments (A1)', () => {
  test('a TEST session gives no access under /prod, and stays valid under /test', async () => {
    const { token } = await signedIn();
    const prod = await browserWith(token, 'guichet_prod_session').get('/prod/home');
    assert.equal(prod.status, 303);
    assert.match(prod.headers.get('Location') ?? '', /^\/prod\/login/);
    assert.equal((await browserWith(token).get('/test/home')).status, 200);
  });

  test('a TEST account cannot log in on the production login', async () => {
    const admin = await createAccount(h.db);
    assert.equal((await logIn(new TestBrowser(h.app), admin, { env: 'prod' })).status, 422);
  });

  test('a production account logs in under /prod only', async () => {
    const { user: admin, browser } = await signIn(h, { environment: 'prod' });
    assert.equal((await browser.get('/prod/home')).status, 200);
    assert.equal(browser.page.textOf(browser.page.one('.env-badge')), 'Environment: PRODUCTION');
    assert.equal((await logIn(new TestBrowser(h.app), admin, { env: 'test' })).status, 422);
  });
});
