import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inspect } from 'node:util';
import { NCERROR } from '../payments/ncerror.ts';
import {
  BRAND_LENGTHS,
  BRANDS,
  brandOf,
  checkCard,
  checkCardNumber,
  checkCvc,
  maskCardNumber,
  maskCardNumberForFeedback,
  passesLuhn,
} from './cards.ts';

/** Appends the Luhn check digit to `body`. */
function withCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit += 1) if (passesLuhn(`${body}${digit}`)) return `${body}${digit}`;
  throw new Error('unreachable');
}

/** A Luhn-valid number of `length` digits starting with `prefix`. */
function numberOf(prefix: string, length: number): string {
  return withCheckDigit(prefix.padEnd(length - 1, '0'));
}

describe('Luhn', () => {
  test('valid numbers pass', () => {
    for (const number of [
      '4111111111111111',
      '5399999999999999',
      '374111111111111',
      '6759649826438453',
      '3530111333300000',
      '79927398713',
      '0',
    ]) {
      assert.equal(passesLuhn(number), true, number);
    }
  });

  test('any single changed digit fails, as does a swap of two different neighbours', () => {
    const valid = '4000100011112224';
    for (let i = 0; i < valid.length; i += 1) {
      for (let digit = 0; digit <= 9; digit += 1) {
        if (String(digit) === valid[i]) continue;
        const changed = valid.slice(0, i) + digit + valid.slice(i + 1);
        assert.equal(passesLuhn(changed), false, `position ${i} digit ${digit}`);
      }
    }
    assert.equal(passesLuhn('4111111111111121'), false);
    assert.equal(passesLuhn('1111111111111111'), false);
  });

  test('anything but digits fails', () => {
    for (const input of ['', '4111 1111 1111 1111', '411111111111111a', '４１１１'])
      assert.equal(passesLuhn(input), false, input);
  });
});

describe('brand from the number', () => {
  const cases: [string, string | undefined][] = [
    ['4', 'VISA'],
    ['51', 'MasterCard'],
    ['55', 'MasterCard'],
    ['2221', 'MasterCard'],
    ['2720', 'MasterCard'],
    ['2220', undefined],
    ['2721', undefined],
    ['50', undefined],
    ['56', undefined],
    ['34', 'American Express'],
    ['37', 'American Express'],
    ['35', undefined],
    ['3527', undefined],
    ['3528', 'JCB'],
    ['3589', 'JCB'],
    ['3590', undefined],
    ['300', 'Diners Club'],
    ['305', 'Diners Club'],
    ['306', undefined],
    ['3095', 'Diners Club'],
    ['36', 'Diners Club'],
    ['38', 'Diners Club'],
    ['39', 'Diners Club'],
    ['5018', 'Maestro'],
    ['5020', 'Maestro'],
    ['5038', 'Maestro'],
    ['5893', 'Maestro'],
    ['6304', 'Maestro'],
    ['6759', 'Maestro'],
    ['6761', 'Maestro'],
    ['6763', 'Maestro'],
    ['6764', undefined],
    ['676770', 'Maestro'],
    ['6703', undefined],
    ['1', undefined],
    ['6011', undefined],
  ];
  for (const [prefix, brand] of cases) {
    test(`${prefix}… is ${brand ?? 'no brand'}`, () => {
      assert.equal(brandOf(prefix.padEnd(16, '0')), brand);
    });
  }

  test('each brand accepts exactly its lengths, refuses the others with 50001036, and is spelled as the platform spells it', () => {
    const prefixes = { VISA: '4', MasterCard: '53', 'American Express': '37', Maestro: '6759', JCB: '3530', 'Diners Club': '36' };
    assert.deepEqual([...BRANDS].sort(), Object.keys(prefixes).sort());
    for (const brand of BRANDS) {
      for (let length = 10; length <= 21; length += 1) {
        const result = checkCardNumber(numberOf(prefixes[brand], length));
        if (BRAND_LENGTHS[brand].includes(length)) {
          assert.ok(result.ok, `${brand} ${length}`);
          assert.equal(result.brand, brand);
        } else {
          assert.ok(!result.ok, `${brand} ${length}`);
          assert.equal(result.ncerror, NCERROR.wrongCardLength, `${brand} ${length}`);
        }
      }
    }
    assert.deepEqual(BRAND_LENGTHS['American Express'], [15]);
    assert.deepEqual(BRAND_LENGTHS.MasterCard, [16]);
  });
});

