import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { and, asc, eq } from 'drizzle-orm';
import { auditLog } from '../db/schema/audit.ts';
import { orderOperations, orders } from '../db/schema/payments.ts';
import { manualClock } from '../lib/clock.ts';
import { createTestDatabase } from '../test/database.ts';
import { createAccount } from '../test/harness.ts';
import type { PaymentCaller } from './maintenance.ts';
import { requestMaintenance } from './maintenance.ts';
import { NCERROR } from './ncerror.ts';
import { recordNewOrder } from './new-order.ts';
import type { NewOrderOperation } from './transitions.ts';
import { acceptedStatus } from './transitions.ts';

const database = await createTestDatabase();
after(() => database.close());
const ctx = { db: database.db, clock: manualClock() };

async function caller(): Promise<PaymentCaller> {
  const user = await createAccount(database.db);
  return { accountId: user.accountId, userId: user.id, userid: user.userid, ip: '192.0.2.7' };
}

let orderCounter = 0;
async function accepted(who: PaymentCaller, operation: NewOrderOperation, amount: number): Promise<number> {
  orderCounter += 1;
  const recorded = await recordNewOrder(ctx, who, {
    orderId: `order-${orderCounter}`,
    operation,
    amount,
    currency: 'EUR',
    outcome: { accepted: true, status: acceptedStatus(operation), ncError: NCERROR.ok, acceptance: 'TEST01' },
    card: { brand: 'VISA', masked: '411111XXXXXX1111', expiry: '1230' },
    source: 'directlink',
  });
  assert.ok(recorded.created);
  return recorded.payId;
}

async function storedOrder(who: PaymentCaller, payId: number) {
  const [order] = await database.db
    .select()
    .from(orders)
    .where(and(eq(orders.accountId, who.accountId), eq(orders.payId, payId)));
  assert.ok(order);
  return order;
}

describe('new orders', () => {
  test('PAYIDs are platform-wide numbers; an ORDERID already used is not paid again, the original is named', async () => {
    const who = await caller();
    const other = await caller();
    const first = await accepted(who, 'SAL', 1500);
    const second = await accepted(other, 'RES', 1500);
    assert.ok(first >= 3_000_000_001 && second > first);
    const again = await recordNewOrder(ctx, who, {
      orderId: `order-${orderCounter - 1}`,
      operation: 'SAL',
      amount: 99,
      currency: 'EUR',
      outcome: { accepted: true, status: 9, ncError: NCERROR.ok, acceptance: 'OTHER1' },
      source: 'directlink',
    });
    assert.deepEqual(again, { created: false, original: { payId: first, status: 9, acceptance: 'TEST01' } });
    const history = await database.db.select().from(orderOperations).where(eq(orderOperations.payId, first));
    assert.deepEqual(
      history.map((row) => [row.payIdSub, row.operation, row.amount, row.status]),
      [[0, 'SAL', 1500, 9]],
    );
  });
});

describe('maintenance', () => {
  test('each accepted request is a history row with the next PAYIDSUB and the pending status; refusals change nothing', async () => {
    const who = await caller();
    const payId = await accepted(who, 'RES', 10_000);
    const capture = await requestMaintenance(ctx, who, { order: { payId }, operation: 'SAL', amount: 4_000 });
    assert.deepEqual(capture, {
      ok: true,
      payId,
      payIdSub: 1,
      orderId: `order-${orderCounter}`,
      status: 91,
      amount: 4_000,
      currency: 'EUR',
    });
    const over = await requestMaintenance(ctx, who, { order: { payId }, operation: 'SAS', amount: 6_001 });
    assert.equal(over.ok ? 'accepted' : over.ncError, NCERROR.captureOverflow);
    const byOrderId = await requestMaintenance(ctx, who, { order: { orderId: `order-${orderCounter}` }, operation: 'SAS' });
    assert.ok(byOrderId.ok);
    assert.equal(byOrderId.payIdSub, 2);
    assert.equal(byOrderId.amount, 6_000, 'without an amount: what was left');
    const history = await database.db
      .select()
      .from(orderOperations)
      .where(and(eq(orderOperations.accountId, who.accountId), eq(orderOperations.payId, payId)))
      .orderBy(asc(orderOperations.payIdSub));
    assert.deepEqual(
      history.map((row) => [row.payIdSub, row.operation, row.amount, row.status]),
      [
        [0, 'RES', 10_000, 5],
        [1, 'SAL', 4_000, 91],
        [2, 'SAS', 6_000, 91],
      ],
    );
    const order = await storedOrder(who, payId);
    assert.equal(order.capturedAmount, 10_000);
    assert.equal(order.captureClosed, true);
    const audited = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.accountId, who.accountId), eq(auditLog.eventType, 'payment.maintenance')))
      .orderBy(asc(auditLog.id));
    assert.deepEqual(
      audited.map((entry) => [entry.success, entry.object, entry.details.operation]),
      [
        [true, `order:${payId}`, 'SAL'],
        [false, `order:${payId}`, 'SAS'],
        [true, `order:${payId}`, 'SAS'],
      ],
    );
  });

  test('an order of another account, or none, is not found', async () => {
    const who = await caller();
    const stranger = await caller();
    const payId = await accepted(who, 'SAL', 1_000);
    for (const order of [{ payId }, { payId: 1 }, { orderId: 'nowhere' }]) {
      const answer = await requestMaintenance(ctx, stranger, { order, operation: 'RFD', amount: 1 });
      assert.equal(answer.ok ? 'accepted' : answer.ncError, NCERROR.originalOrderError);
    }
    assert.equal((await storedOrder(who, payId)).refundedAmount, 0);
  });

  test('20 concurrent refunds on one captured order never refund more than was captured', async () => {
    const who = await caller();
    const payId = await accepted(who, 'SAL', 10_000);
    // 20 requests of 700: at most 14 fit in 10,000 (9,800); the 15th and later overflow.
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => requestMaintenance(ctx, who, { order: { payId }, operation: 'RFD', amount: 700 })),
    );
    const accepted_ = answers.filter((answer) => answer.ok);
    const refused = answers.filter((answer) => !answer.ok);
    assert.equal(accepted_.length, 14);
    assert.ok(refused.every((answer) => !answer.ok && answer.ncError === NCERROR.refundOverflow));
    const order = await storedOrder(who, payId);
    assert.equal(order.refundedAmount, 9_800);
    const subs = accepted_.map((answer) => (answer.ok ? answer.payIdSub : 0)).sort((a, b) => a - b);
    assert.deepEqual(
      subs,
      Array.from({ length: 14 }, (_, i) => i + 1),
      'each PAYIDSUB once',
    );
  });
});
