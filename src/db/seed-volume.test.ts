import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { BRANDS } from '../acquirer/brands.ts';
import { simulatedAcquirers } from '../acquirer/simulated.ts';
import { manualClock } from '../lib/clock.ts';
import { CURRENCY_DIGITS } from '../lib/money.ts';
import { processDueOperations } from '../payments/offline.ts';
import { createTestDatabase } from '../test/database.ts';
import { createAccount, createUser } from '../test/harness.ts';
import { rowsOf } from './rows.ts';
import { accounts } from './schema/accounts.ts';
import { parseVolumeArguments, STATUS_MIX, seedVolume, VolumeSeedError } from './seed-volume.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;
const clock = manualClock(new Date('2026-11-30T10:00:00Z'));

const shop = await createAccount(db);
await db
  .update(accounts)
  .set({ currencies: ['EUR', 'USD', 'JPY', 'KWD'] })
  .where(eq(accounts.id, shop.accountId));
const api = await createUser(db, shop.accountId, shop.pspid, { userid: 'shop.api', isApiUser: true, profile: 'admin' });
const clerk = await createUser(db, shop.accountId, shop.pspid, { userid: 'clerk', profile: 'encoder' });
const ORDERS = 2_000;
const progress: number[] = [];
const result = await seedVolume(
  { db, clock },
  {
    pspid: shop.pspid.toLowerCase(),
    environment: 'test',
    orders: ORDERS,
    seed: 42,
    chunkOrders: 700,
    onProgress: (done) => progress.push(done),
  },
);

/** Every row of every table of the database, as text (as src/payments/card-data.test.ts reads it). */
async function everything(): Promise<string> {
  const tables = await rowsOf<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public'`);
  let text = '';
  for (const { name } of tables) {
    const [dump] = await rowsOf<{ t: string }>(
      db,
      sql`select coalesce(string_agg(r::text, ' '), '') as t from ${sql.identifier(name)} r`,
    );
    text += ` ${dump?.t ?? ''}`;
  }
  return text;
}

/** How many rows a query counts. */
async function count(query: ReturnType<typeof sql>): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, query);
  return Number(row?.n ?? -1);
}

/**
 * PAYIDs of the account's orders (5 at most) whose row disagrees with its history: totals, closing flags,
 * last PAYIDSUB, status, payment date (the first processing that reached 9), dates in order, CHECK limits.
 */
async function inconsistentOrders(accountId: string): Promise<string[]> {
  const rows = await rowsOf<{ pay_id: string }>(
    db,
    sql`
      with h as (
        select pay_id,
          max(pay_id_sub) as last_sub, count(*) as n,
          coalesce(sum(amount) filter (where pay_id_sub > 0 and operation in ('SAL', 'SAS')), 0) as captures,
          coalesce(sum(amount) filter (where pay_id_sub > 0 and operation in ('RFD', 'RFS')), 0) as refunds,
          coalesce(sum(amount) filter (where pay_id_sub > 0 and operation in ('DEL', 'DES')), 0) as deleted,
          bool_or(pay_id_sub > 0 and operation in ('SAS', 'DES')) as capture_closing,
          bool_or(pay_id_sub > 0 and operation = 'RFS') as refund_closing,
          min(processed_at) filter (where status = 9) as first_paid,
          (array_agg(status order by pay_id_sub desc))[1] as last_status,
          (array_agg(status order by pay_id_sub))[1] as first_status,
          (array_agg(operation order by pay_id_sub))[1] as first_operation,
          bool_and(requested_at >= (select ordered_at from orders o where o.account_id = p.account_id and o.pay_id = p.pay_id)) as after_order,
          bool_and(processed_at is null or processed_at >= requested_at) as processed_after,
          max(requested_at) as last_request
        from order_operations p where account_id = ${accountId} group by account_id, pay_id
      )
      select o.pay_id::text from orders o join h using (pay_id)
      where o.account_id = ${accountId} and not (
        h.last_sub = o.last_pay_id_sub and h.n = o.last_pay_id_sub + 1
        and h.last_status = o.status
        and h.first_operation = o.operation
        and o.authorised_amount = case when h.first_status in (5, 9) then o.amount - h.deleted else 0 end
        and o.captured_amount = h.captures + case when h.first_status = 9 then o.amount else 0 end
        and o.refunded_amount = h.refunds
        and o.capture_closed = coalesce(h.capture_closing, false)
        and o.refund_closed = coalesce(h.refund_closing, false)
        and o.paid_at is not distinct from h.first_paid
        and h.after_order and h.processed_after
        and h.last_request <= ${clock.now().toISOString()}::timestamptz
        and o.captured_amount <= greatest(o.authorised_amount, 0) and o.refunded_amount <= o.captured_amount
      )
      limit 5`,
  );
  return rows.map((row) => row.pay_id);
}

