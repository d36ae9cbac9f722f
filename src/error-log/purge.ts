import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { errorLogCutoff } from './window.ts';

/** At most this many entries go in one statement: each chunk is its own short transaction. */
export const PURGE_CHUNK_ROWS = 1000;

/**
 * Deletes every error-log entry older than three days before `now` (errorLogCutoff; PRODUCT.md
 * J1), for every account, and says how many went. Accounts are found by a loose index scan on
 * (account_id, occurred_at, id) — one index probe per account that has entries, however long the
 * log — and each account's old entries go in chunks of at most `chunkRows`, each chunk a short
 * statement along the same index (as src/retention/registry.ts deletes), so no run holds long
 * locks. Running it twice deletes nothing more. Throws the database's error if a statement fails
 * (the job is then retried; chunks already deleted stay deleted).
 */
export async function purgeTransactionErrors(
  db: Db,
  now: Date,
  chunkRows = PURGE_CHUNK_ROWS,
): Promise<{ accounts: number; rows: number }> {
  const cutoff = errorLogCutoff(now).toISOString();
  const owners = await rowsOf<{ account_id: string }>(
    db,
    sql`
    with recursive owners(account_id) as (
      (select account_id from transaction_errors order by account_id limit 1)
      union all
      select (
        select e.account_id from transaction_errors e
        where e.account_id > owners.account_id
        order by e.account_id limit 1
      )
      from owners where owners.account_id is not null
    )
    select account_id from owners where account_id is not null`,
  );
  let accounts = 0;
  let rows = 0;
  for (const { account_id: accountId } of owners) {
    let removed = 0;
    for (;;) {
      const [chunk] = await rowsOf<{ n: number }>(
        db,
        sql`with gone as (
              delete from transaction_errors where account_id = ${accountId} and id in (
                select id from transaction_errors
                where account_id = ${accountId} and occurred_at < ${cutoff}::timestamptz
                order by occurred_at limit ${chunkRows})
              returning 1)
            select count(*)::int as n from gone`,
      );
      const gone = chunk?.n ?? 0;
      removed += gone;
      if (gone < chunkRows) break;
    }
    if (removed > 0) accounts += 1;
    rows += removed;
  }
  return { accounts, rows };
}
