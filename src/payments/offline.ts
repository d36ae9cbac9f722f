/**
 * Offline processing of maintenance (reference §1.3, §3: maintenance is processed offline, REN
 * excepted): each pending history row — capture 91, deletion 61, refund 81 — becomes final (9, 6,
 * 8) once it has waited its environment's delay (`offlineDelaySeconds`: seconds in TEST, longer in
 * PRODUCTION; PAYMENT_DELAY_TEST / PAYMENT_DELAY_PROD). The order takes the final status when that
 * row is still its latest (a newer request keeps the order at its own pending status); a capture
 * sets the order's payment date.
 *
 * Run by the `process-payments` job every minute. Exactly once: rows are claimed with `for update
 * skip locked` and changed only while still pending, so two Guichet processes running the job at
 * once each take different rows, and a row is never processed twice.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { Environment } from '../db/schema/accounts.ts';

/** Rows processed per statement; the job repeats until none is due. */
const BATCH_ROWS = 500;

export type OfflineDelays = Readonly<Record<Environment, number>>;

/**
 * Makes every due pending operation final, in batches, at `now`; returns how many, by final status.
 */
export async function processDueOperations(db: Db, now: Date, delays: OfflineDelays): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (;;) {
    const rows = await rowsOf<{ status: number }>(
      db,
      sql`
      with due as (
        select p.account_id, p.pay_id, p.pay_id_sub
        from order_operations p join accounts a on a.id = p.account_id
        where p.status in (91, 61, 81)
          and p.requested_at <= ${now.toISOString()}::timestamptz
            - make_interval(secs => case a.environment when 'prod' then ${delays.prod}::int else ${delays.test}::int end)
        order by p.requested_at
        limit ${BATCH_ROWS}
        for update of p skip locked
      ),
      processed as (
        update order_operations p
        set status = case p.status when 91 then 9 when 61 then 6 else 8 end, processed_at = ${now.toISOString()}::timestamptz
        from due
        where p.account_id = due.account_id and p.pay_id = due.pay_id and p.pay_id_sub = due.pay_id_sub
          and p.status in (91, 61, 81)
        returning p.account_id, p.pay_id, p.pay_id_sub, p.status
      ),
      orders_done as (
        update orders o
        set status = processed.status,
            paid_at = case when processed.status = 9 then coalesce(o.paid_at, ${now.toISOString()}::timestamptz) else o.paid_at end
        from processed
        where o.account_id = processed.account_id and o.pay_id = processed.pay_id and o.last_pay_id_sub = processed.pay_id_sub
        returning 1
      )
      select processed.status from processed`,
    );
    for (const row of rows) done[String(row.status)] = (done[String(row.status)] ?? 0) + 1;
    if (rows.length < BATCH_ROWS) return done;
  }
}
