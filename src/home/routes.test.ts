import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import type { Page } from '../test/html.ts';

const h = await createHarness();

/** The description a summary list gives a term ("PSPID" → "SHOP1"), in the section with this heading. */
function summaryValue(page: Page, section: string, term: string): string | undefined {
  const card = page.all('section').find((s) => page.textOf(s.querySelector('h2')) === section);
  const dt = [...(card?.querySelectorAll('dt') ?? [])].find((d) => page.textOf(d) === term);
  const dd = dt?.nextElementSibling;
  return dd?.tagName === 'DD' ? page.textOf(dd) : undefined;
}

/** The main menu's links, in order, and the one marked as the current page. */
function menuLinks(page: Page) {
  const links = page.all('nav[aria-label="Main menu"] a');
  return {
    hrefs: links.map((a) => a.getAttribute('href')),
    current: links.filter((a) => a.getAttribute('aria-current') === 'page').map((a) => page.textOf(a)),
    sections: page.all('nav[aria-label="Main menu"] .menu-section-title').map(page.textOf),
  };
}

test('Home shows the account, the previous login in the user’s zone, and failed attempts since', async () => {
  const admin = await createAccount(h.db, { passwordChangedAt: new Date('2026-06-30T00:00:00Z') });
  h.clock.set(new Date('2026-07-01T08:00:00Z'));
  await logIn(new TestBrowser(h.app), admin);
  h.clock.set(new Date('2026-07-02T08:00:00Z'));
  await logIn(new TestBrowser(h.app), { ...admin, password: 'not the password 1' });
  const browser = new TestBrowser(h.app);
  await logIn(browser, admin);
  await browser.get(paths.home('test'));
  const { page } = browser;
  const previous = page.one('time');
  assert.equal(previous?.getAttribute('datetime'), '2026-07-01T08:00:00.000Z');
  assert.equal(page.textOf(previous), '01/07/2026 10:00 CEST');
  assert.equal(summaryValue(page, 'Your user', 'Previous login'), '01/07/2026 10:00 CEST');
  assert.match(page.text(), /There was 1 failed login attempt on your user since your previous login\./);
  assert.equal(summaryValue(page, 'Your account', 'Company name'), `${admin.pspid} SA`);
});

test('the first login says so, and suggests two-factor authentication', async () => {
  const { browser } = await signIn(h);
  await browser.get(paths.home('test'));
  const { page } = browser;
  assert.equal(summaryValue(page, 'Your user', 'Previous login'), 'This is your first login.');
  assert.ok(page.headings(3).includes('Two-factor authentication is not set up'));
  assert.ok(
    page.links().some((link) => link.href === paths.otp.page('test')),
    'a link to set up two-factor authentication',
  );
  assert.doesNotMatch(page.text(), /Your password expires/);
});

test('the menu shows only what exists and what the profile allows; no empty sections', async () => {
  const { user: admin, browser } = await signIn(h);
  await browser.get(paths.home('test'));
  const adminMenu = menuLinks(browser.page);
  assert.deepEqual(adminMenu.hrefs, [
    '/test/home',
    '/test/support',
    '/test/password',
    '/test/account',
    '/test/technical-information',
    '/test/users',
    '/test/audit',
    '/test/error-logs',
    '/test/account/production',
    '/test/operations/financial-history',
    '/test/operations/transactions',
  ]);
  assert.deepEqual(adminMenu.current, ['Home']);
  assert.deepEqual(adminMenu.sections, ['Configuration', 'Operations'], 'no Advanced section while it is empty');

  const { browser: viewerBrowser } = await signIn(h, { account: admin, userid: 'menu.viewer', profile: 'viewer' });
  await viewerBrowser.get(paths.home('test'));
  assert.deepEqual(menuLinks(viewerBrowser.page).hrefs, [
    '/test/home',
    '/test/support',
    '/test/password',
    '/test/account',
    '/test/technical-information',
    '/test/error-logs',
    '/test/operations/financial-history',
    '/test/operations/transactions',
  ]);
});
