import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { zonedDayRange } from '../lib/time.ts';
import { paths } from '../paths.ts';
import { createUser, signIn } from '../test/harness.ts';
import { auditHarness, chosen, numbers, options, suggestions, writeEntries } from './test-fixtures.ts';

const h = await auditHarness();

describe('filters', () => {
  test('dates are whole days of the user’s zone, across the change to summer time', async () => {
    const { user: admin, browser } = await signIn(h);
    // Brussels goes from CET (+1) to CEST (+2) on 29 March 2026, a day of 23 hours.
    await writeEntries(h, admin, [
      { at: new Date('2026-03-28T22:30:00Z'), details: { n: 1 } }, // 28/03 23:30 CET, 18:30 in New York
      { at: new Date('2026-03-28T23:30:00Z'), details: { n: 2 } }, // 29/03 00:30 CET, 28/03 19:30 in New York
      { at: new Date('2026-03-29T21:30:00Z'), details: { n: 3 } }, // 29/03 23:30 CEST
      { at: new Date('2026-03-29T22:30:00Z'), details: { n: 4 } }, // 30/03 00:30 CEST (24 hours after 29/03 began would still be 29/03)
    ]);
    await browser.get(paths.audit.list('test', { from: '2026-03-29', to: '2026-03-29' }));
    assert.deepEqual(numbers(browser.page), [3, 2]);
    const times = (page: typeof browser.page) => page.all('tbody time').map(page.textOf);
    assert.deepEqual(times(browser.page), ['29/03/2026 23:30 CEST', '29/03/2026 00:30 CET']);
    await browser.get(paths.audit.list('test', { from: '2026-03-28', to: '2026-03-28' }));
    assert.deepEqual(numbers(browser.page), [1]);
    await browser.get(paths.audit.list('test', { from: '2026-03-30' }));
    assert.ok(numbers(browser.page).includes(4) && !numbers(browser.page).includes(3));

    const newYork = await signIn(h, { account: admin, userid: 'ny', timeZone: 'America/New_York' });
    await newYork.browser.get(paths.audit.list('test', { from: '2026-03-28', to: '2026-03-28' }));
    const { page } = newYork.browser;
    assert.deepEqual(numbers(page), [2, 1]);
    // formatDateTime's en-GB names New York's summer offset "GMT-4".
    assert.equal(page.textOf(page.one('time[datetime="2026-03-28T23:30:00.000Z"]')), '28/03/2026 19:30 GMT-4');
    assert.ok(page.text().includes('Dates and times are in your time zone, America/New_York.'));
  });

  test('the day bounds helper follows the zone’s rules', () => {
    assert.deepEqual(zonedDayRange('2026-03-29', '2026-03-29', 'Europe/Brussels'), {
      start: new Date('2026-03-28T23:00:00Z'),
      end: new Date('2026-03-29T22:00:00Z'),
    });
    assert.deepEqual(zonedDayRange('2026-10-25', '2026-10-25', 'Europe/Brussels'), {
      start: new Date('2026-10-24T22:00:00Z'),
      end: new Date('2026-10-25T23:00:00Z'),
    });
    assert.deepEqual(zonedDayRange(undefined, '2026-03-28', 'America/New_York'), { end: new Date('2026-03-29T04:00:00Z') });
  });

  test('by user, by event and by result, alone and together; the choices list this account’s users and events', async () => {
    const { user: admin, browser } = await signIn(h);
    const alice = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'alice' });
    const bob = await createUser(h.db, admin.accountId, admin.pspid, { userid: 'bob' });
    const day = (hour: number) => new Date(`2026-03-12T${String(hour).padStart(2, '0')}:00:00Z`);
    await writeEntries(h, alice, [
      { at: day(8), eventType: 'login', details: { n: 1 } },
      { at: day(9), eventType: 'login', success: false, details: { n: 2 } },
    ]);
    await writeEntries(h, bob, [
      { at: day(10), eventType: 'password.change', details: { n: 3 } },
      { at: day(11), eventType: 'otp.enable', success: false, details: { n: 4 } },
    ]);
    const list = async (query: Record<string, string>) => {
      const response = await browser.get(paths.audit.list('test', { from: '2026-03-12', to: '2026-03-12', ...query }));
      assert.equal(response.status, 200, JSON.stringify(query));
      return numbers(browser.page);
    };
    assert.deepEqual(await list({}), [4, 3, 2, 1]);
    assert.deepEqual(await list({ user: 'alice' }), [2, 1]);
    assert.deepEqual(await list({ user: ' ALICE ' }), [2, 1], 'a USERID in any case, spaces trimmed');
    assert.deepEqual(await list({ event: 'password.change' }), [3]);
    assert.deepEqual(await list({ result: 'failure' }), [4, 2]);
    assert.deepEqual(await list({ result: 'success' }), [3, 1]);
    assert.deepEqual(await list({ user: 'bob', result: 'failure' }), [4]);
    assert.deepEqual(await list({ user: 'bob', event: 'otp.enable' }), [4]);
    assert.deepEqual(await list({ user: 'alice', event: 'login', result: 'success' }), [1]);
    const { page } = browser;
    assert.equal(page.field('User (USERID)')?.getAttribute('value'), 'alice', 'the USERID as the account writes it');
    assert.equal(page.field('User (USERID)')?.tagName, 'INPUT');
    assert.deepEqual(chosen(page, 'Event'), { value: 'login', text: 'Login' });
    assert.deepEqual(chosen(page, 'Result'), { value: 'success', text: 'Success' });
    assert.deepEqual(
      suggestions(page).filter((userid) => userid === 'alice' || userid === 'bob'),
      ['alice', 'bob'],
      'USERIDs suggested',
    );
    const events = options(page, 'Event');
    assert.ok(events.some((option) => option.value === 'otp.enable' && option.text === 'Two-factor authentication turned on'));
    assert.ok(!events.some((option) => option.value === 'logout'), 'only events present in the log');
    const from = page.field('From (date)');
    assert.deepEqual(
      ['name', 'type', 'value', 'maxlength'].map((name) => from?.getAttribute(name)),
      ['from', 'text', '2026-03-12', '10'],
    );
    assert.equal(
      page.link('Download these entries as CSV'),
      '/test/audit/download.csv?from=2026-03-12&to=2026-03-12&user=alice&event=login&result=success',
    );
  });

  /** A wrong filter: the query, the field it is about (its id) and the message, and values shown back. */
  type Bad = { name: string; query: Record<string, string>; field: string; message: string; kept?: Record<string, string> };
  /** A start date refused beside the start field, shown back as typed. */
  const badFrom = (name: string, from: string, message: string): Bad => ({
    name,
    query: { from },
    field: 'audit-from',
    message,
    kept: { 'From (date)': from },
  });
  /** An end date (after the rest of `query`) refused beside the end field, shown back as typed. */
  const badTo = (name: string, to: string, message: string, query: Record<string, string> = {}): Bad => ({
    name,
    query: { ...query, to },
    field: 'audit-to',
    message,
    kept: { 'To (date, included)': to },
  });
  const YEARS = 'Enter a date between 2000-01-01 and 2099-12-31.';
  const NO_SUCH_USER = 'Enter the USERID of a user of this account, or leave the field empty for every user.';
  const NOT_LISTED = 'Choose an event from the list.';
  const bad: Bad[] = [
    badFrom('an impossible date', '2026-02-30', 'Enter the start date as YYYY-MM-DD, for example 2026-03-28.'),
    badTo('a date in another format', '28/03/2026', 'Enter the end date as YYYY-MM-DD, for example 2026-03-31.'),
    badFrom('a date outside the years 2000 to 2099', '1999-12-31', YEARS),
    badFrom('the year 1 as the start (issue 8, item 1)', '0001-01-01', YEARS),
    badTo('the year 1 as the end', '0001-01-01', YEARS),
    badTo('the year 9999 as the end', '9999-12-31', YEARS, { from: '2026-01-01' }),
    {
      name: 'an end before the start',
      query: { from: '2026-03-10', to: '2026-03-01' },
      field: 'audit-to',
      message: 'Enter an end date that is the same as the start date or after it.',
      kept: { 'From (date)': '2026-03-10', 'To (date, included)': '2026-03-01' },
    },
    {
      name: 'an unknown result',
      query: { result: 'maybe' },
      field: 'audit-result',
      message: 'Choose successes and failures, successes only or failures only.',
    },
    { name: 'a malformed event', query: { event: '<script>' }, field: 'audit-event', message: NOT_LISTED },
    // Issue 8, item 18: an unknown value in a link is a problem beside its field, like a typed one.
    {
      name: 'an event type not in the account’s log',
      query: { event: 'nothing.here' },
      field: 'audit-event',
      message: NOT_LISTED,
    },
    {
      name: 'a USERID of no user of the account',
      query: { user: 'nobody' },
      field: 'audit-user',
      message: NO_SUCH_USER,
      kept: { 'User (USERID)': 'nobody' },
    },
    {
      name: 'a user id (not a USERID)',
      query: { user: '0d15ea5e-0000-4000-8000-000000000000' },
      field: 'audit-user',
      message: NO_SUCH_USER,
    },
    {
      name: 'a USERID too long',
      query: { user: 'u'.repeat(101) },
      field: 'audit-user',
      message: 'Enter at most 100 characters.',
      kept: { 'User (USERID)': 'u'.repeat(101) },
    },
  ];
  for (const { name, query, field, message, kept = {} } of bad) {
    test(`${name} is refused with 422, beside its field, values kept`, async () => {
      const { browser } = await signIn(h);
      const response = await browser.get(paths.audit.list('test', query));
      assert.equal(response.status, 422);
      const { page } = browser;
      assert.ok(page.title().startsWith('Error: Audit log'), page.title());
      assert.equal(page.one('[data-error-summary]')?.getAttribute('role'), 'alert');
      const label = page.textOf(page.one(`label[for="${field}"]`));
      assert.deepEqual(
        page.errorSummary(),
        [{ text: `${label}: ${message}`, href: `#${field}` }],
        'the summary names the field and links to it',
      );
      assert.equal(page.fieldError(field), message, 'the same message beside the field');
      const control = page.one(`#${field}`);
      assert.equal(control?.getAttribute('aria-invalid'), 'true');
      assert.ok(control?.getAttribute('aria-describedby')?.split(' ').includes(`${field}-error`));
      assert.equal(page.one('table'), null, 'nothing listed');
      for (const [label, value] of Object.entries(kept)) assert.equal(page.field(label)?.getAttribute('value'), value, label);
      assert.equal((await browser.get(paths.audit.csv('test', query))).status, 422, 'the download refuses them too');
    });
  }
});
