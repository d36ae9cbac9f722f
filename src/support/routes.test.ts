import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { HTMX_VERSION } from '../../views/layout/htmx.ts';
import { can, PERMISSIONS } from '../auth/permissions.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { PROFILES } from '../db/schema/users.ts';
import { PACKAGE_VERSION } from '../lib/version.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';

const SUPPORT_EMAIL = 'help-desk@psp.example';
const SUPPORT_PHONE = '+32 2 555 01 23';

const PAGES = [
  { href: paths.support.index, en: 'Support', fr: 'Support' },
  { href: paths.support.manuals, en: 'User manual', fr: 'Manuel d’utilisation' },
  { href: (env: Environment) => paths.support.faq(env), en: 'Frequently asked questions', fr: 'Foire aux questions (FAQ)' },
  { href: paths.support.version, en: 'Platform version', fr: 'Version de la plate-forme' },
  { href: paths.support.contact, en: 'Contact', fr: 'Contact' },
];

const h = await createHarness({ supportEmail: SUPPORT_EMAIL, supportPhone: SUPPORT_PHONE, build: 'build-4711' });
const account = await createAccount(h.db);
const signInEnglish = () => signIn(h);
const signInFrench = () => signIn(h, { account, language: 'fr' });

describe('Support pages (R1)', () => {
  test('without a session, every support page sends the browser to the login page and back (303)', async () => {
    const browser = new TestBrowser(h.app);
    for (const { href } of PAGES) {
      const path = href('test');
      const response = await browser.get(path);
      assert.equal(response.status, 303, path);
      assert.equal(response.headers.get('Location'), paths.login('test', path));
    }
  });

  test('after logging in from that redirect, the user lands on the support page asked for', async () => {
    const user = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const browser = new TestBrowser(h.app);
    const response = await logIn(browser, user, { next: paths.support.faq('test') });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), paths.support.faq('test'));
  });

  test('each page renders for a signed-in user, in English, with its h1 and Vary: HX-Request', async () => {
    const { browser } = await signInEnglish();
    for (const { href, en } of PAGES) {
      const response = await browser.get(href('test'));
      assert.equal(response.status, 200, href('test'));
      assert.deepEqual(browser.page.headings(1), [en], 'exactly one h1');
      assert.equal(browser.page.lang(), 'en');
      assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
    }
  });

  test('each page renders in French for a user whose language is French, without a catalogue key or a typewriter apostrophe', async () => {
    const { browser } = await signInFrench();
    for (const { href, fr } of PAGES) {
      const response = await browser.get(href('test'));
      assert.equal(response.status, 200, href('test'));
      assert.deepEqual(browser.page.headings(1), [fr], 'exactly one h1');
      assert.equal(browser.page.lang(), 'fr');
      assert.doesNotMatch(browser.page.text(), /support\.[a-z]+\.[a-zA-Z.]+/, 'no catalogue key shown as text');
      assert.ok(!browser.page.text().includes("'"), `French uses ’ on ${href('test')}`);
    }
    await browser.get(paths.support.faq('test'));
    const questions = browser.page.all('summary').map((summary) => browser.page.textOf(summary));
    assert.ok(questions.includes('Que se passe-t-il après plusieurs échecs de connexion ?'), 'the lockout question in French');
  });

  test('the index links to the four pages, and sub-pages lead back to it', async () => {
    const { browser } = await signInEnglish();
    await browser.get(paths.support.index('test'));
    const targets = browser.page.all('main h2 a').map((a) => a.getAttribute('href'));
    for (const href of [
      paths.support.manuals,
      (env: Environment) => paths.support.faq(env),
      paths.support.version,
      paths.support.contact,
    ]) {
      assert.ok(targets.includes(href('test')), href('test'));
    }
    await browser.get(paths.support.version('test'));
    const breadcrumb = browser.page.one('nav[aria-label="Breadcrumb"]');
    assert.ok(breadcrumb, 'a breadcrumb');
    assert.equal(breadcrumb.querySelector('a')?.getAttribute('href'), paths.support.index('test'));
    assert.equal(browser.page.textOf(breadcrumb.querySelector('[aria-current="page"]')), 'Platform version');
  });

  test('the version page shows the package, build, htmx and Node.js versions and the environment', async () => {
    const { browser } = await signInEnglish();
    await browser.get(paths.support.version('test'));
    const page = browser.page;
    const details = page.definitions('main dl');
    const code = (term: string) => page.textOf(details[term]?.querySelector('code'));
    assert.equal(code('Guichet version'), PACKAGE_VERSION, 'package.json version');
    assert.equal(code('Build'), 'build-4711', 'build id from config');
    assert.equal(code('htmx version'), HTMX_VERSION);
    assert.equal(code('Node.js version'), process.version);
    assert.equal(page.textOf(details.Environment), 'TEST');
  });

  test('the contact page shows the configured e-mail and phone, and what to include and never send', async () => {
    const { browser, user } = await signInEnglish();
    await browser.get(paths.support.contact('test'));
    const page = browser.page;
    assert.equal(page.link(SUPPORT_EMAIL), `mailto:${SUPPORT_EMAIL}`);
    assert.equal(page.link(SUPPORT_PHONE), 'tel:+3225550123');
    const include = page.all('[aria-labelledby="contact-include-title"] li').map((li) => page.textOf(li));
    assert.ok(include.includes(`Your PSPID (${user.pspid}) and your USERID (${user.userid})`));
    assert.ok(include.includes('The reference shown on the error page, if you saw one'));
    const never = page.all('[aria-labelledby="contact-never-title"] li').map((li) => page.textOf(li));
    assert.deepEqual(never, ['Passwords', 'Full card numbers', 'Card verification codes (CVC)', 'One-time codes']);
  });

  test('without a configured phone, the contact page shows no phone line', async () => {
    const bare = await createHarness({ supportEmail: SUPPORT_EMAIL });
    const { browser } = await signIn(bare);
    await browser.get(paths.support.contact('test'));
    const page = browser.page;
    assert.equal(page.link(SUPPORT_EMAIL), `mailto:${SUPPORT_EMAIL}`);
    assert.equal(page.all('a[href^="tel:"]').length, 0);
    assert.deepEqual(Object.keys(page.definitions('main dl')), ['E-mail']);
  });

  test('support is served in PRODUCTION too, for a PRODUCTION user', async () => {
    const { browser } = await signIn(h, { environment: 'prod' });
    const response = await browser.get(paths.support.version('prod'));
    assert.equal(response.status, 200);
    assert.equal(browser.page.textOf(browser.page.definitions('main dl').Environment), 'PRODUCTION');
    assert.ok(browser.page.links().some((link) => link.href === paths.support.index('prod')));
    // The PRODUCTION session does not open TEST pages.
    const other = await browser.get(paths.support.index('test'));
    assert.equal(other.status, 303);
  });
});

