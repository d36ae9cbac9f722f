import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NCERROR } from '../payments/ncerror.ts';
import { checkExpiry, isExpired, parseExpiry } from './expiry.ts';

describe('expiry date (ED)', () => {
  const now = new Date('2026-11-30T12:00:00Z');

  test('MMYY and MM/YY read the same; spaces around are ignored', () => {
    assert.deepEqual(parseExpiry('1128'), { month: 11, year: 2028, ed: '1128' });
    assert.deepEqual(parseExpiry('11/28'), { month: 11, year: 2028, ed: '1128' });
    assert.deepEqual(parseExpiry(' 01/30 '), { month: 1, year: 2030, ed: '0130' });
  });

  test('anything else, and a month outside 01–12, is a format error (50001005)', () => {
    for (const input of ['13/28', '0028', '00/28', '1/28', '11/2028', '112028', '11-28', '11 28', 'ab/cd', '11/', '1128x']) {
      assert.equal(parseExpiry(input), undefined, input);
      const result = checkExpiry(input, now);
      assert.ok(!result.ok, input);
      assert.deepEqual(
        [result.field, result.problem, result.ncerror, result.status],
        ['ED', 'format', NCERROR.expiryError, 0],
        input,
      );
    }
  });

  test('this month is valid, last month has expired', () => {
    assert.equal(checkExpiry('11/26', now).ok, true);
    assert.equal(checkExpiry('1226', now).ok, true);
    const expired = checkExpiry('10/26', now);
    assert.ok(!expired.ok);
    assert.deepEqual([expired.problem, expired.ncerror], ['expired', NCERROR.expiryError]);
    assert.equal(checkExpiry('1225', now).ok, false);
  });

  test('the month ends at midnight UTC, whatever the server’s zone', () => {
    const card = parseExpiry('12/26');
    assert.ok(card);
    assert.equal(isExpired(card, new Date('2026-12-31T23:59:59.999Z')), false);
    assert.equal(isExpired(card, new Date('2027-01-01T00:00:00.000Z')), true);
    // 1 January 00:30 in Brussels is still 31 December in UTC.
    assert.equal(isExpired(card, new Date('2027-01-01T00:30:00+01:00')), false);
  });

  test('a missing date is "no exp date" (50001111)', () => {
    for (const input of [undefined, '', '   ']) {
      const result = checkExpiry(input, now);
      assert.ok(!result.ok);
      assert.deepEqual([result.problem, result.ncerror, result.text], ['missing', NCERROR.dataValidation, 'no exp date']);
    }
  });
});
