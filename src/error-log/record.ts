import type { Db } from '../db/client.ts';
import type { OrderSource } from '../db/schema/payments.ts';
import { transactionErrors } from '../db/schema/transaction-errors.ts';
import type { Clock } from '../lib/clock.ts';

/** A refused transaction request as the error log keeps it (J1): what the answer said, never card data. */
export type TransactionErrorEntry = {
  accountId: string;
  source: OrderSource;
  /** The USERID as sent, or null when none was. */
  userid: string | null;
  orderId: string | null;
  ncError: string;
  /** The detailed reason: the NCERRORPLUS text of the answer. */
  reason: string;
};

/** Writes one entry to the account's error log, at the clock's now (UTC). The purge job removes it after three days. */
export async function recordTransactionError(ctx: { db: Db; clock: Clock }, entry: TransactionErrorEntry): Promise<void> {
  await ctx.db.insert(transactionErrors).values({ ...entry, occurredAt: ctx.clock.now() });
}
