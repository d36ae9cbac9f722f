import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import { writeCursor } from './cursor.ts';
import { listedOrderIds, seedOrders } from './test-fixtures.ts';

/** PRODUCT.md N1: Operations > View transactions, its filters at the route. */
const h = await createHarness();
h.clock.set(new Date('2026-04-15T10:00:00Z'));

const LIST = paths.transactions.list('test');
const at = (iso: string) => new Date(iso);

/** A shop with five orders of different kinds, and one order of another account that must never show. */
async function shop() {
  const { user, browser } = await signIn(h);
  const ids = await seedOrders(h.db, user.accountId, [
    { orderId: 'O1', orderedAt: at('2026-02-10T10:00:00Z'), amount: 1500, status: 5, cardHolder: 'Ann Example' },
    {
      orderId: 'O2',
      orderedAt: at('2026-02-11T10:00:00Z'),
      paidAt: at('2026-02-12T10:00:00Z'),
      amount: 2500,
      status: 9,
      brand: 'MasterCard',
      cardMasked: '539999XXXXXX9999',
      cardHolder: 'Bob Martin',
      source: 'eterminal',
    },
    {
      orderId: 'O3',
      orderedAt: at('2026-02-12T10:00:00Z'),
      amount: 1500,
      currency: 'JPY',
      status: 2,
      cardMasked: '400000XXXXXX0002',
      cardHolder: 'Chloé Dupont',
    },
    {
      orderId: 'O4',
      orderedAt: at('2026-02-13T10:00:00Z'),
      paidAt: at('2026-02-14T10:00:00Z'),
      amount: 10000,
      status: 81,
      brand: 'American Express',
      cardMasked: '374111XXXXX1111',
      cardHolder: 'ann other',
      source: 'eterminal',
    },
    { orderId: 'O5', orderedAt: at('2026-02-14T10:00:00Z'), amount: 999, status: 52, cardHolder: '100%_sure', source: 'batch' },
  ]);
  const other = await createAccount(h.db);
  await seedOrders(h.db, other.accountId, [{ orderId: 'OTHER', orderedAt: at('2026-02-12T12:00:00Z') }]);
  return { user, browser, ids };
}

async function search(browser: TestBrowser, query: Record<string, string | string[]>) {
  const response = await browser.get(paths.transactions.list('test', query));
  return { status: response.status, ids: listedOrderIds(browser.page), response };
}

