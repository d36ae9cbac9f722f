import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const ENVIRONMENTS = ['test', 'prod'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

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
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('accounts_environment_pspid_key').on(t.environment, sql`lower(${t.pspid})`),
    check('accounts_environment_check', sql`${t.environment} in ('test', 'prod')`),
    check('accounts_user_limit_check', sql`${t.userLimit} > 0`),
  ],
);

export type Account = typeof accounts.$inferSelect;
