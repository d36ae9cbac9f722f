import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../db/client.ts';
import { transactionErrors } from '../db/schema/transaction-errors.ts';
import type { JobDeps } from '../jobs/registry.ts';
import { JOBS } from '../jobs/registry.ts';
import { HOUR_MS, manualClock, SECOND_MS } from '../lib/clock.ts';
import { createTestDatabase } from '../test/database.ts';
import { createAccount } from '../test/harness.ts';
import { purgeErrorLogJob } from './job.ts';
import { purgeTransactionErrors } from './purge.ts';
import { NOW, writeErrors } from './test-fixtures.ts';

/** PRODUCT.md J1: entries older than three days are deleted by a job, driven here with the injected clock. */
let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const clock = manualClock(NOW);
// The purge reads only the database and the clock: the rest of a job's dependencies stays out of this test.
const deps = () => ({ db: database.db, clock, log: () => {} }) as Pick<JobDeps, 'db' | 'clock' | 'log'> as JobDeps;
const run = { id: '7d9c1c52-0000-4000-8000-000000000002', name: purgeErrorLogJob.name, period: NOW };
const ago = (ms: number) => new Date(NOW.getTime() - ms);

async function orderIdsOf(accountId: string): Promise<string[]> {
  const rows = await database.db
    .select({ orderId: transactionErrors.orderId })
    .from(transactionErrors)
    .where(eq(transactionErrors.accountId, accountId))
    .orderBy(asc(transactionErrors.occurredAt), asc(transactionErrors.id));
  return rows.map((row) => row.orderId ?? '');
}

describe('purge-error-logs', () => {
  test('is registered, every hour in UTC', () => {
    assert.ok(JOBS.includes(purgeErrorLogJob));
    assert.equal(purgeErrorLogJob.cron, '40 * * * *');
    assert.equal(purgeErrorLogJob.periodSeconds, 3600);
  });

  test('deletes every account’s entries older than 72 hours before the clock’s now, keeps the rest, and a second run deletes nothing', async () => {
    const one = await createAccount(database.db);
    const two = await createAccount(database.db);
    await writeErrors(database.db, one.accountId, [
      { at: ago(10 * 24 * HOUR_MS), orderId: 'OLD-1' },
      { at: ago(72 * HOUR_MS + SECOND_MS), orderId: 'OLD-2' },
      { at: ago(72 * HOUR_MS), orderId: 'EDGE' },
      { at: ago(HOUR_MS), orderId: 'NEW' },
    ]);
    await writeErrors(database.db, two.accountId, [
      { at: ago(80 * HOUR_MS), orderId: 'OLD-3', source: 'eterminal' },
      { at: ago(2 * HOUR_MS), orderId: 'NEW-2', source: 'eterminal' },
    ]);
    assert.deepEqual(await purgeErrorLogJob.handler(deps(), run), { accounts: 2, rows: 3 });
    assert.deepEqual(await orderIdsOf(one.accountId), ['EDGE', 'NEW']);
    assert.deepEqual(await orderIdsOf(two.accountId), ['NEW-2']);
    assert.deepEqual(await purgeErrorLogJob.handler(deps(), run), { accounts: 0, rows: 0 });

    // A day later, by the injected clock, the edge entry goes too.
    clock.advance(24 * HOUR_MS);
    try {
      assert.deepEqual(await purgeErrorLogJob.handler(deps(), run), { accounts: 1, rows: 1 });
      assert.deepEqual(await orderIdsOf(one.accountId), ['NEW']);
    } finally {
      clock.set(NOW);
    }
  });

  test('deletes in bounded chunks until none is left', async () => {
    const account = await createAccount(database.db);
    await writeErrors(
      database.db,
      account.accountId,
      Array.from({ length: 7 }, (_, n) => ({ at: ago(4 * 24 * HOUR_MS + n * SECOND_MS), orderId: `OLD-${n}` })),
    );
    await writeErrors(database.db, account.accountId, [{ at: ago(HOUR_MS), orderId: 'KEPT' }]);
    assert.deepEqual(await purgeTransactionErrors(database.db, NOW, 3), { accounts: 1, rows: 7 });
    assert.deepEqual(await orderIdsOf(account.accountId), ['KEPT']);
  });
});