describe('View transactions (N1): the search', () => {
  test('without filters: every order of the account, newest first, one line each, with the count', async () => {
    const { browser, ids } = await shop();
    const { status, response } = await search(browser, {});
    assert.equal(status, 200);
    const { page } = browser;
    assert.equal(page.h1(), 'View transactions');
    assert.equal(page.title(), 'View transactions – Guichet');
    assert.deepEqual(listedOrderIds(page), ['O5', 'O4', 'O3', 'O2', 'O1']);
    assert.ok(page.text().includes('5 orders match your search.'));
    assert.deepEqual(page.table('table.data-table')[0], [
      'PAYID',
      'ORDERID',
      'Order date ↓',
      'Payment date',
      'Status',
      'Amount',
      'Card',
      'Customer',
      'Source',
    ]);
    assert.deepEqual(page.table('table.data-table')[4], [
      String(ids[1]),
      'O2',
      '11/02/2026 11:00 CET',
      '12/02/2026 11:00 CET',
      '9 – Payment requested',
      '€25.00',
      'MasterCard 539999XXXXXX9999',
      'Bob Martin',
      'e-Terminal',
    ]);
    assert.equal(page.link(String(ids[1])), paths.transactions.order('test', ids[1] ?? 0));
    assert.ok(!page.text().includes('OTHER'), 'another account’s orders never');
    assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
    const menuLink = page.all('nav[aria-label="Main menu"] a').find((a) => page.textOf(a) === 'View transactions');
    assert.equal(menuLink?.getAttribute('href'), LIST);
    assert.equal(menuLink?.getAttribute('aria-current'), 'page');
  });

  test('each filter alone', async () => {
    const { browser, ids } = await shop();
    const cases: [Record<string, string | string[]>, string[]][] = [
      [{ status: 'captured' }, ['O2']],
      [{ status: ['refund_pending', 'uncertain'] }, ['O5', 'O4']],
      [{ status: 'refused' }, ['O3']],
      [{ brand: 'MasterCard' }, ['O2']],
      [{ cardDigits: '1111' }, ['O5', 'O4', 'O1']],
      [{ cardDigits: '02' }, ['O3']],
      [{ cardHolder: 'ANN' }, ['O4', 'O1']],
      [{ cardHolder: 'é du' }, ['O3']],
      [{ cardHolder: '%' }, ['O5']],
      [{ currency: 'JPY' }, ['O3']],
      [{ currency: 'EUR', amountFrom: '15.00', amountTo: '25' }, ['O2', 'O1']],
      [{ currency: 'EUR', amountFrom: '25,00' }, ['O4', 'O2']],
      [{ orderId: 'O3' }, ['O3']],
      [{ orderId: 'o3' }, []],
      [{ payId: String(ids[1]) }, ['O2']],
      [{ source: 'eterminal' }, ['O4', 'O2']],
      [{ source: 'batch' }, ['O5']],
      [{ paidFrom: '2026-02-13' }, ['O4']],
      [{ paidTo: '2026-02-13' }, ['O2']],
      [{ orderedFrom: '2026-02-11', orderedTo: '2026-02-12' }, ['O3', 'O2']],
    ];
    for (const [query, expected] of cases) {
      const result = await search(browser, query);
      assert.equal(result.status, 200, JSON.stringify(query));
      assert.deepEqual(result.ids, expected, JSON.stringify(query));
    }
  });

  test('filters combined', async () => {
    const { browser } = await shop();
    const cases: [Record<string, string | string[]>, string[]][] = [
      [{ currency: 'EUR', status: ['authorised', 'captured'], cardHolder: 'a' }, ['O2', 'O1']],
      [{ source: 'eterminal', currency: 'EUR', amountFrom: '100' }, ['O4']],
      [{ brand: 'VISA', cardDigits: '1111', orderedTo: '2026-02-13' }, ['O1']],
      [{ status: 'captured', source: 'directlink' }, []],
    ];
    for (const [query, expected] of cases) assert.deepEqual((await search(browser, query)).ids, expected, JSON.stringify(query));
    const none = await search(browser, { status: 'captured', source: 'directlink' });
    assert.ok(browser.page.text().includes('No order matches your search.'));
    assert.equal(none.status, 200);
  });

  test('every status box ticked lists every order, as none ticked does', async () => {
    const { browser } = await shop();
    const all = [
      'authorised',
      'captured',
      'capture_pending',
      'refunded',
      'refund_pending',
      'cancelled',
      'refused',
      'uncertain',
      'invalid',
      'waiting',
    ];
    assert.deepEqual((await search(browser, { status: all })).ids, ['O5', 'O4', 'O3', 'O2', 'O1']);
    for (const group of all) assert.equal(browser.page.valueOf(`input[value="${group}"]`), 'on');
  });

  test('sorted by amount, each way, from the column headers; the sort is kept in the links', async () => {
    const { browser } = await shop();
    await search(browser, {});
    const byAmount = browser.page.link('Amount');
    assert.ok(byAmount);
    await browser.get(byAmount);
    assert.deepEqual(listedOrderIds(browser.page), ['O4', 'O2', 'O3', 'O1', 'O5']);
    assert.ok(browser.page.one('th[aria-sort="descending"]'));
    const again = browser.page.link('Amount');
    assert.ok(again);
    await browser.get(again);
    assert.deepEqual(listedOrderIds(browser.page), ['O5', 'O1', 'O3', 'O2', 'O4']);
    assert.equal(browser.page.one('th[aria-sort="ascending"]') !== null, true);
    const byDate = await search(browser, { sort: 'date_asc', currency: 'EUR' });
    assert.deepEqual(byDate.ids, ['O1', 'O2', 'O4', 'O5']);
  });

  test('an htmx search answers the search part only, for the page to replace in place', async () => {
    const { browser } = await shop();
    const response = await browser.get(paths.transactions.list('test', { status: 'captured' }), { 'HX-Request': 'true' });
    assert.equal(response.status, 200);
    const html = await response.clone().text();
    assert.ok(!html.includes('<html'), 'a fragment');
    assert.deepEqual(listedOrderIds(browser.page), ['O2']);
    assert.ok(browser.page.one('#transactions-search form[hx-push-url="true"]'));
    assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
  });
});

