import { bigint, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './users.ts';

/** Earlier password hashes of a user, so the last ones cannot be chosen again. */
export const passwordHistory = pgTable(
  'password_history',
  {
    accountId: uuid('account_id').notNull(),
    userId: uuid('user_id').notNull(),
    id: bigint('id', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'password_history_pkey', columns: [t.accountId, t.userId, t.id] }),
    foreignKey({
      name: 'password_history_user_fkey',
      columns: [t.accountId, t.userId],
      foreignColumns: [users.accountId, users.id],
    }),
  ],
);

/** Single-use recovery codes of a user with 2FA, stored as SHA-256 hashes. */
export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    accountId: uuid('account_id').notNull(),
    userId: uuid('user_id').notNull(),
    codeHash: text('code_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ name: 'recovery_codes_pkey', columns: [t.accountId, t.userId, t.codeHash] }),
    foreignKey({
      name: 'recovery_codes_user_fkey',
      columns: [t.accountId, t.userId],
      foreignColumns: [users.accountId, users.id],
    }),
  ],
);

/** Fixed-window counters for rate limits shared by every app instance ("reset:ip:…", "reset:user:…"). */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    count: bigint('count', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ name: 'rate_limits_pkey', columns: [t.key, t.windowStart] }),
    index('rate_limits_window_idx').on(t.windowStart),
  ],
);
