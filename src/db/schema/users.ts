import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';

/** Why a user is inactive (users.deactivated_reason). */
export const DEACTIVATION_REASONS = ['administrator', 'inactivity'] as const;
export type DeactivationReason = (typeof DEACTIVATION_REASONS)[number];

export const PROFILES = ['admin', 'admin_no_user_manager', 'super_encoder', 'encoder', 'viewer'] as const;
export type Profile = (typeof PROFILES)[number];

import type { Language } from '../../i18n/languages.ts';

export type { Language };

/** A person (or an API client) who acts on an account. */
export const users = pgTable(
  'users',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    id: uuid('id').notNull().defaultRandom(),
    userid: text('userid').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    profile: text('profile').$type<Profile>().notNull(),
    isApiUser: boolean('is_api_user').notNull().default(false),
    /** "Scope limited to own transactions": the user sees only the payments they made. */
    scopeOwnOnly: boolean('scope_own_only').notNull().default(false),
    timeZone: text('time_zone').notNull(),
    language: text('language').$type<Language>().notNull().default('en'),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull(),
    /** The current password was issued by the system (initial, or sent by an administrator): one login only. */
    passwordIssued: boolean('password_issued').notNull().default(false),
    /** When the issued password was used for its one login. */
    passwordIssuedUsedAt: timestamp('password_issued_used_at', { withTimezone: true }),
    /** "Password forgotten?": a one-time password beside the current one, until it is used or expires. */
    resetPasswordHash: text('reset_password_hash'),
    resetPasswordExpiresAt: timestamp('reset_password_expires_at', { withTimezone: true }),
    /** TOTP seed, sealed with the secret key (src/lib/secret-box.ts); null while 2FA is off. */
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last time step whose code was accepted: a code is accepted once. */
    totpLastStep: integer('totp_last_step'),
    /** The secret of the newest QR code shown on the setup page, sealed. */
    totpPendingSecret: text('totp_pending_secret'),
    totpPendingCreatedAt: timestamp('totp_pending_created_at', { withTimezone: true }),
    /** Wrong codes in a row at the login's code step. */
    otpFailures: integer('otp_failures').notNull().default(0),
    /** Failures counting toward the lockout (starts again when a lock runs out). */
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    /** Every failure since the last completed login, locks or not: Home tells the user. */
    failuresSinceLogin: integer('failures_since_login').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    active: boolean('active').notNull().default(true),
    /** Why an inactive user was deactivated: by an administrator, or by the daily job after 90 days without a login (PCI DSS 8.2.6). */
    deactivatedReason: text('deactivated_reason').$type<DeactivationReason>(),
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** The login before the last one, shown on Home so users notice a login that was not theirs. */
    previousLoginAt: timestamp('previous_login_at', { withTimezone: true }),
    /** Failed attempts between the previous successful login and the last one, shown on Home. */
    failedSinceLastLogin: integer('failed_since_last_login').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /** Incremented by every edit of the user's details: an edit based on an older version is refused. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('users_account_userid_key').on(t.accountId, sql`lower(${t.userid})`),
    primaryKey({ name: 'users_pkey', columns: [t.accountId, t.id] }),
    check('users_profile_check', sql`${t.profile} in ('admin', 'admin_no_user_manager', 'super_encoder', 'encoder', 'viewer')`),
    check('users_language_check', sql`${t.language} in ('en', 'fr')`),
    check('users_failed_login_count_check', sql`${t.failedLoginCount} >= 0`),
    check('users_deactivated_reason_check', sql`${t.deactivatedReason} in ('administrator', 'inactivity')`),
  ],
);

export type User = typeof users.$inferSelect;
