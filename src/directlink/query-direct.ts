/**
 * DirectLink query (`querydirect.asp`, reference §3 "Query"): the status of one order of the
 * caller's account, named by PAYID or ORDERID, at its latest history level or at the PAYIDSUB
 * asked for. The reply carries the masked card number (CARDNO) and the customer's address (IP);
 * an order that cannot be found answers STATUS 88 ("the query failed", reference §1.1).
 */
import { and, eq } from 'drizzle-orm';
import { orderOperations } from '../db/schema/payments.ts';
import { isCurrencyCode } from '../lib/money.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { ncErrorPlusText } from '../payments/ncerror-texts.ts';
import type { ApiCaller } from './api-user.ts';
import { missingFieldsText } from './error-texts.ts';
import { findNamedOrder, namedOrder } from './maintenance-direct.ts';
import type { DirectLinkContext } from './order-direct.ts';
import type { DirectLinkParameters } from './request.ts';
import type { DirectLinkReply } from './response.ts';

/** STATUS of a query that failed: no PAYID or ORDERID, an order the account does not have (reference §1.1). */
export const QUERY_FAILED = 88;

/** A query from a checked request (checkOrigin passed): its reply. */
export async function queryDirect(
  ctx: DirectLinkContext,
  caller: ApiCaller,
  _settings: unknown,
  params: DirectLinkParameters,
): Promise<DirectLinkReply> {
  const which = namedOrder(params);
  const failed = (ncError: string, text?: string): DirectLinkReply => ({
    orderID: params.get('ORDERID') ?? '',
    NCERROR: ncError,
    NCERRORPLUS: text ?? ncErrorPlusText(ncError),
    STATUS: QUERY_FAILED,
  });
  if (!which) return failed(NCERROR.dataValidation, missingFieldsText(['PAYID']));
  const order = await findNamedOrder(ctx.db, caller.account.id, which);
  if (!order || !isCurrencyCode(order.currency)) return failed(NCERROR.originalOrderError);
  const askedSub = params.get('PAYIDSUB');
  const payIdSub = askedSub ? Number(askedSub) : order.lastPayIdSub;
  if (!/^\d{1,9}$/.test(String(payIdSub))) return failed(NCERROR.formatValidation, 'PAYIDSUB: a whole number');
  const [level] = await ctx.db
    .select()
    .from(orderOperations)
    .where(
      and(
        eq(orderOperations.accountId, order.accountId),
        eq(orderOperations.payId, order.payId),
        eq(orderOperations.payIdSub, payIdSub),
      ),
    );
  if (!level) return failed(NCERROR.originalOrderError);
  return {
    orderID: order.orderId,
    PAYID: order.payId,
    PAYIDSUB: level.payIdSub,
    NCERROR: level.ncError,
    ACCEPTANCE: level.acceptance ?? order.acceptance ?? '',
    STATUS: level.status,
    ECI: order.eci ?? undefined,
    amount: { minor: level.amount, currency: order.currency },
    PM: 'CreditCard',
    BRAND: order.brand ?? undefined,
    CARDNO: order.cardMasked ?? undefined,
    IP: order.customerIp ?? undefined,
  };
}
