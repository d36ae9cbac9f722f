import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { simulatedAcquirers } from '../acquirer/simulated.ts';
import { openDatabase } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { orderOperations, orders } from '../db/schema/payments.ts';
import { manualClock } from '../lib/clock.ts';
import { createTestDatabase } from '../test/database.ts';
import { createAccount } from '../test/harness.ts';
import type { PaymentCaller } from './maintenance.ts';
import { requestMaintenance } from './maintenance.ts';
import { NCERROR } from './ncerror.ts';
import { recordNewOrder } from './new-order.ts';
import { processDueOperations } from './offline.ts';
import { acceptedStatus } from './transitions.ts';

const database = await createTestDatabase();
after(() => database.close());
const clock = manualClock(new Date('2026-06-01T10:00:00Z'));
const ctx = { db: database.db, clock };
const DELAYS = { test: 10, prod: 900 };
const ACQUIRERS = simulatedAcquirers(clock);
/** The offline processing's dependencies; the key opens the sealed cards of orders waiting offline (51). */
const OFFLINE = { db: database.db, acquirers: ACQUIRERS, offlineDelaySeconds: DELAYS, secretKey: randomBytes(32) };

let counter = 0;
async function sale(environment: 'test' | 'prod' = 'test'): Promise<{ who: PaymentCaller; payId: number }> {
  const user = await createAccount(database.db, { environment });
  const who = { accountId: user.accountId, userId: user.id, userid: user.userid, ip: null };
  counter += 1;
  const recorded = await recordNewOrder(ctx, who, {
    orderId: `offline-${counter}`,
    operation: 'RES',
    amount: 10_000,
    currency: 'EUR',
    outcome: { accepted: true, status: acceptedStatus('RES'), ncError: NCERROR.ok, acceptance: 'TEST01' },
    source: 'directlink',
  });
  assert.ok(recorded.created);
  return { who, payId: recorded.payId };
}

async function statuses(who: PaymentCaller, payId: number) {
  const [order] = await database.db
    .select()
    .from(orders)
    .where(and(eq(orders.accountId, who.accountId), eq(orders.payId, payId)));
  const history = await database.db
    .select()
    .from(orderOperations)
    .where(and(eq(orderOperations.accountId, who.accountId), eq(orderOperations.payId, payId)))
    .orderBy(asc(orderOperations.payIdSub));
  return { order: order?.status, paidAt: order?.paidAt, history: history.map((row) => row.status) };
}

