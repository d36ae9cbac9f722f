import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { HTMX_SCRIPT, HTMX_VERSION } from '../../views/layout/htmx.ts';
import { safeNext } from '../http/safe-next.ts';
import { formatDateTime } from './format.ts';
import { CURRENCIES, CURRENCY_DIGITS, isCurrencyCode } from './money.ts';
import { isTimeZone } from './time.ts';
import { randomPassword, sameSecret } from './tokens.ts';

describe('time (D5 helper)', () => {
  test('dates are shown in the user’s zone, daylight saving applied', () => {
    const winter = new Date('2026-01-15T12:00:00Z');
    const summer = new Date('2026-07-15T12:00:00Z');
    assert.equal(formatDateTime(winter, 'Europe/Brussels', 'en'), '15/01/2026 13:00 CET');
    assert.equal(formatDateTime(summer, 'Europe/Brussels', 'en'), '15/07/2026 14:00 CEST');
    assert.match(formatDateTime(summer, 'America/New_York', 'en'), /^15\/07\/2026 08:00 (EDT|GMT-4)$/);
    // The night the clocks go back: 00:30 UTC is 02:30 CEST, 01:30 UTC is 02:30 CET.
    assert.equal(formatDateTime(new Date('2026-10-25T00:30:00Z'), 'Europe/Brussels', 'en'), '25/10/2026 02:30 CEST');
    assert.equal(formatDateTime(new Date('2026-10-25T01:30:00Z'), 'Europe/Brussels', 'en'), '25/10/2026 02:30 CET');
  });

  test('time zones are IANA names', () => {
    assert.ok(isTimeZone('Europe/Brussels'));
    assert.ok(!isTimeZone('Mars/Olympus'));
  });
});

describe('safe redirects', () => {
  test('only paths of the same environment are followed', () => {
    assert.equal(safeNext('/test/support?x=1', 'test'), '/test/support?x=1');
    assert.equal(safeNext('/test/../prod/home', 'test'), '/test/home');
    assert.equal(safeNext('/test/%2e%2e/prod/home', 'test'), '/test/home');
    assert.equal(safeNext('/prod/home', 'test'), '/test/home');
    assert.equal(safeNext('//evil.example', 'test'), '/test/home');
    assert.equal(safeNext(undefined, 'prod'), '/prod/home');
  });
});

describe('tokens', () => {
  test('system passwords have a letter and a digit, and differ', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => randomPassword()));
    assert.equal(passwords.size, 50);
    for (const p of passwords) assert.match(p, /^(?=.*[a-zA-Z])(?=.*\d)[a-zA-Z0-9]{16}$/);
  });

  test('secrets compare equal only when identical', () => {
    assert.ok(sameSecret('abc', 'abc'));
    assert.ok(!sameSecret('abc', 'abd'));
    assert.ok(!sameSecret('abc', 'abcd'));
  });
});

describe('htmx pin', () => {
  test('static/ serves exactly the htmx.org build that package.json pins', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    assert.equal(pkg.dependencies['htmx.org'], HTMX_VERSION);
    assert.match(HTMX_VERSION, /^2\.0\.\d+$/);
    const served = readFileSync(`.${HTMX_SCRIPT}`);
    const packaged = readFileSync('node_modules/htmx.org/dist/htmx.min.js');
    assert.ok(served.equals(packaged));
  });
});

describe('currencies (ISO 4217)', () => {
  test('only codes in use: none of those replaced by another currency', () => {
    // Replaced by the euro (LTL 2015, LVL 2014, EEK 2011, SKK 2009, CYP and MTL 2008, SIT 2007) or redenominated.
    for (const withdrawn of ['LTL', 'LVL', 'EEK', 'SKK', 'CYP', 'MTL', 'SIT', 'VEF', 'MRO', 'STD', 'BYR', 'ZMK', 'GHC', 'TRL']) {
      assert.equal(isCurrencyCode(withdrawn), false, withdrawn);
    }
    assert.deepEqual([CURRENCY_DIGITS.JPY, CURRENCY_DIGITS.EUR, CURRENCY_DIGITS.KWD], [0, 2, 3]);
    assert.ok(CURRENCIES.every((code) => /^[A-Z]{3}$/.test(code)));
  });
});
