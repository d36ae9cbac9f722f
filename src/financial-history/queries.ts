import type { SQL } from 'drizzle-orm';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { orderOperations, orders } from '../db/schema/payments.ts';
import { users } from '../db/schema/users.ts';

/**
 * The kinds of operation the financial history filters on, by operation code (reference §1.2):
 * payments are captures and direct sales (SAL, SAS; a SAL at PAYIDSUB 0 is a sale), refunds are
 * RFD and RFS (an RFD at PAYIDSUB 0 is an unreferenced credit), deletions DEL and DES,
 * authorisations RES, PAU and the renewals REN.
 */
export const OPERATION_KINDS = {
  payments: ['SAL', 'SAS'],
  refunds: ['RFD', 'RFS'],
  deletions: ['DEL', 'DES'],
  authorisations: ['RES', 'PAU', 'REN'],
} as const satisfies Record<string, readonly string[]>;
export type OperationKind = keyof typeof OPERATION_KINDS;

/**
 * The statuses a payment line counts with in the totals: captured (9), capture pending offline
 * (91, it will be 9 unless the acquirer refuses) and handled by the merchant (95). Uncertain (92)
 * and refused (93) payments, and refused authorisations (2), never count: the money did not, or
 * not surely, move. The same rule for refunds: 8, pending 81, handled by the merchant 85; never
 * uncertain 82 nor refused 83 (reference §1.1).
 */
export const COUNTED_PAYMENT_STATUSES = [9, 91, 95] as const;
export const COUNTED_REFUND_STATUSES = [8, 81, 85] as const;

/**
 * What the page filters on: the operations requested from `start` (inclusive) to `end`
 * (exclusive), UTC instants of whole days of the reader's zone; one currency, one brand, one kind
 * of operation, or all; `ownerUserId` for a user whose scope is limited to their own
 * transactions (only operations on orders that user made).
 */
export type HistoryFilters = {
  start: Date;
  end: Date;
  currency?: string;
  brand?: string;
  kind?: OperationKind;
  ownerUserId?: string;
};

/**
 * Where a page starts or ends: an operation's request time (Postgres's own text of it in UTC,
 * to the microsecond), PAYID and PAYIDSUB: the history's order, unique in an account.
 */
export type HistoryCursor = { time: string; payId: number; payIdSub: number };

/** One line: an operation of an order. Amounts in minor units of `currency`; `requestedAt` UTC. */
export type HistoryRow = {
  requestedAt: Date;
  cursorTime: string;
  payId: number;
  payIdSub: number;
  orderId: string;
  operation: string;
  amount: number;
  currency: string;
  status: number;
  brand: string | null;
  /** The USERID of the user who asked for the operation, when one did and is still in the account. */
  userid: string | null;
};

function filterConditions(accountId: string, filters: HistoryFilters): SQL[] {
  const conditions: SQL[] = [
    eq(orderOperations.accountId, accountId),
    gte(orderOperations.requestedAt, filters.start),
    lt(orderOperations.requestedAt, filters.end),
  ];
  if (filters.currency) conditions.push(eq(orderOperations.currency, filters.currency));
  if (filters.brand) conditions.push(eq(orders.brand, filters.brand));
  if (filters.kind) conditions.push(inArray(orderOperations.operation, [...OPERATION_KINDS[filters.kind]]));
  if (filters.ownerUserId) conditions.push(eq(orders.userId, filters.ownerUserId));
  return conditions;
}

/**
 * A page of the account's financial history, oldest first (requested_at, pay_id, pay_id_sub):
 * keyset only, never OFFSET, along the (account_id, requested_at, pay_id, pay_id_sub) index;
 * the order of each line is joined by its primary key. `after` gives the `limit` lines just
 * after that one, `before` the `limit` lines just before it (read backwards, then turned so the
 * page is still oldest first); neither gives the first lines of the range. Ask for one more
 * than the page holds to learn whether another page follows in that direction.
 */
