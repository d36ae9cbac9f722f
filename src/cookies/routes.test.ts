import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paths } from '../paths.ts';
import { TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import type { Page } from '../test/html.ts';

const h = await createHarness();

const ALL_COOKIES = [
  'guichet_test_session',
  'guichet_prod_session',
  'guichet_csrf',
  'guichet_lang',
  'guichet_flash',
  'guichet_form',
  'guichet_cookie_consent',
  'guichet_device',
];

/** The value of the radio button that is checked, if any. */
function checkedLevel(page: Page): string | undefined {
  const checked = page.all('input[type=radio][checked]');
  assert.ok(checked.length <= 1, 'at most one radio checked');
  return checked[0]?.getAttribute('value') ?? undefined;
}

/** The names in the first column of the cookie table. */
const cookieNames = (page: Page) =>
  page
    .table()
    .slice(1)
    .map((row) => row[0]);

describe('Cookie settings (T1)', () => {
  test('the page opens without logging in, lists every cookie and checks the default level', async () => {
    const browser = new TestBrowser(h.app);
    const response = await browser.get(paths.cookies('test'));
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
    const { page } = browser;
    assert.equal(page.h1(), 'Cookie settings');
    assert.equal(page.textOf(page.one('table caption')), 'Cookies set by Guichet, with their purpose and lifetime');
    assert.deepEqual(page.table()[0], ['Cookie', 'Purpose', 'Lifetime']);
    assert.deepEqual(
      page.all('table thead th').map((th) => th.getAttribute('scope')),
      ['col', 'col', 'col'],
    );
    assert.deepEqual(cookieNames(page).sort(), [...ALL_COOKIES].sort());
    for (const th of page.all('table tbody th')) {
      assert.equal(th.getAttribute('scope'), 'row', 'each cookie heads its row');
      assert.ok(th.querySelector('code'), 'cookie names are shown as code');
    }
    assert.match(page.text(), /sets only functional cookies, whatever level you choose/);
    assert.equal(checkedLevel(page), 'optimised');
    assert.match(page.text(), /You have not chosen a level yet/);
    assert.equal(page.textOf(page.one('form fieldset > legend')), 'Cookies you accept');
    const form = page.one(`form[action="${paths.cookies('test')}"]`);
    assert.equal(form?.getAttribute('method'), 'post');
    assert.ok(form?.hasAttribute('novalidate'), 'validated on the server only');
  });

  test('the footer of every page links to the cookie settings of its environment', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get(paths.login('prod'));
    const footer = browser.page.one('footer');
    assert.equal(footer?.querySelector('a')?.getAttribute('href'), paths.cookies('prod'));
    assert.equal(browser.page.textOf(footer?.querySelector('a')), 'Cookie settings');
    const response = await browser.get(paths.cookies('prod'));
    assert.equal(response.status, 200);
    assert.ok(browser.page.one(`form[action="${paths.cookies('prod')}"]`), 'the form posts to its own environment');
  });

  test('saving a level: 303 back to the page, which shows it checked with a confirmation', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get(paths.cookies('test'));
    const response = await browser.post(paths.cookies('test'), { level: 'functional' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), paths.cookies('test'));
    assert.equal(browser.cookies.get('guichet_cookie_consent'), 'functional');
    const consent = response.headers.getSetCookie().find((c) => c.startsWith('guichet_cookie_consent='));
    assert.match(consent ?? '', /Max-Age=31536000/);
    assert.match(consent ?? '', /HttpOnly/);

    await browser.get(paths.cookies('test'));
    assert.equal(checkedLevel(browser.page), 'functional');
    assert.equal(browser.page.flash(), 'Your cookie settings have been saved.');
    assert.equal(browser.page.one('.flash')?.getAttribute('role'), 'status');
    assert.match(browser.page.text(), /Your saved level: Functional\./);

    // The confirmation is shown once; the choice stays.
    await browser.get(paths.cookies('test'));
    assert.equal(browser.page.flash(), '');
    assert.equal(checkedLevel(browser.page), 'functional');
  });

  test('a signed-in user saves a level with the session token, and sees the page in French', async () => {
    const admin = await createAccount(h.db);
    const { browser } = await signIn(h, { account: admin, userid: 'camille', profile: 'viewer', language: 'fr' });
    await browser.get(paths.cookies('test'));
    assert.equal(browser.page.h1(), 'Paramètres des cookies');
    assert.equal(browser.page.field('Personnalisés')?.getAttribute('value'), 'personalised');
    const response = await browser.post(paths.cookies('test'), { level: 'personalised' });
    assert.equal(response.status, 303);
    await browser.get(paths.cookies('test'));
    assert.equal(checkedLevel(browser.page), 'personalised');
    assert.equal(browser.page.flash(), 'Vos paramètres de cookies ont été enregistrés.');
  });

  test('an unknown level is refused with 422, the error summary and the message beside the choice', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get(paths.cookies('test'));
    const problem = 'Choose Functional, Optimised or Personalised.';
    for (const form of [{ level: 'everything' }, {}] as Record<string, string>[]) {
      const response = await browser.post(paths.cookies('test'), form);
      assert.equal(response.status, 422);
      const { page } = browser;
      assert.equal(page.title(), 'Error: Cookie settings – Guichet');
      assert.equal(page.one('[data-error-summary]')?.getAttribute('role'), 'alert');
      assert.deepEqual(page.errorSummary(), [{ text: `Cookies you accept: ${problem}`, href: '#level-functional' }]);
      assert.equal(page.field('Functional')?.id, 'level-functional', 'the summary links to the first choice');
      const fieldset = page.one('form fieldset');
      assert.equal(fieldset?.getAttribute('aria-invalid'), 'true');
      const describedBy = fieldset?.getAttribute('aria-describedby') ?? '';
      assert.ok(describedBy, 'the fieldset is described by its message');
      assert.equal(page.fieldError(describedBy.replace(/-error$/, '')), problem, 'the message beside the choice');
      assert.equal(checkedLevel(page), undefined);
      assert.equal(browser.cookies.has('guichet_cookie_consent'), false, 'nothing saved');
    }
  });

  test('a POST without the CSRF token is refused (403) and changes nothing', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get(paths.cookies('test'));
    const response = await browser.post(paths.cookies('test'), { _csrf: null, level: 'optimised' });
    assert.equal(response.status, 403);
    assert.equal(browser.cookies.has('guichet_cookie_consent'), false);
  });

  test('a POST from another site is refused (403)', async () => {
    const browser = new TestBrowser(h.app);
    await browser.get(paths.cookies('test'));
    const response = await browser.post(paths.cookies('test'), { level: 'optimised' }, { Origin: 'https://evil.example' });
    assert.equal(response.status, 403);
  });

  test('a consent cookie with a value we never write counts as no choice', async () => {
    const browser = new TestBrowser(h.app);
    browser.cookies.set('guichet_cookie_consent', 'everything');
    await browser.get(paths.cookies('test'));
    assert.equal(checkedLevel(browser.page), 'optimised');
    assert.match(browser.page.text(), /You have not chosen a level yet/);
  });
});

describe('Cookie settings over HTTPS', () => {
  test('the table shows the __Host- names the browser really receives', async () => {
    const secure = await createHarness({ secureCookies: true });
    const browser = new TestBrowser(secure.app);
    await browser.get(paths.cookies('test'));
    assert.deepEqual(cookieNames(browser.page).sort(), ALL_COOKIES.map((name) => `__Host-${name}`).sort());
    const response = await browser.post(paths.cookies('test'), { level: 'functional' });
    assert.equal(response.status, 303);
    const consent = response.headers.getSetCookie().find((c) => c.startsWith('__Host-guichet_cookie_consent='));
    assert.ok(consent, 'the consent cookie uses the name the page lists');
    assert.match(consent, /Secure/);
  });
});
