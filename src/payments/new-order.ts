/**
 * Recording a new order (reference §1.2, §3 "New order"): the order row with a new platform-wide
 * PAYID and its first history row (PAYIDSUB 0), in one transaction, once the acquirer has
 * answered. The card number arrives already masked (first 6 and last 4 digits at most); the CVC
 * never arrives here. An ORDERID the account already used is not paid again: the answer names
 * the original order (DirectLink then replies 50001113 with its PAYID and ACCEPTANCE).
 */
import { sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { OrderSource } from '../db/schema/payments.ts';
import type { Clock } from '../lib/clock.ts';
import type { PaymentCaller } from './maintenance.ts';
import { orderIdHolder } from './order-ids.ts';
import { confirmationMailInsert } from './transaction-mails.ts';
import type { NewOrderOperation } from './transitions.ts';
import { newOrderTotals } from './transitions.ts';

export type NewOrder = {
  orderId: string;
  operation: NewOrderOperation;
  /** Minor units of `currency`. */
  amount: number;
  currency: string;
  /**
   * What the acquirer said (src/payments/authorisation.ts): the status to record (5, 9, 8; 2 refused; 52
   * uncertain; 51 waiting offline; 0 not processed), its NCERROR and authorisation code.
   */
  outcome: { accepted: boolean; status: number; ncError: string; acceptance?: string; acquirerReference?: string };
  /** For STATUS 51 only: the card number sealed for the offline authorisation (authorisedOrder). */
  cardNumberSealed?: string;
  card?: { brand: string; masked: string; expiry: string; holder?: string };
  email?: string;
  owner?: { address?: string; zip?: string; town?: string; country?: string; phone?: string };
  description?: string;
  eci?: number;
  alias?: string;
  source: OrderSource;
  customerIp?: string | null;
};

export type RecordedOrder =
  | { created: true; payId: number }
  | { created: false; original: { payId: number; status: number; acceptance: string | null } };

/**
 * Records `order` for the caller's account, audited as `payment.order`. The order, its history
 * row and its audit entry are written by ONE statement (data-modifying CTEs: atomic without a
 * transaction, one round trip to the database instead of five; the API's throughput depends on
 * it, docs/benchmarks.md). When the account already has the ORDERID, nothing of the order is
 * written: the duplicate is audited and the original order returned.
 */
export async function recordNewOrder(
  ctx: { db: Db; clock: Clock },
  caller: PaymentCaller,
  order: NewOrder,
): Promise<RecordedOrder> {
  const now = ctx.clock.now().toISOString();
  const { outcome, card, owner } = order;
  const totals = newOrderTotals(order.operation, order.amount, outcome.accepted);
  const details = {
    orderId: order.orderId,
    operation: order.operation,
    amount: order.amount,
    currency: order.currency,
    source: order.source,
  };
  const text = (value: string | undefined | null) => value ?? null;
  const [inserted] = await rowsOf<{ pay_id: string }>(
    ctx.db,
    sql`
    with inserted as (
      insert into orders (account_id, order_id, operation, amount, currency, status, nc_error, acceptance, acquirer_reference,
        brand, card_masked, card_expiry, card_holder, card_number_sealed, email, owner_address, owner_zip, owner_town, owner_country, owner_phone,
        description, eci, alias, source, user_id, customer_ip, ordered_at, paid_at, authorised_amount, captured_amount, refunded_amount)
      values (${caller.accountId}, ${order.orderId}, ${order.operation}, ${order.amount}, ${order.currency}, ${outcome.status},
        ${outcome.ncError}, ${text(outcome.acceptance)}, ${text(outcome.acquirerReference)},
        ${text(card?.brand)}, ${text(card?.masked)}, ${text(card?.expiry)}, ${text(card?.holder)}, ${text(order.cardNumberSealed)}, ${text(order.email)},
        ${text(owner?.address)}, ${text(owner?.zip)}, ${text(owner?.town)}, ${text(owner?.country)}, ${text(owner?.phone)},
        ${text(order.description)}, ${order.eci ?? null}, ${text(order.alias)}, ${order.source}, ${caller.userId},
        ${order.customerIp ?? null}, ${now}::timestamptz,
        ${outcome.accepted && order.operation === 'SAL' ? now : null}::timestamptz,
        ${totals.authorisedAmount}, ${totals.capturedAmount}, ${totals.refundedAmount})
      on conflict (account_id, order_id) where status not in (0, 2) do nothing
      returning pay_id
    ),
    history as (
      insert into order_operations (account_id, pay_id, pay_id_sub, operation, amount, currency, status, nc_error, acceptance,
        user_id, requested_at, processed_at)
      select ${caller.accountId}, pay_id, 0, ${order.operation}, ${order.amount}, ${order.currency}, ${outcome.status},
        ${outcome.ncError}, ${text(outcome.acceptance)}, ${caller.userId}, ${now}::timestamptz,
        ${outcome.status === 52 || outcome.status === 51 ? null : now}::timestamptz
      from inserted
    ),
    audited as (
      insert into audit_log (account_id, user_id, actor, event_type, occurred_at, success, ip, object, details)
      select ${caller.accountId}, ${caller.userId}, ${caller.userid}, 'payment.order', ${now}::timestamptz, ${outcome.accepted},
        ${caller.ip}, 'order:' || pay_id, ${JSON.stringify({ ...details, status: outcome.status, ncError: outcome.ncError })}::jsonb
      from inserted
    ),
    mailed as (${confirmationMailInsert(caller.accountId, now)})
    select pay_id::text from inserted`,
  );
  if (inserted) return { created: true, payId: Number(inserted.pay_id) };

  const original = await orderIdHolder(ctx.db, caller.accountId, order.orderId);
  if (!original) throw new Error('an order that conflicts on its ORDERID could not be read back');
  await recordAudit(ctx, {
    accountId: caller.accountId,
    userId: caller.userId,
    actor: caller.userid,
    eventType: 'payment.order',
    success: false,
    ip: caller.ip,
    object: `order:${original.payId}`,
    details: { ...details, duplicate: true },
  });
  return { created: false, original };
}
