import type { SQL } from 'drizzle-orm';
import { and, asc, desc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { OrderSource } from '../db/schema/payments.ts';
import { transactionErrors } from '../db/schema/transaction-errors.ts';

/**
 * Where a page of the error log starts or ends: an entry's time and id. The time is Postgres's
 * own text of the timestamp in UTC, to the microsecond, so the next page starts exactly beside it
 * whatever precision the entry was written with (as the audit log's cursor, src/audit/queries.ts).
 */
export type ErrorLogCursor = { time: string; id: number };

/** One refused transaction request as the page reads it; `occurredAt` is UTC. */
export type ErrorLogRow = {
  id: number;
  occurredAt: Date;
  /** occurredAt as the cursor writes it (ISO 8601 UTC, microseconds). */
  cursorTime: string;
  source: OrderSource;
  userid: string | null;
  orderId: string | null;
  ncError: string;
  reason: string;
};

/** What the page filters on: entries at or after `since` (UTC), of one source or of all. */
export type ErrorLogFilters = { since: Date; source?: OrderSource };

/**
 * A page of an account's error log, newest first (occurred_at desc, id desc). Keyset only, never
 * OFFSET, read along the (account_id, occurred_at, id) index: `before` gives the `limit` entries
 * just older than that entry, `after` the `limit` entries just newer (read upwards, then turned
 * so the page is still newest first); neither gives the newest. Ask for one more than the page
 * holds to learn whether another page follows in that direction. Another account's entries
 * never match.
 */
export async function listTransactionErrors(
  db: Db,
  accountId: string,
  filters: ErrorLogFilters,
  page: { before?: ErrorLogCursor; after?: ErrorLogCursor; limit: number },
): Promise<ErrorLogRow[]> {
  const conditions: SQL[] = [eq(transactionErrors.accountId, accountId), gte(transactionErrors.occurredAt, filters.since)];
  if (filters.source) conditions.push(eq(transactionErrors.source, filters.source));
  const key = sql`(${transactionErrors.occurredAt}, ${transactionErrors.id})`;
  const cursor = (c: ErrorLogCursor) => sql`(${c.time}::timestamptz, ${c.id}::bigint)`;
  if (page.before) conditions.push(sql`${key} < ${cursor(page.before)}`);
  if (page.after) conditions.push(sql`${key} > ${cursor(page.after)}`);
  const upwards = Boolean(page.after && !page.before);
  const rows = await db
    .select({
      id: transactionErrors.id,
      occurredAt: transactionErrors.occurredAt,
      cursorTime: sql<string>`to_char(${transactionErrors.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      source: transactionErrors.source,
      userid: transactionErrors.userid,
      orderId: transactionErrors.orderId,
      ncError: transactionErrors.ncError,
      reason: transactionErrors.reason,
    })
    .from(transactionErrors)
    .where(and(...conditions))
    .orderBy(
      ...(upwards
        ? [asc(transactionErrors.occurredAt), asc(transactionErrors.id)]
        : [desc(transactionErrors.occurredAt), desc(transactionErrors.id)]),
    )
    .limit(page.limit);
  // postgres.js and PGlite may hand a bigint back as text: the cursor wants the number.
  const typed = rows.map((row) => ({ ...row, id: Number(row.id) }));
  return upwards ? typed.reverse() : typed;
}
