import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { detailPairs } from '../audit/labels.ts';
import { validateSession } from '../auth/sessions.ts';
import { accounts } from '../db/schema/accounts.ts';
import { auditLog } from '../db/schema/audit.ts';
import { Forbidden } from '../errors.ts';
import { translator } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import { actorContextOf, createHarness, signIn } from '../test/harness.ts';
import { saveAccountSection } from './section-service.ts';
import { accountPage, sectionForm, sectionPath, setOptions, storedAccount } from './test-fixtures.ts';

const h = await createHarness();

const sectionIds = (browser: TestBrowser) => browser.page.all('main section.card').map((section) => section.getAttribute('id'));
const contents = (browser: TestBrowser) => browser.page.all('nav.toc a').map((a) => browser.page.textOf(a));

/** Switches the options to exactly `options` through the options form (TEST: no confirmation). */
async function switchOptions(browser: TestBrowser, options: string[]) {
  await browser.get(accountPage());
  const version = browser.page.one('#account-options [name=version]')?.getAttribute('value') ?? '';
  const ticked = Object.fromEntries(options.map((option) => [option, '1']));
  const response = await browser.post(sectionPath('options'), { version, ...ticked });
  assert.equal(response.status, 303);
  assert.equal(response.headers.get('Location'), accountPage());
}

describe('options drive the product: a section gated by an option is shown and accepted only while it is on (C3–C5)', () => {
  test('multi-currency off hides the currencies section and refuses its form (403) without deleting them; on shows them again', async () => {
    const { user, browser } = await signIn(h);
    await h.db
      .update(accounts)
      .set({ currencies: ['EUR', 'JPY'] })
      .where(eq(accounts.id, user.accountId));
    await browser.get(accountPage());
    assert.ok(!sectionIds(browser).includes('account-currencies'), 'hidden without the option');
    assert.ok(!contents(browser).includes('Currencies'));
    const refused = await browser.post(sectionPath('currencies'), sectionForm('currencies', { USD: '1' }));
    assert.equal(refused.status, 403);
    assert.deepEqual((await storedAccount(h.db, user.accountId)).currencies, ['EUR', 'JPY']);

    await switchOptions(browser, ['multi_currency']);
    await browser.get(accountPage());
    assert.equal(browser.page.flash(), 'The options were changed.');
    assert.ok(sectionIds(browser).includes('account-currencies'), 'shown with the option');
    assert.ok(contents(browser).includes('Currencies'));
    assert.equal(browser.page.valueOf('#account-currency-jpy'), 'on', 'the saved currencies are still there');
    assert.equal(browser.page.valueOf('#account-currency-usd'), '');
    const hint = (code: string) => browser.page.textOf(browser.page.one(`#account-currency-${code}-hint`));
    assert.equal(browser.page.textOf(browser.page.one('label[for=account-currency-jpy]')), 'JPY – Japanese Yen');
    assert.equal(hint('jpy'), '0 decimals, accepted by the acquirer');
    assert.equal(hint('eur'), '2 decimals, accepted by the acquirer');
    assert.equal(hint('kwd'), '3 decimals, not accepted by the acquirer');
    const saved = await browser.post(sectionPath('currencies'), sectionForm('currencies', { JPY: '1', KWD: '1', EUR: '' }));
    assert.equal(saved.status, 303);
    assert.deepEqual((await storedAccount(h.db, user.accountId)).currencies, ['JPY', 'KWD']);

    await switchOptions(browser, []);
    await browser.get(accountPage());
    assert.ok(!sectionIds(browser).includes('account-currencies'), 'hidden again');
    assert.equal((await browser.post(sectionPath('currencies'), sectionForm('currencies'))).status, 403);
    assert.deepEqual((await storedAccount(h.db, user.accountId)).currencies, ['JPY', 'KWD'], 'kept while hidden');
    const [event] = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, user.accountId), eq(auditLog.eventType, 'account.options')))
      .orderBy(auditLog.id);
    assert.deepEqual(event?.details, { changes: { options: { before: [], after: ['multi_currency'] } } });
    assert.deepEqual(detailPairs(translator('en'), 'account.options', event?.details ?? {}), [['Options', '— → Multi-currency']]);
  });

  test('e-Commerce level 3 off hides the terms URL and refuses it (403), its address kept; on shows it', async () => {
    const { user, browser } = await signIn(h);
    await h.db.update(accounts).set({ termsUrl: 'https://shop.example/terms' }).where(eq(accounts.id, user.accountId));
    await browser.get(accountPage());
    assert.ok(!sectionIds(browser).includes('account-terms'));
    assert.equal(browser.page.one('#account-terms-terms-url'), null);
    const refused = await browser.post(sectionPath('terms'), sectionForm('terms', { termsUrl: 'https://evil.example/' }));
    assert.equal(refused.status, 403);

    await switchOptions(browser, ['ecommerce_level3']);
    await browser.get(accountPage());
    assert.equal(browser.page.valueOf('#account-terms-terms-url'), 'https://shop.example/terms');
    assert.equal(
      (await browser.post(sectionPath('terms'), sectionForm('terms', { termsUrl: 'https://shop.example/cgv' }))).status,
      303,
    );
    await switchOptions(browser, []);
    await browser.get(accountPage());
    assert.ok(!sectionIds(browser).includes('account-terms'));
    assert.equal((await storedAccount(h.db, user.accountId)).termsUrl, 'https://shop.example/cgv');
  });

  test('the services refuse a gated section while its option is off (Forbidden), whatever the route did', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(paths.home('test'));
    const auth = await validateSession(h.db, h.clock, browser.cookies.get('guichet_test_session') ?? '', 'test');
    assert.ok(auth);
    const ctx = actorContextOf(h, auth);
    await assert.rejects(
      saveAccountSection(ctx, { version: 1, change: { section: 'currencies', currencies: ['USD'] } }),
      Forbidden,
    );
    await assert.rejects(
      saveAccountSection(ctx, { version: 1, change: { section: 'terms', termsUrl: 'https://x.example/' } }),
      Forbidden,
    );
    await setOptions(h.db, user.accountId, ['multi_currency']);
    assert.deepEqual(
      await saveAccountSection(ctx, { version: 1, change: { section: 'currencies', currencies: ['USD'] } }),
      { changed: true },
      'the service reads the options as saved now',
    );
  });

  test('options the page lists: active, then recommended, then the others, each saying what it does', async () => {
    const { user, browser } = await signIn(h);
    await setOptions(h.db, user.accountId, ['batch', 'teleportation']);
    await browser.get(accountPage());
    const legends = browser.page.all('#account-options legend').map(browser.page.textOf);
    assert.deepEqual(legends, ['Active options', 'Recommended options', 'Other available options']);
    const active = browser.page.one('#account-options fieldset');
    assert.ok(browser.page.textOf(active).includes('Batch'));
    assert.ok(browser.page.textOf(active).includes('Processes many payments at once, from a file you upload.'));
    assert.equal(browser.page.valueOf('#account-option-batch'), 'on');
    // An option code this version does not know stays as stored; a posted unknown code is ignored.
    await switchOptions(browser, ['alias_manager', 'teleportation', 'wormhole']);
    assert.deepEqual((await storedAccount(h.db, user.accountId)).options, ['alias_manager', 'teleportation']);
  });
});

