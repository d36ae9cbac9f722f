import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { and, eq, like } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { createHarness, signIn } from '../test/harness.ts';
import type { AccountSection } from './sections.ts';
import { accountPage, sectionForm, sectionPath, setOptions, storedAccount } from './test-fixtures.ts';

const h = await createHarness();

/** Posts a section's form as an administrator of a new account with every option on; answers the refusal in place. */
async function refused(section: AccountSection, fields: Record<string, string>) {
  const { user, browser } = await signIn(h);
  await setOptions(h.db, user.accountId, ['multi_currency', 'ecommerce_level3']);
  await browser.get(accountPage());
  const before = await storedAccount(h.db, user.accountId);
  const response = await browser.post(sectionPath(section), sectionForm(section, fields));
  assert.equal(response.status, 422, `${section} refused`);
  const after = await storedAccount(h.db, user.accountId);
  assert.deepEqual(after, before, 'nothing saved');
  const audited = await h.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.accountId, user.accountId), like(auditLog.eventType, 'account.%')));
  assert.equal(audited.length, 0, 'nothing audited');
  assert.ok(browser.page.title().startsWith('Error: '));
  return browser.page;
}

describe('each section refuses bad input beside the field, keeps what was typed, saves nothing (C1–C6)', () => {
  test('administrative data: legal name required, international phone, a bare e-mail address', async () => {
    const page = await refused('administrative', {
      companyName: '',
      tradeName: 'Kept Trade Name',
      phone: '02 123 45 67',
      email: 'Bob <bob@example.com>',
    });
    assert.equal(page.fieldError('account-administrative-company-name'), 'Enter the company’s legal name.');
    assert.equal(
      page.fieldError('account-administrative-phone'),
      'Enter the phone number in international format: + and the country code, then the number (8 to 15 digits in all), for example +32 2 123 45 67.',
    );
    assert.equal(page.fieldError('account-administrative-email'), 'Enter an e-mail address like name@example.com.');
    assert.deepEqual(
      page.errorSummary().map((line) => line.href),
      ['#account-administrative-company-name', '#account-administrative-phone', '#account-administrative-email'],
    );
    assert.ok(page.errorSummary()[0]?.text.startsWith('Company name (legal name): '));
    assert.equal(page.valueOf('#account-administrative-trade-name'), 'Kept Trade Name');
    assert.equal(page.valueOf('#account-administrative-phone'), '02 123 45 67');
    assert.equal(page.valueOf('#account-administrative-email'), 'Bob <bob@example.com>');
  });

  test('a text too long, or with control characters, is refused too', async () => {
    const page = await refused('administrative', { tradeName: 'x'.repeat(101), companyName: 'Bad\u0000Name' });
    assert.equal(page.fieldError('account-administrative-trade-name'), 'Enter at most 100 characters.');
    assert.ok(page.fieldError('account-administrative-company-name'));
  });

  test('billing details: a VAT number with its country code, invoice or direct debit', async () => {
    const page = await refused('billing', {
      billingAddress: 'Rue Haute 1\n1000 Brussels',
      vatNumber: '0123.456.789',
      billingMode: 'cash',
    });
    assert.equal(
      page.fieldError('account-billing-vat-number'),
      'Enter the VAT number as its two-letter country code and then its number, for example BE0123456789.',
    );
    assert.equal(page.fieldError('account-billing-billing-mode'), 'Choose invoice or direct debit.');
    assert.equal(page.valueOf('#account-billing-billing-address'), 'Rue Haute 1\n1000 Brussels');
    assert.equal(page.valueOf('#account-billing-vat-number'), '0123.456.789');
  });

  test('subscription: a type of the list', async () => {
    const page = await refused('subscription', { subscription: 'platinum' });
    assert.equal(page.fieldError('account-subscription-subscription'), 'Choose a subscription type from the list.');
  });

  test('payment page languages: at least one, the message beside the group', async () => {
    const page = await refused('languages', { en_US: '' });
    assert.equal(page.fieldError('account-languages-list'), 'Choose at least one language for the payment page.');
    assert.deepEqual(page.errorSummary(), [
      {
        text: 'Languages of the payment page: Choose at least one language for the payment page.',
        href: '#account-languages-list',
      },
    ]);
    assert.equal(page.valueOf('#account-language-fr-fr'), '', 'what was unticked stays unticked');
  });

  test('terms and conditions: https only', async () => {
    for (const typed of ['http://www.example.com/terms', 'javascript:alert(1)', 'https://user:pw@example.com/terms']) {
      const page = await refused('terms', { termsUrl: typed });
      assert.equal(
        page.fieldError('account-terms-terms-url'),
        'Enter the address of your terms and conditions starting with https://, for example https://www.example.com/terms.',
      );
      assert.equal(page.valueOf('#account-terms-terms-url'), typed);
    }
  });

  test('currencies: at least one', async () => {
    const page = await refused('currencies', { EUR: '', USD: '' });
    assert.equal(page.fieldError('account-currencies-list'), 'Choose at least one currency.');
  });

  test('time zone: one of the list', async () => {
    const page = await refused('timeZone', { timeZone: 'Mars/Olympus' });
    assert.equal(page.fieldError('account-time-zone-time-zone'), 'Choose a time zone from the list.');
  });

  test('data retention: a whole number of days from 45 to 540', async () => {
    for (const typed of ['44', '541', '90.5', 'ninety', '']) {
      const page = await refused('retention', { retentionDays: typed });
      assert.equal(page.fieldError('account-retention-retention-days'), 'Enter a whole number of days from 45 to 540.', typed);
      assert.equal(page.valueOf('#account-retention-retention-days'), typed);
    }
  });

  test('a refused section is swapped in place for htmx: that section alone, 422', async () => {
    const { browser } = await signIn(h);
    await browser.get(accountPage());
    const response = await browser.post(sectionPath('retention'), sectionForm('retention', { retentionDays: '9' }), {
      'HX-Request': 'true',
    });
    assert.equal(response.status, 422);
    assert.equal(browser.page.one('h1'), null, 'not the whole page');
    assert.equal(browser.page.all('section').length, 1);
    assert.equal(browser.page.one('section')?.getAttribute('id'), 'account-retention');
    assert.equal(browser.page.fieldError('account-retention-retention-days'), 'Enter a whole number of days from 45 to 540.');
  });

  test('without JavaScript, a refusal is a redirect to the page, which shows it again (Post/Redirect/Get), in French too', async () => {
    const { user, browser } = await signIn(h);
    const { browser: french } = await signIn(h, { account: user, userid: 'admin.fr', language: 'fr' });
    for (const [who, text] of [
      [browser, 'Enter a whole number of days from 45 to 540.'],
      [french, 'Saisissez un nombre entier de jours de 45 à 540.'],
    ] as const) {
      await who.get(accountPage());
      const response = await who.post(sectionPath('retention'), sectionForm('retention', { retentionDays: '1000' }), {
        'Sec-Fetch-Mode': 'navigate',
      });
      assert.equal(response.status, 303);
      const location = response.headers.get('Location') ?? '';
      assert.match(location, /^\/test\/account\?failed=/);
      assert.equal((await who.get(location)).status, 422);
      assert.equal(who.page.fieldError('account-retention-retention-days'), text);
      assert.equal(who.page.valueOf('#account-retention-retention-days'), '1000');
    }
  });
});
