import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { rowsOf } from '../db/rows.ts';
import { transactionErrors } from '../db/schema/transaction-errors.ts';
import { openSecret } from '../lib/secret-box.ts';
import type { TestBrowser } from '../test/browser.ts';
import { createHarness } from '../test/harness.ts';
import { FORM, payment, storedOrder, terminalShop } from './test-fixtures.ts';

const h = await createHarness();
const { browser, admin } = await terminalShop(h);

/** Posts the form as a plain browser would without JavaScript... except that the answer comes in place (no Sec-Fetch-Mode). */
async function refused(fields: Record<string, string>) {
  const response = await browser.post(FORM, fields);
  assert.equal(response.status, 422);
  assert.match(browser.page.title(), /^Error: New transaction/);
  return browser.page;
}

/** The card fields are always empty after a refusal: never shown back. */
function assertCardFieldsEmpty(b: TestBrowser) {
  for (const id of ['#eterminal-card-number', '#eterminal-cvc']) {
    assert.equal(b.page.one(id)?.hasAttribute('value'), false, `${id} has no value`);
  }
}

describe('Operations > New transaction (O1): bad input', () => {
  for (const [amount, problem] of [
    [
      '15.001',
      'Enter the amount without thousands separators, with a point or a comma before the decimals, for example 1500.00.',
    ],
    ['15.5555', 'Enter EUR amounts with at most 2 decimals.'],
    ['abc', 'Enter an amount in figures, for example 15.00.'],
    ['-5', 'Enter an amount in figures, for example 15.00.'],
    ['0', 'Enter an amount greater than zero.'],
    ['', 'Enter the amount.'],
  ] as const) {
    test(`amount “${amount}”: a message beside the amount, the other values kept, never the card number or CVC`, async () => {
      const fields = payment({ amount });
      const page = await refused(fields);
      assert.equal(page.fieldError('eterminal-amount'), problem);
      assert.deepEqual(page.errorSummary(), [{ text: `Amount: ${problem}`, href: '#eterminal-amount' }]);
      assert.equal(page.valueOf('#eterminal-order-id'), fields.orderId);
      assert.equal(page.valueOf('#eterminal-amount'), amount);
      assert.equal(page.valueOf('#eterminal-card-holder'), 'Rémy Fröåïør');
      assert.equal(page.valueOf('#eterminal-expiry'), '12/30');
      assert.equal(page.valueOf('#eterminal-email'), 'customer@example.com');
      assert.equal(page.valueOf('#eterminal-description'), 'Telephone order');
      assertCardFieldsEmpty(browser);
      assert.equal(page.one('#eterminal-amount')?.getAttribute('aria-invalid'), 'true');
      assert.equal(await storedOrder(h, fields.orderId ?? ''), undefined);
    });
  }

  test('card problems go beside their fields: number (Luhn, brand, length), expiry (expired, format), CVC', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [
        { cardNumber: '4111111111111112' },
        'eterminal-card-number',
        'This card number is not valid: a digit is wrong. Check the card number.',
      ],
      [
        { cardNumber: '1111111111111111' },
        'eterminal-card-number',
        'This number belongs to no card brand. Check the card number.',
      ],
      [
        { cardNumber: '41111111111' },
        'eterminal-card-number',
        'This card number has the wrong number of digits for its brand. Check the card number.',
      ],
      [{ cardNumber: '4111-abcd' }, 'eterminal-card-number', 'Enter the card number in figures (spaces and dashes are allowed).'],
      [{ expiry: '01/26' }, 'eterminal-expiry', 'This card has expired. Check the expiry date, or ask for another card.'],
      [{ expiry: '13/30' }, 'eterminal-expiry', 'Enter the expiry date as MM/YY, for example 03/29.'],
      [{ cvc: '12' }, 'eterminal-cvc', 'Enter the card verification code: 3 digits, or 4 for American Express.'],
    ];
    const orderIds: string[] = [];
    for (const [change, id, problem] of cases) {
      const fields = payment(change);
      orderIds.push(fields.orderId ?? '');
      const page = await refused(fields);
      assert.equal(page.fieldError(id), problem, JSON.stringify(change));
      assert.equal(page.errorSummary().length, 1);
      assert.equal(page.valueOf('#eterminal-order-id'), fields.orderId);
      assertCardFieldsEmpty(browser);
      assert.equal(await storedOrder(h, fields.orderId ?? ''), undefined);
    }
    // Each went to the error log with the platform's code, and no card data.
    const logged = await h.db.select().from(transactionErrors).where(eq(transactionErrors.accountId, admin.accountId));
    assert.deepEqual(
      logged.filter((e) => orderIds.includes(e.orderId ?? '')).map((e) => e.ncError),
      ['50001002', '50001001', '50001036', '50001002', '50001005', '50001005', '50001066'],
    );
  });

  test('the CVC is optional; missing required fields are each named, the card’s with them', async () => {
    const page = await refused({
      orderId: '',
      amount: '',
      currency: 'EUR',
      operation: 'RES',
      cardNumber: '',
      expiry: '',
      cvc: '',
    });
    assert.deepEqual(
      page.errorSummary().map((e) => e.href),
      ['#eterminal-order-id', '#eterminal-amount', '#eterminal-card-number', '#eterminal-expiry'],
    );
    assert.equal(page.fieldError('eterminal-order-id'), 'Enter the order reference.');
    assert.equal(page.fieldError('eterminal-card-number'), 'Enter the card number.');
    assert.equal(page.fieldError('eterminal-expiry'), 'Enter the expiry date, as MM/YY.');
    assert.equal(page.fieldError('eterminal-cvc'), undefined);
    const fields = payment({ cvc: '' });
    assert.equal((await browser.post(FORM, fields)).status, 303);
  });

  test('an ORDERID over 40 characters, a currency the account does not take, a bad e-mail', async () => {
    let page = await refused(payment({ orderId: 'x'.repeat(41) }));
    assert.equal(page.fieldError('eterminal-order-id'), 'Enter at most 40 characters.');
    page = await refused(payment({ currency: 'USD' }));
    assert.equal(page.fieldError('eterminal-currency'), 'Choose one of your account’s currencies from the list.');
    page = await refused(payment({ email: 'not an address' }));
    assert.equal(page.fieldError('eterminal-email'), 'Enter an e-mail address like name@example.com, or leave it empty.');
    page = await refused(payment({ operation: 'RFD' }));
    assert.equal(page.fieldError('eterminal-operation'), 'Choose an authorisation or a sale.');
  });

  test('a used ORDERID: a message beside the order reference naming its PAYID, and the card is not charged again', async () => {
    const first = payment();
    assert.equal((await browser.post(FORM, first)).status, 303);
    const original = await storedOrder(h, first.orderId ?? '');
    const page = await refused(payment({ orderId: first.orderId ?? '', amount: '99.00' }));
    assert.equal(
      page.fieldError('eterminal-order-id'),
      `This order reference was already used, by the payment with PAYID ${original?.payId}. Enter another order reference.`,
    );
    assert.equal(page.valueOf('#eterminal-amount'), '99.00');
    assertCardFieldsEmpty(browser);
    assert.equal((await storedOrder(h, first.orderId ?? ''))?.amount, 1500);
  });

  test('without JavaScript: 303 to the marked form, which shows the problems and the values; the cookie keeps no card data', async () => {
    const fields = payment({ amount: 'abc', cardNumber: '374111111111111', cvc: '8642' });
    const response = await browser.post(FORM, fields, { 'Sec-Fetch-Mode': 'navigate' });
    assert.equal(response.status, 303);
    const marked = response.headers.get('Location') ?? '';
    assert.match(marked, /^\/test\/operations\/new-transaction\?failed=/);
    const sealed = decodeURIComponent(browser.cookies.get('guichet_form') ?? '');
    const kept = openSecret(h.secretKey, sealed, `form-failure:${browser.csrfToken}`);
    assert.match(kept, /"orderId"/);
    assert.equal(kept.includes('374111111111111'), false);
    assert.equal(kept.includes('8642'), false);
    assert.equal((await browser.get(marked)).status, 422);
    assert.equal(browser.page.fieldError('eterminal-amount'), 'Enter an amount in figures, for example 15.00.');
    assert.equal(browser.page.valueOf('#eterminal-order-id'), fields.orderId);
    assertCardFieldsEmpty(browser);
  });

  test('with htmx: the form’s card alone, refused in place (422), the bar told the marked address', async () => {
    const response = await browser.post(FORM, payment({ amount: '0' }), { 'HX-Request': 'true' });
    assert.equal(response.status, 422);
    assert.match(response.headers.get('Vary') ?? '', /HX-Request/);
    assert.match(response.headers.get('HX-Replace-Url') ?? '', /\?failed=/);
    assert.equal(browser.page.one('html > head > title'), null);
    assert.ok(browser.page.one('section#eterminal-payment form[hx-post]'));
    assert.equal(browser.page.fieldError('eterminal-amount'), 'Enter an amount greater than zero.');
  });

  test('no full card number or CVC in any table, nor in the log lines', async () => {
    const cards = [
      ['4111111111111111', '4111 1111 1111 1111'],
      ['374111111111111', '374111111111111'],
      ['4000000000000051', '4000000000000051'],
    ] as const;
    for (const [, typed] of cards) {
      const cvc = typed.startsWith('37') ? '8642' : '739';
      await browser.post(FORM, payment({ cardNumber: typed, cvc }));
      await browser.post(FORM, payment({ cardNumber: typed, cvc, amount: 'abc' }));
    }
    const tables = await rowsOf<{ name: string }>(
      h.db,
      sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    assert.ok(tables.some((t) => t.name === 'orders'));
    let everything = JSON.stringify(h.logLines);
    for (const { name } of tables) {
      const [dump] = await rowsOf<{ t: string }>(
        h.db,
        sql.raw(`select coalesce(string_agg(x::text, ' '), '') as t from "${name}" x`),
      );
      everything += ` ${dump?.t ?? ''}`;
    }
    assert.ok(everything.includes('411111XXXXXX1111'), 'the masked number is there');
    for (const [digits] of cards) assert.equal(everything.includes(digits), false, digits);
    // The four-digit CVC as a whole number anywhere (a three-digit one could be part of any figure).
    assert.equal(/(?<![0-9A-Za-z])8642(?![0-9A-Za-z])/.test(everything), false, 'the CVC');
  });
});
