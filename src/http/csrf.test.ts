import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paths } from '../paths.ts';
import { TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';

/** The origin check and the per-session token on every request that can change something (decision record 0005). */
const h = await createHarness();
const SESSION = 'guichet_test_session';

/** A new account's administrator, signed in: their browser and its session token. */
async function signedIn() {
  const { user: admin, browser } = await signIn(h);
  return { admin, browser, token: browser.cookies.get(SESSION)! };
}

/** A browser that only has the given session cookie. */
function browserWith(token: string) {
  const browser = new TestBrowser(h.app);
  browser.cookies.set(SESSION, token);
  return browser;
}

describe('CSRF protection', () => {
  test('a form without the token is refused (403) and changes nothing', async () => {
    const { browser, token } = await signedIn();
    await browser.get(paths.home('test'));
    const response = await browser.post(paths.logout('test'), { _csrf: null });
    assert.equal(response.status, 403);
    assert.equal(browser.page.h1(), 'This form could not be accepted');
    assert.equal((await browserWith(token).get(paths.home('test'))).status, 200, 'still signed in');
  });

  test('a forged token is refused', async () => {
    const { browser } = await signedIn();
    await browser.get(paths.home('test'));
    assert.equal((await browser.post(paths.logout('test'), { _csrf: 'b'.repeat(52) })).status, 403);
  });

  test('another origin is refused even with the right token', async () => {
    const { browser } = await signedIn();
    await browser.get(paths.home('test'));
    assert.equal((await browser.post(paths.logout('test'), {}, { Origin: 'https://evil.example' })).status, 403);
    assert.equal((await browser.post(paths.logout('test'), {}, { Origin: 'null' })).status, 403);
  });

  test('a cross-site request without Origin is refused by Sec-Fetch-Site', async () => {
    const { browser } = await signedIn();
    await browser.get(paths.home('test'));
    const body = new URLSearchParams({ _csrf: browser.csrfToken! }).toString();
    const response = await browser.send(paths.logout('test'), {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Sec-Fetch-Site': 'cross-site' },
      body,
    });
    assert.equal(response.status, 403);
  });

  test('the login form needs the pre-login token too', async () => {
    const admin = await createAccount(h.db);
    const browser = new TestBrowser(h.app);
    await browser.get(paths.login('test'));
    const response = await browser.post(paths.login('test'), {
      _csrf: null,
      form: 'pspid',
      pspid: admin.pspid,
      password: admin.password,
    });
    assert.equal(response.status, 403);
  });

  test('the token in the X-CSRF-Token header (htmx) is accepted', async () => {
    const { browser } = await signedIn();
    await browser.get(paths.home('test'));
    const response = await browser.send(paths.logout('test'), {
      method: 'POST',
      headers: { 'X-CSRF-Token': browser.csrfToken!, Origin: 'http://localhost' },
    });
    assert.equal(response.status, 303);
  });
});
