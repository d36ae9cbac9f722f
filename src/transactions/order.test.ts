import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { users } from '../db/schema/users.ts';
import { directLinkFixtures } from '../directlink/test-fixtures.ts';
import { FORM, payment, terminalShop } from '../e-terminal/test-fixtures.ts';
import { paths } from '../paths.ts';
import { requestMaintenance } from '../payments/maintenance.ts';
import type { TestBrowser } from '../test/browser.ts';
import { createAccount, createHarness, signIn } from '../test/harness.ts';
import { listedOrderIds, seedOrders } from './test-fixtures.ts';

/** PRODUCT.md N2: an order's detail and history; who may see which orders (N1, N2). */
const h = await createHarness();
const directLink = directLinkFixtures(h);

/** Pays through the e-Terminal's form; the new order's PAYID. */
async function pay(browser: TestBrowser, fields: Record<string, string>): Promise<number> {
  const response = await browser.post(FORM, payment(fields));
  assert.equal(response.status, 303);
  return Number((response.headers.get('Location') ?? '').split('/').at(-1));
}

/** The detail page's terms and values, section by section. */
function fields(browser: TestBrowser, section: string): Record<string, string> {
  const region = browser.page.all('main section.card').find((s) => browser.page.textOf(s.querySelector('h2')) === section);
  assert.ok(region, section);
  const entries: Record<string, string> = {};
  let term = '';
  for (const item of region.querySelector('dl')?.children ?? []) {
    if (item.tagName === 'DT') term = browser.page.textOf(item);
    else entries[term] = browser.page.textOf(item);
  }
  return entries;
}

describe('Order detail (N2)', () => {
  test('a payment made in the e-Terminal: found by the search, every field shown, the card masked, its whole history', async () => {
    const { admin, user, browser } = await terminalShop(h, { userid: 'encoder.one' });
    h.clock.set(new Date('2026-03-01T09:00:00Z'));
    const payId = await pay(browser, { orderId: 'PHONE-42', amount: '15.00', cardHolder: 'Rémy Fröåïør' });
    await requestMaintenance(
      { db: h.db, clock: h.clock },
      { accountId: admin.accountId, userId: user.id, userid: user.userid, ip: null },
      { order: { payId }, operation: 'SAL', amount: 500 },
    );

    await browser.get(paths.transactions.list('test', { orderId: 'PHONE-42' }));
    assert.deepEqual(listedOrderIds(browser.page), ['PHONE-42']);
    const href = browser.page.link(String(payId));
    assert.equal(href, paths.transactions.order('test', payId));
    const response = await browser.get(href ?? '');
    assert.equal(response.status, 200);
    const html = await response.clone().text();
    assert.ok(!html.includes('4111111111111111') && !html.includes('4111 1111 1111 1111'), 'never the card number');
    const { page } = browser;
    assert.equal(page.h1(), 'Order PHONE-42');
    assert.equal(page.title(), 'Order PHONE-42 – Guichet');
    const order = fields(browser, 'Order');
    assert.equal(order.PAYID, String(payId));
    assert.equal(order['Order reference (ORDERID)'], 'PHONE-42');
    assert.equal(order.Status, '91 – Payment processing');
    assert.equal(order['Authorisation code (ACCEPTANCE)'], 'test123');
    assert.equal(order.Operation, 'RES');
    assert.equal(order.Source, 'e-Terminal');
    assert.equal(order['User (USERID)'], 'encoder.one');
    assert.equal(order['Order date'], '01/03/2026 10:00 CET');
    assert.equal(order.ECI, '1');
    assert.equal(order['Description (COM)'], 'Telephone order');
    assert.deepEqual(fields(browser, 'Amounts'), {
      'Amount of the order': '€15.00',
      Authorised: '€15.00',
      'Captured (pending included)': '€5.00',
      'Refunded (pending included)': '€0.00',
    });
    assert.deepEqual(fields(browser, 'Card'), {
      Brand: 'VISA',
      'Card number (masked)': '411111XXXXXX1111',
      'Expiry date (MMYY)': '1230',
      'Card holder': 'Rémy Fröåïør',
    });
    assert.equal(fields(browser, 'Customer')['E-mail'], 'customer@example.com');
    const history = page.table('main table');
    assert.deepEqual(history[0], [
      'PAYID/PAYIDSUB',
      'Operation',
      'Amount',
      'Status',
      'NCERROR',
      'User',
      'Requested',
      'Processed',
    ]);
    assert.deepEqual(history[1]?.slice(0, 7), [
      `${payId}/0`,
      'RES',
      '€15.00',
      '5 – Authorised',
      '0',
      'encoder.one',
      '01/03/2026 10:00 CET',
    ]);
    assert.deepEqual(history[2], [
      `${payId}/1`,
      'SAL',
      '€5.00',
      '91 – Payment processing',
      '0',
      'encoder.one',
      '01/03/2026 10:00 CET',
      'Not yet',
    ]);
    assert.equal(page.link('Back to the search'), paths.transactions.list('test'));
  });

  test('a payment made through DirectLink: found by source and PAYID, made by the API user, a sale captured at once', async () => {
    const shop = await directLink.merchant();
    const reply = await directLink.post(
      directLink.signedBody(
        directLink.order(shop.pspid, { ORDERID: 'DL-SALE-7', OPERATION: 'SAL', AMOUNT: '2599', CN: 'Dee Link' }),
        'utf-8',
      ),
    );
    assert.equal(reply.reply.STATUS, '9');
    const payId = Number(reply.reply.PAYID);
    const { browser } = await signIn(h, { account: shop, userid: 'dl.viewer', profile: 'viewer' });
    await browser.get(paths.transactions.list('test', { source: 'directlink', payId: String(payId) }));
    assert.deepEqual(listedOrderIds(browser.page), ['DL-SALE-7']);
    await browser.get(paths.transactions.list('test', { source: 'eterminal' }));
    assert.deepEqual(listedOrderIds(browser.page), []);
    await browser.get(paths.transactions.list('test', { status: 'captured', cardHolder: 'dee' }));
    assert.deepEqual(listedOrderIds(browser.page), ['DL-SALE-7']);
    await browser.get(paths.transactions.order('test', payId));
    const order = fields(browser, 'Order');
    assert.equal(order.Source, 'DirectLink');
    assert.equal(order['User (USERID)'], 'API');
    assert.equal(order.Status, '9 – Payment requested');
    assert.equal(fields(browser, 'Amounts')['Amount of the order'], '€25.99');
    assert.equal(browser.page.table('main table')[1]?.[1], 'SAL');
  });

  test('in French', async () => {
    const { user, browser } = await signIn(h);
    const [payId] = await seedOrders(h.db, user.accountId, [{ orderId: 'FR-1', orderedAt: new Date('2026-02-01T10:00:00Z') }]);
    await h.db.update(users).set({ language: 'fr' }).where(eq(users.id, user.id));
    await browser.get(paths.transactions.list('test'));
    assert.equal(browser.page.h1(), 'Voir les transactions');
    assert.ok(browser.page.text().includes('1 commande correspond à votre recherche.'));
    await browser.get(paths.transactions.order('test', payId ?? 0));
    assert.equal(browser.page.h1(), 'Commande FR-1');
    assert.equal(fields(browser, 'Commande').Statut, '5 – Autorisé');
  });

  test('another account’s PAYID, or one that is not a number, is not found', async () => {
    const { browser } = await signIn(h);
    const other = await createAccount(h.db);
    const [foreign] = await seedOrders(h.db, other.accountId, [
      { orderId: 'THEIRS', orderedAt: new Date('2026-02-01T10:00:00Z') },
    ]);
    assert.equal((await browser.get(paths.transactions.order('test', foreign ?? 0))).status, 404);
    assert.equal((await browser.get(`${paths.transactions.list('test')}/12ab`)).status, 404);
    assert.equal((await browser.get(`${paths.transactions.list('test')}/99999999999999999999`)).status, 404);
  });
});

