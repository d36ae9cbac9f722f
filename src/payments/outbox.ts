/**
 * The outboxes of messages to the merchant (status_notifications, transaction_mails): rows written in
 * the transaction that decides them, sent later by a job. One way to work them: due rows are leased
 * `batch` at a time (their attempt counted and their next attempt moved LEASE_MS on, in one short
 * statement with `for update skip locked`), so two processes never send one row at the same time
 * and a process that stops mid-send leaves it to be sent again (at least once); each is delivered,
 * then marked sent, or given its next attempt 1, 2, 4… minutes later (at most an hour apart) until
 * `maxAttempts` have failed.
 */
import type { SQL } from 'drizzle-orm';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { Logger } from '../lib/logger.ts';

const LEASE_MS = 2 * 60_000;

/** What every leased row carries: its key and its attempt (1 for the first). */
export type Leased = { account_id: string; id: string; attempts: number; pay_id: string };

export type Outbox<Row extends Leased> = {
  table: 'status_notifications' | 'transaction_mails';
  batch: number;
  maxAttempts: number;
  /** What a failure is logged as ("status change request failed"). */
  failureMessage: string;
  /**
   * The select list and joins that give each leased row its data, over the CTE `leased` (the
   * table's columns): must give `leased.account_id`, `leased.id::text`, `leased.attempts`, `pay_id`.
   */
  select: SQL;
  /** Sends one row; undefined when it went, else why not (a status or an error class: never a message). */
  deliver(row: Row): Promise<string | undefined>;
};

/** Works `outbox` until nothing is due at the clock's now; how many rows went and how many failed. */
export async function workOutbox<Row extends Leased>(
  deps: { db: Db; clock: { now(): Date }; log: Logger },
  outbox: Outbox<Row>,
): Promise<{ sent: number; failed: number }> {
  const table = sql.identifier(outbox.table);
  let sent = 0;
  let failed = 0;
  for (;;) {
    const now = deps.clock.now();
    const at = (ms: number) => sql`${new Date(now.getTime() + ms).toISOString()}::timestamptz`;
    const due = await rowsOf<Row>(
      deps.db,
      sql`
      with due as (
        select account_id, id from ${table}
        where sent_at is null and attempts < ${outbox.maxAttempts} and next_attempt_at <= ${at(0)}
        order by next_attempt_at
        limit ${outbox.batch}
        for update skip locked
      ),
      leased as (
        update ${table} n set attempts = n.attempts + 1, next_attempt_at = ${at(LEASE_MS)}
        from due where n.account_id = due.account_id and n.id = due.id
        returning n.*
      )
      select ${outbox.select}`,
    );
    for (const row of due) {
      const error = await outbox.deliver(row);
      const delayMs = Math.min(2 ** (row.attempts - 1) * 60_000, 60 * 60_000);
      const settle =
        error === undefined
          ? sql`sent_at = ${at(0)}, last_error = null`
          : sql`last_error = ${error}, next_attempt_at = ${at(delayMs)}`;
      await deps.db.execute(sql`update ${table} set ${settle} where account_id = ${row.account_id} and id = ${row.id}::bigint`);
      if (error === undefined) sent += 1;
      else {
        failed += 1;
        deps.log({
          level: 'warn',
          msg: outbox.failureMessage,
          accountId: row.account_id,
          payId: row.pay_id,
          attempt: row.attempts,
          error,
        });
      }
    }
    if (due.length < outbox.batch) return { sent, failed };
  }
}
