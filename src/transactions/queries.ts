import type { SQL } from 'drizzle-orm';
import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { OrderSource } from '../db/schema/payments.ts';
import { orderOperations, orders } from '../db/schema/payments.ts';
import { users } from '../db/schema/users.ts';

/** The list's orders: by order date or by amount, each way; the PAYID settles ties. */
export const TRANSACTION_SORTS = ['date_desc', 'date_asc', 'amount_desc', 'amount_asc'] as const;
export type TransactionSort = (typeof TRANSACTION_SORTS)[number];

/**
 * What View transactions filters on. Dates are UTC instants, the ends exclusive (already whole
 * days of the user's zone, src/lib/time.ts zonedDayRange); amounts in minor units of `currency`;
 * `statuses` the codes of the ticked groups (status-groups.ts); `userId` the scope of a user
 * limited to their own transactions.
 */
export type TransactionFilters = {
  orderedFrom?: Date;
  orderedBefore?: Date;
  paidFrom?: Date;
  paidBefore?: Date;
  statuses?: number[];
  orderId?: string;
  payId?: number;
  brand?: string;
  /** The card number's last 1 to 4 digits. */
  cardDigits?: string;
  /** Part of the card holder's name, any case. */
  cardHolder?: string;
  amountFrom?: number;
  amountTo?: number;
  currency?: string;
  source?: OrderSource;
  userId?: string;
};

/**
 * Where a page of results ends, in the sort's order: the sort key (the order date as Postgres's
 * own UTC text to the microsecond, or the amount) and the PAYID.
 */
export type TransactionCursor = { key: string; payId: number };

/** One line of the results: the order with its latest status (times UTC, amounts in minor units). */
export type TransactionRow = {
  payId: number;
  orderId: string;
  orderedAt: Date;
  paidAt: Date | null;
  status: number;
  ncError: string;
  amount: number;
  currency: string;
  brand: string | null;
  cardMasked: string | null;
  cardHolder: string | null;
  source: OrderSource;
  /** The sort key as a cursor writes it (TransactionCursor.key). */
  cursorKey: string;
};

/** At most this many orders are counted; beyond, the page says "more than 10,000". */
export const COUNT_LIMIT = 10_000;