describe('card number check', () => {
  test('spaces and dashes are removed; the brand and the masked number come back', () => {
    const result = checkCardNumber(' 4111 1111-1111 1111 ');
    assert.ok(result.ok);
    assert.equal(result.brand, 'VISA');
    assert.equal(result.masked, '411111XXXXXX1111');
    assert.equal(result.number.reveal(), '4111111111111111');
  });

  test('each refusal with its NCERROR, STATUS 0 and field', () => {
    const cases: [string | undefined, string, string][] = [
      [undefined, NCERROR.dataValidation, 'missing'],
      [' - ', NCERROR.dataValidation, 'missing'],
      ['4111x11111111111', NCERROR.cardFormat, 'format'],
      ['4111.1111.1111.1111', NCERROR.cardFormat, 'format'],
      ['1111111111111111', NCERROR.unknownCardType, 'brand'],
      ['411111111111111', NCERROR.wrongCardLength, 'length'],
      ['41111111111111111111', NCERROR.wrongCardLength, 'length'],
      ['4111111111111112', NCERROR.cardFormat, 'luhn'],
    ];
    for (const [input, ncerror, problem] of cases) {
      const result = checkCardNumber(input);
      assert.ok(!result.ok, String(input));
      assert.deepEqual(
        [result.ncerror, result.problem, result.field, result.status],
        [ncerror, problem, 'CARDNO', 0],
        String(input),
      );
    }
  });

  test('1111111111111111 is refused as "no brand", the reference §11 text', () => {
    const result = checkCardNumber('1111111111111111');
    assert.ok(!result.ok);
    assert.equal(result.text, 'No brand or invalid card number');
  });
});

describe('masking', () => {
  test('first 6 and last 4 at most, the rest as X', () => {
    assert.equal(maskCardNumber('4111111111111111'), '411111XXXXXX1111');
    assert.equal(maskCardNumber('374111111111111'), '374111XXXXX1111');
    assert.equal(maskCardNumber('4111111111111111110'), '411111XXXXXXXXX1110');
    assert.equal(maskCardNumber('30569309025904'), 'XXXXXXXXXX5904');
    assert.equal(maskCardNumber('4222222222222'), 'XXXXXXXXX2222');
    assert.equal(maskCardNumber('4111 1111 1111 1111'), '411111XXXXXX1111');
    assert.equal(maskCardNumberForFeedback('4111111111111111'), 'XXXXXXXXXXXX1111');
    assert.equal(maskCardNumberForFeedback('374111111111111'), 'XXXXXXXXXXX1111');
  });

  test('never more than 6 + 4 digits, at least 5 hidden, for every length; nothing of a short or odd input', () => {
    for (let length = 1; length <= 25; length += 1) {
      const digits = '9'.repeat(length);
      for (const masked of [maskCardNumber(digits), maskCardNumberForFeedback(digits)]) {
        const shown = masked.replace(/X/g, '').length;
        assert.ok(shown <= 10, `${length}: ${masked}`);
        if (length < 12) assert.equal(shown, 0, `${length}: ${masked}`);
        else assert.ok(length - shown >= 5, `${length}: ${masked}`);
        assert.ok(masked.length <= Math.max(length, 21));
      }
    }
    assert.equal(maskCardNumber('4111a11111111111'), 'XXXXXXXXXXXXXXXX');
    assert.equal(maskCardNumber('9'.repeat(1000)).length <= 1000, true);
    assert.equal(maskCardNumber('4111a'.repeat(100)), 'X'.repeat(21));
  });
});

