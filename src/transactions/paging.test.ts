import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { paths } from '../paths.ts';
import type { TestBrowser } from '../test/browser.ts';
import { createHarness, signIn } from '../test/harness.ts';
import type { SeedOrder } from './test-fixtures.ts';
import { listedOrderIds, seedOrders } from './test-fixtures.ts';

/** PRODUCT.md N1: results paged by key, forward and back, without gaps or repeats. */
const h = await createHarness();

/** Follows "Next page" (or "Previous page") from the page shown until there is none; the ORDERIDs of each page. */
async function follow(browser: TestBrowser, label: 'Next page' | 'Previous page'): Promise<string[][]> {
  const pages: string[][] = [];
  for (let guard = 0; guard < 20; guard += 1) {
    const href = browser.page.link(label);
    if (!href) return pages;
    const response = await browser.get(href);
    assert.equal(response.status, 200);
    pages.push(listedOrderIds(browser.page));
  }
  throw new Error('paging did not end');
}

describe('View transactions (N1): paging by key', () => {
  test('120 orders, many at the same moment and of the same amount: forward and back, each order once, in order', async () => {
    const { user, browser } = await signIn(h);
    const base = Date.parse('2026-02-01T00:00:00Z');
    const list: SeedOrder[] = Array.from({ length: 120 }, (_, n) => ({
      orderId: `P${String(n).padStart(3, '0')}`,
      // Ten orders share each moment, and amounts repeat: the PAYID settles every tie.
      orderedAt: new Date(base + Math.floor(n / 10) * 60_000),
      amount: 100 * (n % 7),
    }));
    const payIds = await seedOrders(h.db, user.accountId, list);
    const byPayId = new Map(list.map((o, i) => [o.orderId, payIds[i] ?? 0]));

    for (const sort of ['date_desc', 'date_asc', 'amount_desc', 'amount_asc'] as const) {
      const expected = [...list]
        .sort((a, b) => {
          const key = sort.startsWith('amount')
            ? (a.amount ?? 0) - (b.amount ?? 0)
            : a.orderedAt.getTime() - b.orderedAt.getTime();
          const tie = (byPayId.get(a.orderId) ?? 0) - (byPayId.get(b.orderId) ?? 0);
          return sort.endsWith('asc') ? key || tie : -key || -tie;
        })
        .map((o) => o.orderId);
      const first = await browser.get(paths.transactions.list('test', { sort }));
      assert.equal(first.status, 200);
      assert.ok(browser.page.text().includes('120 orders match your search.'));
      assert.equal(browser.page.link('Previous page'), undefined, 'the first page has nothing before it');
      const pages = [listedOrderIds(browser.page), ...(await follow(browser, 'Next page'))];
      assert.deepEqual(
        pages.map((p) => p.length),
        [50, 50, 20],
        sort,
      );
      assert.deepEqual(pages.flat(), expected, `${sort}: forward, no gap, no repeat`);
      assert.equal(browser.page.link('Next page'), undefined);
      const back = await follow(browser, 'Previous page');
      assert.deepEqual(back, [pages[1], pages[0]], `${sort}: back, the same pages`);
      assert.equal(browser.page.link('Previous page'), undefined, 'back on the first page');
    }
  });

  test('paging keeps the filters, and the cursor is opaque', async () => {
    const { user, browser } = await signIn(h);
    await seedOrders(
      h.db,
      user.accountId,
      Array.from({ length: 60 }, (_, n) => ({
        orderId: `F${n}`,
        orderedAt: new Date(Date.parse('2026-02-01T00:00:00Z') + n * 1000),
        status: n % 2 === 0 ? 9 : 5,
      })),
    );
    await browser.get(paths.transactions.list('test', { status: 'captured' }));
    assert.ok(browser.page.text().includes('30 orders match your search.'));
    const next = browser.page.link('Next page');
    assert.equal(next, undefined, '30 orders fit on one page');
    await browser.get(paths.transactions.list('test', {}));
    const href = browser.page.link('Next page') ?? '';
    const params = new URL(href, 'http://x').searchParams;
    assert.ok(!(params.get('after') ?? '').includes('2026'), 'the cursor does not show its key');
    await browser.get(href);
    assert.equal(listedOrderIds(browser.page).length, 10);
    assert.equal(browser.page.link('First page of the results'), paths.transactions.list('test'));
  });
});

describe('View transactions (N1): the count is bounded', () => {
  test('beyond 10,000 orders the page says "more than 10,000"', async () => {
    const { user } = await signIn(h);
    const { db } = h;
    const { sql } = await import('drizzle-orm');
    await db.execute(sql`
      insert into orders (account_id, order_id, operation, amount, currency, status, source, ordered_at)
      select ${user.accountId}::uuid, 'BULK' || n, 'RES', 100, 'EUR', 5, 'directlink', timestamptz '2026-01-01T00:00:00Z' + n * interval '1 second'
      from generate_series(1, 10001) as n`);
    const browser = (await signIn(h, { account: { accountId: user.accountId, pspid: user.pspid }, userid: 'counter' })).browser;
    await browser.get(paths.transactions.list('test'));
    assert.ok(browser.page.text().includes('More than 10,000 orders match your search.'));
    assert.equal(listedOrderIds(browser.page).length, 50);
  });
});
