/**
 * Recording a new order (reference §1.2, §3 "New order"): the order row with a new platform-wide
 * PAYID and its first history row (PAYIDSUB 0), in one transaction, once the acquirer has
 * answered. The card number arrives already masked (first 6 and last 4 digits at most); the CVC
 * never arrives here. An ORDERID the account already used is not paid again: the answer names
 * the original order (DirectLink then replies 50001113 with its PAYID and ACCEPTANCE).
 */
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { Db } from '../db/client.ts';
import type { OrderSource } from '../db/schema/payments.ts';
import { orderOperations, orders } from '../db/schema/payments.ts';
import type { Clock } from '../lib/clock.ts';
import type { PaymentCaller } from './maintenance.ts';
import type { NewOrderOperation } from './transitions.ts';
import { newOrderTotals } from './transitions.ts';

export type NewOrder = {
  orderId: string;
  operation: NewOrderOperation;
  /** Minor units of `currency`. */
  amount: number;
  currency: string;
  /** What the acquirer said: the status to record (5, 9, 8; 2 refused; 52 uncertain), its NCERROR and authorisation code. */
  outcome: { accepted: boolean; status: number; ncError: string; acceptance?: string; acquirerReference?: string };
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
 * Records `order` for the caller's account, audited as `payment.order` in the same transaction.
 * When the account already has the ORDERID, only the audit entry is written and the original
 * order is returned.
 */
export async function recordNewOrder(
  ctx: { db: Db; clock: Clock },
  caller: PaymentCaller,
  order: NewOrder,
): Promise<RecordedOrder> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx): Promise<RecordedOrder> => {
    const audit = (recorded: RecordedOrder) =>
      recordAudit(
        { db: tx, clock: ctx.clock },
        {
          accountId: caller.accountId,
          userId: caller.userId,
          actor: caller.userid,
          eventType: 'payment.order',
          success: recorded.created && order.outcome.accepted,
          ip: caller.ip,
          object: `order:${recorded.created ? recorded.payId : recorded.original.payId}`,
          details: {
            orderId: order.orderId,
            operation: order.operation,
            amount: order.amount,
            currency: order.currency,
            source: order.source,
            ...(recorded.created ? { status: order.outcome.status, ncError: order.outcome.ncError } : { duplicate: true }),
          },
        },
      );
    const totals = newOrderTotals(order.operation, order.amount, order.outcome.accepted);
    const [inserted] = await tx
      .insert(orders)
      .values({
        accountId: caller.accountId,
        orderId: order.orderId,
        operation: order.operation,
        amount: order.amount,
        currency: order.currency,
        status: order.outcome.status,
        ncError: order.outcome.ncError,
        acceptance: order.outcome.acceptance ?? null,
        acquirerReference: order.outcome.acquirerReference ?? null,
        brand: order.card?.brand ?? null,
        cardMasked: order.card?.masked ?? null,
        cardExpiry: order.card?.expiry ?? null,
        cardHolder: order.card?.holder ?? null,
        email: order.email ?? null,
        ownerAddress: order.owner?.address ?? null,
        ownerZip: order.owner?.zip ?? null,
        ownerTown: order.owner?.town ?? null,
        ownerCountry: order.owner?.country ?? null,
        ownerPhone: order.owner?.phone ?? null,
        description: order.description ?? null,
        eci: order.eci ?? null,
        alias: order.alias ?? null,
        source: order.source,
        userId: caller.userId,
        customerIp: order.customerIp ?? null,
        orderedAt: now,
        paidAt: order.outcome.accepted && order.operation === 'SAL' ? now : null,
        ...totals,
      })
      .onConflictDoNothing({ target: [orders.accountId, orders.orderId] })
      .returning({ payId: orders.payId });
    if (!inserted) {
      const [original] = await tx
        .select({ payId: orders.payId, status: orders.status, acceptance: orders.acceptance })
        .from(orders)
        .where(and(eq(orders.accountId, caller.accountId), eq(orders.orderId, order.orderId)));
      if (!original) throw new Error('an order that conflicts on its ORDERID could not be read back');
      const duplicate: RecordedOrder = { created: false, original };
      await audit(duplicate);
      return duplicate;
    }
    const { payId } = inserted;
    await tx.insert(orderOperations).values({
      accountId: caller.accountId,
      payId,
      payIdSub: 0,
      operation: order.operation,
      amount: order.amount,
      currency: order.currency,
      status: order.outcome.status,
      ncError: order.outcome.ncError,
      acceptance: order.outcome.acceptance ?? null,
      userId: caller.userId,
      requestedAt: now,
      processedAt: order.outcome.status === 52 ? null : now,
    });
    const created: RecordedOrder = { created: true, payId };
    await audit(created);
    return created;
  });
}
