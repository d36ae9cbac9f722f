import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';

/** Default operation of new orders (reference §0 "Global transaction parameters"). */
export const DEFAULT_OPERATIONS = ['RES', 'SAL'] as const;
export type DefaultOperation = (typeof DEFAULT_OPERATIONS)[number];

/** Default data capture of authorised orders: by the merchant, at the end of the day, after x days. */
export const DATA_CAPTURES = ['merchant', 'end_of_day', 'after_days'] as const;
export type DataCapture = (typeof DATA_CAPTURES)[number];

/** Processing mode: always online, online with offline fallback, always offline. */
export const PROCESSING_MODES = ['online', 'online_fallback', 'offline'] as const;
export type ProcessingMode = (typeof PROCESSING_MODES)[number];

export const SHA_ALGORITHM_NAMES = ['SHA-1', 'SHA-256', 'SHA-512'] as const;
export const CHARSETS = ['utf-8', 'iso-8859-1'] as const;

/** When the post-sale request is sent (reference §2.3). */
export const POST_SALE_TIMINGS = ['none', 'deferred', 'online', 'online_deferred'] as const;
export type PostSaleTiming = (typeof POST_SALE_TIMINGS)[number];

/**
 * An account's technical information (PRODUCT.md F1, reference §0 "Technical information"): how
 * new orders are processed, how requests are signed and checked, where feedback goes. One row per
 * account, made with the account. Passphrases are kept sealed (AES-256-GCM under the server key,
 * bound to the account and the passphrase's use), since they must be read back to check and make
 * signatures; never shown again once set, except when generated (shown once).
 */
export const technicalSettings = pgTable(
  'technical_settings',
  {
    accountId: uuid('account_id')
      .primaryKey()
      .references(() => accounts.id),
    defaultOperation: text('default_operation').$type<DefaultOperation>().notNull().default('RES'),
    dataCapture: text('data_capture').$type<DataCapture>().notNull().default('merchant'),
    /** For `after_days`: 2 or more. */
    captureAfterDays: integer('capture_after_days').notNull().default(2),
    processingMode: text('processing_mode').$type<ProcessingMode>().notNull().default('online'),
    paymentRetries: integer('payment_retries').notNull().default(10),
    defaultEci: integer('default_eci').notNull().default(7),
    shaAlgorithm: text('sha_algorithm').notNull().default('SHA-512'),
    charset: text('charset').notNull().default('utf-8'),
    /** e-Commerce and Alias Gateway: pages allowed to send payers, and the SHA-IN passphrase. */
    referrerUrls: text('referrer_urls').array().notNull().default(sql`'{}'::text[]`),
    shaInEcommerceSealed: text('sha_in_ecommerce_sealed'),
    /** DirectLink and Batch: server addresses allowed to call (empty: any), and the SHA-IN passphrase. */
    allowedIps: text('allowed_ips').array().notNull().default(sql`'{}'::text[]`),
    shaInDirectLinkSealed: text('sha_in_directlink_sealed'),
    /** Transaction feedback: SHA-OUT passphrase, post-sale URLs and timing, status-change URL, parameters sent. */
    shaOutSealed: text('sha_out_sealed'),
    postSaleUrlAccepted: text('post_sale_url_accepted'),
    postSaleUrlDeclined: text('post_sale_url_declined'),
    postSaleTiming: text('post_sale_timing').$type<PostSaleTiming>().notNull().default('none'),
    statusChangeUrl: text('status_change_url'),
    feedbackParameters: text('feedback_parameters').array().notNull().default(sql`'{}'::text[]`),
    /** Transaction e-mails: the merchant's addresses (`;`-separated) and which mails go. */
    merchantEmails: text('merchant_emails'),
    merchantConfirmationEmails: boolean('merchant_confirmation_emails').notNull().default(false),
    statusChangeEmails: boolean('status_change_emails').notNull().default(false),
    customerConfirmationEmails: boolean('customer_confirmation_emails').notNull().default(false),
    /** Each tab's version, for stale edits (as on the account page). */
    sectionVersions: jsonb('section_versions').$type<Record<string, number>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('technical_settings_operation_check', sql`${t.defaultOperation} in ('RES', 'SAL')`),
    check(
      'technical_settings_capture_check',
      sql`${t.dataCapture} in ('merchant', 'end_of_day', 'after_days') and ${t.captureAfterDays} >= 2`,
    ),
    check('technical_settings_mode_check', sql`${t.processingMode} in ('online', 'online_fallback', 'offline')`),
    check('technical_settings_algorithm_check', sql`${t.shaAlgorithm} in ('SHA-1', 'SHA-256', 'SHA-512')`),
    check('technical_settings_charset_check', sql`${t.charset} in ('utf-8', 'iso-8859-1')`),
    check('technical_settings_timing_check', sql`${t.postSaleTiming} in ('none', 'deferred', 'online', 'online_deferred')`),
  ],
);

export type TechnicalSettings = typeof technicalSettings.$inferSelect;
