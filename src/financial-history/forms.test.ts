import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rangeDays, readHistoryCursor, readHistoryFilter, writeHistoryCursor } from './forms.ts';
import { countedAs } from './present.ts';

describe('the days of a range', () => {
  test('each day starts when the zone says it does: 29 March 2026 in Brussels is 23 hours, 25 October 25', () => {
    const spring = rangeDays('2026-03-28', '2026-03-30', 'Europe/Brussels');
    assert.deepEqual(spring.dates, ['2026-03-28', '2026-03-29', '2026-03-30']);
    assert.deepEqual(
      spring.starts.map((d) => d.toISOString()),
      ['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z', '2026-03-30T22:00:00.000Z'],
    );
    const autumn = rangeDays('2026-10-25', '2026-10-25', 'Europe/Brussels');
    assert.deepEqual(
      autumn.starts.map((d) => d.toISOString()),
      ['2026-10-24T22:00:00.000Z', '2026-10-25T23:00:00.000Z'],
    );
  });

  test('without dates, the month of the reader’s zone up to today: on 1 April 00:30 in Brussels it is already April', () => {
    const reading = readHistoryFilter({}, 'Europe/Brussels', new Date('2026-03-31T22:30:00Z'));
    assert.ok(reading.ok);
    assert.deepEqual([reading.values.from, reading.values.to], ['2026-04-01', '2026-04-01']);
    assert.equal(reading.filters.start.toISOString(), '2026-03-31T22:00:00.000Z');
    assert.equal(reading.filters.end.toISOString(), '2026-04-01T22:00:00.000Z');
  });

  test('92 days is the longest range', () => {
    assert.ok(readHistoryFilter({ from: '2026-01-01', to: '2026-04-02' }, 'UTC', new Date()).ok);
    assert.equal(readHistoryFilter({ from: '2026-01-01', to: '2026-04-03' }, 'UTC', new Date()).ok, false);
  });
});

describe('paging cursors', () => {
  test('a cursor written is read back; anything else is not a cursor', () => {
    const cursor = { cursorTime: '2026-03-29T08:00:00.123456Z', payId: 3_000_000_001, payIdSub: 2 };
    assert.deepEqual(readHistoryCursor(writeHistoryCursor(cursor)), {
      time: cursor.cursorTime,
      payId: cursor.payId,
      payIdSub: 2,
    });
    for (const text of [
      '',
      'x',
      '2026-03-29T08:00:00Z~1',
      '2026-03-29T08:00:00Z~1~2~3',
      '2026-02-30T08:00:00Z~1~0',
      '2026-03-29T08:00:00Z~-1~0',
      '2026-03-29 08:00:00~1~0',
    ]) {
      assert.equal(readHistoryCursor(text), null, text);
    }
  });
});

describe('what counts in the totals', () => {
  test('captured, pending and merchant-handled payments and refunds; never refused, uncertain or other operations', () => {
    const counted = (operation: string, status: number) => countedAs({ operation, status }) ?? 'no';
    assert.deepEqual(
      [counted('SAL', 9), counted('SAS', 91), counted('SAL', 95), counted('SAL', 93), counted('SAL', 92), counted('SAL', 2)],
      ['payment', 'payment', 'payment', 'no', 'no', 'no'],
    );
    assert.deepEqual(
      [counted('RFD', 8), counted('RFS', 81), counted('RFD', 85), counted('RFD', 83), counted('RFS', 82)],
      ['refund', 'refund', 'refund', 'no', 'no'],
    );
    assert.deepEqual([counted('RES', 5), counted('DES', 6), counted('REN', 5)], ['no', 'no', 'no']);
  });
});
