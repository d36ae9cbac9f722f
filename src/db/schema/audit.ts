import { bigint, boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';

/**
 * Append-only record of security-relevant and money-moving events (PCI DSS 10.2).
 * A trigger (migration 0001) refuses UPDATE and DELETE.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'bigint' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Null when the event names no known account (a login with an unknown PSPID). */
    accountId: uuid('account_id').references(() => accounts.id),
    userId: uuid('user_id'),
    /** The USERID as typed or known at the time, kept even if the user is later renamed or removed. */
    actor: text('actor'),
    eventType: text('event_type').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    success: boolean('success').notNull(),
    ip: text('ip'),
    /** What the event acted on, as "kind:id" (user:…, account:…). */
    object: text('object'),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    index('audit_log_account_time_idx').on(t.accountId, t.occurredAt, t.id),
    index('audit_log_account_user_time_idx').on(t.accountId, t.userId, t.occurredAt, t.id),
    index('audit_log_account_event_time_idx').on(t.accountId, t.eventType, t.occurredAt, t.id),
    // "This user and this event type", newest first: read in order, nothing filtered out (0012).
    index('audit_log_account_user_event_time_idx').on(t.accountId, t.userId, t.eventType, t.occurredAt, t.id),
  ],
);

export type AuditEntry = typeof auditLog.$inferSelect;
