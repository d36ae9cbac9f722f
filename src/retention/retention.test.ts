import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { Database } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { accounts } from '../db/schema/accounts.ts';
import { auditLog } from '../db/schema/audit.ts';
import { DAY_MS, manualClock } from '../lib/clock.ts';
import { createTestDatabase } from '../test/database.ts';
import { createAccount } from '../test/harness.ts';
import { purgeAuditLog, runRetention } from './job.ts';
import type { RetentionTable } from './registry.ts';
import { previewRetention, registerRetentionTable, retentionByColumns, retentionCutoff } from './registry.ts';

/**
 * Data retention (PRODUCT.md C6, issue 9 item 4): the job deletes exactly the payment data older
 * than each account's setting, in chunks, and the preview says as much; the audit log keeps 12
 * months whatever the setting (PCI DSS 10.5.1). No payment table exists yet, so the tests
 * register one of their own.
 */
let database: Database;
before(async () => {
  database = await createTestDatabase();
  await database.db.execute(
    sql`create table test_payments (id serial primary key, account_id uuid not null, created_at timestamptz not null)`,
  );
});
after(() => database.close());

// The database's trigger judges the audit log's 12 months by its own clock: the tests' clock starts at the real now.
const clock = manualClock(new Date(Math.floor(Date.now() / 1000) * 1000));
const logLines: Record<string, unknown>[] = [];
const deps = () => ({ db: database.db, clock, log: (line: Record<string, unknown>) => void logLines.push(line) });
const daysAgo = (days: number) => new Date(clock.now().getTime() - days * DAY_MS);
const monthsAgo = (months: number) => {
  const date = clock.now();
  date.setUTCMonth(date.getUTCMonth() - months);
  return date;
};

async function account(retentionDays: number) {
  const admin = await createAccount(database.db);
  await database.db.update(accounts).set({ retentionDays }).where(eq(accounts.id, admin.accountId));
  return { id: admin.accountId, retentionDays };
}

async function payments(accountId: string, moments: Date[]) {
  for (const at of moments) {
    await database.db.execute(sql`insert into test_payments (account_id, created_at) values (${accountId}, ${at.toISOString()})`);
  }
}

async function paymentTimes(accountId: string): Promise<number[]> {
  const rows = await rowsOf<{ at: string | Date }>(
    database.db,
    sql`select created_at as at from test_payments where account_id = ${accountId} order by created_at`,
  );
  return rows.map((row) => new Date(row.at).getTime());
}

async function purgeEntries(accountId: string) {
  return database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.accountId, accountId), eq(auditLog.eventType, 'retention.purge')));
}

/** The test table, registered with a count of the chunks each account's deletion took. */
function registerPayments(chunks: Map<string, number[]>, fail?: string): () => void {
  const entry = retentionByColumns({
    table: 'test_payments',
    label: 'users.title',
    accountColumn: 'account_id',
    timeColumn: 'created_at',
  });
  const spied: RetentionTable = {
    ...entry,
    async deleteChunk(db, accountId, cutoff, limit) {
      if (accountId === fail) throw new Error('secret value 4111111111111111 in a failing statement');
      const gone = await entry.deleteChunk(db, accountId, cutoff, limit);
      chunks.set(accountId, [...(chunks.get(accountId) ?? []), gone]);
      return gone;
    },
  };
  return registerRetentionTable(spied);
}

/** The preview's line for the test table alone (other tables, the orders, are registered too). */
async function testPaymentsPreview(of: { id: string; retentionDays: number }) {
  return (await previewRetention(database.db, of, clock.now())).filter((line) => line.table === 'test_payments');
}