describe('in PRODUCTION, switching options goes through a confirmation page that names what changes', () => {
  test('the change is shown first, then made by its button', async () => {
    const { user, browser } = await signIn(h, { environment: 'prod' });
    await browser.get(paths.account.page('prod'));
    assert.ok(browser.page.text().includes('In PRODUCTION, the next page says what the change shows and hides'));
    const asked = await browser.post(paths.account.section('prod', 'options'), { version: '1', multi_currency: '1' });
    assert.equal(asked.status, 303);
    const confirm = asked.headers.get('Location') ?? '';
    assert.equal(confirm, paths.account.confirmOptions('prod', { options: 'multi_currency', version: '1' }));
    assert.deepEqual((await storedAccount(h.db, user.accountId)).options, [], 'nothing switched yet');

    assert.equal((await browser.get(confirm)).status, 200);
    assert.equal(browser.page.h1(), `Change the options of ${user.pspid}?`);
    assert.deepEqual(browser.page.all('main li').map(browser.page.textOf), [
      'Multi-currency: shows the “Currencies” section of the account page and payments in other currencies.',
    ]);
    assert.equal(browser.page.link('Cancel'), paths.account.page('prod'));
    assert.ok(browser.page.buttons().includes('Change the options'));
    const made = await browser.post(paths.account.section('prod', 'options'), {
      version: browser.page.one('main form [name=version]')?.getAttribute('value') ?? '',
      confirmed: browser.page.one('main form [name=confirmed]')?.getAttribute('value') ?? '',
      multi_currency: browser.page.one('main form [name=multi_currency]')?.getAttribute('value') ?? '',
    });
    assert.equal(made.status, 303);
    assert.equal(made.headers.get('Location'), paths.account.page('prod'));
    assert.deepEqual((await storedAccount(h.db, user.accountId)).options, ['multi_currency']);

    // Switching it off says what it hides, and that nothing is deleted.
    await browser.get(paths.account.page('prod'));
    const off = await browser.post(paths.account.section('prod', 'options'), { version: '2' }, { 'HX-Request': 'true' });
    assert.equal(off.status, 204);
    const location = off.headers.get('HX-Location') ?? '';
    assert.equal(location, paths.account.confirmOptions('prod', { options: '', version: '2' }));
    await browser.get(location);
    assert.ok(browser.page.text().includes('Multi-currency: hides the “Currencies” section of the account page'));
    assert.ok(browser.page.text().includes('Nothing is deleted'));

    // A stale confirmation (changed meanwhile in another tab) is refused, nothing overwritten.
    await setOptions(h.db, user.accountId, ['multi_currency', 'batch']);
    await h.db
      .update(accounts)
      .set({ sectionVersions: { options: 3 } })
      .where(eq(accounts.id, user.accountId));
    const stale = await browser.post(paths.account.section('prod', 'options'), { version: '2', confirmed: '1' });
    assert.equal(stale.status, 409);
    assert.deepEqual((await storedAccount(h.db, user.accountId)).options, ['multi_currency', 'batch']);
  });

  test('a confirmation page that would change nothing returns to the account page; in TEST there is none', async () => {
    const { browser } = await signIn(h, { environment: 'prod' });
    const back = await browser.get(paths.account.confirmOptions('prod', { options: '', version: '1' }));
    assert.equal(back.status, 303);
    assert.equal(back.headers.get('Location'), paths.account.page('prod'));
    const { browser: inTest } = await signIn(h);
    await inTest.get(accountPage());
    assert.ok(!inTest.page.text().includes('In PRODUCTION, the next page'));
  });
});
