import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { orders } from '../db/schema/payments.ts';
import { transactionErrors } from '../db/schema/transaction-errors.ts';
import { newTransactionForm } from '../e-terminal/forms.ts';
import type { OrderField } from '../payments/order-fields.ts';
import { ORDER_FIELDS, ruleText } from '../payments/order-fields.ts';
import { createHarness } from '../test/harness.ts';
import { directLinkFixtures } from './test-fixtures.ts';

const h = await createHarness();
const { merchant, signedBody, order, post } = directLinkFixtures(h);
const shop = await merchant();

async function storedOrder(orderId: string) {
  const [row] = await h.db.select().from(orders).where(eq(orders.orderId, orderId));
  return row;
}

/** An e-mail address of exactly `length` characters. */
const emailOf = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`;

/** Each field over its limit, and malformed: the field, the value, what is wrong. */
const REFUSED: [OrderField, string, string][] = [
  ['ORDERID', 'x'.repeat(41), 'over 40'],
  ['ORDERID', 'tab\there', 'a control character'],
  ['CN', 'x'.repeat(36), 'over 35'],
  ['CN', 'x'.repeat(5000), '5000 characters'],
  ['CN', 'Jane\nDoe', 'a line break'],
  ['EMAIL', emailOf(51), 'over 50'],
  ['EMAIL', emailOf(66), '66 characters'],
  ['EMAIL', 'notanemail', 'not an address'],
  ['EMAIL', 'Jane <jane@example.com>', 'a display name'],
  ['OWNERADDRESS', 'x'.repeat(51), 'over 50'],
  ['OWNERADDRESS', '1 Main St\r\nBcc: x', 'a line break'],
  ['OWNERZIP', '1'.repeat(11), 'over 10'],
  ['OWNERZIP', '10\u007f00', 'DEL'],
  ['OWNERTOWN', 'x'.repeat(41), 'over 40'],
  ['OWNERTOWN', 'Paris\u001b', 'ESC'],
  ['OWNERCTY', 'FRANCE', 'a country name'],
  ['OWNERCTY', 'XX', 'an unassigned code'],
  ['OWNERCTY', 'F1', 'a digit'],
  ['OWNERTELNO', '1'.repeat(31), 'over 30'],
  ['OWNERTELNO', '+32\u000b2', 'a control character'],
  ['COM', 'x'.repeat(101), 'over 100'],
  ['COM', 'line\nbreak', 'a line break'],
  ['LANGUAGE', 'x'.repeat(20), '20 characters'],
  ['LANGUAGE', 'en-US', 'a dash'],
  ['LANGUAGE', 'english', 'a name'],
  ['REMOTE_ADDR', 'not-an-ip', 'not an address'],
  ['REMOTE_ADDR', '256.1.1.1', 'an IPv4 out of range'],
  ['REMOTE_ADDR', `${'0'.repeat(40)}::1`, 'over 45'],
  ['REMOTE_ADDR', 'none', 'NONE in lower case'],
  ['GLOBORDERID', 'x'.repeat(41), 'over 40'],
  ['GLOBORDERID', 'x'.repeat(100), '100 characters'],
  ['GLOBORDERID', 'a\u0001b', 'a control character'],
];

describe('orderdirect.asp: the format of each field (src/payments/order-fields.ts)', () => {
  for (const [field, value, what] of REFUSED) {
    test(`${field} ${what}: STATUS 0, 50001125 naming the field and its rule, never the value; nothing stored; in the error log`, async () => {
      const fields = field === 'ORDERID' ? order(shop.pspid, { ORDERID: value }) : order(shop.pspid, { [field]: value });
      const { status, reply, xml } = await post(signedBody(fields, 'utf-8'), { file: 'orderdirect_utf8.asp' });
      assert.equal(status, 200);
      assert.equal(reply.NCERROR, '50001125', reply.NCERRORPLUS);
      assert.equal(reply.NCSTATUS, '5');
      assert.equal(reply.STATUS, '0');
      assert.equal(reply.NCERRORPLUS, ruleText(field));
      assert.equal(reply.PAYID ?? '0', '0', 'no order');
      if (field !== 'ORDERID') {
        assert.equal(xml.includes(value), false, 'the value is not echoed');
        assert.equal(await storedOrder(String(fields.ORDERID)), undefined);
      }
      const logged = await h.db.select().from(transactionErrors).where(eq(transactionErrors.accountId, shop.accountId));
      const entry = logged.find((e) => e.reason === ruleText(field) && e.orderId === reply.orderID);
      assert.ok(entry, 'filed in the error log');
      assert.equal(entry.ncError, '50001125');
      assert.equal(entry.reason.includes(value), false);
    });
  }

  test('every field at exactly its limit is accepted and stored in full (lengths in characters, not bytes)', async () => {
    const atLimit = {
      ORDERID: 'o'.repeat(40),
      CN: 'é'.repeat(35),
      EMAIL: emailOf(50),
      OWNERADDRESS: 'a'.repeat(50),
      OWNERZIP: '1'.repeat(10),
      OWNERTOWN: 't'.repeat(40),
      OWNERCTY: 'fr',
      OWNERTELNO: '+'.padEnd(30, '3'),
      COM: 'c'.repeat(100),
      LANGUAGE: 'fr_FR',
      REMOTE_ADDR: '0000:0000:0000:0000:0000:ffff:192.168.100.228',
      GLOBORDERID: 'g'.repeat(40),
    } satisfies Record<OrderField, string>;
    assert.equal(atLimit.REMOTE_ADDR.length, ORDER_FIELDS.REMOTE_ADDR.max);
    for (const [field, value] of Object.entries(atLimit)) {
      if (field !== 'OWNERCTY' && field !== 'LANGUAGE')
        assert.equal([...value].length, ORDER_FIELDS[field as OrderField].max, field);
    }
    for (const charset of ['utf-8', 'iso-8859-1'] as const) {
      const fields = order(shop.pspid, { ...atLimit, ORDERID: `${charset.charAt(0)}${atLimit.ORDERID.slice(1)}` });
      const { reply } = await post(signedBody(fields, charset), {
        file: charset === 'utf-8' ? 'orderdirect_utf8.asp' : 'orderdirect.asp',
      });
      assert.equal(reply.NCERROR, '0', `${charset}: ${reply.NCERRORPLUS}`);
      assert.equal(reply.STATUS, '5');
      const stored = await storedOrder(String(fields.ORDERID));
      assert.equal(stored?.cardHolder, atLimit.CN);
      assert.equal(stored?.email, atLimit.EMAIL);
      assert.equal(stored?.ownerAddress, atLimit.OWNERADDRESS);
      assert.equal(stored?.ownerZip, atLimit.OWNERZIP);
      assert.equal(stored?.ownerTown, atLimit.OWNERTOWN);
      assert.equal(stored?.ownerCountry, 'FR', 'the country code upper-cased');
      assert.equal(stored?.ownerPhone, atLimit.OWNERTELNO);
      assert.equal(stored?.description, atLimit.COM);
      assert.equal(stored?.customerIp, atLimit.REMOTE_ADDR);
    }
  });

  test('REMOTE_ADDR: an IPv4 address is kept; NONE (no address to give) is accepted and keeps none', async () => {
    const v4 = order(shop.pspid, { REMOTE_ADDR: '192.0.2.10' });
    assert.equal((await post(signedBody(v4, 'iso-8859-1'))).reply.NCERROR, '0');
    assert.equal((await storedOrder(String(v4.ORDERID)))?.customerIp, '192.0.2.10');
    const none = order(shop.pspid, { REMOTE_ADDR: 'NONE' });
    assert.equal((await post(signedBody(none, 'iso-8859-1'))).reply.NCERROR, '0');
    assert.equal((await storedOrder(String(none.ORDERID)))?.customerIp, null);
  });

  test('fields sent empty are not judged; the first field breaking its rule is the one named', async () => {
    const empty = order(shop.pspid, { CN: '', EMAIL: '', OWNERCTY: '', LANGUAGE: '', REMOTE_ADDR: '' });
    assert.equal((await post(signedBody(empty, 'iso-8859-1'))).reply.NCERROR, '0');
    const two = order(shop.pspid, { COM: 'x'.repeat(101), CN: 'x'.repeat(36) });
    assert.equal((await post(signedBody(two, 'iso-8859-1'))).reply.NCERRORPLUS, 'CN: at most 35 printable characters');
  });

  test('the e-Terminal’s form takes the same limits from the same table', () => {
    const { fields } = newTransactionForm;
    assert.equal(fields.orderId.maxLength, ORDER_FIELDS.ORDERID.max);
    assert.equal(fields.cardHolder.maxLength, ORDER_FIELDS.CN.max);
    assert.equal(fields.email.maxLength, ORDER_FIELDS.EMAIL.max);
    assert.equal(fields.description.maxLength, ORDER_FIELDS.COM.max);
  });
});
