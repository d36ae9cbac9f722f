import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { logIn, TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, createUser } from '../test/harness.ts';
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
    await browser.get('/test/login');
    assert.match(browser.lastBody, /<html lang="fr">/);
    assert.match(browser.lastBody, /<h1>Identification TEST<\/h1>/);
    const response = await browser.post('/test/language', { lang: 'en', next: '/test/login' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), '/test/login');
    await browser.get('/test/login');
    assert.match(browser.lastBody, /<h1>TEST login<\/h1>/);
  });

  test('a signed-in user sees their own language; switching changes their setting and is audited', async () => {
    const h = await createHarness();
    const admin = await createAccount(h.db);
    const french = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'marie', language: 'fr' });
    const browser = new TestBrowser(h.app, { 'Accept-Language': 'en' });
    await logIn(browser, french);
    await browser.get('/test/home');
    assert.match(browser.lastBody, /<h1>Bienvenue, Name of marie<\/h1>/);
    assert.match(browser.lastBody, /Déconnexion/);
    await browser.post('/test/language', { lang: 'en', next: '/test/home' });
    const other = new TestBrowser(h.app, { 'Accept-Language': 'fr' });
    await logIn(other, french);
    await other.get('/test/home');
    assert.match(other.lastBody, /<h1>Welcome, Name of marie<\/h1>/, 'the choice is the user’s setting, on any browser');
  });

  test('an unknown language is ignored', async () => {
    const h = await createHarness();
    const browser = new TestBrowser(h.app);
    await browser.get('/test/login');
    const response = await browser.post('/test/language', { lang: 'xx', next: 'https://evil.example/' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('Location'), '/test/login');
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
