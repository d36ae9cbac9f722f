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
import type { Page } from '../test/html.ts';

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

/** The text of an element found by CSS selector; fails the test when it is missing. */
function textAt(page: Page, selector: string): string {
  const element = page.one(selector);
  assert.ok(element, `${selector} is on the page`);
  return page.textOf(element);
}

/** The manual's parts: each section's heading, and the text of each contents link, by section id. */
function manualParts(page: Page) {
  const headings = new Map(
    page
      .all('section.manual-section')
      .map((section) => [section.id.replace(/^manual-/, ''), page.textOf(section.querySelector('h2'))]),
  );
  const links = new Map(
    page
      .all('nav.toc a[href^="#"]')
      .map((a) => [(a.getAttribute('href') ?? '').replace(/^#manual-/, ''), page.textOf(a)] as const),
  );
  return { headings, links };
}

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
    assert.equal(textAt(browser.page, 'nav[aria-label="Breadcrumb"] [aria-current="page"]'), 'Platform version');
  });

  test('the user manual has a table of contents whose links reach its sections, and quotes the real limits', async () => {
    const { browser } = await signInEnglish();
    await browser.get(paths.support.manuals('test'));
    const page = browser.page;
    const { headings, links } = manualParts(page);
    assert.ok(links.size >= 8, 'a link per part');
    assert.deepEqual([...links.keys()], [...headings.keys()], 'one contents link per section, in order');
    for (const [id, text] of links) assert.equal(headings.get(id), text, `#manual-${id} is headed as its link`);
    const sessions = textAt(page, '#manual-sessions');
    assert.ok(sessions.includes('after 15 minutes without activity'));
    assert.ok(sessions.includes('after 12 hours'));
    assert.ok(sessions.includes('2 minutes before the end of the idle period'));
    assert.ok(sessions.includes('“Stay signed in”'));
    assert.ok(textAt(page, '#manual-login').includes('whose USERID is the same as the PSPID'));
  });

  const NEW_SECTIONS = [
    { id: 'password', en: 'Password', fr: 'Mot de passe' },
    { id: 'two-factor', en: 'Two-factor authentication', fr: 'Authentification à deux facteurs' },
    { id: 'users', en: 'Users', fr: 'Utilisateurs' },
    { id: 'audit', en: 'Audit log', fr: 'Journal d’audit' },
  ];

  test('the user manual has sections on the password, two-factor authentication, users and the audit log, in English', async () => {
    const { browser } = await signInEnglish();
    await browser.get(paths.support.manuals('test'));
    const page = browser.page;
    const { headings, links } = manualParts(page);
    for (const { id, en } of NEW_SECTIONS) {
      assert.equal(headings.get(id), en, `heading of #manual-${id}`);
      assert.equal(links.get(id), en, `contents link to #manual-${id}`);
    }
    const password = textAt(page, '#manual-password');
    const twoFactor = textAt(page, '#manual-two-factor');
    // The limits come from the rules that enforce them.
    assert.ok(password.includes('12 to 128 characters'));
    assert.ok(password.includes('not one of your last 4 passwords'));
    assert.ok(password.includes('lasts 90 days. From 14 days before it expires'));
    assert.ok(password.includes('a one-time password valid for 24 hours'));
    assert.ok(twoFactor.includes('which can be used for 15 minutes'));
    assert.ok(twoFactor.includes('10 recovery codes are shown'));
    assert.match(twoFactor, /After 5 wrong codes in a row.*the lock after 10 failed logins/);
    // On-screen names as the pages show them.
    assert.ok(password.includes('go to Configuration > Password, fill in “Current password”'));
    assert.ok(twoFactor.includes('You set it up in Configuration > Password > One-time password configuration.'));
    assert.ok(password.includes('“Password forgotten?” on the login page'));
    assert.ok(textAt(page, '#manual-users').includes('“Activate (errors)”'));
    assert.ok(textAt(page, '#manual-users').includes('Untick “OTP active”: switches off'));
    assert.ok(textAt(page, '#manual-audit').includes('“Download these entries as CSV”'));
    const usersLinks = page.all('#manual-users a').map((a) => a.getAttribute('href'));
    assert.ok(usersLinks.includes(paths.support.profiles('test')), 'users section links to Profiles and rights');
  });

  test('the user manual has the same four sections in French', async () => {
    const { browser } = await signInFrench();
    await browser.get(paths.support.manuals('test'));
    const page = browser.page;
    const { headings, links } = manualParts(page);
    for (const { id, fr } of NEW_SECTIONS) {
      assert.equal(headings.get(id), fr, `heading of #manual-${id}`);
      assert.equal(links.get(id), fr, `contents link to #manual-${id}`);
    }
    const password = textAt(page, '#manual-password');
    assert.ok(password.includes('de 12 à 128 caractères'));
    assert.ok(password.includes('« Mot de passe introuvable ? » sur la page d’identification'));
    assert.ok(
      textAt(page, '#manual-two-factor').includes('Configuration > Mot de passe > Configuration d’un mot de passe unique'),
    );
    assert.ok(textAt(page, '#manual-users').includes('« Activer (erreurs) »'));
  });

  test('the FAQ works without JavaScript and states the lockout rule', async () => {
    const { browser } = await signInEnglish();
    await browser.get(paths.support.faq('test'));
    const page = browser.page;
    assert.equal(page.one('#faq-lockout')?.tagName, 'DETAILS', 'each answer is a <details>');
    const questions = page.all('details > summary').map((summary) => page.textOf(summary));
    assert.ok(questions.includes('Why does the login error not say what was wrong?'));
    assert.ok(questions.includes('Can an API user log in to the back office?'));
    const lockout = textAt(page, '#faq-lockout .faq-answer');
    assert.ok(lockout.includes('After 10 failed logins in a row, the user is locked for 30 minutes'));
    assert.ok(lockout.includes('even the right password is refused'));
    assert.ok(page.all('#faq-cookies a').some((a) => a.getAttribute('href') === paths.cookies('test')));
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

test('the FAQ explains the password rules and two-factor authentication, in both languages', async () => {
  const { browser } = await signInEnglish();
  await browser.get(paths.support.faq('test'));
  const questions = browser.page.all('summary').map((summary) => browser.page.textOf(summary));
  assert.ok(questions.includes('What are the rules for a password?'));
  assert.ok(questions.includes('How does two-factor authentication work?'));
  assert.ok(textAt(browser.page, '#faq-password-rules').includes('12 to 128 characters'));
  assert.ok(textAt(browser.page, '#faq-two-factor').includes('a 6-digit code'));
  assert.ok(textAt(browser.page, '#faq-two-factor').includes('The code changes every 30 seconds'));

  const french = await signInFrench();
  await french.browser.get(paths.support.faq('test'));
  const frQuestions = french.browser.page.all('summary').map((summary) => french.browser.page.textOf(summary));
  assert.ok(frQuestions.includes('Quelles sont les règles pour un mot de passe ?'));
  assert.ok(textAt(french.browser.page, '#faq-password-rules').includes('de 12 à 128 caractères'));
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
