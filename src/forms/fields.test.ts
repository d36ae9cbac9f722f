import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import addressparser from 'nodemailer/lib/addressparser';
import { message, translator } from '../i18n/catalogue.ts';
import { timeZonesByRegion } from '../lib/time.ts';
import { checkbox, choice, currency, date, email, integer, money, secret, text, timeZone, wholeNumber } from './fields.ts';
import { defineForm, parseForm } from './parse.ts';

const form = defineForm('pay', {
  reference: text({ max: 5, required: 'form.invalid' }),
  password: secret({ max: 10 }),
  currency: currency(),
  amount: money({ currency: { field: 'currency' }, required: 'form.invalid' }),
  from: date(),
  confirm: checkbox(),
  kind: choice(['sale', 'refund'], { invalid: 'form.invalid' }),
  email: email({ invalid: 'form.invalid' }),
  version: integer({ min: 0, max: 1000, fallback: 0 }),
});
const valid = { reference: 'A1', currency: 'EUR', amount: '15.00', kind: 'sale' };
const en = translator('en');
const fr = translator('fr');

/** The message of one field after parsing, in English. */
function problem(body: Record<string, string>, field: keyof typeof form.fields): string | undefined {
  const parsed = parseForm(form, { ...valid, ...body });
  if (parsed.ok) return undefined;
  const error = parsed.errors[field];
  return error ? en.message(error) : undefined;
}

