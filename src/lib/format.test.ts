import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { formatAmount, formatDateTime, formatNumber } from './format.ts';
import { minorToDecimal, parseAmount } from './money.ts';

// Intl writes a narrow no-break space (U+202F) or a no-break space (U+00A0) where French puts a space.
const plain = (text: string) => text.replace(/[\u00A0\u202F]/g, ' ');

describe('numbers, amounts and moments in the reader’s language (Intl)', () => {
  test('numbers group thousands as each language does', () => {
    assert.equal(formatNumber(10000, 'en'), '10,000');
    assert.equal(plain(formatNumber(10000, 'fr')), '10 000');
  });

  test('amounts in minor units are written in the currency’s digits', () => {
    assert.equal(formatAmount(150000, 'EUR', 'en'), '€1,500.00');
    assert.equal(plain(formatAmount(150000, 'EUR', 'fr')), '1 500,00 €');
    assert.equal(formatAmount(1500, 'JPY', 'en'), 'JP¥1,500');
    assert.equal(plain(formatAmount(1500, 'KWD', 'fr')), '1,500 KWD');
    assert.equal(formatAmount(900719925474099, 'EUR', 'en'), '€9,007,199,254,740.99', 'no float rounding');
  });

  test('moments are shown in the user’s zone with its short name, daylight saving applied', () => {
    assert.equal(formatDateTime(new Date('2026-07-01T12:00:00Z'), 'Europe/Brussels', 'en'), '01/07/2026 14:00 CEST');
    assert.equal(formatDateTime(new Date('2026-01-01T12:00:00Z'), 'Europe/Brussels', 'en'), '01/01/2026 13:00 CET');
    assert.equal(formatDateTime(new Date('2026-07-01T12:00:00Z'), 'Europe/Brussels', 'fr'), '01/07/2026 14:00 UTC+2');
    assert.equal(formatDateTime(new Date('2026-10-25T01:30:00Z'), 'America/New_York', 'en'), '24/10/2026 21:30 GMT-4');
  });

  test('minor units and decimals convert both ways', () => {
    assert.equal(minorToDecimal(1550, 'EUR'), '15.50');
    assert.equal(minorToDecimal(5, 'EUR'), '0.05');
    assert.equal(minorToDecimal(1500, 'JPY'), '1500');
    assert.equal(minorToDecimal(1234, 'KWD'), '1.234');
    assert.equal(minorToDecimal(-1550, 'EUR'), '-15.50');
    for (const [minor, code] of [
      [1550, 'EUR'],
      [1500, 'JPY'],
      [1234, 'KWD'],
    ] as const) {
      assert.deepEqual(parseAmount(minorToDecimal(minor, code), code), { minor });
    }
  });
});