describe('Who sees which orders', () => {
  test('a user limited to their own transactions sees only the orders they made, in the list and the detail', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    const { user: limited, browser } = await signIn(h, { account: admin, userid: 'limited', profile: 'encoder' });
    await h.db.update(users).set({ scopeOwnOnly: true }).where(eq(users.id, limited.id));
    const [mine, theirs, nobody] = await seedOrders(h.db, admin.accountId, [
      { orderId: 'MINE', orderedAt: new Date('2026-02-01T10:00:00Z'), userId: limited.id },
      { orderId: 'THEIRS', orderedAt: new Date('2026-02-02T10:00:00Z'), userId: admin.id },
      { orderId: 'ECOMMERCE', orderedAt: new Date('2026-02-03T10:00:00Z'), userId: null, source: 'ecommerce' },
    ]);
    await browser.get(paths.transactions.list('test'));
    assert.deepEqual(listedOrderIds(browser.page), ['MINE']);
    assert.ok(browser.page.text().includes('Your user is limited to its own transactions'));
    await browser.get(paths.transactions.list('test', { orderId: 'THEIRS' }));
    assert.deepEqual(listedOrderIds(browser.page), []);
    assert.equal((await browser.get(paths.transactions.order('test', mine ?? 0))).status, 200);
    assert.equal((await browser.get(paths.transactions.order('test', theirs ?? 0))).status, 404);
    assert.equal((await browser.get(paths.transactions.order('test', nobody ?? 0))).status, 404);

    // The administrator, not limited, sees all three.
    const { browser: adminBrowser } = await signIn(h, { account: admin, userid: 'second.admin' });
    await adminBrowser.get(paths.transactions.list('test'));
    assert.deepEqual(listedOrderIds(adminBrowser.page), ['ECOMMERCE', 'THEIRS', 'MINE']);
  });

  test('every profile may view transactions (the menu shows it); without a session the page asks for the login', async () => {
    const admin = await createAccount(h.db, { passwordChangedAt: h.clock.now() });
    for (const profile of ['admin', 'admin_no_user_manager', 'super_encoder', 'encoder', 'viewer'] as const) {
      const { browser } = await signIn(h, { account: admin, userid: `view.${profile}`.slice(0, 20), profile });
      const response = await browser.get(paths.transactions.list('test'));
      assert.equal(response.status, 200, profile);
      assert.ok(browser.page.link('View transactions'), profile);
    }
    const anonymous = await h.app.request(paths.transactions.list('test'));
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('Location') ?? '', /\/test\/login\?next=/);
  });
});
