/**
 * Who holds an ORDERID (reference §3: "an order already processed" answers 50001113): an order of
 * the account under that ORDERID, unless it was refused (2) or found invalid (0) — a refused
 * attempt leaves its ORDERID free, so the merchant can try again with another card (decision record
 * 0026). The database keeps it so: the unique index on (account_id, order_id) covers only orders in
 * other statuses (migration 0010).
 */
import type { SQL, SQLWrapper } from 'drizzle-orm';
import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { preparedPerDatabase } from '../db/prepared.ts';
import { orders } from '../db/schema/payments.ts';

/** The statuses of an attempt that leaves its ORDERID free. */
export const ORDER_ID_FREEING_STATUSES = [0, 2] as const;

/** The condition "this order holds `orderId`" (a value or a prepared query's placeholder). */
export function holdsOrderId(orderId: string | SQLWrapper): SQL {
  return and(eq(orders.orderId, orderId), notInArray(orders.status, [...ORDER_ID_FREEING_STATUSES])) as SQL;
}

/** Orders of one ORDERID, the one that holds it first, then the latest attempt (for finding "the" order by ORDERID). */
export const holderFirst: SQL[] = [sql`(${orders.status} in (0, 2))`, sql`${orders.orderedAt} desc`, sql`${orders.payId} desc`];

/** The order holding an ORDERID: what a duplicate's answer names. */
export type OrderIdHolder = { payId: number; status: number; acceptance: string | null };

const holderQuery = preparedPerDatabase((db) =>
  db
    .select({ payId: orders.payId, status: orders.status, acceptance: orders.acceptance })
    .from(orders)
    .where(and(eq(orders.accountId, sql.placeholder('accountId')), holdsOrderId(sql.placeholder('orderId'))))
    .prepare('order_id_holder'),
);

/** The account's order that holds `orderId`, if one does (a query prepared once per database: every new order asks it). */
export async function orderIdHolder(db: Db, accountId: string, orderId: string): Promise<OrderIdHolder | undefined> {
  const [holder] = await holderQuery(db).execute({ accountId, orderId });
  return holder;
}
