import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { paths } from '../paths.ts';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import { allMessages, translator } from './catalogue.ts';
import type { Text } from './define.ts';

/** Every form of a text: the string itself, or each plural form. */
const forms = (text: Text): string[] => (typeof text === 'string' ? [text] : Object.values(text));

import { languageFromHeader } from './negotiate.ts';

describe('message catalogue (T2)', () => {
  const { en, fr } = allMessages();
  test('every key has a non-empty English and French text', () => {
    assert.deepEqual(Object.keys(fr).sort(), Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      for (const form of forms(text)) assert.ok(form.trim(), `English text of ${key}`);
      for (const form of forms(fr[key] ?? '')) assert.ok(form.trim(), `French text of ${key}`);
    }
  });

  test('both languages use the same {placeholders}', () => {
    const names = (text: Text) =>
      [...new Set(forms(text).flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1])))].sort();
    for (const [key, text] of Object.entries(en)) assert.deepEqual(names(fr[key]!), names(text), key);
  });

  test('parameters are filled in', () => {
    assert.equal(translator('fr')('home.welcome', { name: 'Anne' }), 'Bienvenue, Anne');
  });
});

describe('language negotiation', () => {
  test('Accept-Language picks the best supported language by q-value', () => {
    assert.equal(languageFromHeader('fr-BE,fr;q=0.9,en;q=0.8'), 'fr');
    assert.equal(languageFromHeader('de-DE,en;q=0.5,fr;q=0.7'), 'fr');
    assert.equal(languageFromHeader('de-DE'), 'en');
    assert.equal(languageFromHeader('fr;q=0,en'), 'en');
    assert.equal(languageFromHeader(undefined), 'en');
    assert.equal(languageFromHeader(';;;q=abc,,'), 'en');
  });

  test('the login page follows the browser, then the switch, which is remembered', async () => {
    const h = await createHarness();
    const browser = new TestBrowser(h.app, { 'Accept-Language': 'fr-BE,fr;q=0.9' });
    await browser.get(paths.login('test'));
    assert.equal(browser.page.lang(), 'fr');
    assert.equal(browser.page.h1(), 'Identification TEST');
    const response = await browser.post(paths.language('test'), { lang: 'en', next: paths.login('test') });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), paths.login('test'));
    await browser.get(paths.login('test'));
    assert.equal(browser.page.lang(), 'en');
    assert.equal(browser.page.h1(), 'TEST login');
  });

  test('a signed-in user sees their own language; switching changes their setting and is audited', async () => {
    const h = await createHarness();
    const admin = await createAccount(h.db);
    const { user: french, browser } = await signIn(h, {
      account: admin,
      userid: 'marie',
      profile: 'viewer',
      language: 'fr',
      headers: { 'Accept-Language': 'en' },
    });
    await browser.get(paths.home('test'));
    assert.equal(browser.page.h1(), 'Bienvenue, Name of marie');
    assert.ok(browser.page.buttons().includes('Déconnexion'), 'the shell is in French too');
    await browser.post(paths.language('test'), { lang: 'en', next: paths.home('test') });
    const [entry] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, french.id), eq(auditLog.eventType, 'user.language_changed')));
    assert.deepEqual(entry?.details, { before: 'fr', after: 'en' }, 'the change is audited');
    const other = new TestBrowser(h.app, { 'Accept-Language': 'fr' });
    await logIn(other, french);
    await other.get(paths.home('test'));
    assert.equal(other.page.h1(), 'Welcome, Name of marie', 'the choice is the user’s setting, on any browser');
  });

  test('an unknown language is ignored', async () => {
    const h = await createHarness();
    const browser = new TestBrowser(h.app);
    await browser.get(paths.login('test'));
    const response = await browser.post(paths.language('test'), { lang: 'xx', next: 'https://evil.example/' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), paths.login('test'));
  });
});

describe('French typography', () => {
  test('French texts use the typographic apostrophe (’) throughout, never the typewriter one', () => {
    const { fr } = allMessages();
    for (const [key, text] of Object.entries(fr)) {
      for (const form of forms(text)) assert.ok(!form.includes("'"), `${key}: ${form}`);
    }
  });
});
