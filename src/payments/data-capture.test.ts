import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { orders } from '../db/schema/payments.ts';
import type { DataCapture } from '../db/schema/technical.ts';
import { manualClock } from '../lib/clock.ts';
import { saveTechnicalSettings } from '../technical/settings.ts';
import { createTestDatabase } from '../test/database.ts';
import { createAccount } from '../test/harness.ts';
import { captureDueOrders } from './data-capture.ts';
import { NCERROR } from './ncerror.ts';
import { recordNewOrder } from './new-order.ts';

const database = await createTestDatabase();
after(() => database.close());
// 22:30 UTC is 23:30 at GMT+1: the platform's end of day is 30 minutes away.
const clock = manualClock(new Date('2026-07-14T22:30:00Z'));
const ctx = { db: database.db, clock };

async function authorisedOrder(dataCapture: DataCapture) {
  const user = await createAccount(database.db);
  await saveTechnicalSettings(database.db, user.accountId, { dataCapture, captureAfterDays: 2 }, clock.now());
  const who = { accountId: user.accountId, userId: user.id, userid: user.userid, ip: null };
  const recorded = await recordNewOrder(ctx, who, {
    orderId: `capture-${dataCapture}`,
    operation: 'RES',
    amount: 999,
    currency: 'EUR',
    outcome: { accepted: true, status: 5, ncError: NCERROR.ok, acceptance: 'test123' },
    source: 'directlink',
  });
  assert.ok(recorded.created);
  return async () => {
    const [order] = await database.db
      .select()
      .from(orders)
      .where(and(eq(orders.accountId, user.accountId), eq(orders.payId, recorded.payId)));
    return [order?.status, order?.capturedAmount, order?.captureClosed];
  };
}

describe('the default data capture (Technical information > Global transaction parameters)', () => {
  test('end of day after midnight GMT+1, after x days once they have passed, never by the merchant’s own setting', async () => {
    const endOfDay = await authorisedOrder('end_of_day');
    const afterDays = await authorisedOrder('after_days');
    const byMerchant = await authorisedOrder('merchant');
    assert.equal(await captureDueOrders(ctx), 0, 'nothing is due yet');
    clock.advance(31 * 60_000); // 00:01 at GMT+1
    assert.equal(await captureDueOrders(ctx), 1);
    assert.deepEqual(await endOfDay(), [91, 999, true], 'captured in full, the order closed for captures');
    assert.deepEqual(await afterDays(), [5, 0, false]);
    clock.advance(2 * 24 * 60 * 60_000);
    assert.equal(await captureDueOrders(ctx), 1);
    assert.deepEqual(await afterDays(), [91, 999, true]);
    assert.deepEqual(await byMerchant(), [5, 0, false]);
    assert.equal(await captureDueOrders(ctx), 0, 'never twice');
  });
});
