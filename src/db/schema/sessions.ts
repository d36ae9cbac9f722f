import { boolean, foreignKey, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Environment } from './accounts.ts';
import { accounts } from './accounts.ts';
import { users } from './users.ts';

/** A signed-in browser. Only the SHA-256 of the cookie's token is stored. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    userId: uuid('user_id').notNull(),
    environment: text('environment').$type<Environment>().notNull(),
    /** Secret echoed by every form and htmx request of this session (CSRF). */
    csrfToken: text('csrf_token').notNull(),
    /** The password step is done, the code step is not: only the code page is reachable. */
    otpPending: boolean('otp_pending').notNull().default(false),
    /** Logged in with a system-issued or one-time password: only the password change is reachable. */
    passwordChangeRequired: boolean('password_change_required').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ name: 'sessions_user_fkey', columns: [t.accountId, t.userId], foreignColumns: [users.accountId, users.id] }),
    index('sessions_user_idx').on(t.accountId, t.userId),
    index('sessions_expires_idx').on(t.expiresAt),
  ],
);

export type Session = typeof sessions.$inferSelect;