test('"Profiles and rights" shows the one permission matrix, read-only', async () => {
  const { browser } = await signIn(h, { account, profile: 'viewer' });
  const response = await browser.get(paths.support.profiles('test'));
  assert.equal(response.status, 200);
  assert.ok(browser.page.text().includes('Your profile: Viewer.'));
  const [header, ...rows] = browser.page.table('table.rights');
  assert.equal(header?.length, PROFILES.length + 1, 'a column per profile');
  assert.equal(rows.length, PERMISSIONS.length, 'one row per permission');
  PERMISSIONS.forEach((permission, index) => {
    assert.deepEqual(
      rows[index]!.slice(1),
      PROFILES.map((profile) => (can(profile, permission) ? 'Yes' : 'No')),
      permission,
    );
  });
  assert.equal(browser.page.all('main form').length, 0, 'nothing to change there');
});

describe('the test cards in the manual (reference §11)', () => {
  test('the e-Terminal section has the same table as Technical information > Test info, in the reader’s language', async () => {
    const { browser } = await signIn(h);
    await browser.get(paths.support.manuals('test'));
    const table = browser.page.table('section[aria-labelledby="manual-test-cards-caption"] table');
    const text = browser.page.text();
    assert.match(text, /4111 1111 1111 1111/);
    assert.match(text, /4000 0000 0000 0051/);
    assert.ok(table.length > 5, 'a row per test card');
  });
});
