import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paths } from '../paths.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import type { Page } from '../test/html.ts';

/**
 * The user manual and the FAQ (R1): their parts in both languages, the real limits they quote
 * (src/support/facts.ts), the contents links that reach their sections, answers without JavaScript.
 */
const h = await createHarness();
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

describe('User manual and FAQ (R1)', () => {
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
    assert.ok(textAt(page, '#manual-users').includes('“Unlock”'));
    assert.ok(
      textAt(page, '#manual-users').includes(
        '“Switch off two-factor authentication”: the user’s two-factor authentication is switched off',
      ),
    );
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
    assert.ok(textAt(page, '#manual-users').includes('« Débloquer »'));
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
});