describe('View transactions (N1): dates in the user’s time zone', () => {
  test('a day of the order-date filter is the user’s whole day, 23 hours long on the day clocks go forward', async () => {
    const { user, browser } = await signIn(h);
    // Brussels, 29 March 2026: 00:00 CET is 23:00 UTC the day before; 23:59:59 CEST is 21:59:59 UTC.
    await seedOrders(h.db, user.accountId, [
      { orderId: 'BEFORE', orderedAt: at('2026-03-28T22:59:59Z') },
      { orderId: 'FIRST', orderedAt: at('2026-03-28T23:00:00Z') },
      { orderId: 'LAST', orderedAt: at('2026-03-29T21:59:59Z') },
      { orderId: 'AFTER', orderedAt: at('2026-03-29T22:00:00Z') },
    ]);
    assert.deepEqual((await search(browser, { orderedFrom: '2026-03-29', orderedTo: '2026-03-29' })).ids, ['LAST', 'FIRST']);
    assert.deepEqual((await search(browser, { orderedTo: '2026-03-28' })).ids, ['BEFORE']);
    assert.deepEqual((await search(browser, { orderedFrom: '2026-03-30' })).ids, ['AFTER']);
    assert.ok(browser.page.text().includes('Dates are days of your time zone, Europe/Brussels'));
  });

  test('the same dates read in another user’s zone cover that user’s day', async () => {
    const admin = await createAccount(h.db);
    await seedOrders(h.db, admin.accountId, [
      { orderId: 'NY-MORNING', orderedAt: at('2026-03-08T06:30:00Z') }, // 01:30 EST, 8 March
      { orderId: 'NY-LATE', orderedAt: at('2026-03-09T03:59:59Z') }, // 23:59:59 EDT, 8 March
      { orderId: 'NY-NEXT', orderedAt: at('2026-03-09T04:00:00Z') }, // 00:00 EDT, 9 March
    ]);
    const { browser } = await signIn(h, { account: admin, userid: 'in.new.york', timeZone: 'America/New_York' });
    assert.deepEqual((await search(browser, { orderedFrom: '2026-03-08', orderedTo: '2026-03-08' })).ids, [
      'NY-LATE',
      'NY-MORNING',
    ]);
  });

  test('quick ranges link to the days of the user’s calendar, the rest of the search kept', async () => {
    h.clock.set(new Date('2026-03-30T06:30:00Z')); // 08:30 CEST on Monday 30 March, the day after the change
    try {
      const { browser } = await signIn(h);
      await search(browser, { status: 'captured', currency: 'EUR' });
      const href = (label: string) => {
        const link = browser.page.link(label);
        assert.ok(link, label);
        return Object.fromEntries(new URL(link, 'http://x').searchParams);
      };
      assert.deepEqual(href('Today'), {
        orderedFrom: '2026-03-30',
        orderedTo: '2026-03-30',
        currency: 'EUR',
        status: 'captured',
      });
      assert.equal(href('Yesterday').orderedFrom, '2026-03-29');
      assert.equal(href('Yesterday').orderedTo, '2026-03-29');
      assert.deepEqual([href('Last 7 days').orderedFrom, href('Last 7 days').orderedTo], ['2026-03-24', '2026-03-30']);
      assert.deepEqual([href('This month').orderedFrom, href('This month').orderedTo], ['2026-03-01', '2026-03-30']);
      assert.deepEqual([href('Last month').orderedFrom, href('Last month').orderedTo], ['2026-02-01', '2026-02-28']);
    } finally {
      h.clock.set(new Date('2026-04-15T10:00:00Z'));
    }
  });
});