describe('form definitions', () => {
  test('each field gets its name and an id from the form, in order', () => {
    assert.equal(form.fields.amount.id, 'pay-amount');
    assert.equal(form.fields.reference.maxLength, 5);
    assert.deepEqual(
      form.list.map((field) => field.name),
      ['reference', 'password', 'currency', 'amount', 'from', 'confirm', 'kind', 'email', 'version'],
    );
  });

  test('typed values come out typed; what was typed comes back trimmed, never a secret', () => {
    const parsed = parseForm(form, {
      reference: ' A1 ',
      password: ' s3cret ',
      currency: 'eur',
      amount: '15,5',
      from: '2026-03-01',
      confirm: '1',
      kind: 'refund',
      email: 'anne@example.be',
      version: '7',
    });
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.data, {
      reference: 'A1',
      password: ' s3cret ',
      currency: 'EUR',
      amount: 1550,
      from: '2026-03-01',
      confirm: true,
      kind: 'refund',
      email: 'anne@example.be',
      version: 7,
    });
    assert.equal(parsed.values.reference, 'A1');
    assert.equal(parsed.values.password, '', 'a secret is never shown back');
  });

  test('a too-long value is kept with its message; control characters are refused and not shown back', () => {
    const long = parseForm(form, { ...valid, reference: 'ABCDEFG' });
    assert.ok(!long.ok);
    assert.equal(long.values.reference, 'ABCDEFG');
    assert.equal(en.message(long.errors.reference!), 'Enter at most 5 characters.');
    const control = parseForm(form, { ...valid, reference: 'A\u0000' });
    assert.ok(!control.ok);
    assert.equal(control.values.reference, '');
    assert.equal(control.errors.reference?.key, 'form.invalidCharacters');
  });

  test('e-mail addresses are bare: no display name, comment or list', () => {
    assert.equal(problem({ email: 'anne@example.be' }, 'email'), undefined);
    for (const bad of ['Bob,Eve<eve@attacker.example>', 'Eve <eve@x.example>', 'a@b.be,c@d.be', 'a@b', 'a(c)@b.be']) {
      assert.equal(problem({ email: bad }, 'email'), 'Check what you typed in this field.', bad);
    }
  });

  // Issue 8 item 9: what is shown must be where the mail goes. Every shape that makes a mail
  // program or a relay deliver elsewhere than the address read is refused ("Splitting the
  // e-mail atom": lists, groups, source routes, UUCP and percent routing, encoded words), and so
  // are characters that make an address read as another (invisible and bidirectional controls).
  const refusedAddresses = [
    'Bob,Eve<eve@attacker.example>',
    'Bob, Eve <eve@attacker.example>',
    '"Bob" <bob@example.be>',
    '<eve@attacker.example>',
    '"eve@attacker.example"@example.be',
    'eve@attacker.example (Bob)',
    'bob(eve@attacker.example)@example.be',
    'bob@example.be, eve@attacker.example',
    'bob@example.be;eve@attacker.example',
    'friends: eve@attacker.example;',
    '@relay.example:eve@attacker.example',
    'eve%attacker.example@example.be',
    'attacker.example!eve@example.be',
    '=?utf-8?q?eve=40attacker.example=3e?=@example.be',
    'eve@attacker.example@example.be',
    'eve@attacker.example@example.be',
    'bob@[192.0.2.1]',
    'bob@example',
    'bob@example.be.',
    '.bob@example.be',
    'bob.@example.be',
    'bo..b@example.be',
    'bob@example..be',
    'bob@-example.be',
    'bob@example-.be',
    'bob@exa_mple.be',
    'bob@example.b',
    'bob@example.123',
    'bob\u200b@example.be',
    'bob@exa\u202emple.be',
    'b ob@example.be',
    `${'a'.repeat(65)}@example.be`,
  ];

  test('addresses that deliver elsewhere, or read as another, are refused', () => {
    for (const bad of refusedAddresses) {
      assert.equal(problem({ email: bad }, 'email'), 'Check what you typed in this field.', JSON.stringify(bad));
    }
  });

  const acceptedAddresses = [
    'anne@example.be',
    'Anne.Dupont@Example.BE',
    'anne+factures@example.be',
    "o'brien@example.ie",
    'jean-luc_42@mail.example.co.uk',
    'a@b.cd',
    'josé@exemple.fr',
    'anne@café.example',
    'anne@example.xn--90ae',
    `${'a'.repeat(64)}@example.be`,
  ];

  test('ordinary addresses are accepted, and the mailer reads each as exactly that one address', () => {
    for (const good of acceptedAddresses) {
      assert.equal(problem({ email: ` ${good} ` }, 'email'), undefined, good);
      assert.deepEqual(addressparser(good), [{ address: good, name: '' }], good);
    }
  });

  test('dates are real calendar days between 2000 and 2099', () => {
    assert.equal(problem({ from: '2026-02-28' }, 'from'), undefined);
    assert.equal(problem({ from: '2026-02-30' }, 'from'), 'Enter a date as year-month-day, for example 2026-03-31.');
    assert.equal(problem({ from: '0001-01-01' }, 'from'), 'Enter a date between 2000-01-01 and 2099-12-31.');
    assert.equal(problem({ from: '31/03/2026' }, 'from'), 'Enter a date as year-month-day, for example 2026-03-31.');
  });

  test('choices, checkboxes and whole numbers', () => {
    assert.equal(problem({ kind: 'capture' }, 'kind'), 'Check what you typed in this field.');
    const parsed = parseForm(form, { ...valid, confirm: 'on', version: 'x' });
    assert.ok(parsed.ok);
    assert.equal(parsed.data.confirm, true, 'a browser’s default checkbox value');
    assert.equal(parsed.data.version, 0, 'a version that is not a number falls back');
  });
});