const ORDERED_TEXT = sql<string>`to_char(${orders.orderedAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** `%`, `_` and `\` of a typed text, escaped for LIKE. */
function likeEscaped(typed: string): string {
  return typed.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The filters as conditions, the account first (every index of orders starts with it). */
function filterConditions(accountId: string, filters: TransactionFilters): SQL[] {
  const conditions: SQL[] = [eq(orders.accountId, accountId)];
  if (filters.userId) conditions.push(eq(orders.userId, filters.userId));
  if (filters.orderedFrom) conditions.push(gte(orders.orderedAt, filters.orderedFrom));
  if (filters.orderedBefore) conditions.push(lt(orders.orderedAt, filters.orderedBefore));
  if (filters.paidFrom) conditions.push(gte(orders.paidAt, filters.paidFrom));
  if (filters.paidBefore) conditions.push(lt(orders.paidAt, filters.paidBefore));
  if (filters.statuses) conditions.push(inArray(orders.status, filters.statuses));
  if (filters.orderId) conditions.push(eq(orders.orderId, filters.orderId));
  if (filters.payId !== undefined) conditions.push(eq(orders.payId, filters.payId));
  if (filters.brand) conditions.push(eq(orders.brand, filters.brand));
  if (filters.cardDigits) conditions.push(sql`right(${orders.cardMasked}, ${filters.cardDigits.length}) = ${filters.cardDigits}`);
  if (filters.cardHolder) conditions.push(sql`${orders.cardHolder} ilike ${`%${likeEscaped(filters.cardHolder)}%`}`);
  if (filters.currency) conditions.push(eq(orders.currency, filters.currency));
  if (filters.amountFrom !== undefined) conditions.push(gte(orders.amount, filters.amountFrom));
  if (filters.amountTo !== undefined) conditions.push(lte(orders.amount, filters.amountTo));
  if (filters.source) conditions.push(eq(orders.source, filters.source));
  return conditions;
}

/**
 * A page of an account's orders matching the filters, one line per order with its latest
 * status, in `sort`'s order. Keyset only, never OFFSET: `after` gives the `limit` orders just
 * after that cursor in the sort's order, `before` the `limit` orders just before it (read the
 * other way, then turned back so the page is still in the sort's order); neither gives the
 * first page. Served by the (account_id, ordered_at, pay_id) and (account_id, amount, pay_id)
 * indexes, read either way. Ask one more than the page holds to learn whether another follows.
 */
export async function listTransactions(
  db: Db,
  accountId: string,
  filters: TransactionFilters,
  sort: TransactionSort,
  page: { after?: TransactionCursor; before?: TransactionCursor; limit: number },
): Promise<TransactionRow[]> {
  const conditions = filterConditions(accountId, filters);
  const byAmount = sort.startsWith('amount');
  const descending = sort.endsWith('desc');
  const keyColumn = byAmount ? orders.amount : orders.orderedAt;
  const key = sql`(${keyColumn}, ${orders.payId})`;
  const cursor = (c: TransactionCursor) =>
    byAmount ? sql`(${c.key}::bigint, ${c.payId}::bigint)` : sql`(${c.key}::timestamptz, ${c.payId}::bigint)`;
  // "after" in the sort's order is below the key when the sort descends.
  if (page.after) conditions.push(descending ? sql`${key} < ${cursor(page.after)}` : sql`${key} > ${cursor(page.after)}`);
  if (page.before) conditions.push(descending ? sql`${key} > ${cursor(page.before)}` : sql`${key} < ${cursor(page.before)}`);
  const backwards = Boolean(page.before && !page.after);
  const readDescending = descending !== backwards;
  const direction = readDescending ? desc : asc;
  const rows = await db
    .select({
      payId: orders.payId,
      orderId: orders.orderId,
      orderedAt: orders.orderedAt,
      paidAt: orders.paidAt,
      status: orders.status,
      ncError: orders.ncError,
      amount: orders.amount,
      currency: orders.currency,
      brand: orders.brand,
      cardMasked: orders.cardMasked,
      cardHolder: orders.cardHolder,
      source: orders.source,
      orderedText: ORDERED_TEXT,
    })
    .from(orders)
    .where(and(...conditions))
    .orderBy(direction(keyColumn), direction(orders.payId))
    .limit(page.limit);
  // postgres.js and PGlite may hand a bigint back as text: the page wants numbers.
  const typed = rows.map(({ orderedText, ...row }) => ({
    ...row,
    payId: Number(row.payId),
    amount: Number(row.amount),
    cursorKey: byAmount ? String(Number(row.amount)) : orderedText,
  }));
  return backwards ? typed.reverse() : typed;
}

/**
 * How many orders match, counted up to COUNT_LIMIT + 1 only: a count over millions of orders
 * would cost more than the page; the page says "more than 10,000" beyond.
 */
export async function countTransactions(db: Db, accountId: string, filters: TransactionFilters): Promise<number> {
  const inner = db
    .select({ one: sql`1` })
    .from(orders)
    .where(and(...filterConditions(accountId, filters)))
    .limit(COUNT_LIMIT + 1);
  const [row] = await rowsOf<{ count: number | string }>(db, sql`select count(*)::int as count from (${inner}) as matched`);
  return Number(row?.count ?? 0);
}

/**
 * An order of the account by PAYID, every column but the sealed card number, with the USERID
 * of the user who made it; undefined for another account's PAYID, or, with `userId` (a user
 * limited to their own transactions), for an order that user did not make.
 */
export async function findOrder(db: Db, accountId: string, payId: number, userId?: string) {
  const conditions = [eq(orders.accountId, accountId), eq(orders.payId, payId)];
  if (userId) conditions.push(eq(orders.userId, userId));
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
      email: orders.email,
      ownerAddress: orders.ownerAddress,
      ownerZip: orders.ownerZip,
      ownerTown: orders.ownerTown,
      ownerCountry: orders.ownerCountry,
      ownerPhone: orders.ownerPhone,
      description: orders.description,
      eci: orders.eci,
      alias: orders.alias,
      source: orders.source,
      userid: users.userid,
      customerIp: orders.customerIp,
      orderedAt: orders.orderedAt,
      paidAt: orders.paidAt,
      authorisedAmount: orders.authorisedAmount,
      capturedAmount: orders.capturedAmount,
      refundedAmount: orders.refundedAmount,
    })
    .from(orders)
    .leftJoin(users, and(eq(users.accountId, orders.accountId), eq(users.id, orders.userId)))
    .where(and(...conditions));
  if (!row) return undefined;
  return {
    ...row,
    payId: Number(row.payId),
    amount: Number(row.amount),
    authorisedAmount: Number(row.authorisedAmount),
    capturedAmount: Number(row.capturedAmount),
    refundedAmount: Number(row.refundedAmount),
  };
}

export type OrderDetail = NonNullable<Awaited<ReturnType<typeof findOrder>>>;

/** An order's history, PAYIDSUB 0 (the order itself) first, with the USERID of each operation's user. */
export async function listOrderOperations(db: Db, accountId: string, payId: number) {
  const rows = await db
    .select({
      payIdSub: orderOperations.payIdSub,
      operation: orderOperations.operation,
      amount: orderOperations.amount,
      currency: orderOperations.currency,
      status: orderOperations.status,
      ncError: orderOperations.ncError,
      acceptance: orderOperations.acceptance,
      userid: users.userid,
      requestedAt: orderOperations.requestedAt,
      processedAt: orderOperations.processedAt,
    })
    .from(orderOperations)
    .leftJoin(users, and(eq(users.accountId, orderOperations.accountId), eq(users.id, orderOperations.userId)))
    .where(and(eq(orderOperations.accountId, accountId), eq(orderOperations.payId, payId)))
    .orderBy(asc(orderOperations.payIdSub));
  return rows.map((row) => ({ ...row, amount: Number(row.amount) }));
}

export type OperationLine = Awaited<ReturnType<typeof listOrderOperations>>[number];
