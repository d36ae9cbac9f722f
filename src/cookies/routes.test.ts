import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';

const h = await createHarness();

const ALL_COOKIES = [
  'guichet_test_session',
  'guichet_prod_session',
  'guichet_csrf',
  'guichet_lang',
  'guichet_flash',
  'guichet_cookie_consent',
];

/** The value of the radio button that is checked, if any. */
function checkedLevel(html: string): string | undefined {
  const checked = [...html.matchAll(/<input type="radio"[^>]*>/g)]
    .map((m) => m[0])
    .filter((tag) => /\schecked(=""|\s|\/|>)/.test(tag));
  assert.ok(checked.length <= 1, 'at most one radio checked');
  return checked[0] ? /value="([^"]+)"/.exec(checked[0])?.[1] : undefined;
}

describe('Cookie settings (T1)', () => {
  test('the page opens without logging in, lists every cookie and checks the default level', async () => {
    const browser = new TestBrowser(h.app);
    const response = await browser.get('/test/cookies');
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
    const body = browser.lastBody;
    assert.match(body, /<h1>Cookie settings<\/h1>/);
    for (const name of ALL_COOKIES) assert.ok(body.includes(`<th scope="row"><code>${name}</code></th>`), name);
    assert.match(body, /<caption id="cookies-table-caption">Cookies set by Guichet, with their purpose and lifetime<\/caption>/);
    assert.match(body, /<th scope="col">Purpose<\/th>/);
    assert.match(body, /sets only functional cookies, whatever level you choose/);
    assert.equal(checkedLevel(body), 'optimised');
    assert.match(body, /You have not chosen a level yet/);
    assert.match(body, /<fieldset[^>]*>\s*<legend>Which cookies do you accept\?<\/legend>/);
    assert.match(body, /<form method="post" action="\/test\/cookies" novalidate="">/);
  });

  test('the footer of every page links to the cookie settings of its environment', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get('/prod/login');
    assert.ok(browser.lastBody.includes('href="/prod/cookies"'));
    const response = await browser.get('/prod/cookies');
    assert.equal(response.status, 200);
    assert.ok(browser.lastBody.includes('action="/prod/cookies"'));
  });

  test('saving a level: 303 back to the page, which shows it checked with a confirmation', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get('/test/cookies');
    const response = await browser.post('/test/cookies', { level: 'functional' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), '/test/cookies');
    assert.equal(browser.cookies.get('guichet_cookie_consent'), 'functional');
    const consent = response.headers.getSetCookie().find((c) => c.startsWith('guichet_cookie_consent='));
    assert.match(consent ?? '', /Max-Age=31536000/);
    assert.match(consent ?? '', /HttpOnly/);

    await browser.get('/test/cookies');
    assert.equal(checkedLevel(browser.lastBody), 'functional');
    assert.match(browser.lastBody, /<div class="flash" role="status"><p>Your cookie settings have been saved.<\/p><\/div>/);
    assert.match(browser.lastBody, /Your saved level: Functional./);

    // The confirmation is shown once; the choice stays.
    await browser.get('/test/cookies');
    assert.doesNotMatch(browser.lastBody, /Your cookie settings have been saved/);
    assert.equal(checkedLevel(browser.lastBody), 'functional');
  });

  test('a signed-in user saves a level with the session token, and sees the page in French', async () => {
    const admin = await createAccount(h.db);
    const french = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'camille', language: 'fr' });
    const browser = new TestBrowser(h.app);
    await logIn(browser, french);
    await browser.get('/test/cookies');
    assert.match(browser.lastBody, /<h1>Paramètres des cookies<\/h1>/);
    assert.match(browser.lastBody, /<label for="level-personalised">Personnalisés<\/label>/);
    const response = await browser.post('/test/cookies', { level: 'personalised' });
    assert.equal(response.status, 303);
    await browser.get('/test/cookies');
    assert.equal(checkedLevel(browser.lastBody), 'personalised');
    assert.match(browser.lastBody, /Vos paramètres de cookies ont été enregistrés./);
  });

  test('an unknown level is refused with 422, the error summary and the message beside the choice', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get('/test/cookies');
    for (const form of [{ level: 'everything' }, {}] as Record<string, string>[]) {
      const response = await browser.post('/test/cookies', form);
      assert.equal(response.status, 422);
      const body = browser.lastBody;
      assert.match(body, /<title>Error: Cookie settings – Guichet<\/title>/);
      assert.match(body, /<div class="error-summary" role="alert"/);
      assert.match(body, /<a href="#level-functional">Choose a cookie level: Functional, Optimised or Personalised.<\/a>/);
      assert.match(body, /<fieldset aria-describedby="level-error" aria-invalid="true">/);
      assert.match(body, /<p class="error-message" id="level-error">/);
      assert.match(body, /id="level-functional"/);
      assert.equal(checkedLevel(body), undefined);
      assert.equal(browser.cookies.has('guichet_cookie_consent'), false, 'nothing saved');
    }
  });

  test('a POST without the CSRF token is refused (403) and changes nothing', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get('/test/cookies');
    const response = await browser.post('/test/cookies', { _csrf: null, level: 'optimised' });
    assert.equal(response.status, 403);
    assert.equal(browser.cookies.has('guichet_cookie_consent'), false);
  });

  test('a POST from another site is refused (403)', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get('/test/cookies');
    const response = await browser.post('/test/cookies', { level: 'optimised' }, { Origin: 'https://evil.example' });
    assert.equal(response.status, 403);
  });

  test('a consent cookie with a value we never write counts as no choice', async () => {
    const browser = new TestBrowser(h.app);
    browser.cookies.set('guichet_cookie_consent', 'everything');
    await browser.get('/test/cookies');
    assert.equal(checkedLevel(browser.lastBody), 'optimised');
    assert.match(browser.lastBody, /You have not chosen a level yet/);
  });
});

describe('Cookie settings over HTTPS', () => {
  test('the table shows the __Host- names the browser really receives', async () => {
    const secure = await createHarness({ secureCookies: true });
    const browser = new TestBrowser(secure.app);
    await browser.get('/test/cookies');
    for (const name of ALL_COOKIES) assert.ok(browser.lastBody.includes(`<code>__Host-${name}</code>`), name);
    const response = await browser.post('/test/cookies', { level: 'functional' });
    assert.equal(response.status, 303);
    const consent = response.headers.getSetCookie().find((c) => c.startsWith('__Host-guichet_cookie_consent='));
    assert.ok(consent, 'the consent cookie uses the name the page lists');
    assert.match(consent, /Secure/);
  });
});