describe('View transactions (N1): bad input', () => {
  test('each problem beside its field, the search kept, nothing listed, never a 500', async () => {
    const { browser } = await shop();
    const cases: [Record<string, string | string[]>, string, string][] = [
      [{ orderedFrom: '2026-02-31' }, 'transactions-ordered-from', 'Enter a date as year-month-day, for example 2026-03-31.'],
      [{ orderedFrom: '31/02/2026' }, 'transactions-ordered-from', 'Enter a date as year-month-day, for example 2026-03-31.'],
      [{ paidFrom: '1999-12-31' }, 'transactions-paid-from', 'Enter a date between 2000-01-01 and 2099-12-31.'],
      [
        { orderedFrom: '2026-03-02', orderedTo: '2026-03-01' },
        'transactions-ordered-to',
        'Enter a date on or after the start date.',
      ],
      [{ paidFrom: '2026-03-02', paidTo: '2026-03-01' }, 'transactions-paid-to', 'Enter a date on or after the start date.'],
      [
        { amountFrom: '1.5', currency: 'JPY' },
        'transactions-amount-from',
        'Enter JPY amounts without decimals, for example 1500.',
      ],
      [
        { amountTo: '1,500', currency: 'EUR' },
        'transactions-amount-to',
        'Enter the amount without thousands separators, with a point or a comma before the decimals, for example 1500.00.',
      ],
      [{ amountFrom: '15' }, 'transactions-amount-from', 'Choose the currency of the amount.'],
      [
        { amountFrom: '20', amountTo: '10', currency: 'EUR' },
        'transactions-amount-to',
        'Enter an amount equal to or larger than the amount from.',
      ],
      [{ status: ['captured', 'nonsense'] }, 'transactions-status', 'Tick statuses from the list.'],
      [{ brand: 'Bogus' }, 'transactions-brand', 'Choose a brand from the list.'],
      [{ currency: 'XXX' }, 'transactions-currency', 'Choose a currency from the list.'],
      [{ source: 'fax' }, 'transactions-source', 'Choose a source from the list.'],
      [{ sort: 'random' }, 'transactions-sort', 'Choose an order from the list.'],
      [{ payId: '12ab' }, 'transactions-pay-id', 'Enter a PAYID in figures, for example 3000000001.'],
      [{ cardDigits: '12345' }, 'transactions-card-digits', 'Characters allowed: 4 at most.'],
      [{ cardHolder: 'a\u0000b' }, 'transactions-card-holder', ''],
    ];
    for (const [query, id, text] of cases) {
      const { status } = await search(browser, query);
      const { page } = browser;
      assert.equal(status, 422, JSON.stringify(query));
      assert.equal(page.one('table.data-table'), null, 'nothing listed');
      assert.ok(page.title().startsWith('Error: '), JSON.stringify(query));
      const summary = page.errorSummary();
      assert.equal(summary.at(0)?.href, `#${id}`, JSON.stringify(query));
      if (text && id !== 'transactions-card-digits') assert.equal(page.fieldError(id), text, JSON.stringify(query));
      else assert.ok(page.fieldError(id), JSON.stringify(query));
    }
    // What was typed is kept; the boxes that were right stay ticked.
    await search(browser, { orderedFrom: '2026-02-31', status: ['captured', 'nonsense'], cardHolder: 'Ann' });
    assert.equal(browser.page.valueOf('#transactions-ordered-from'), '2026-02-31');
    assert.equal(browser.page.valueOf('#transactions-card-holder'), 'Ann');
    assert.equal(browser.page.valueOf('input[value="captured"]'), 'on');
    assert.equal(browser.page.valueOf('input[value="refused"]'), '');
  });

  test('a tampered, foreign or wrongly sorted cursor gets its own message and a way back, never a 500', async () => {
    const { user, browser } = await shop();
    const other = await createAccount(h.db);
    const foreign = writeCursor(h.secretKey, other.accountId, 'date_desc', { key: '2026-02-12T10:00:00.000000Z', payId: 1 });
    const good = writeCursor(h.secretKey, user.accountId, 'date_desc', { key: '2026-02-12T10:00:00.000000Z', payId: 1 });
    const tampered = `${Buffer.from('date_desc~2027-01-01T00:00:00.000000Z~1').toString('base64url')}.${good.split('.')[1]}`;
    const queries: Record<string, string>[] = [
      { after: foreign },
      { after: tampered },
      { before: 'not-a-cursor' },
      { after: good, sort: 'amount_desc' },
      { after: good, before: good },
      { after: `${good}x` },
    ];
    for (const query of queries) {
      const { status } = await search(browser, { status: 'captured', ...query });
      assert.equal(status, 400, JSON.stringify(query));
      assert.ok(browser.page.alert().startsWith('This page link is not valid for your search'), JSON.stringify(query));
      const first = new URL(browser.page.link('First page of the results') ?? '', 'http://x');
      assert.equal(first.pathname, LIST);
      assert.deepEqual(Object.fromEntries(first.searchParams), {
        status: 'captured',
        ...(query.sort ? { sort: query.sort } : {}),
      });
      assert.equal(browser.page.valueOf('input[value="captured"]'), 'on', 'the search kept');
    }
    const { status, ids } = await search(browser, { after: good });
    assert.equal(status, 200);
    assert.deepEqual(ids, ['O2', 'O1'], 'a good cursor reads on from where it says');
  });
});
