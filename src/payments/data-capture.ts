/**
 * The account's default data capture (Technical information > Global transaction parameters;
 * reference §0): authorised orders (5, RES or PAU) still open for capture are captured in full by the
 * system — `end_of_day` once the midnight GMT+1 (23:00 UTC all year round, no summer time:
 * END_OF_DAY_TIME_ZONE) after the order has passed, `after_days` once the
 * account's number of days has — through the same maintenance service as a merchant's capture (a
 * SAS answered 91, then processed offline). `merchant` (the default) captures nothing by itself.
 * Run by the `process-payments` job, before the offline processing.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { Clock } from '../lib/clock.ts';
import { requestMaintenance } from './maintenance.ts';

/**
 * The zone whose midnight ends the platform's day (reference §0: "automatic at end of day (from
 * midnight GMT+1)"): one hour ahead of UTC all year round, never summer time. IANA writes it
 * `Etc/GMT-1` (the sign of the Etc zones is inverted). Every label, help text and doc names it
 * END_OF_DAY_ZONE_LABEL, in both languages: "midnight GMT+1 (23:00 UTC all year round, no summer
 * time)", "minuit GMT+1 (23:00 UTC toute l’année, sans heure d’été)" — never a zone with summer
 * time (src/payments/end-of-day-labels.test.ts checks the texts).
 */
export const END_OF_DAY_TIME_ZONE = 'Etc/GMT-1';

/** How the end-of-day zone is named to people (what Intl names END_OF_DAY_TIME_ZONE). */
export const END_OF_DAY_ZONE_LABEL = 'GMT+1';

/** Orders captured per run at most; the next run takes the rest. */
const BATCH = 500;

/** Captures every order due for the automatic data capture at the clock's now; how many. */
export async function captureDueOrders(ctx: { db: Db; clock: Clock }): Promise<number> {
  const now = ctx.clock.now().toISOString();
  const due = await rowsOf<{ account_id: string; pay_id: string }>(
    ctx.db,
    sql`
    select o.account_id, o.pay_id::text
    from orders o join technical_settings t on t.account_id = o.account_id
    where o.status = 5 and not o.capture_closed and o.operation in ('RES', 'PAU') and o.authorised_amount > o.captured_amount
      and ((t.data_capture = 'after_days' and o.ordered_at <= ${now}::timestamptz - make_interval(days => t.capture_after_days))
        or (t.data_capture = 'end_of_day'
            and o.ordered_at < (date_trunc('day', ${now}::timestamptz at time zone ${END_OF_DAY_TIME_ZONE}::text) at time zone ${END_OF_DAY_TIME_ZONE}::text)))
    order by o.ordered_at
    limit ${BATCH}`,
  );
  let captured = 0;
  for (const order of due) {
    const answer = await requestMaintenance(
      ctx,
      { accountId: order.account_id, userId: null, userid: 'system', ip: null },
      { order: { payId: Number(order.pay_id) }, operation: 'SAS' },
    );
    if (answer.ok) captured += 1;
  }
  return captured;
}