describe('offline processing of maintenance (reference §1.3)', () => {
  test('91, 61 and 81 become 9, 6 and 8 once their environment’s delay has passed; the order follows its latest row', async () => {
    const captured = await sale();
    const deleted = await sale();
    const later = await sale('prod');
    await requestMaintenance(ctx, captured.who, { order: { payId: captured.payId }, operation: 'SAL', amount: 4_000 });
    await requestMaintenance(ctx, deleted.who, { order: { payId: deleted.payId }, operation: 'DES' });
    await requestMaintenance(ctx, later.who, { order: { payId: later.payId }, operation: 'SAS' });

    clock.advance(9_000);
    await processDueOperations(OFFLINE, clock.now());
    assert.deepEqual((await statuses(captured.who, captured.payId)).history, [5, 91], 'not before the delay');

    clock.advance(1_000);
    await processDueOperations(OFFLINE, clock.now());
    const afterCapture = await statuses(captured.who, captured.payId);
    assert.deepEqual(afterCapture.history, [5, 9]);
    assert.equal(afterCapture.order, 9);
    assert.equal(afterCapture.paidAt?.getTime(), clock.now().getTime());
    assert.deepEqual(await statuses(deleted.who, deleted.payId), { order: 6, paidAt: null, history: [5, 6] });
    assert.deepEqual((await statuses(later.who, later.payId)).history, [5, 91], 'PRODUCTION waits its own delay');

    // A refund, then another asked before the first is processed: the order shows the newest.
    await requestMaintenance(ctx, captured.who, { order: { payId: captured.payId }, operation: 'RFD', amount: 1_000 });
    clock.advance(5_000);
    await requestMaintenance(ctx, captured.who, { order: { payId: captured.payId }, operation: 'RFD', amount: 1_000 });
    clock.advance(5_000);
    await processDueOperations(OFFLINE, clock.now());
    assert.deepEqual(await statuses(captured.who, captured.payId), {
      order: 81,
      paidAt: afterCapture.paidAt,
      history: [5, 9, 8, 81],
    });
    clock.advance(5_000);
    await processDueOperations(OFFLINE, clock.now());
    assert.equal((await statuses(captured.who, captured.payId)).order, 8);

    clock.advance(900_000);
    assert.deepEqual(await processDueOperations(OFFLINE, clock.now()), { 9: 1 });
    assert.equal((await statuses(later.who, later.payId)).order, 9);
    assert.deepEqual(await processDueOperations(OFFLINE, clock.now()), {}, 'nothing twice');
  });

  test('two processes running it at once on one database each take different rows: every row once', async () => {
    const pending: { who: PaymentCaller; payId: number }[] = [];
    for (let i = 0; i < 30; i += 1) {
      const order = await sale();
      await requestMaintenance(ctx, order.who, { order: { payId: order.payId }, operation: 'SAS' });
      pending.push(order);
    }
    clock.advance(60_000);
    // A second instance: its own connection pool on a Postgres server (PGlite has one connection).
    const url = process.env.TEST_DATABASE_URL;
    const other = url ? await openDatabase({ databaseUrl: await databaseUrlOf(database.db) }) : undefined;
    try {
      const runs = await Promise.all([
        processDueOperations(OFFLINE, clock.now()),
        processDueOperations({ ...OFFLINE, db: other?.db ?? database.db }, clock.now()),
      ]);
      assert.equal((runs[0][9] ?? 0) + (runs[1][9] ?? 0), 30);
    } finally {
      await other?.close();
    }
    for (const order of pending) assert.deepEqual((await statuses(order.who, order.payId)).history, [5, 9]);
  });

  test('a run ends when more rows than a batch stay pending (the acquirer still unsure), and leaves them for the next run', async () => {
    const user = await createAccount(database.db);
    const who = { accountId: user.accountId, userId: user.id, userid: user.userid, ip: null };
    const unsure = { accepted: false, status: 52, ncError: NCERROR.acquirerUncertain, acquirerReference: 'elsewhere-1' };
    for (let i = 0; i < 205; i += 1) {
      await recordNewOrder(ctx, who, {
        orderId: `unsure-${i}`,
        operation: 'RES',
        amount: 100,
        currency: 'EUR',
        outcome: unsure,
        source: 'directlink',
      });
    }
    clock.advance(60_000);
    const stillUnsure = {
      ...ACQUIRERS,
      test: {
        ...ACQUIRERS.test,
        resolve: async () => ({
          outcome: 'uncertain' as const,
          status: 52,
          ncerror: NCERROR.acquirerUncertain,
          acceptance: '',
          operation: 'RES' as const,
          reference: 'elsewhere-1',
        }),
      },
    };
    assert.deepEqual(await processDueOperations({ ...OFFLINE, acquirers: stillUnsure }, clock.now()), {});
    const [left] = await rowsOf<{ count: string }>(
      database.db,
      sql`select count(*)::text as count from orders where account_id = ${user.accountId} and status = 52`,
    );
    assert.equal(left?.count, '205');
  });
});

/** The URL of the test database a Postgres-backed Db points at (its current database on the TEST_DATABASE_URL server). */
async function databaseUrlOf(db: typeof database.db): Promise<string> {
  const rows = await rowsOf<{ name: string }>(db, sql`select current_database() as name`);
  const url = new URL(process.env.TEST_DATABASE_URL ?? '');
  url.pathname = `/${rows[0]?.name}`;
  return url.toString();
}
