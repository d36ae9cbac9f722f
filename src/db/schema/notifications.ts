import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';

/**
 * The columns every outbox of messages about an order has (src/payments/outbox.ts): its key, the
 * order and history level it is about, when it was queued, and its delivery — attempts so far,
 * the next one, when it went, why the last one failed (an HTTP status or an error class, never an
 * answer's body). A function: each table needs columns of its own.
 */
function outboxColumns() {
  return {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    payId: bigint('pay_id', { mode: 'number' }).notNull(),
    payIdSub: integer('pay_id_sub').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  };
}

/**
 * Status changes to tell the merchant's server (Technical information > Transaction feedback,
 * "HTTP request for status changes"; reference §2.3): written in the transaction that changes an
 * order's status offline (an outbox), sent by the `send-status-changes` job, retried with a
 * growing delay until the server answers 2xx or the attempts run out.
 */
export const statusNotifications = pgTable(
  'status_notifications',
  {
    ...outboxColumns(),
    /** The address as set when the status changed (http or https). */
    url: text('url').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    index('status_notifications_due_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`),
  ],
);

/** What a transaction e-mail says: a new order's confirmation, or a status the offline processing set. */
export const TRANSACTION_MAIL_KINDS = ['confirmation', 'status_change'] as const;
export type TransactionMailKind = (typeof TRANSACTION_MAIL_KINDS)[number];

/**
 * Transaction e-mails to the merchant's addresses (Technical information > Transaction e-mails;
 * reference §0): queued with the order or the status change (an outbox), sent by the
 * `send-transaction-mails` job, tried again later when the mail server refuses.
 */
export const transactionMails = pgTable(
  'transaction_mails',
  {
    ...outboxColumns(),
    kind: text('kind').$type<TransactionMailKind>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.id] }),
    index('transaction_mails_due_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`),
  ],
);