describe('data retention', () => {
  test('the job deletes exactly the rows older than each account’s setting, in chunks, and the preview matches', async (t) => {
    const chunks = new Map<string, number[]>();
    t.after(registerPayments(chunks));
    const short = await account(45);
    const long = await account(540);
    const cutoff = retentionCutoff(clock.now(), 45);
    const old = Array.from({ length: 10 }, (_, i) => daysAgo(46 + i * 7));
    const kept = [daysAgo(1), daysAgo(44), cutoff, new Date(cutoff.getTime() + 1)];
    await payments(short.id, [...old, ...kept, new Date(cutoff.getTime() - 1)]);
    await payments(long.id, [daysAgo(100), daysAgo(539)]);

    const preview = await testPaymentsPreview(short);
    assert.deepEqual(preview, [{ table: 'test_payments', label: 'users.title', rows: 11 }]);
    assert.deepEqual(await testPaymentsPreview(long), [{ table: 'test_payments', label: 'users.title', rows: 0 }]);

    const runs = await runRetention(deps(), { chunkRows: 3 });
    const run = runs.find((r) => r.accountId === short.id);
    assert.deepEqual(
      run?.removed,
      { test_payments: 11, orders: 0, status_notifications: 0, transaction_mails: 0 },
      'the run removes what the preview announced',
    );
    assert.deepEqual(chunks.get(short.id), [3, 3, 3, 2], 'in chunks of at most 3 rows');
    assert.deepEqual(chunks.get(long.id), [0]);
    assert.deepEqual(
      await paymentTimes(short.id),
      kept.map((d) => d.getTime()).sort((a, b) => a - b),
      'a row at the cutoff itself stays',
    );
    assert.equal((await paymentTimes(long.id)).length, 2, 'another account’s rows follow its own setting');
    assert.deepEqual(await testPaymentsPreview(short), [{ table: 'test_payments', label: 'users.title', rows: 0 }]);

    const [entry, ...more] = await purgeEntries(short.id);
    assert.equal(more.length, 0);
    assert.equal(entry?.actor, 'system');
    assert.equal(entry?.object, `account:${short.id}`);
    assert.deepEqual(entry?.details, {
      retentionDays: 45,
      removed: { test_payments: 11, orders: 0, status_notifications: 0, transaction_mails: 0, audit_log: 0 },
    });
    assert.equal(entry?.occurredAt.getTime(), clock.now().getTime());
    const [longEntry] = await purgeEntries(long.id);
    assert.deepEqual(
      longEntry?.details,
      {
        retentionDays: 540,
        removed: { test_payments: 0, orders: 0, status_notifications: 0, transaction_mails: 0, audit_log: 0 },
      },
      'audited even when nothing went',
    );
  });

  test('with no payment data, the job still runs and audits each account', async () => {
    const quiet = await account(90);
    const runs = await runRetention(deps());
    assert.deepEqual(
      runs.find((r) => r.accountId === quiet.id),
      { accountId: quiet.id, removed: { orders: 0, status_notifications: 0, transaction_mails: 0 }, auditLog: 0, total: 0 },
    );
    assert.deepEqual((await purgeEntries(quiet.id))[0]?.details, {
      retentionDays: 90,
      removed: { orders: 0, status_notifications: 0, transaction_mails: 0, audit_log: 0 },
    });
    assert.deepEqual(await previewRetention(database.db, quiet, clock.now()), [
      { table: 'orders', label: 'payments.retention.orders', rows: 0 },
      { table: 'status_notifications', label: 'payments.retention.notifications', rows: 0 },
      { table: 'transaction_mails', label: 'payments.retention.mails', rows: 0 },
    ]);
  });

  test('orders older than the setting go with their history; newer ones stay', async () => {
    const shop = await account(45);
    const order = async (payId: number, at: Date) => {
      await database.db.execute(sql`
        insert into orders (account_id, pay_id, order_id, operation, amount, currency, status, source, ordered_at)
        values (${shop.id}, ${payId}, ${`order-${payId}`}, 'SAL', 1500, 'EUR', 9, 'directlink', ${at.toISOString()}::timestamptz)`);
      await database.db.execute(sql`
        insert into order_operations (account_id, pay_id, pay_id_sub, operation, amount, currency, status, requested_at)
        values (${shop.id}, ${payId}, 0, 'SAL', 1500, 'EUR', 9, ${at.toISOString()}::timestamptz),
               (${shop.id}, ${payId}, 1, 'RFD', 500, 'EUR', 8, ${at.toISOString()}::timestamptz)`);
    };
    await order(9_000_000_001, daysAgo(46));
    await order(9_000_000_002, daysAgo(44));
    assert.deepEqual(await previewRetention(database.db, shop, clock.now()), [
      { table: 'orders', label: 'payments.retention.orders', rows: 1 },
      { table: 'status_notifications', label: 'payments.retention.notifications', rows: 0 },
      { table: 'transaction_mails', label: 'payments.retention.mails', rows: 0 },
    ]);
    await runRetention(deps());
    const left = await rowsOf<{ pay_id: string; operations: number }>(
      database.db,
      sql`select o.pay_id::text, (select count(*)::int from order_operations p where p.account_id = o.account_id and p.pay_id = o.pay_id) as operations
          from orders o where o.account_id = ${shop.id}`,
    );
    assert.deepEqual([...left], [{ pay_id: '9000000002', operations: 2 }]);
    const operations = await rowsOf<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from order_operations where account_id = ${shop.id}`,
    );
    assert.equal(operations[0]?.n, 2, 'the old order’s history went with it');
  });

  test('an account that fails is logged without the error’s message; the others are purged; the run fails to be retried', async (t) => {
    const chunks = new Map<string, number[]>();
    const broken = await account(45);
    const fine = await account(45);
    t.after(registerPayments(chunks, broken.id));
    await payments(fine.id, [daysAgo(60)]);
    logLines.length = 0;
    await assert.rejects(runRetention(deps()), /retention failed for 1 account/);
    assert.equal((await paymentTimes(fine.id)).length, 0);
    assert.equal((await purgeEntries(broken.id)).length, 0);
    const line = logLines.find((l) => l.msg === 'retention failed for an account');
    assert.equal(line?.accountId, broken.id);
    assert.equal(line?.error, 'Error');
    assert.ok(!JSON.stringify(logLines).includes('4111111111111111'), 'never the error’s message');
  });

  test('the audit log keeps 12 months whatever the setting: a 13-month-old entry goes, an 11-month-old one stays', async () => {
    const shop = await account(45);
    const write = async (at: Date, eventType: string) =>
      recordAudit({ db: database.db, clock: manualClock(at) }, { accountId: shop.id, eventType, success: true });
    for (let i = 0; i < 5; i += 1) await write(new Date(monthsAgo(13).getTime() - i * DAY_MS), 'login');
    await write(monthsAgo(11), 'logout');
    await write(daysAgo(100), 'logout');

    const runs = await runRetention(deps(), { chunkRows: 2 });
    assert.equal(runs.find((r) => r.accountId === shop.id)?.auditLog, 5);
    const left = await database.db.select().from(auditLog).where(eq(auditLog.accountId, shop.id));
    assert.deepEqual(left.map((e) => e.eventType).sort(), ['logout', 'logout', 'retention.purge']);
    assert.deepEqual((await purgeEntries(shop.id))[0]?.details, {
      retentionDays: 45,
      removed: { orders: 0, status_notifications: 0, transaction_mails: 0, audit_log: 5 },
    });
  });

  test('a DELETE of the audit log without the purge setting is still refused, and with it only beyond 12 months', async () => {
    const shop = await account(45);
    const at = async (when: Date) => {
      await recordAudit({ db: database.db, clock: manualClock(when) }, { accountId: shop.id, eventType: 'login', success: true });
      const [row] = await rowsOf<{ id: string }>(
        database.db,
        sql`select id::text as id from audit_log where account_id = ${shop.id} order by id desc limit 1`,
      );
      return row?.id ?? '';
    };
    const ancient = await at(monthsAgo(14));
    const recent = await at(monthsAgo(11));
    const refused = (error: unknown) => /append-only/.test(String((error as { cause?: unknown }).cause ?? error));
    await assert.rejects(database.db.execute(sql`delete from audit_log where id = ${ancient}::bigint`), refused);
    await assert.rejects(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`set local guichet.audit_purge = 'on'`);
        await tx.execute(sql`delete from audit_log where id = ${recent}::bigint`);
      }),
      refused,
    );
    await assert.rejects(database.db.execute(sql`update audit_log set actor = 'x' where id = ${ancient}::bigint`), refused);
    assert.equal(await purgeAuditLog(database.db, shop.id, clock.now()), 1);
    const left = await rowsOf<{ id: string }>(
      database.db,
      sql`select id::text as id from audit_log where account_id = ${shop.id}`,
    );
    assert.deepEqual(
      left.map((r) => r.id),
      [recent],
    );
  });
});
