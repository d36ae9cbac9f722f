/**
 * Maintenance of an order (reference §1.2–1.3, §3 "Maintenance"): capture, delete the
 * authorisation, refund, renew — the one service DirectLink's maintenancedirect.asp and the back
 * office's maintenance both call. The order's row is locked (`select … for update`) while the
 * status graph (planMaintenance) is applied, so concurrent requests on one order run one after
 * the other and never pass on the same remaining amount; the database's CHECK constraints on
 * the totals are the last guard. Each accepted request adds a history row (PAYIDSUB = the
 * order's previous last + 1) with the pending status (91, 61, 81; REN 5 at once), which the
 * offline processing later makes final. Accepted and refused requests are audited.
 */
import { and, eq } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { Db } from '../db/client.ts';
import { orderOperations, orders } from '../db/schema/payments.ts';
import type { Clock } from '../lib/clock.ts';
import type { NcError } from './ncerror.ts';
import { NCERROR } from './ncerror.ts';
import { holdsOrderId } from './order-ids.ts';
import type { MaintenanceOperation } from './transitions.ts';
import { planMaintenance } from './transitions.ts';

/**
 * Who asks: the user (an API user on DirectLink) of the account, from where; the system itself
 * (the automatic data capture) has no user id and `userid` 'system'.
 */
export type PaymentCaller = { accountId: string; userId: string | null; userid: string; ip: string | null };

export type MaintenanceRequest = {
  /** The order, by PAYID (preferred) or by the merchant's ORDERID (reference §3). */
  order: { payId: number } | { orderId: string };
  operation: MaintenanceOperation;
  /** Minor units of the order's currency; undefined: all that is left for that operation. */
  amount?: number;
};

export type MaintenanceAnswer =
  | {
      ok: true;
      payId: number;
      payIdSub: number;
      orderId: string;
      status: number;
      amount: number;
      currency: string;
    }
  | {
      ok: false;
      ncError: NcError;
      /** The order when it was found (the reply names it), with its status unchanged. */
      order?: { payId: number; orderId: string; status: number; amount: number; currency: string };
    };

/**
 * Applies one maintenance request to one order of the caller's account, in one transaction.
 * An unknown order answers 50001130 (original order not found); a refusal by the status graph
 * its own code (50001127 wrong status, 50001126 capture overflow, 50001129 refund overflow, …).
 */
export async function requestMaintenance(
  ctx: { db: Db; clock: Clock },
  caller: PaymentCaller,
  request: MaintenanceRequest,
): Promise<MaintenanceAnswer> {
  const answer = await ctx.db.transaction(async (tx) => {
    const match = 'payId' in request.order ? eq(orders.payId, request.order.payId) : holdsOrderId(request.order.orderId);
    const [order] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.accountId, caller.accountId), match))
      .for('update');
    if (!order) return { ok: false as const, ncError: NCERROR.originalOrderError };
    const found = {
      payId: order.payId,
      orderId: order.orderId,
      status: order.status,
      amount: order.amount,
      currency: order.currency,
    };
    const plan = planMaintenance(order, request.operation, request.amount);
    if (!plan.ok) return { ok: false as const, ncError: plan.ncError, order: found };
    const now = ctx.clock.now();
    const payIdSub = order.lastPayIdSub + 1;
    await tx
      .update(orders)
      .set({ ...plan.next, status: plan.status, ncError: NCERROR.ok, lastPayIdSub: payIdSub })
      .where(and(eq(orders.accountId, caller.accountId), eq(orders.payId, order.payId)));
    await tx.insert(orderOperations).values({
      accountId: caller.accountId,
      payId: order.payId,
      payIdSub,
      operation: request.operation,
      amount: plan.amount,
      currency: order.currency,
      status: plan.status,
      userId: caller.userId,
      requestedAt: now,
      // REN is online: final at once.
      processedAt: request.operation === 'REN' ? now : null,
    });
    return {
      ok: true as const,
      payId: order.payId,
      payIdSub,
      orderId: order.orderId,
      status: plan.status,
      amount: plan.amount,
      currency: order.currency,
    };
  });
  await recordAudit(ctx, {
    accountId: caller.accountId,
    userId: caller.userId,
    actor: caller.userid,
    eventType: 'payment.maintenance',
    success: answer.ok,
    ip: caller.ip,
    object: answer.ok ? `order:${answer.payId}` : answer.order ? `order:${answer.order.payId}` : null,
    details: answer.ok
      ? {
          operation: request.operation,
          amount: answer.amount,
          currency: answer.currency,
          payIdSub: answer.payIdSub,
          status: answer.status,
        }
      : {
          operation: request.operation,
          ...(request.amount === undefined ? {} : { amount: request.amount }),
          ncError: answer.ncError,
        },
  });
  return answer;
}
