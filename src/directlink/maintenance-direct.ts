/**
 * DirectLink maintenance (`maintenancedirect.asp`, reference §3 "Maintenance", §1.2–1.3): capture,
 * delete the authorisation, refund or renew one order of the caller's account, named by PAYID
 * (preferred) or ORDERID, through the same service as the back office (requestMaintenance: the
 * order's row lock, the status graph, the history row). AMOUNT is the amount × 100 as for new
 * orders (decision record 0026), in the order's currency; without it, all that is left. The reply
 * names the history level (PAYIDSUB) and the pending status (91, 61, 81; REN 5).
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Order } from '../db/schema/payments.ts';
import { orders } from '../db/schema/payments.ts';
import { isCurrencyCode } from '../lib/money.ts';
import { requestMaintenance } from '../payments/maintenance.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { ncErrorPlusText } from '../payments/ncerror-texts.ts';
import { holderFirst } from '../payments/order-ids.ts';
import type { MaintenanceOperation } from '../payments/transitions.ts';
import { MAINTENANCE_OPERATIONS } from '../payments/transitions.ts';
import type { ApiCaller } from './api-user.ts';
import { missingFieldsText } from './error-texts.ts';
import type { DirectLinkContext } from './order-direct.ts';
import { minorUnitsOf } from './order-direct.ts';
import type { DirectLinkParameters } from './request.ts';
import type { DirectLinkReply } from './response.ts';

/** The order a maintenance or query request names: by PAYID when given, else by ORDERID. */
export function namedOrder(params: DirectLinkParameters): { payId: number } | { orderId: string } | undefined {
  const payId = params.get('PAYID');
  if (payId) return /^\d{1,18}$/.test(payId) ? { payId: Number(payId) } : { payId: -1 };
  const orderId = params.get('ORDERID');
  return orderId ? { orderId } : undefined;
}

/** The account's order a request names (namedOrder), if it has it: by ORDERID, the one that holds it (src/payments/order-ids.ts), else the latest attempt. */
export async function findNamedOrder(
  db: Db,
  accountId: string,
  which: { payId: number } | { orderId: string },
): Promise<Order | undefined> {
  const [order] = await db
    .select()
    .from(orders)
    .where(
      and(eq(orders.accountId, accountId), 'payId' in which ? eq(orders.payId, which.payId) : eq(orders.orderId, which.orderId)),
    )
    // By ORDERID: the order that holds it, else its latest refused attempt.
    .orderBy(...holderFirst)
    .limit(1);
  return order;
}

/** A maintenance request from a checked request (checkOrigin passed): its reply. */
export async function maintenanceDirect(
  ctx: DirectLinkContext,
  caller: ApiCaller,
  _settings: unknown,
  params: DirectLinkParameters,
): Promise<DirectLinkReply> {
  const which = namedOrder(params);
  const operation = params.get('OPERATION') ?? '';
  const refuse = (ncError: string, text?: string, payId?: number): DirectLinkReply => ({
    orderID: params.get('ORDERID') ?? '',
    ...(payId ? { PAYID: payId } : {}),
    NCERROR: ncError,
    NCERRORPLUS: text ?? ncErrorPlusText(ncError),
    STATUS: 0,
  });
  const missing = [!which && 'PAYID', !operation && 'OPERATION'].filter((name): name is string => Boolean(name));
  if (!which || missing.length > 0) return refuse(NCERROR.dataValidation, missingFieldsText(missing));
  if (!(MAINTENANCE_OPERATIONS as readonly string[]).includes(operation)) return refuse(NCERROR.operationNotPermitted);

  // The amount is read in the order's currency.
  const order = await findNamedOrder(ctx.db, caller.account.id, which);
  // PAYID and ORDERID both sent must name the same order.
  const sentOrderId = params.get('ORDERID');
  if (order && sentOrderId && order.orderId !== sentOrderId) return refuse(NCERROR.originalOrderError);
  if (!order || !isCurrencyCode(order.currency)) return refuse(NCERROR.originalOrderError);
  const typed = params.get('AMOUNT');
  const amount = typed ? minorUnitsOf(typed, order.currency) : undefined;
  if (typeof amount === 'object') return refuse(amount.ncError, undefined, order.payId);

  const answer = await requestMaintenance(
    { db: ctx.db, clock: ctx.clock },
    { accountId: caller.account.id, userId: caller.user.id, userid: caller.user.userid, ip: ctx.ip },
    { order: { payId: order.payId }, operation: operation as MaintenanceOperation, amount },
  );
  if (!answer.ok) {
    return { ...refuse(answer.ncError, undefined, order.payId), orderID: order.orderId, STATUS: answer.order?.status ?? 0 };
  }
  return {
    orderID: answer.orderId,
    PAYID: answer.payId,
    PAYIDSUB: answer.payIdSub,
    NCERROR: NCERROR.ok,
    STATUS: answer.status,
    amount: { minor: answer.amount, currency: order.currency },
  };
}
