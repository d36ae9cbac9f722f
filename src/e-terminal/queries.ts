import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { orders } from '../db/schema/payments.ts';

/** What the result page shows of an order (amounts in minor units of `currency`, times UTC). */
export type TerminalOrder = {
  payId: number;
  orderId: string;
  operation: string;
  amount: number;
  currency: string;
  status: number;
  ncError: string;
  acceptance: string | null;
  brand: string | null;
  cardMasked: string | null;
  cardExpiry: string | null;
  cardHolder: string | null;
  eci: number | null;
  userId: string | null;
  orderedAt: Date;
};

/**
 * An order the e-Terminal made for the account, by PAYID; undefined for an order of another
 * account (the page then answers "not found", DESIGN.md request convention 5) or from another
 * source (DirectLink's orders are shown by View transactions, not here).
 */
export async function findTerminalOrder(db: Db, accountId: string, payId: number): Promise<TerminalOrder | undefined> {
  const [row] = await db
    .select({
      payId: orders.payId,
      orderId: orders.orderId,
      operation: orders.operation,
      amount: orders.amount,
      currency: orders.currency,
      status: orders.status,
      ncError: orders.ncError,
      acceptance: orders.acceptance,
      brand: orders.brand,
      cardMasked: orders.cardMasked,
      cardExpiry: orders.cardExpiry,
      cardHolder: orders.cardHolder,
      eci: orders.eci,
      userId: orders.userId,
      orderedAt: orders.orderedAt,
    })
    .from(orders)
    .where(and(eq(orders.accountId, accountId), eq(orders.payId, payId), eq(orders.source, 'eterminal')));
  return row;
}