describe('volume data (issue 11, item 7)', () => {
  test('makes the orders asked for, in chunks, each with its PAYIDSUB 0 history row and PAYIDs from payid_seq', async () => {
    assert.equal(result.orders, ORDERS);
    assert.deepEqual(progress, [700, 1400, 2000]);
    assert.equal(await count(sql`select count(*)::int as n from orders where account_id = ${shop.accountId}`), ORDERS);
    assert.equal(
      await count(sql`select count(*)::int as n from orders o where o.account_id = ${shop.accountId} and not exists
        (select 1 from order_operations p where p.account_id = o.account_id and p.pay_id = o.pay_id and p.pay_id_sub = 0)`),
      0,
    );
    assert.equal(
      await count(sql`select count(*)::int as n from order_operations where account_id = ${shop.accountId}`),
      result.operations,
    );
    assert.ok(result.operations > ORDERS * 1.2, `history rows: ${result.operations}`);
    assert.equal(await count(sql`select count(*)::int as n from orders where pay_id < 3000000001`), 0);
    const [last] = await rowsOf<{ v: string }>(db, sql`select last_value::text as v from payid_seq`);
    const [top] = await rowsOf<{ v: string }>(db, sql`select max(pay_id)::text as v from orders`);
    assert.equal(last?.v, top?.v);
  });

  test('every status of the lifecycle is there, refused and invalid orders with their NCERROR', async () => {
    const rows = await rowsOf<{ status: number; n: number }>(
      db,
      sql`select status, count(*)::int as n from orders where account_id = ${shop.accountId} group by status`,
    );
    const found = new Map(rows.map((row) => [row.status, row.n]));
    for (const [status] of STATUS_MIX) assert.ok((found.get(status) ?? 0) > 0, `status ${status}`);
    assert.ok((found.get(9) ?? 0) > ORDERS * 0.35, 'most orders are captured');
    assert.equal(await count(sql`select count(*)::int as n from orders where status = 2 and nc_error not like '3%'`), 0);
    assert.equal(await count(sql`select count(*)::int as n from orders where status = 0 and nc_error not like '5%'`), 0);
    assert.equal(await count(sql`select count(*)::int as n from orders where status = 52 and nc_error <> '20001001'`), 0);
    assert.equal(await count(sql`select count(*)::int as n from orders where status not in (0, 2, 52) and nc_error <> '0'`), 0);
    // Partial refunds: refunded, with less refunded than captured.
    assert.ok(
      (await count(sql`select count(*)::int as n from orders where status = 8 and refunded_amount < captured_amount`)) > 0,
    );
    assert.ok((await count(sql`select count(*)::int as n from order_operations where operation = 'RFD' and status = 8`)) > 0);
  });

  test('the totals, closing flags, last PAYIDSUB and payment date are what the history makes', async () => {
    assert.deepEqual(await inconsistentOrders(shop.accountId), []);
    // Pending statuses wait in their history row (no processing time); the others are processed.
    assert.equal(
      await count(
        sql`select count(*)::int as n from order_operations where (status in (91, 81, 52, 51)) <> (processed_at is null)`,
      ),
      0,
    );
  });

  test('dates spread over the last 18 months within the retention period; PAYIDs grow with the order date', async () => {
    const [span] = await rowsOf<{ oldest: string; newest: string; months: number }>(
      db,
      sql`select min(ordered_at)::text as oldest, max(ordered_at)::text as newest,
            count(distinct date_trunc('month', ordered_at))::int as months from orders where account_id = ${shop.accountId}`,
    );
    assert.ok(span);
    assert.ok(new Date(span.oldest) >= new Date(clock.now().getTime() - 539 * 86_400_000), span.oldest);
    assert.ok(new Date(span.oldest) < new Date(clock.now().getTime() - 520 * 86_400_000), span.oldest);
    assert.ok(new Date(span.newest) <= clock.now());
    assert.ok(span.months >= 18, `months: ${span.months}`);
    // Out of PAYID order only the orders still waiting (52, 51) or with a pending operation (91): recent ones.
    assert.equal(
      await count(sql`select count(*)::int as n from (
          select status, ordered_at < max(ordered_at) over (order by pay_id rows between unbounded preceding and 1 preceding) as back
          from orders where account_id = ${shop.accountId} and status not in (91, 52, 51)) x where back`),
      0,
    );
  });

  test('the account’s currencies with their ISO 4217 digits, several brands, sources and users of the account', async () => {
    const currencies = await rowsOf<{ currency: string; small: number }>(
      db,
      sql`select currency, min(amount)::int as small from orders where account_id = ${shop.accountId} group by currency order by currency`,
    );
    assert.deepEqual(
      currencies.map((row) => row.currency),
      ['EUR', 'JPY', 'KWD', 'USD'],
    );
    for (const row of currencies) {
      const digits = CURRENCY_DIGITS[row.currency as keyof typeof CURRENCY_DIGITS];
      assert.ok(row.small >= 10 ** digits, `${row.currency}: at least one unit, in minor units (${row.small})`);
    }
    const brands = await rowsOf<{ brand: string }>(
      db,
      sql`select distinct brand from orders where account_id = ${shop.accountId}`,
    );
    assert.deepEqual(brands.map((row) => row.brand).sort(), [...BRANDS].sort());
    const makers = await rowsOf<{ source: string; user_id: string; n: number }>(
      db,
      sql`select source, user_id::text, count(*)::int as n from orders where account_id = ${shop.accountId} group by 1, 2 order by 1`,
    );
    // DirectLink orders are the API user's; e-Terminal orders the other users' (the administrator and the clerk).
    assert.deepEqual(
      makers.map((row) => [row.source, row.user_id]).sort(),
      [
        ['directlink', api.id],
        ['eterminal', clerk.id],
        ['eterminal', shop.id],
      ].sort(),
    );
    assert.equal(
      await count(sql`select count(*)::int as n from order_operations p where account_id = ${shop.accountId}
        and not exists (select 1 from users u where u.account_id = p.account_id and u.id = p.user_id)`),
      0,
      'every history row names a user of the account',
    );
  });

  test('card numbers are masked (first 6, last 4, of the brand’s length) and no full card number is stored anywhere', async () => {
    assert.equal(
      await count(sql`select count(*)::int as n from orders where account_id = ${shop.accountId}
        and not (card_masked ~ '^[0-9]{6}X+[0-9]{4}$'
          and length(card_masked) = case brand when 'American Express' then 15 when 'Diners Club' then 14 else 16 end)`),
      0,
    );
    const text = await everything();
    assert.ok(text.includes('XXXXXX'), 'the scan reads the orders');
    assert.deepEqual(text.match(/(?<!\d)\d{13,19}(?!\d)/g) ?? [], [], 'no run of 13 to 19 digits (a card number) in any table');
  });

  test('the run is audited once; the same seed makes the same orders again', async () => {
    const entries = await rowsOf<{ details: { orders: number; seed: number } | string }>(
      db,
      sql`select details from audit_log where event_type = 'payment.volume_seeded' and account_id = ${shop.accountId}`,
    );
    assert.equal(entries.length, 1);
    const details = typeof entries[0]?.details === 'string' ? JSON.parse(entries[0].details) : entries[0]?.details;
    assert.equal(details.orders, ORDERS);
    assert.equal(details.seed, 42);

    const shape = async (seed: number) => {
      const other = await createAccount(db);
      await db
        .update(accounts)
        .set({ currencies: ['EUR', 'USD', 'JPY', 'KWD'] })
        .where(eq(accounts.id, other.accountId));
      await seedVolume({ db, clock }, { pspid: other.pspid, environment: 'test', orders: 100, seed });
      const [row] = await rowsOf<{ r: string }>(
        db,
        sql`select string_agg(concat_ws('|', status, nc_error, amount, currency, brand, card_masked, card_holder, ordered_at, paid_at,
              captured_amount, refunded_amount, last_pay_id_sub), ',' order by pay_id) as r
            from orders where account_id = ${other.accountId}`,
      );
      return row?.r;
    };
    const first = await shape(7);
    assert.ok(first);
    assert.equal(await shape(7), first);
    assert.notEqual(await shape(8), first);
  });

  test('a PRODUCTION account’s orders carry acquirer authorisation codes, TEST ones the platform’s test123', async () => {
    const live = await createAccount(db, { environment: 'prod' });
    await seedVolume({ db, clock }, { pspid: live.pspid, environment: 'prod', orders: 50, seed: 3 });
    const codes = await rowsOf<{ acceptance: string }>(
      db,
      sql`select distinct acceptance from orders where account_id = ${live.accountId} and acceptance is not null`,
    );
    assert.ok(codes.length > 5 && codes.every((row) => /^[0-9A-F]{6}$/.test(row.acceptance)), JSON.stringify(codes));
    assert.equal(
      await count(sql`select count(*)::int as n from orders where account_id = ${shop.accountId} and acceptance <> 'test123'`),
      0,
    );
  });

  test('the offline processing settles the pending ones as it would any (9, 8, 5 or 2), and the totals still hold', async () => {
    const pending = sql`select count(*)::int as n from orders where account_id = ${shop.accountId} and status in (91, 81, 52)`;
    assert.ok((await count(pending)) > 0);
    await processDueOperations(
      { db, acquirers: simulatedAcquirers(clock), offlineDelaySeconds: { test: 10, prod: 900 }, secretKey: randomBytes(32) },
      new Date(clock.now().getTime() + 60_000),
    );
    assert.equal(await count(pending), 0);
    assert.deepEqual(await inconsistentOrders(shop.accountId), []);
  });

  test('an unknown PSPID or environment is refused with one line', async () => {
    await assert.rejects(
      seedVolume({ db, clock }, { pspid: 'NOSUCHSHOP', environment: 'test', orders: 10 }),
      (error: Error) => error instanceof VolumeSeedError && /no test account has the PSPID "NOSUCHSHOP"/.test(error.message),
    );
    await assert.rejects(seedVolume({ db, clock }, { pspid: shop.pspid, environment: 'prod', orders: 10 }), VolumeSeedError);
    await assert.rejects(seedVolume({ db, clock }, { pspid: shop.pspid, environment: 'test', orders: 0 }), VolumeSeedError);
  });
});

