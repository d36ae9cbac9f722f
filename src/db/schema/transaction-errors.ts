import { bigint, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';
import type { OrderSource } from './payments.ts';

/**
 * The error log (PRODUCT.md J1, Configuration > Error logs): each refused transaction request of
 * an account — its time (UTC), where it came from, who sent it, its ORDERID, its NCERROR and the
 * detailed reason (NCERRORPLUS) — kept three days (a job purges older ones). Never a card number,
 * a CVC or a password: only what the reply itself says.
 */
export const transactionErrors = pgTable(
  'transaction_errors',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    source: text('source').$type<OrderSource>().notNull(),
    /** The USERID as sent (an unknown one too); null when none was. */
    userid: text('userid'),
    orderId: text('order_id'),
    ncError: text('nc_error').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    index('transaction_errors_account_time_idx').on(t.accountId, t.occurredAt, t.id),
  ],
);

export type TransactionError = typeof transactionErrors.$inferSelect;