describe('CVC format', () => {
  test('3 digits, 4 for American Express', () => {
    for (const brand of BRANDS) {
      const good = brand === 'American Express' ? '1234' : '123';
      const bad = brand === 'American Express' ? '123' : '1234';
      assert.equal(checkCvc(good, brand, { required: true }).ok, true, brand);
      const refused = checkCvc(bad, brand, { required: true });
      assert.ok(!refused.ok, brand);
      assert.equal(refused.ncerror, NCERROR.badCvcFormat);
    }
    for (const bad of ['12', '12a', '12345', ' 1 2 3']) {
      const result = checkCvc(bad, 'VISA', { required: true });
      assert.ok(!result.ok, bad);
      assert.equal(result.ncerror, NCERROR.badCvcFormat);
    }
  });

  test('missing: 50001090 when required, absent otherwise', () => {
    const missing = checkCvc('  ', 'VISA', { required: true });
    assert.ok(!missing.ok);
    assert.equal(missing.ncerror, '50001090');
    assert.deepEqual(checkCvc(undefined, 'VISA', { required: false }), { ok: true, cvc: undefined });
  });

  test('no brand known: 3 or 4 digits', () => {
    assert.equal(checkCvc('123', undefined, { required: true }).ok, true);
    assert.equal(checkCvc('1234', undefined, { required: true }).ok, true);
    assert.equal(checkCvc('12345', undefined, { required: true }).ok, false);
  });
});

describe('no card number or CVC in what comes back', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const inputs = [
    { cardNumber: '4111111111111111', expiryDate: '12/30', cvc: '987' },
    { cardNumber: '4111 1111 1111 1111', expiryDate: '1230', cvc: '9876' },
    { cardNumber: '1111111111111111', expiryDate: '12/30', cvc: '987' },
    { cardNumber: '4111111111111112', expiryDate: '13/30', cvc: '98' },
    { cardNumber: '374111111111111', expiryDate: '01/20', cvc: '9876' },
    { cardNumber: '411111111111111', expiryDate: '', cvc: '987' },
  ];
  for (const input of inputs) {
    test(`${maskCardNumber(input.cardNumber)}: JSON, String and inspect of the result`, () => {
      const digits = input.cardNumber.replace(/\D/g, '');
      const results = [
        checkCard(input, { now, cvcRequired: true }),
        checkCardNumber(input.cardNumber),
        checkCvc(input.cvc, 'VISA', { required: true }),
      ];
      for (const result of results) {
        for (const text of [
          JSON.stringify(result),
          inspect(result, { depth: 10, showHidden: true }),
          `${Object.values(result).join(' ')}`,
        ]) {
          assert.ok(!text.includes(digits), text);
          assert.ok(!text.includes(input.cardNumber), text);
          assert.ok(!new RegExp(`\\b${input.cvc}\\b`).test(text.replace(/\d{8}/g, '')), text);
        }
      }
    });
  }

  test('a checked card keeps the number and the CVC for the acquirer, masked everywhere else', () => {
    const result = checkCard({ cardNumber: '4111111111111111', expiryDate: '12/30', cvc: '987' }, { now, cvcRequired: true });
    assert.ok(result.ok);
    assert.equal(result.card.number.reveal(), '4111111111111111');
    assert.equal(result.card.cvc?.reveal(), '987');
    assert.equal(`${result.card.number}`, '411111XXXXXX1111');
    assert.equal(String(result.card.cvc), 'XXX');
    assert.equal(inspect(result.card.number), 'CardNumber(411111XXXXXX1111)');
    assert.equal(inspect(result.card.cvc), 'Cvc(XXX)');
    assert.deepEqual(JSON.parse(JSON.stringify(result.card)), {
      number: '411111XXXXXX1111',
      brand: 'VISA',
      masked: '411111XXXXXX1111',
      expiry: { month: 12, year: 2030, ed: '1230' },
      cvc: 'XXX',
    });
  });

  test('checkCard reports each field in order, so a form shows each message beside its field', () => {
    const result = checkCard({ cardNumber: '1111111111111111', expiryDate: '13/30', cvc: '' }, { now, cvcRequired: true });
    assert.ok(!result.ok);
    assert.deepEqual(
      result.problems.map((problem) => [problem.field, problem.ncerror]),
      [
        ['CARDNO', NCERROR.unknownCardType],
        ['ED', NCERROR.expiryError],
        ['CVC', '50001090'],
      ],
    );
  });
});