describe('the command line', () => {
  test('reads --orders, --account, --env and --seed', () => {
    assert.deepEqual(parseVolumeArguments(['--orders', '1000000', '--account', 'DEMO']), {
      ok: true,
      options: { orders: 1_000_000, pspid: 'DEMO', environment: 'test' },
    });
    assert.deepEqual(parseVolumeArguments(['--orders=5', '--account=SHOP', '--env', 'prod', '--seed', '7']), {
      ok: true,
      options: { orders: 5, pspid: 'SHOP', environment: 'prod', seed: 7 },
    });
  });

  test('refuses bad arguments with their reason', () => {
    const refusal = (argv: string[]) => {
      const read = parseVolumeArguments(argv);
      return read.ok ? '' : read.message;
    };
    assert.match(refusal(['--orders', '0', '--account', 'A']), /--orders must be a whole number from 1/);
    assert.match(refusal(['--orders', '-5', '--account', 'A']), /--orders must be a whole number/);
    assert.match(refusal(['--orders', '1.5', '--account', 'A']), /--orders must be a whole number/);
    assert.match(refusal(['--orders', '1e6', '--account', 'A']), /--orders must be a whole number/);
    assert.match(refusal(['--orders', 'many', '--account', 'A']), /--orders must be a whole number/);
    assert.match(refusal(['--account', 'A']), /--orders N is required/);
    assert.match(refusal(['--orders', '10']), /--account PSPID is required/);
    assert.match(refusal(['--orders', '10', '--account']), /--account needs a value/);
    assert.match(refusal(['--orders', '10', '--account', 'A', '--env', 'staging']), /--env must be test or prod/);
    assert.match(refusal(['--orders', '10', '--account', 'A', '--seed', 'x']), /--seed must be a whole number/);
    assert.match(refusal(['--orders', '10', '--account', 'A', '--fast']), /unknown argument "--fast"/);
    assert.match(refusal(['--orders', '10', '--orders', '20', '--account', 'A']), /--orders is given twice/);
  });
});
