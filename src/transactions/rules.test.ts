import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { readCursor, writeCursor } from './cursor.ts';
import { quickRange } from './quick-ranges.ts';
import { groupOf, STATUS_GROUP_NAMES, STATUS_GROUPS, statusesOf } from './status-groups.ts';

/** Every status an order can have (reference §1.1, less 88, a querydirect answer only). */
const ORDER_STATUSES = [
  0, 1, 2, 4, 40, 41, 46, 5, 50, 51, 52, 55, 56, 57, 59, 6, 61, 62, 63, 64, 7, 71, 72, 73, 74, 75, 8, 81, 82, 83, 84, 85, 9, 91,
  92, 93, 94, 95, 96, 99,
];

describe('status groups', () => {
  test('every status of the reference is in exactly one group, and nothing else is', () => {
    const listed = STATUS_GROUP_NAMES.flatMap((group) => STATUS_GROUPS[group]);
    assert.deepEqual(
      [...listed].sort((a, b) => a - b),
      [...ORDER_STATUSES].sort((a, b) => a - b),
    );
    assert.equal(new Set(listed).size, listed.length, 'no status in two groups');
    assert.equal(groupOf(88), undefined);
    assert.equal(groupOf(91), 'capture_pending');
    assert.deepEqual(statusesOf(['captured', 'authorised']), [5, 9, 50, 56, 95, 96]);
  });
});

describe('quick ranges', () => {
  test('counted in the user’s calendar, across the daylight-saving change', () => {
    // 00:30 CEST on 30 March 2026 is still 29 March in UTC.
    const now = new Date('2026-03-29T22:30:00Z');
    assert.deepEqual(quickRange('today', now, 'Europe/Brussels'), { from: '2026-03-30', to: '2026-03-30' });
    assert.deepEqual(quickRange('yesterday', now, 'Europe/Brussels'), { from: '2026-03-29', to: '2026-03-29' });
    assert.deepEqual(quickRange('last7', now, 'Europe/Brussels'), { from: '2026-03-24', to: '2026-03-30' });
    assert.deepEqual(quickRange('today', now, 'UTC'), { from: '2026-03-29', to: '2026-03-29' });
    assert.deepEqual(quickRange('thisMonth', now, 'America/New_York'), { from: '2026-03-01', to: '2026-03-29' });
    assert.deepEqual(quickRange('lastMonth', new Date('2026-01-10T12:00:00Z'), 'Europe/Brussels'), {
      from: '2025-12-01',
      to: '2025-12-31',
    });
    // 31 March: last month is February, 28 days.
    assert.deepEqual(quickRange('lastMonth', new Date('2026-03-31T12:00:00Z'), 'Europe/Brussels'), {
      from: '2026-02-01',
      to: '2026-02-28',
    });
  });
});

describe('paging cursors', () => {
  const key = randomBytes(32);
  const account = '11111111-1111-1111-1111-111111111111';
  const at = { key: '2026-02-12T10:00:00.123456Z', payId: 3000000001 };

  test('read back as written, for the same account and sort only', () => {
    const cursor = writeCursor(key, account, 'date_desc', at);
    assert.deepEqual(readCursor(key, account, 'date_desc', cursor), at);
    assert.equal(readCursor(key, account, 'date_asc', cursor), null, 'another sort');
    assert.equal(readCursor(key, '22222222-2222-2222-2222-222222222222', 'date_desc', cursor), null, 'another account');
    assert.equal(readCursor(randomBytes(32), account, 'date_desc', cursor), null, 'another server key');
    const amount = writeCursor(key, account, 'amount_asc', { key: '1500', payId: 3000000002 });
    assert.deepEqual(readCursor(key, account, 'amount_asc', amount), { key: '1500', payId: 3000000002 });
  });

  test('anything edited is refused', () => {
    const cursor = writeCursor(key, account, 'date_desc', at);
    const [body = '', mac = ''] = cursor.split('.');
    /** The text with its last character changed. */
    const edited = (text: string) => `${text.slice(0, -1)}${text.endsWith('A') ? 'B' : 'A'}`;
    for (const text of [
      '',
      'x',
      body,
      `${body}.`,
      `${body}.${mac}.x`,
      `${edited(body)}.${mac}`,
      `${body}.${edited(mac)}`,
      `${Buffer.from('date_desc~2026-02-12T10:00:00.123456Z~3000000002').toString('base64url')}.${mac}`,
      'a'.repeat(500),
    ]) {
      assert.equal(readCursor(key, account, 'date_desc', text), null, text);
    }
  });
});
