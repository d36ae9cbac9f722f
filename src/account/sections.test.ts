import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { detailPairs } from '../audit/labels.ts';
import { accounts } from '../db/schema/accounts.ts';
import { auditLog } from '../db/schema/audit.ts';
import { translator } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';
import { registerRetentionTable } from '../retention/registry.ts';
import { createHarness, createUser, signIn } from '../test/harness.ts';
import { accountPage, sectionForm, sectionPath, setOptions, storedAccount } from './test-fixtures.ts';

const h = await createHarness();

/** The account's audit entries of one type, oldest first. */
async function events(accountId: string, type: string) {
  const rows = await h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.accountId, accountId), eq(auditLog.eventType, type)))
    .orderBy(auditLog.id);
  return rows;
}

describe('saving a section (C1–C3, C6, D5): audited with before and after, one section at a time', () => {
  test('administrative data: saved, flashed, audited with the changed fields only, in words', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(accountPage());
    assert.equal(browser.page.h1(), 'Account');
    const saved = await browser.post(
      sectionPath('administrative'),
      sectionForm('administrative', {
        companyName: 'Renamed SA',
        tradeName: user.pspid,
        phone: '+32 2 123 45 67',
        email: 'billing@example.com',
      }),
    );
    assert.equal(saved.status, 303);
    assert.equal(saved.headers.get('Location'), accountPage());
    await browser.get(accountPage());
    assert.equal(browser.page.flash(), 'The administrative data were saved.');
    assert.equal(browser.page.valueOf('#account-administrative-company-name'), 'Renamed SA');
    const account = await storedAccount(h.db, user.accountId);
    assert.equal(account.companyName, 'Renamed SA');
    assert.equal(account.phone, '+32 2 123 45 67');
    assert.deepEqual(account.sectionVersions, { administrative: 2 });
    const [event] = await events(user.accountId, 'account.administrative_data');
    assert.equal(event?.object, `account:${user.accountId}`);
    assert.equal(event?.userId, user.id);
    assert.deepEqual(event?.details, {
      changes: {
        companyName: { before: `${user.pspid} SA`, after: 'Renamed SA' },
        phone: { before: null, after: '+32 2 123 45 67' },
        email: { before: null, after: 'billing@example.com' },
      },
    });
    // In words in the log (Postgres keeps a jsonb's keys in an order of its own).
    assert.deepEqual(detailPairs(translator('en'), 'account.administrative_data', event?.details ?? {}).sort(), [
      ['Company name', `${user.pspid} SA → Renamed SA`],
      ['E-mail address', '— → billing@example.com'],
      ['Phone number', '— → +32 2 123 45 67'],
    ]);
    assert.equal(browser.page.one('[name=version]')?.getAttribute('value'), '2');

    // The same values again: nothing changes, nothing is audited.
    const again = await browser.post(
      sectionPath('administrative'),
      sectionForm('administrative', {
        version: '2',
        companyName: 'Renamed SA',
        tradeName: user.pspid,
        phone: '+32 2 123 45 67',
        email: 'billing@example.com',
      }),
    );
    assert.equal(again.status, 303);
    await browser.get(accountPage());
    assert.equal(browser.page.flash(), 'Nothing was changed.');
    assert.equal((await events(user.accountId, 'account.administrative_data')).length, 1);
  });

  test('billing details: the VAT number is kept without separators; the billing mode reads in words in the log', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(accountPage());
    const form = sectionForm('billing', {
      billingAddress: 'Rue Haute 1\r\n1000 Brussels',
      vatNumber: 'be 0123.456.789',
      billingContact: 'Ann Peeters',
      billingMode: 'direct_debit',
    });
    assert.equal((await browser.post(sectionPath('billing'), form)).status, 303);
    const account = await storedAccount(h.db, user.accountId);
    assert.equal(account.vatNumber, 'BE0123456789');
    assert.equal(account.billingAddress, 'Rue Haute 1\n1000 Brussels');
    assert.equal(account.billingMode, 'direct_debit');
    const [event] = await events(user.accountId, 'account.billing');
    const words = detailPairs(translator('fr'), 'account.billing', event?.details ?? {});
    assert.deepEqual(
      words.find(([label]) => label === 'Mode de facturation'),
      ['Mode de facturation', 'Facture → Domiciliation (prélèvement)'],
    );
    await browser.get(accountPage());
    assert.equal(browser.page.valueOf('#account-billing-vat-number'), 'BE0123456789');
  });

  test('a stale edit answers 409 with the saved values and the typed ones both shown; nothing is overwritten', async () => {
    const { user, browser } = await signIn(h);
    const { browser: other } = await signIn(h, { account: user, userid: 'second.admin', profile: 'admin' });
    await browser.get(accountPage());
    await other.get(accountPage());
    const first = sectionForm('administrative', { companyName: 'First Writer SA', tradeName: 'First' });
    assert.equal((await other.post(sectionPath('administrative'), first)).status, 303);
    const late = sectionForm('administrative', { companyName: 'Second Writer SA', tradeName: 'Second' });
    const response = await browser.post(sectionPath('administrative'), late);
    assert.equal(response.status, 409);
    assert.ok(browser.page.alert().startsWith('Someone changed this section while you were editing.'));
    const section = browser.page.one('#account-administrative');
    const saved = section?.querySelector('dl');
    assert.ok(browser.page.textOf(saved).includes('First Writer SA'), 'the values as saved now');
    assert.equal(browser.page.valueOf('#account-administrative-company-name'), 'Second Writer SA', 'the typed values');
    assert.equal(section?.querySelector('[name=version]')?.getAttribute('value'), '2', 'the form now carries the saved version');
    assert.equal((await storedAccount(h.db, user.accountId)).companyName, 'First Writer SA');
    assert.equal((await events(user.accountId, 'account.administrative_data')).length, 1);

    // Another section is not stale: its version did not move.
    assert.equal((await browser.post(sectionPath('retention'), sectionForm('retention', { retentionDays: '365' }))).status, 303);
    // Saving again from the conflict's form works.
    assert.equal(
      (await browser.post(sectionPath('administrative'), { ...late, version: '2' })).status,
      303,
      'saved once the saved version is the one the form carries',
    );
    assert.equal((await storedAccount(h.db, user.accountId)).companyName, 'Second Writer SA');
  });

  test('a stale edit sent by htmx shows the whole page', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(accountPage());
    await h.db
      .update(accounts)
      .set({ sectionVersions: { retention: 5 } })
      .where(eq(accounts.id, user.accountId));
    const response = await browser.post(sectionPath('retention'), sectionForm('retention', { retentionDays: '90' }), {
      'HX-Request': 'true',
    });
    assert.equal(response.status, 409);
    assert.equal(response.headers.get('HX-Retarget'), 'body');
    assert.equal(browser.page.h1(), 'Account');
    assert.equal(browser.page.valueOf('#account-retention-retention-days'), '90');
    assert.equal((await storedAccount(h.db, user.accountId)).retentionDays, 540);
  });

  test('a section saved by htmx comes back alone, with its message, so the other sections keep what was typed', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(accountPage());
    const response = await browser.post(sectionPath('timeZone'), sectionForm('timeZone', { timeZone: 'Asia/Kolkata' }), {
      'HX-Request': 'true',
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('HX-Location'), null);
    assert.equal(response.headers.get('HX-Replace-Url'), accountPage(), 'never an earlier refusal’s marked address');
    assert.equal(browser.page.h1(), '', 'not the whole page');
    assert.equal(browser.page.one('section')?.getAttribute('id'), 'account-time-zone');
    assert.equal(browser.page.one('[data-saved-notice]')?.getAttribute('role'), 'status');
    assert.match(browser.page.flash(), /time zone was saved/i);
    // Saved under the name the picker lists, which the section shows selected.
    assert.equal((await storedAccount(h.db, user.accountId)).timeZone, 'Asia/Calcutta');
    assert.equal(browser.page.valueOf('#account-time-zone-time-zone'), 'Asia/Calcutta');
    // Nothing changed: said in the section too.
    await browser.post(sectionPath('timeZone'), sectionForm('timeZone', { timeZone: 'Asia/Calcutta', version: '2' }), {
      'HX-Request': 'true',
    });
    assert.ok(browser.page.one('#account-time-zone [data-saved-notice]'));
  });

  test('options saved by htmx show the whole page: other sections appear or go', async () => {
    const { browser } = await signIn(h);
    await browser.get(accountPage());
    const response = await browser.post(sectionPath('options'), sectionForm('options', { MULTI_CURRENCY: '1' }), {
      'HX-Request': 'true',
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('HX-Location'), accountPage());
  });

  test('subscription: its type sets the user limit; a type below the users the account has is refused', async () => {
    const { user, browser } = await signIn(h);
    for (const userid of ['one.more', 'two.more', 'api.more']) {
      await createUser(h.db, user.accountId, user.pspid, {
        userid,
        isApiUser: userid.startsWith('api'),
        active: userid !== 'two.more',
      });
    }
    await browser.get(accountPage());
    assert.ok(browser.page.text().includes('4 of 10 users allowed by the subscription.'));
    const refused = await browser.post(sectionPath('subscription'), sectionForm('subscription', { subscription: 'starter' }));
    assert.equal(refused.status, 422);
    assert.equal(
      browser.page.fieldError('account-subscription-subscription'),
      'The Starter subscription allows 3 users, and the account has 4 (deactivated and API users count too). Choose a type that allows at least 4 users.',
    );
    assert.equal(browser.page.valueOf('#account-subscription-subscription'), 'starter', 'the choice kept');
    assert.equal((await storedAccount(h.db, user.accountId)).userLimit, 10);

    assert.equal(
      (await browser.post(sectionPath('subscription'), sectionForm('subscription', { subscription: 'business' }))).status,
      303,
    );
    const account = await storedAccount(h.db, user.accountId);
    assert.equal(account.subscription, 'business');
    assert.equal(account.userLimit, 25);
    const [event] = await events(user.accountId, 'account.subscription');
    assert.deepEqual(event?.details, {
      changes: { subscription: { before: 'professional', after: 'business' }, userLimit: { before: 10, after: 25 } },
    });
    assert.deepEqual(detailPairs(translator('en'), 'account.subscription', event?.details ?? {}).sort(), [
      ['Subscription', 'Professional → Business'],
      ['Users allowed', '10 → 25'],
    ]);
    await browser.get(paths.users.list('test'));
    assert.ok(browser.page.text().includes('4 of 25 users allowed by your subscription.'));
  });

  test('payment page languages, terms URL and currencies: each audited with before and after', async () => {
    const { user, browser } = await signIn(h);
    await setOptions(h.db, user.accountId, ['multi_currency', 'ecommerce_level3']);
    await browser.get(accountPage());
    const post = async (section: 'languages' | 'terms' | 'currencies', fields: Record<string, string>) =>
      assert.equal((await browser.post(sectionPath(section), sectionForm(section, fields))).status, 303, section);
    await post('languages', { en_US: '1', fr_FR: '1', nl_BE: '1' });
    await post('terms', { termsUrl: 'https://shop.example/terms' });
    await post('currencies', { EUR: '1', JPY: '1', KWD: '1' });
    const details = async (type: string) => (await events(user.accountId, type))[0]?.details;
    assert.deepEqual(await details('account.payment_page_languages'), {
      changes: { paymentPageLanguages: { before: ['en_US', 'fr_FR'], after: ['en_US', 'fr_FR', 'nl_BE'] } },
    });
    assert.deepEqual(await details('account.terms_url'), {
      changes: { termsUrl: { before: null, after: 'https://shop.example/terms' } },
    });
    assert.deepEqual(await details('account.currencies'), {
      changes: { currencies: { before: ['EUR'], after: ['EUR', 'JPY', 'KWD'] } },
    });
    await browser.get(accountPage());
    assert.equal(browser.page.valueOf('#account-language-nl-be'), 'on');
    assert.equal(browser.page.flash(), 'The currencies were saved.');
  });

  test('time zone: new users start with the account’s', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(accountPage());
    const saved = await browser.post(sectionPath('timeZone'), sectionForm('timeZone', { timeZone: 'America/New_York' }));
    assert.equal(saved.status, 303);
    const [event] = await events(user.accountId, 'account.time_zone');
    assert.deepEqual(event?.details, { changes: { timeZone: { before: 'Europe/Brussels', after: 'America/New_York' } } });
    await browser.get(paths.users.new('test'));
    assert.equal(browser.page.valueOf('#user-time-zone'), 'America/New_York');
  });

  test('data retention: saved and audited; the page previews what the next run removes', async () => {
    const { user, browser } = await signIn(h);
    await browser.get(accountPage());
    const preview = () => browser.page.textOf(browser.page.one('#account-retention-preview'));
    assert.equal(preview(), 'The next run will remove nothing: no payment data is older than 540 days.');
    assert.equal((await browser.post(sectionPath('retention'), sectionForm('retention', { retentionDays: '90' }))).status, 303);
    assert.equal((await storedAccount(h.db, user.accountId)).retentionDays, 90);
    const [event] = await events(user.accountId, 'account.retention');
    assert.deepEqual(event?.details, { changes: { retentionDays: { before: 540, after: 90 } } });

    // A table of payment data, as later features register theirs: the preview asks it with the saved setting.
    const asked: number[] = [];
    const unregister = registerRetentionTable({
      table: 'test_orders',
      label: 'account.section.billing',
      count: async (_db, accountId, cutoff) => {
        if (accountId !== user.accountId) return 0;
        asked.push(Math.round((h.clock.now().getTime() - cutoff.getTime()) / 86_400_000));
        return 1234;
      },
      deleteChunk: async () => 0,
    });
    try {
      await browser.get(accountPage());
      const lines = browser.page.all('#account-retention-preview p, #account-retention-preview li').map(browser.page.textOf);
      assert.deepEqual(lines, ['The next run will remove 1,234 records older than 90 days:', 'Billing details: 1,234']);
      assert.deepEqual(asked, [90]);
    } finally {
      unregister();
    }
  });
});
