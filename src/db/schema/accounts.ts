import { sql } from 'drizzle-orm';
import { boolean, check, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const ENVIRONMENTS = ['test', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

/** How the subscription is billed (C2). */
export const BILLING_MODES = ['invoice', 'direct_debit'] as const;
export type BillingMode = (typeof BILLING_MODES)[number];

/** Payment data is kept this many days at least and at most (C6, guide 3.2.2). */
export const RETENTION_DAYS = { min: 45, max: 540, default: 540 } as const;

/** A merchant's payment account (PSPID), in one environment. */
export const accounts = pgTable(
  'accounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    environment: text('environment').$type<Environment>().notNull(),
    pspid: text('pspid').notNull(),
    companyName: text('company_name').notNull(),
    tradeName: text('trade_name').notNull(),
    timeZone: text('time_zone').notNull().default('Europe/Brussels'),
    /** Options the subscription switches on (alias-manager, e-terminal, batch, ...). */
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    /** How many users (API users included) the subscription allows. */
    userLimit: integer('user_limit').notNull().default(10),
    /** Every user must set up two-factor authentication before using the back office. */
    twoFactorRequired: boolean('two_factor_required').notNull().default(false),
    /** C1 administrative data: `companyName` is the legal name, `tradeName` the name customers see. */
    phone: text('phone'),
    email: text('email'),
    /** C2 billing details. */
    billingAddress: text('billing_address'),
    vatNumber: text('vat_number'),
    billingContact: text('billing_contact'),
    billingMode: text('billing_mode').$type<BillingMode>().notNull().default('invoice'),
    /** C3 subscription type (src/account/subscriptions.ts); it brings the user limit. */
    subscription: text('subscription').notNull().default('professional'),
    /** C4 languages the payment page can be shown in (Ogone codes: en_US, fr_FR, ...). */
    paymentPageLanguages: text('payment_page_languages').array().notNull().default(sql`'{en_US,fr_FR}'::text[]`),
    /** C4 the merchant's terms and conditions (https), for accounts with e-Commerce level 3. */
    termsUrl: text('terms_url'),
    /** C5 ISO 4217 codes of the currencies the account accepts (multi-currency option). */
    currencies: text('currencies').array().notNull().default(sql`'{EUR}'::text[]`),
    /** C6 days payment data is kept, RETENTION_DAYS.min to .max. */
    retentionDays: integer('retention_days').notNull().default(RETENTION_DAYS.default),
    /**
     * The version of each section of the account page, by section name: an edit made from an
     * older version of its section is refused (stale edit), edits of other sections are not.
     */
    sectionVersions: jsonb('section_versions').$type<Record<string, number>>().notNull().default({}),
    /** I1: the PRODUCTION account created from this TEST account, once it exists. */
    productionAccountId: uuid('production_account_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_environment_pspid_key').on(t.environment, sql`lower(${t.pspid})`),
    check('accounts_environment_check', sql`${t.environment} in ('test', 'prod')`),
    check('accounts_user_limit_check', sql`${t.userLimit} > 0`),
    check('accounts_billing_mode_check', sql`${t.billingMode} in ('invoice', 'direct_debit')`),
    check('accounts_retention_days_check', sql`${t.retentionDays} between 45 and 540`),
    uniqueIndex('accounts_production_account_key').on(t.productionAccountId),
  ],
);

export type Account = typeof accounts.$inferSelect;
