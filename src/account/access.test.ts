import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { validateSession } from '../auth/sessions.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { Profile } from '../db/schema/users.ts';
import { Forbidden } from '../errors.ts';
import { paths } from '../paths.ts';
import { actorContextOf, createAccount, createHarness, signIn } from '../test/harness.ts';
import { saveAccountSection } from './section-service.ts';
import { ACCOUNT_SECTIONS } from './sections.ts';
import { accountPage, sectionForm, sectionPath, storedAccount } from './test-fixtures.ts';

const h = await createHarness();
const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
await h.db
  .update(accounts)
  .set({ options: ['multi_currency', 'ecommerce_level3'], phone: '+32 2 123 45 67', termsUrl: 'https://shop.example/terms' })
  .where(eq(accounts.id, admin.accountId));

let made = 0;
async function as(profile: Profile) {
  made += 1;
  const { user, browser } = await signIn(h, { account: admin, userid: `acc${made}.${profile}`.slice(0, 20), profile });
  await browser.get(paths.home('test'));
  const auth = await validateSession(h.db, h.clock, browser.cookies.get('guichet_test_session') ?? '', 'test');
  assert.ok(auth);
  return { user, browser, ctx: actorContextOf(h, auth) };
}

const menuLink = (browser: Awaited<ReturnType<typeof as>>['browser']) =>
  browser.page
    .all('nav a')
    .find((a) => browser.page.textOf(a) === 'Account')
    ?.getAttribute('href');

describe('who sees the account page and who changes it (reference §7)', () => {
  for (const profile of ['admin', 'admin_no_user_manager'] as const) {
    test(`${profile}: the menu link, every section as a form, and changes saved`, async () => {
      const { browser } = await as(profile);
      assert.equal(menuLink(browser), accountPage());
      await browser.get(accountPage());
      const sections = browser.page.all('main section.card').map((section) => section.getAttribute('id'));
      assert.deepEqual(sections, [
        'account-administrative',
        'account-billing',
        'account-subscription',
        'account-options',
        'account-languages',
        'account-terms',
        'account-currencies',
        'account-time-zone',
        'account-retention',
      ]);
      assert.equal(browser.page.all('main section.card form').length, ACCOUNT_SECTIONS.length);
      const saved = await browser.post(
        sectionPath('retention'),
        sectionForm('retention', { retentionDays: '400', version: '0' }),
      );
      assert.equal(saved.status, 409, 'a form without its version is stale, never saved');
      await browser.get(accountPage());
      const version = browser.page.one('#account-retention [name=version]')?.getAttribute('value') ?? '';
      assert.equal(
        (await browser.post(sectionPath('retention'), sectionForm('retention', { retentionDays: '400', version }))).status,
        303,
      );
    });
  }

  test('viewer (the accountant): the menu link and every section read-only, no form; every change refused (403)', async () => {
    const { browser, ctx } = await as('viewer');
    assert.equal(menuLink(browser), accountPage());
    assert.equal((await browser.get(accountPage())).status, 200);
    assert.equal(browser.page.all('main form').length, 0, 'no form');
    assert.equal(browser.page.all('main input, main select, main textarea, main button').length, 0);
    assert.ok(browser.page.text().includes('Only administrators can change them.'));
    const details = browser.page.definitions('#account-administrative dl');
    assert.equal(browser.page.textOf(details['Phone number']), '+32 2 123 45 67');
    assert.equal(browser.page.textOf(details['E-mail address']), 'Not set');
    assert.equal(
      browser.page.textOf(browser.page.definitions('#account-terms dl')['Address of your terms and conditions']),
      'https://shop.example/terms',
    );
    assert.ok(browser.page.table('#account-currencies table').length > 1, 'the currencies accepted');
    const before = await storedAccount(h.db, admin.accountId);
    for (const section of ACCOUNT_SECTIONS) {
      const response = await browser.post(sectionPath(section), sectionForm(section, { version: '1' }));
      assert.equal(response.status, 403, section);
    }
    assert.equal((await browser.get(paths.account.confirmOptions('test', { options: '', version: '1' }))).status, 403);
    await assert.rejects(
      saveAccountSection(ctx, { version: 1, change: { section: 'retention', retentionDays: 45 } }),
      Forbidden,
      'the service refuses too',
    );
    assert.deepEqual(await storedAccount(h.db, admin.accountId), before, 'nothing changed');
  });

  for (const profile of ['super_encoder', 'encoder'] as const) {
    test(`${profile}: no menu link, the page and its forms refused (403)`, async () => {
      const { browser, ctx } = await as(profile);
      assert.equal(menuLink(browser), undefined);
      assert.equal((await browser.get(accountPage())).status, 403);
      await browser.get(paths.home('test'));
      assert.equal((await browser.post(sectionPath('administrative'), sectionForm('administrative'))).status, 403);
      await assert.rejects(
        saveAccountSection(ctx, { version: 1, change: { section: 'timeZone', timeZone: 'Europe/Paris' } }),
        Forbidden,
      );
    });
  }

  test('in French: the page, its sections, its options and its menu link', async () => {
    made += 1;
    const { browser } = await signIn(h, { account: admin, userid: `acc${made}.fr`, language: 'fr' });
    await browser.get(accountPage());
    assert.equal(browser.page.h1(), 'Compte');
    assert.equal(browser.page.lang(), 'fr');
    assert.deepEqual(browser.page.headings(2).slice(1, 4), ['Données administratives', 'Données de facturation', 'Abonnement']);
    assert.equal(browser.page.textOf(browser.page.one('label[for=account-option-multi-currency]')), 'Multidevise');
    assert.equal(browser.page.textOf(browser.page.one('label[for=account-language-nl-be]')), 'Flamand (nl_BE)');
    assert.ok(browser.page.all('nav a').some((a) => browser.page.textOf(a) === 'Compte'));
  });

  test('an unknown section is not found', async () => {
    const { browser } = await as('admin');
    await browser.get(accountPage());
    assert.equal((await browser.post(paths.account.section('test', 'nothing'), { version: '1' })).status, 404);
  });
});