describe('money field (minor units, ISO 4217 digits)', () => {
  const amount = (typed: string, code: string) => {
    const parsed = parseForm(form, { ...valid, currency: code, amount: typed });
    return parsed.ok ? parsed.data.amount : en.message(parsed.errors.amount!);
  };

  test('a decimal in the currency’s digits becomes an integer of minor units', () => {
    assert.equal(amount('15.00', 'EUR'), 1500);
    assert.equal(amount('15,5', 'EUR'), 1550);
    assert.equal(amount('15', 'EUR'), 1500);
    assert.equal(amount('1500', 'JPY'), 1500);
    assert.equal(amount('1.234', 'KWD'), 1234);
    assert.equal(amount('1,5', 'KWD'), 1500);
    assert.equal(amount('0.01', 'EUR'), 1);
  });

  test('more decimals than the currency has is refused, never rounded', () => {
    assert.equal(amount('15.0001', 'EUR'), 'Enter EUR amounts with at most 2 decimals.');
    assert.equal(amount('15.5', 'JPY'), 'Enter JPY amounts without decimals, for example 1500.');
    assert.equal(amount('1.2345', 'KWD'), 'Enter KWD amounts with at most 3 decimals.');
  });

  test('thousands separators, signs, letters and exponents are refused with a clear message', () => {
    const separator =
      'Enter the amount without thousands separators, with a point or a comma before the decimals, for example 1500.00.';
    assert.equal(amount('1,500.00', 'EUR'), separator);
    assert.equal(amount('1.500,00', 'EUR'), separator);
    assert.equal(amount('1 500', 'EUR'), separator);
    assert.equal(amount('1,500', 'EUR'), separator, 'a comma and three digits is a thousands separator, not 1.5');
    assert.equal(amount('1.500', 'EUR'), separator);
    assert.equal(amount('1,500', 'KWD'), separator, 'ambiguous for a three-decimal currency too');
    assert.equal(amount('2,000', 'BHD'), separator);
    assert.equal(amount('1.500', 'KWD'), 1500, 'the three-decimal form with a point is the written form of 1.5 KWD');
    assert.equal(amount('-5', 'EUR'), 'Enter an amount in figures, for example 15.00.');
    assert.equal(amount('1e3', 'EUR'), 'Enter an amount in figures, for example 15.00.');
    assert.equal(amount('abc', 'EUR'), 'Enter an amount in figures, for example 15.00.');
    assert.equal(amount('99999999999999999', 'EUR'), 'Enter a smaller amount.');
  });

  test('an unknown currency is the currency field’s problem; the amount waits for it', () => {
    const parsed = parseForm(form, { ...valid, currency: 'XYZ', amount: '15.0001' });
    assert.ok(!parsed.ok);
    assert.equal(en.message(parsed.errors.currency!), 'Choose a currency from the list.');
    assert.equal(parsed.errors.amount, undefined);
  });

  test('messages come in French too, with the plural of the reader’s language', () => {
    const parsed = parseForm(form, { ...valid, amount: '15.0001' });
    assert.ok(!parsed.ok);
    assert.equal(fr.message(parsed.errors.amount!), 'Saisissez les montants en EUR avec au plus 2 décimales.');
  });
});

describe('time zone field', () => {
  const zoneForm = defineForm('zone', { timeZone: timeZone({ invalid: 'form.invalid' }) });
  const parseZone = (typed: string) => {
    const parsed = parseForm(zoneForm, { timeZone: typed });
    return parsed.ok ? parsed.data.timeZone : undefined;
  };

  test('a zone is saved under the name the picker lists, so the picker shows it selected', () => {
    const listed = new Set(timeZonesByRegion().flatMap((group) => group.zones));
    assert.equal(parseZone('Europe/Brussels'), 'Europe/Brussels');
    assert.equal(parseZone(' UTC '), 'UTC');
    // Two names of one zone: saved as the one the picker has.
    const kolkata = parseZone('Asia/Kolkata');
    assert.ok(kolkata && listed.has(kolkata), `${kolkata} is in the picker`);
    assert.equal(kolkata, parseZone('Asia/Calcutta'));
    const kyiv = parseZone('Europe/Kyiv');
    assert.ok(kyiv && listed.has(kyiv), `${kyiv} is in the picker`);
  });

  test('a zone the picker does not list is refused beside the field', () => {
    for (const typed of ['Etc/GMT+5', 'Mars/Olympus', '', 'europe/brussels ; drop']) {
      assert.equal(parseZone(typed), undefined, typed);
    }
  });
});

describe('whole number field', () => {
  const daysForm = defineForm('days', { days: wholeNumber({ min: 45, max: 540 }, message('form.invalid')) });
  const days = (typed: string) => {
    const parsed = parseForm(daysForm, { days: typed });
    return parsed.ok ? parsed.data.days : undefined;
  };

  test('leading zeros are read as written; signs, decimals, exponents and out-of-range numbers are refused', () => {
    assert.deepEqual(['45', ' 90 ', '045', '0540', '540'].map(days), [45, 90, 45, 540, 540]);
    for (const typed of ['44', '541', '-60', '+60', '60.0', '6e1', '', 'abc', '٩٠', '0000540'])
      assert.equal(days(typed), undefined, typed);
  });
});