export async function listHistoryLines(
  db: Db,
  accountId: string,
  filters: HistoryFilters,
  page: { before?: HistoryCursor; after?: HistoryCursor; limit: number },
): Promise<HistoryRow[]> {
  const conditions = filterConditions(accountId, filters);
  const key = sql`(${orderOperations.requestedAt}, ${orderOperations.payId}, ${orderOperations.payIdSub})`;
  const cursor = (c: HistoryCursor) => sql`(${c.time}::timestamptz, ${c.payId}::bigint, ${c.payIdSub}::int)`;
  if (page.after) conditions.push(sql`${key} > ${cursor(page.after)}`);
  if (page.before) conditions.push(sql`${key} < ${cursor(page.before)}`);
  const backwards = Boolean(page.before && !page.after);
  const direction = backwards ? desc : asc;
  const rows = await db
    .select({
      requestedAt: orderOperations.requestedAt,
      cursorTime: sql<string>`to_char(${orderOperations.requestedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      payId: orderOperations.payId,
      payIdSub: orderOperations.payIdSub,
      orderId: orders.orderId,
      operation: orderOperations.operation,
      amount: orderOperations.amount,
      currency: orderOperations.currency,
      status: orderOperations.status,
      brand: orders.brand,
      userid: users.userid,
    })
    .from(orderOperations)
    .innerJoin(orders, and(eq(orders.accountId, orderOperations.accountId), eq(orders.payId, orderOperations.payId)))
    .leftJoin(users, and(eq(users.accountId, orderOperations.accountId), eq(users.id, orderOperations.userId)))
    .where(and(...conditions))
    .orderBy(direction(orderOperations.requestedAt), direction(orderOperations.payId), direction(orderOperations.payIdSub))
    .limit(page.limit);
  // Either driver may hand a bigint back as text.
  const typed = rows.map((row) => ({ ...row, payId: Number(row.payId), amount: Number(row.amount) }));
  return backwards ? typed.reverse() : typed;
}

/** The totals of one day and currency, in minor units: what counts (see COUNTED_*_STATUSES). */
export type DayTotals = { day: number; currency: string; payments: number; refunds: number; lines: number };

/**
 * The totals of the filtered range by day and currency. `dayStarts` are the UTC instants at
 * which each day of the range starts in the reader's zone, then the end of the last day (the
 * caller computes them with luxon, so a 23- or 25-hour day is exact); `day` in the result is the
 * index of the day in that list. Days without operations are left out. Payments and refunds sum
 * the counted statuses only; `lines` counts every operation of the day, whatever its status.
 */
export async function listDayTotals(
  db: Db,
  accountId: string,
  filters: HistoryFilters,
  dayStarts: readonly Date[],
): Promise<DayTotals[]> {
  const bounds = `{${dayStarts.map((d) => d.toISOString()).join(',')}}`;
  const counted = (codes: readonly string[], statuses: readonly number[]) =>
    sql`coalesce(sum(${orderOperations.amount}) filter (where ${inArray(orderOperations.operation, [...codes])} and ${inArray(orderOperations.status, [...statuses])}), 0)::text`;
  const day = sql<number>`width_bucket(${orderOperations.requestedAt}, ${bounds}::timestamptz[]) - 1`;
  let query = db
    .select({
      day,
      currency: orderOperations.currency,
      payments: counted(OPERATION_KINDS.payments, COUNTED_PAYMENT_STATUSES).mapWith(String),
      refunds: counted(OPERATION_KINDS.refunds, COUNTED_REFUND_STATUSES).mapWith(String),
      lines: sql<string>`count(*)::text`,
    })
    .from(orderOperations)
    .$dynamic();
  // The order is read only when a filter needs it (brand, own orders).
  if (filters.brand || filters.ownerUserId) {
    query = query.innerJoin(
      orders,
      and(eq(orders.accountId, orderOperations.accountId), eq(orders.payId, orderOperations.payId)),
    );
  }
  const rows = await query
    .where(and(...filterConditions(accountId, filters)))
    .groupBy(sql`1`, orderOperations.currency)
    .orderBy(sql`1`, orderOperations.currency);
  return rows.map((row) => ({
    day: Number(row.day),
    currency: row.currency,
    payments: Number(row.payments),
    refunds: Number(row.refunds),
    lines: Number(row.lines),
  }));
}
