import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { transactionErrors } from '../db/schema/transaction-errors.ts';
import { processDueOperations } from '../payments/offline.ts';
import { createHarness } from '../test/harness.ts';
import { directLinkFixtures } from './test-fixtures.ts';

const h = await createHarness();
const { merchant, signedBody, order, post } = directLinkFixtures(h);

/** A request of `file` for the merchant's API user, signed. */
function request(pspid: string, fields: Record<string, string>) {
  return signedBody({ PSPID: pspid, USERID: 'API', PSWD: 'api password 1234', ...fields }, 'iso-8859-1');
}

async function newOrder(pspid: string, operation: 'RES' | 'SAL', amount = '10000') {
  const { reply } = await post(signedBody(order(pspid, { OPERATION: operation, AMOUNT: amount }), 'iso-8859-1'));
  assert.equal(reply.NCERROR, '0', reply.NCERRORPLUS);
  return { payId: reply.PAYID ?? '', orderId: reply.orderID ?? '' };
}

const maintain = (pspid: string, fields: Record<string, string>) =>
  post(request(pspid, fields), { file: 'maintenancedirect.asp' });
const query = (pspid: string, fields: Record<string, string>) => post(request(pspid, fields), { file: 'querydirect.asp' });

describe('maintenancedirect.asp and querydirect.asp (reference §3)', () => {
  test('capture SAL then SAS, refund RFD then RFS: each a PAYIDSUB with its pending status; the offline job makes it final', async () => {
    const shop = await merchant();
    const { payId, orderId } = await newOrder(shop.pspid, 'RES');
    const partial = await maintain(shop.pspid, { PAYID: payId, OPERATION: 'SAL', AMOUNT: '4000' });
    assert.deepEqual(
      [partial.reply.NCERROR, partial.reply.PAYID, partial.reply.PAYIDSUB, partial.reply.STATUS, partial.reply.amount],
      ['0', payId, '1', '91', '40'],
    );
    // By ORDERID, without an amount: the rest, closing captures.
    const rest = await maintain(shop.pspid, { ORDERID: orderId, OPERATION: 'SAS' });
    assert.deepEqual([rest.reply.PAYIDSUB, rest.reply.STATUS, rest.reply.amount], ['2', '91', '60']);
    const over = await maintain(shop.pspid, { PAYID: payId, OPERATION: 'SAL', AMOUNT: '1' });
    assert.equal(over.reply.NCERROR, '50001098');

    h.clock.advance(60_000);
    await processDueOperations(
      { db: h.db, acquirers: h.acquirers, offlineDelaySeconds: { test: 10, prod: 900 }, secretKey: h.secretKey },
      h.clock.now(),
    );
    const captured = await query(shop.pspid, { PAYID: payId });
    assert.deepEqual([captured.reply.STATUS, captured.reply.PAYIDSUB, captured.reply.amount], ['9', '2', '60']);
    assert.equal(captured.reply.CARDNO, '411111XXXXXX1111');
    const first = await query(shop.pspid, { PAYID: payId, PAYIDSUB: '0' });
    assert.deepEqual([first.reply.STATUS, first.reply.amount], ['5', '100']);

    const refund = await maintain(shop.pspid, { PAYID: payId, OPERATION: 'RFD', AMOUNT: '2500' });
    assert.deepEqual([refund.reply.STATUS, refund.reply.PAYIDSUB], ['81', '3']);
    const overflow = await maintain(shop.pspid, { PAYID: payId, OPERATION: 'RFS', AMOUNT: '7501' });
    assert.equal(overflow.reply.NCERROR, '50001129');
    assert.equal(overflow.reply.NCERRORPLUS, 'Overflow in refunds requests');
    const last = await maintain(shop.pspid, { PAYID: payId, OPERATION: 'RFS', AMOUNT: '7500' });
    assert.equal(last.reply.STATUS, '81');
    const closed = await maintain(shop.pspid, { PAYID: payId, OPERATION: 'RFD', AMOUNT: '1' });
    assert.equal(closed.reply.NCERROR, '50001127');
  });

  test('a sale is refunded at once; deleting an authorisation (DES) and renewing (REN) follow the status graph', async () => {
    const shop = await merchant();
    const sale = await newOrder(shop.pspid, 'SAL', '2000');
    assert.equal((await maintain(shop.pspid, { PAYID: sale.payId, OPERATION: 'RFS' })).reply.STATUS, '81');

    const authorised = await newOrder(shop.pspid, 'RES', '3000');
    assert.equal((await maintain(shop.pspid, { PAYID: authorised.payId, OPERATION: 'REN' })).reply.STATUS, '5');
    assert.equal((await maintain(shop.pspid, { PAYID: authorised.payId, OPERATION: 'DES' })).reply.STATUS, '61');
    assert.equal(
      (await maintain(shop.pspid, { PAYID: authorised.payId, OPERATION: 'SAL', AMOUNT: '100' })).reply.NCERROR,
      '50001127',
    );
  });

  test('the acquirer decides: a refund it refuses is 83 and gives the amount back; uncertain orders (52) are resolved later', async () => {
    const shop = await merchant();
    const refusesRefunds = await post(
      signedBody(order(shop.pspid, { CARDNO: '4000000000000838', OPERATION: 'SAL' }), 'iso-8859-1'),
    );
    assert.equal(refusesRefunds.reply.STATUS, '9');
    const payId = refusesRefunds.reply.PAYID ?? '';
    assert.equal((await maintain(shop.pspid, { PAYID: payId, OPERATION: 'RFS', AMOUNT: '1500' })).reply.STATUS, '81');
    const later = await post(signedBody(order(shop.pspid, { CARDNO: '4000000000000200', OPERATION: 'SAL' }), 'iso-8859-1'));
    const refusedLater = await post(
      signedBody(order(shop.pspid, { CARDNO: '4000000000000218', OPERATION: 'RES' }), 'iso-8859-1'),
    );
    assert.deepEqual([later.reply.STATUS, later.reply.NCERROR, refusedLater.reply.STATUS], ['52', '20001001', '52']);
    assert.equal(
      (await maintain(shop.pspid, { PAYID: later.reply.PAYID ?? '', OPERATION: 'RFD', AMOUNT: '1' })).reply.NCERROR,
      '50001127',
    );

    h.clock.advance(60_000);
    await processDueOperations(
      { db: h.db, acquirers: h.acquirers, offlineDelaySeconds: { test: 10, prod: 900 }, secretKey: h.secretKey },
      h.clock.now(),
    );
    const refused = await query(shop.pspid, { PAYID: payId });
    assert.deepEqual([refused.reply.STATUS, refused.reply.NCERROR], ['83', '30001001']);
    // The refused refund gave its amount back and reopened refunds: another one can be asked.
    assert.equal((await maintain(shop.pspid, { PAYID: payId, OPERATION: 'RFD', AMOUNT: '1500' })).reply.STATUS, '81');
    const resolved = await query(shop.pspid, { PAYID: later.reply.PAYID ?? '' });
    assert.equal(resolved.reply.STATUS, '9');
    assert.ok(resolved.reply.ACCEPTANCE);
    assert.equal(
      (await maintain(shop.pspid, { PAYID: later.reply.PAYID ?? '', OPERATION: 'RFD', AMOUNT: '500' })).reply.STATUS,
      '81',
    );
    assert.equal((await query(shop.pspid, { PAYID: refusedLater.reply.PAYID ?? '' })).reply.STATUS, '2');
  });

  test('unknown orders, another account’s order, bad operations and amounts each answer their code', async () => {
    const shop = await merchant();
    const stranger = await merchant();
    const { payId } = await newOrder(shop.pspid, 'RES');
    assert.equal((await maintain(stranger.pspid, { PAYID: payId, OPERATION: 'SAS' })).reply.NCERROR, '50001130');
    assert.equal((await maintain(shop.pspid, { PAYID: '1', OPERATION: 'SAS' })).reply.NCERROR, '50001130');
    // PAYID and ORDERID of two different orders: refused, nothing captured.
    const other = await newOrder(shop.pspid, 'RES');
    assert.equal(
      (await maintain(shop.pspid, { PAYID: payId, ORDERID: other.orderId, OPERATION: 'SAS' })).reply.NCERROR,
      '50001130',
    );
    assert.equal((await query(shop.pspid, { PAYID: payId })).reply.STATUS, '5');
    assert.equal((await maintain(shop.pspid, { PAYID: '', OPERATION: 'SAS' })).reply.NCERROR, '50001111');
    assert.equal((await maintain(shop.pspid, { PAYID: payId, OPERATION: 'XYZ' })).reply.NCERROR, '50001046');
    assert.equal((await maintain(shop.pspid, { PAYID: payId, OPERATION: 'SAL', AMOUNT: '12.5' })).reply.NCERROR, '50001006');
    const unknown = await query(shop.pspid, { ORDERID: 'no such order' });
    assert.equal(unknown.reply.STATUS, '88');
    assert.equal((await query(stranger.pspid, { PAYID: payId })).reply.STATUS, '88');
  });

  test('a query is in the error log only when it failed (88), not because the order it reads was refused', async () => {
    const shop = await merchant();
    const { reply } = await post(signedBody(order(shop.pspid, { CARDNO: '4000000000000051' }), 'iso-8859-1'));
    assert.equal(reply.STATUS, '2');
    const logged = () => h.db.select().from(transactionErrors).where(eq(transactionErrors.accountId, shop.accountId));
    assert.equal((await logged()).length, 1, 'the refused order');
    for (let i = 0; i < 3; i += 1) {
      const read = await query(shop.pspid, { PAYID: reply.PAYID ?? '' });
      assert.deepEqual([read.reply.STATUS, read.reply.NCERROR], ['2', '30051001']);
    }
    assert.equal((await logged()).length, 1, 'reading it three times adds nothing');
    assert.equal((await query(shop.pspid, { ORDERID: 'no such order' })).reply.STATUS, '88');
    assert.deepEqual(
      (await logged()).map((entry) => entry.ncError).sort(),
      ['30051001', '50001130'],
      'a failed query is a refused request',
    );
  });
});
