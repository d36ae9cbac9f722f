import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { PROFILES, users } from '../db/schema/users.ts';
import { paths } from '../paths.ts';
import { TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import { callerOf, lineOrderIds, lineRows, maintain, makeOrder, settle, totalsRows } from './test-fixtures.ts';

/** PRODUCT.md M1: Operations > Financial history, at the route. */
const h = await createHarness();
h.clock.set(new Date('2026-04-15T10:00:00Z'));
const list = (query?: Record<string, string>) => paths.financialHistory.list('test', query);
const at = (iso: string) => new Date(iso);

describe('lines and totals per day and currency', () => {
  test('each operation is a line under its day; each day has its totals per currency; the chart and the table give the daily net', async () => {
    const { user, browser } = await signIn(h);
    const who = callerOf(user);
    const sale = await makeOrder(h, who, { at: at('2026-03-10T09:00:00Z'), amount: 10_000, orderId: 'SALE-1' });
    const authorised = await makeOrder(h, who, {
      at: at('2026-03-10T10:00:00Z'),
      operation: 'RES',
      amount: 5_000,
      orderId: 'AUTH-1',
    });
    await maintain(h, who, authorised, at('2026-03-10T11:00:00Z'), 'SAL', 2_000);
    await maintain(h, who, sale, at('2026-03-10T12:00:00Z'), 'RFD', 3_000);
    await makeOrder(h, who, { at: at('2026-03-10T13:00:00Z'), amount: 1_500, currency: 'JPY', orderId: 'YEN-1' });
    await makeOrder(h, who, { at: at('2026-03-10T14:00:00Z'), amount: 700, orderId: 'REFUSED-1', refused: true });
    await makeOrder(h, who, { at: at('2026-03-11T08:00:00Z'), amount: 1_000, orderId: 'SALE-2', brand: 'MasterCard' });
    const other = await createAccount(h.db);
    await makeOrder(h, callerOf(other), { at: at('2026-03-10T09:30:00Z'), amount: 99_900, orderId: 'OTHER-ACCOUNT' });

    const response = await browser.get(list({ from: '2026-03-10', to: '2026-03-11' }));
    assert.equal(response.status, 200);
    const { page } = browser;
    assert.equal(page.h1(), 'Financial history');
    assert.equal(page.title(), 'Financial history – Guichet');
    assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
    const payIdOf = (payId: number, sub: number) => `${payId}/${sub}`;
    assert.deepEqual(lineRows(page), [
      ['Tue, 10/03/2026'],
      ['10/03/2026 10:00 CET', payIdOf(sale, 0), 'SALE-1', 'Sale (SAL)', '9 – Payment requested', 'VISA', user.userid, '€100.00'],
      [
        '10/03/2026 11:00 CET',
        payIdOf(authorised, 0),
        'AUTH-1',
        'Authorisation (RES)',
        '5 – Authorised',
        'VISA',
        user.userid,
        '€50.00',
      ],
      [
        '10/03/2026 12:00 CET',
        payIdOf(authorised, 1),
        'AUTH-1',
        'Partial capture (SAL)',
        '91 – Payment processing',
        'VISA',
        user.userid,
        '€20.00',
      ],
      [
        '10/03/2026 13:00 CET',
        payIdOf(sale, 1),
        'SALE-1',
        'Partial refund (RFD)',
        '81 – Refund pending',
        'VISA',
        user.userid,
        '€30.00',
      ],
      [
        '10/03/2026 14:00 CET',
        lineRows(page)[5]?.[1] ?? '',
        'YEN-1',
        'Sale (SAL)',
        '9 – Payment requested',
        'VISA',
        user.userid,
        'JP¥1,500',
      ],
      [
        '10/03/2026 15:00 CET',
        lineRows(page)[6]?.[1] ?? '',
        'REFUSED-1',
        'Sale (SAL)',
        '2 – Authorisation refused',
        'VISA',
        user.userid,
        '€7.00',
      ],
      ['Total of Tue, 10/03/2026, EUR', 'Payments €120.00 · Refunds €30.00 · Net €90.00'],
      ['Total of Tue, 10/03/2026, JPY', 'Payments JP¥1,500 · Refunds JP¥0 · Net JP¥1,500'],
      ['Wed, 11/03/2026'],
      [
        '11/03/2026 09:00 CET',
        lineRows(page)[10]?.[1] ?? '',
        'SALE-2',
        'Sale (SAL)',
        '9 – Payment requested',
        'MasterCard',
        user.userid,
        '€10.00',
      ],
      ['Total of Wed, 11/03/2026, EUR', 'Payments €10.00 · Refunds €0.00 · Net €10.00'],
    ]);
    assert.ok(!page.text().includes('OTHER-ACCOUNT'), 'another account’s operations never');
    assert.equal(
      page.all('#history-lines-table tr.history-not-counted').length,
      2,
      'the authorisation and the refused sale are not counted',
    );
    assert.deepEqual(totalsRows(page), [
      ['Tue, 10/03/2026', 'EUR', '€120.00', '€30.00', '€90.00'],
      ['Tue, 10/03/2026', 'JPY', 'JP¥1,500', 'JP¥0', 'JP¥1,500'],
      ['Wed, 11/03/2026', 'EUR', '€10.00', '€0.00', '€10.00'],
      ['All these days', 'EUR', '€130.00', '€30.00', '€100.00'],
      ['All these days', 'JPY', 'JP¥1,500', 'JP¥0', 'JP¥1,500'],
    ]);
    // One chart per currency, an image named by its title and described in words.
    const charts = page.all('svg[role=img]');
    assert.deepEqual(
      charts.map((svg) => page.textOf(svg.querySelector('title'))),
      ['Daily net totals in EUR', 'Daily net totals in JPY'],
    );
    const eur = charts[0];
    assert.equal(eur?.getAttribute('aria-labelledby'), 'history-chart-eur-title');
    assert.equal(eur?.getAttribute('aria-describedby'), 'history-chart-eur-desc');
    assert.match(
      page.textOf(eur?.querySelector('desc')),
      /Highest: €90\.00 on Tue, 10\/03\/2026; lowest: €10\.00 on Wed, 11\/03\/2026/,
    );
    assert.equal(eur?.querySelectorAll('rect').length, 2, 'one bar a day with a net');
    assert.equal(page.one('nav[aria-label="Pages of operations"]'), null, 'one page only');
  });

  test('refused and uncertain operations are listed but never counted: a refund the acquirer refuses (83) leaves the totals', async () => {
    const { user, browser } = await signIn(h);
    const who = callerOf(user);
    const sale = await makeOrder(h, who, {
      at: at('2025-06-02T08:00:00Z'),
      amount: 4_000,
      orderId: 'REFUND-REFUSED',
      acquirerReference: 'sim-rfr-0123456789abcdef',
    });
    await maintain(h, who, sale, at('2025-06-02T09:00:00Z'), 'RFS', 4_000);
    const captured = await makeOrder(h, who, {
      at: at('2025-06-02T10:00:00Z'),
      operation: 'RES',
      amount: 2_500,
      orderId: 'CAPTURED',
    });
    await maintain(h, who, captured, at('2025-06-02T11:00:00Z'), 'SAS', 2_500);
    await settle(h, at('2025-06-03T00:00:00Z'));
    await browser.get(list({ from: '2025-06-02', to: '2025-06-02' }));
    const { page } = browser;
    assert.deepEqual(
      lineRows(page).map((row) => row[4]),
      [undefined, '9 – Payment requested', '83 – Refund refused', '5 – Authorised', '9 – Payment requested', undefined],
    );
    assert.deepEqual(totalsRows(page)[0], ['Mon, 02/06/2025', 'EUR', '€65.00', '€0.00', '€65.00']);
  });

  test('a day in French: words, dates and amounts as a French reader reads them', async () => {
    const admin = await createAccount(h.db);
    await makeOrder(h, callerOf(admin), { at: at('2026-03-12T09:00:00Z'), amount: 150_000, orderId: 'FR-1' });
    const { browser } = await signIn(h, { account: admin, userid: 'lecteur.fr', profile: 'viewer', language: 'fr' });
    await browser.get(list({ from: '2026-03-12', to: '2026-03-12' }));
    const { page } = browser;
    assert.equal(page.h1(), 'Historique financier');
    assert.deepEqual(totalsRows(page)[0], ['jeu. 12/03/2026', 'EUR', '1 500,00 €', '0,00 €', '1 500,00 €']);
  });
});

describe('days of the reader’s time zone, across daylight saving', () => {
  test('29 March 2026 in Brussels is 23 hours long: its lines and totals are exactly those of that local day', async () => {
    const { user, browser } = await signIn(h);
    const who = callerOf(user);
    await makeOrder(h, who, { at: at('2026-03-28T22:59:59Z'), amount: 100, orderId: 'BEFORE' });
    await makeOrder(h, who, { at: at('2026-03-28T23:00:00Z'), amount: 200, orderId: 'FIRST-MOMENT' });
    await makeOrder(h, who, { at: at('2026-03-29T21:59:59Z'), amount: 400, orderId: 'LAST-MOMENT' });
    await makeOrder(h, who, { at: at('2026-03-29T22:00:00Z'), amount: 800, orderId: 'AFTER' });
    await browser.get(list({ from: '2026-03-29', to: '2026-03-29' }));
    assert.deepEqual(lineOrderIds(browser.page), ['FIRST-MOMENT', 'LAST-MOMENT']);
    assert.deepEqual(totalsRows(browser.page)[0], ['Sun, 29/03/2026', 'EUR', '€6.00', '€0.00', '€6.00']);
    assert.equal(lineRows(browser.page)[2]?.[0], '29/03/2026 23:59 CEST');
    await browser.get(list({ from: '2026-03-28', to: '2026-03-30' }));
    assert.deepEqual(
      totalsRows(browser.page).map((row) => row.slice(0, 3)),
      [
        ['Sat, 28/03/2026', 'EUR', '€1.00'],
        ['Sun, 29/03/2026', 'EUR', '€6.00'],
        ['Mon, 30/03/2026', 'EUR', '€8.00'],
        ['All these days', 'EUR', '€15.00'],
      ],
    );
  });

  test('25 October 2026 is 25 hours long; a reader in New York gets New York’s days', async () => {
    const { user, browser } = await signIn(h);
    const who = callerOf(user);
    await makeOrder(h, who, { at: at('2026-10-24T21:59:59Z'), amount: 100, orderId: 'OCT-BEFORE' });
    await makeOrder(h, who, { at: at('2026-10-24T22:00:00Z'), amount: 200, orderId: 'OCT-FIRST' });
    await makeOrder(h, who, { at: at('2026-10-25T22:59:59Z'), amount: 400, orderId: 'OCT-LAST' });
    await makeOrder(h, who, { at: at('2026-10-25T23:00:00Z'), amount: 800, orderId: 'OCT-AFTER' });
    await browser.get(list({ from: '2026-10-25', to: '2026-10-25' }));
    assert.deepEqual(lineOrderIds(browser.page), ['OCT-FIRST', 'OCT-LAST']);
    const { browser: newYork } = await signIn(h, { account: user, userid: 'in.new.york', timeZone: 'America/New_York' });
    await newYork.get(list({ from: '2026-10-25', to: '2026-10-25' }));
    // New York's 25 October runs from 04:00 UTC to 04:00 UTC the next day.
    assert.deepEqual(lineOrderIds(newYork.page), ['OCT-LAST', 'OCT-AFTER']);
    assert.ok(newYork.page.text().includes('Days and times are in your time zone, America/New_York.'));
  });

  test('without dates, the range is this month of the reader’s zone up to today, shown in the form', async () => {
    const { browser } = await signIn(h);
    const response = await browser.get(list());
    assert.equal(response.status, 200);
    assert.equal(browser.page.valueOf('#history-from'), '2026-04-01');
    assert.equal(browser.page.valueOf('#history-to'), '2026-04-15');
  });
});

describe('paging by key', () => {
  test('120 lines, some at the same moment, go 50 a page forward and back without a gap or a repeat', async () => {
    const { user, browser } = await signIn(h);
    const who = callerOf(user);
    const made: string[] = [];
    for (let i = 0; i < 120; i += 1) {
      const orderId = `PAGE-${String(i).padStart(3, '0')}`;
      // Three orders a minute: ties on the time are ordered by PAYID.
      await makeOrder(h, who, { at: new Date(Date.UTC(2026, 1, 2, 8, Math.floor(i / 3))), amount: 100 + i, orderId });
      made.push(orderId);
    }
    const pages: string[][] = [];
    let href: string | undefined = list({ from: '2026-02-02', to: '2026-02-02' });
    while (href) {
      const response = await browser.get(href);
      assert.equal(response.status, 200);
      pages.push(lineOrderIds(browser.page));
      href = browser.page.link('Later operations');
    }
    assert.deepEqual(
      pages.map((p) => p.length),
      [50, 50, 20],
    );
    assert.deepEqual(pages.flat(), made, 'every line once, in order');
    assert.equal(browser.page.link('Later operations'), undefined);
    assert.match(browser.page.link('Earlier operations') ?? '', /before=/);
    assert.doesNotMatch(browser.page.link('Earlier operations') ?? '', /offset|page=/);
    const back: string[][] = [];
    href = browser.page.link('Earlier operations');
    while (href) {
      await browser.get(href);
      back.push(lineOrderIds(browser.page));
      href = browser.page.link('Earlier operations');
    }
    assert.deepEqual(back, [pages[1], pages[0]], 'back through the same pages');
    // The day's totals are the whole day's on every page.
    assert.deepEqual(totalsRows(browser.page)[0]?.slice(0, 3), ['Mon, 02/02/2026', 'EUR', '€191.40']);
  });

  test('a cursor that was tampered with, made for other dates, or doubled is refused with a message, the filters kept', async () => {
    const { browser } = await signIn(h);
    const filters = { from: '2026-02-02', to: '2026-02-02', currency: 'EUR' };
    for (const cursor of <Record<string, string>[]>[
      { after: 'garbage' },
      { after: '2026-02-02T08:00:00.000000Z~12~x' },
      { before: '2026-13-02T08:00:00.000000Z~3000000001~0' },
      { after: '2026-03-02T08:00:00.000000Z~3000000001~0' },
      { after: '2026-02-02T08:00:00.000000Z~3000000001~0', before: '2026-02-02T08:00:00.000000Z~3000000001~0' },
    ]) {
      const response = await browser.get(list({ ...filters, ...cursor }));
      assert.equal(response.status, 400, JSON.stringify(cursor));
      const { page } = browser;
      assert.match(page.alert(), /This link to a page of the history is not valid/);
      assert.equal(page.link('Show the first page'), list(filters));
      assert.equal(page.valueOf('#history-currency'), 'EUR');
      assert.equal(page.one('#history-lines-table'), null);
    }
  });
});

describe('filters', () => {
  test('currency, brand and operation type, alone and together', async () => {
    const { user, browser } = await signIn(h);
    const who = callerOf(user);
    const visa = await makeOrder(h, who, { at: at('2026-01-05T09:00:00Z'), amount: 1_000, orderId: 'F-VISA-EUR' });
    await maintain(h, who, visa, at('2026-01-05T10:00:00Z'), 'RFD', 400);
    await makeOrder(h, who, {
      at: at('2026-01-05T11:00:00Z'),
      amount: 2_000,
      orderId: 'F-MC-USD',
      brand: 'MasterCard',
      currency: 'USD',
    });
    const auth = await makeOrder(h, who, {
      at: at('2026-01-05T12:00:00Z'),
      amount: 3_000,
      orderId: 'F-MC-RES',
      brand: 'MasterCard',
      operation: 'RES',
    });
    await maintain(h, who, auth, at('2026-01-05T13:00:00Z'), 'DES', 3_000);
    const day = { from: '2026-01-05', to: '2026-01-05' };
    const shown = async (query: Record<string, string>) => {
      const response = await browser.get(list({ ...day, ...query }));
      assert.equal(response.status, 200);
      return lineRows(browser.page)
        .filter((row) => row.length === 8)
        .map((row) => `${row[2]} ${row[3]}`);
    };
    assert.deepEqual(await shown({ currency: 'USD' }), ['F-MC-USD Sale (SAL)']);
    assert.deepEqual(await shown({ brand: 'MasterCard' }), [
      'F-MC-USD Sale (SAL)',
      'F-MC-RES Authorisation (RES)',
      'F-MC-RES Last authorisation deletion (DES)',
    ]);
    assert.deepEqual(await shown({ kind: 'refunds' }), ['F-VISA-EUR Partial refund (RFD)']);
    assert.deepEqual(totalsRows(browser.page)[0], ['Mon, 05/01/2026', 'EUR', '€0.00', '€4.00', '-€4.00']);
    assert.deepEqual(await shown({ kind: 'payments' }), ['F-VISA-EUR Sale (SAL)', 'F-MC-USD Sale (SAL)']);
    assert.deepEqual(await shown({ kind: 'deletions' }), ['F-MC-RES Last authorisation deletion (DES)']);
    assert.deepEqual(await shown({ kind: 'authorisations', brand: 'MasterCard' }), ['F-MC-RES Authorisation (RES)']);
    assert.deepEqual(await shown({ kind: 'payments', brand: 'MasterCard', currency: 'EUR' }), []);
    assert.equal(browser.page.textOf(browser.page.one('[role=status]')), 'There are no operations in these days.');
    assert.equal(browser.page.valueOf('#history-brand'), 'MasterCard');
    assert.equal(browser.page.valueOf('#history-kind'), 'payments');
  });

  test('bad input: a clear message beside the field (422), what was typed kept, nothing listed', async () => {
    const { browser } = await signIn(h);
    const cases: [Record<string, string>, string, string][] = [
      [{ from: '2026-02-31', to: '2026-03-01' }, 'history-from', 'Enter the first day as a date, for example 2026-03-01.'],
      [{ from: '01/03/2026', to: '2026-03-01' }, 'history-from', 'Enter the first day as a date, for example 2026-03-01.'],
      [{ from: '2026-03-10', to: '2026-03-01' }, 'history-to', 'Enter a last day that is on or after the first day.'],
      [{ from: '2026-01-01', to: '2026-04-03' }, 'history-to', 'Choose a range of at most 92 days.'],
      [{ from: '2026-03-01', to: '' }, 'history-to', 'Enter the last day of the range.'],
      [{ from: '', to: '2026-03-01' }, 'history-from', 'Enter the first day of the range.'],
      [{ from: '2026-03-01', to: '2026-03-02', currency: 'XXX' }, 'history-currency', 'Choose a currency from the list.'],
      [{ from: '2026-03-01', to: '2026-03-02', brand: 'Bogus' }, 'history-brand', 'Choose a brand from the list.'],
      [{ from: '2026-03-01', to: '2026-03-02', kind: 'all' }, 'history-kind', 'Choose an operation type from the list.'],
    ];
    for (const [query, field, text] of cases) {
      const response = await browser.get(list(query));
      assert.equal(response.status, 422, JSON.stringify(query));
      const { page } = browser;
      assert.equal(page.fieldError(field), text);
      assert.ok(
        page.errorSummary().some((line) => line.href === `#${field}` && line.text.endsWith(text)),
        'in the summary',
      );
      assert.equal(page.title(), 'Error: Financial history – Guichet');
      assert.equal(page.valueOf('#history-from'), query.from);
      assert.equal(page.one('#history-lines-table'), null);
    }
    // A range from 1999 is outside the dates a date field accepts.
    const old = await browser.get(list({ from: '1999-12-31', to: '2000-01-02' }));
    assert.equal(old.status, 422);
    assert.match(browser.page.fieldError('history-from') ?? '', /2000-01-01/);
  });
});

describe('who sees what', () => {
  test('a user whose scope is limited to their own transactions sees only operations on orders they made, and totals of them', async () => {
    const admin = await createAccount(h.db);
    const { user: limited, browser } = await signIn(h, { account: admin, userid: 'own.only', profile: 'encoder' });
    await h.db.update(users).set({ scopeOwnOnly: true }).where(eq(users.id, limited.id));
    const mine = await makeOrder(h, callerOf(limited), { at: at('2026-02-10T09:00:00Z'), amount: 1_000, orderId: 'MINE' });
    const theirs = await makeOrder(h, callerOf(admin), { at: at('2026-02-10T10:00:00Z'), amount: 5_000, orderId: 'THEIRS' });
    // The administrator refunds the limited user's order: an operation on an order the limited user made.
    await maintain(h, callerOf(admin), mine, at('2026-02-10T11:00:00Z'), 'RFD', 250);
    await maintain(h, callerOf(admin), theirs, at('2026-02-10T12:00:00Z'), 'RFD', 500);
    await browser.get(list({ from: '2026-02-10', to: '2026-02-10' }));
    assert.deepEqual(lineOrderIds(browser.page), ['MINE', 'MINE']);
    assert.deepEqual(totalsRows(browser.page)[0], ['Tue, 10/02/2026', 'EUR', '€10.00', '€2.50', '€7.50']);
    const { browser: full } = await signIn(h, { account: admin, userid: 'full.view', profile: 'viewer' });
    await full.get(list({ from: '2026-02-10', to: '2026-02-10' }));
    assert.deepEqual(lineOrderIds(full.page), ['MINE', 'THEIRS', 'MINE', 'THEIRS']);
  });

  test('every profile reads it and finds it under Operations; a visitor is sent to the login', async () => {
    const admin = await createAccount(h.db);
    for (const profile of PROFILES) {
      const { browser } = await signIn(h, { account: admin, userid: `fh.${profile}`.slice(0, 20), profile });
      const response = await browser.get(list());
      assert.equal(response.status, 200, profile);
      const menu = browser.page.one('nav[aria-label="Main menu"]');
      const link = [...(menu?.querySelectorAll('a') ?? [])].find((a) => browser.page.textOf(a) === 'Financial history');
      assert.equal(link?.getAttribute('href'), '/test/operations/financial-history', profile);
      assert.equal(link?.getAttribute('aria-current'), 'page');
    }
    const visitor = new TestBrowser(h.app);
    const response = await visitor.send(list(), { method: 'GET' });
    assert.equal(response.status, 303);
    assert.match(response.headers.get('Location') ?? '', /^\/test\/login/);
  });

  test('htmx asks for the page like any GET: the same page, never a change', async () => {
    const { browser } = await signIn(h);
    const response = await browser.get(list({ from: '2026-03-01', to: '2026-03-02' }), {
      'HX-Request': 'true',
      'HX-Boosted': 'true',
    });
    assert.equal(response.status, 200);
    assert.equal(browser.page.h1(), 'Financial history');
  });
});
