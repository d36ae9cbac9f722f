import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { detailPairs } from '../audit/labels.ts';
import { parseForm } from '../forms/parse.ts';
import { allMessages, translator } from '../i18n/catalogue.ts';
import { isPublicHttpsUrl } from '../lib/urls.ts';
import { defaultCurrency } from './currencies.ts';
import { compactVatNumber, PHONE_PATTERN, retentionForm, VAT_PATTERN } from './forms.ts';
import { SECTION_EVENTS } from './section-service.ts';

describe('the account page’s validation rules (decision record 0022)', () => {
  test('a phone number is international: +, a country code, 8 to 15 digits in all, usual separators', () => {
    for (const good of [
      '+32 2 123 45 67',
      '+33 (0)1 23 45 67 89',
      '+1-202-555-0143',
      '+44.20.7946.0958',
      '+3225551234',
      '+81 3/1234/5678',
    ]) {
      assert.ok(PHONE_PATTERN.test(good), good);
    }
    for (const bad of [
      '02 123 45 67',
      '0032 2 123 45 67',
      '+0 2 123 45 67',
      '+32',
      '+32 12 34',
      '+1234567890123456',
      '+32 2 ABC',
      '+ 32 2 123 45 67',
      'phone',
    ]) {
      assert.ok(!PHONE_PATTERN.test(bad), bad);
    }
  });

  test('a VAT number is a two-letter country code and 2 to 14 letters or digits (two digits at least), separators left out', () => {
    for (const good of [
      'BE0123456789',
      'BE 0123.456.789',
      'fr-12-345678901',
      'NL123456789B01',
      'ATU12345678',
      'EL123456789',
      'CHE-123.456.789',
      'IE1234567WA',
    ]) {
      assert.ok(VAT_PATTERN.test(compactVatNumber(good)), good);
    }
    assert.equal(compactVatNumber('be 0123.456-789'), 'BE0123456789');
    for (const bad of ['0123456789', 'B0123456789', 'BE', 'BEABCDEFG', 'BE0123456789012345', 'BE 01/23']) {
      assert.ok(!VAT_PATTERN.test(compactVatNumber(bad)), bad);
    }
  });

  test('the terms URL is https with a host name, and nothing in it to mislead', () => {
    assert.ok(isPublicHttpsUrl('https://www.example.com/terms'));
    assert.ok(isPublicHttpsUrl('https://shop.example.be/cgv?lang=fr#art-3'));
    assert.ok(isPublicHttpsUrl('https://boutique-été.fr/cgv'), 'an internationalised name');
    assert.ok(isPublicHttpsUrl('https://EXAMPLE.com:8443/terms'));
    for (const bad of [
      'http://www.example.com/terms',
      'www.example.com/terms',
      'https://localhost/terms',
      'https://user:secret@example.com/',
      'javascript:alert(1)',
      'https://exa mple.com/',
      'ftp://example.com/terms',
      // No real host: an empty or hyphen-only label, a trailing dot, an address, a numeric end.
      'https://.com',
      'https://-.-',
      'https://example.com./t',
      'https://-shop.example.com/',
      'https://shop..example.com/',
      'https://192.0.2.10/terms',
      'https://[2001:db8::1]/terms',
      'https://example.123/',
      `https://${'a'.repeat(64)}.com/`,
    ]) {
      assert.ok(!isPublicHttpsUrl(bad), bad);
    }
  });

  test('retention is a whole number of days from 45 to 540', () => {
    const days = (typed: string) => parseForm(retentionForm, { retentionDays: typed, version: '1' });
    for (const [typed, value] of [
      ['45', 45],
      ['540', 540],
      [' 90 ', 90],
    ] as const) {
      const parsed = days(typed);
      assert.ok(parsed.ok && parsed.data.retentionDays === value, typed);
    }
    for (const typed of ['44', '541', '90.5', '90,0', '-60', '1e2', '', 'ninety', '0540x']) {
      const parsed = days(typed);
      assert.ok(!parsed.ok, typed);
      assert.equal(parsed.errors.retentionDays?.key, 'account.error.retention', typed);
      assert.deepEqual(parsed.errors.retentionDays?.params, { min: 45, max: 540 });
    }
  });
});

describe('the account page’s audit entries read in words (issue 8, item 17)', () => {
  test('every section’s event, every column it records and every coded value has words in English and French', () => {
    const { en, fr } = allMessages();
    const has = (key: string) => Boolean(en[key] && fr[key]);
    for (const type of Object.values(SECTION_EVENTS)) assert.ok(has(`audit.event.${type}`), type);
    const columns = [
      'companyName',
      'tradeName',
      'phone',
      'email',
      'billingAddress',
      'vatNumber',
      'billingContact',
      'billingMode',
      'subscription',
      'userLimit',
      'options',
      'paymentPageLanguages',
      'termsUrl',
      'currencies',
      'timeZone',
      'retentionDays',
    ];
    for (const column of columns) assert.ok(has(`audit.detail.${column}`), column);
    const t = translator('fr');
    const words = (details: Record<string, unknown>) => detailPairs(t, 'account.billing', details);
    assert.deepEqual(words({ changes: { billingMode: { before: 'invoice', after: 'direct_debit' } } }), [
      ['Mode de facturation', 'Facture → Domiciliation (prélèvement)'],
    ]);
    assert.deepEqual(words({ changes: { subscription: { before: 'starter', after: 'enterprise' } } }), [
      ['Abonnement', 'Starter → Entreprise'],
    ]);
    assert.deepEqual(words({ changes: { options: { before: ['batch'], after: ['batch', 'multi_currency'] } } }), [
      ['Options', 'Batch → Batch, Multidevise'],
    ]);
  });
});

describe('the currency a payment form starts with', () => {
  test('EUR when accepted, whatever the order; else the first accepted', () => {
    assert.equal(defaultCurrency(['CHF', 'EUR', 'USD']), 'EUR');
    assert.equal(defaultCurrency(['USD', 'CHF']), 'CHF');
    assert.equal(defaultCurrency([]), undefined);
  });
});
