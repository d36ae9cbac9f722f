import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { accounts } from './accounts.ts';

/**
 * PAYIDs, platform-wide (reference §3: one PAYID names one order on the whole platform, whichever
 * account made it). Numbers start at 3,000,000,001 so a PAYID never looks like a small ORDERID
 * (decision record 0026).
 */
export const payIdSequence = pgSequence('payid_seq', { startWith: 3_000_000_001, minValue: 3_000_000_001 });

/** Where an order came from (PRODUCT.md S1, O1; later e-Commerce, batch, subscriptions). */
export const ORDER_SOURCES = ['directlink', 'eterminal', 'ecommerce', 'batch', 'subscription'] as const;
export type OrderSource = (typeof ORDER_SOURCES)[number];

/**
 * A payment order (PAYID) of an account: what was asked, what the acquirer said, and the
 * running totals maintenance is checked against (reference §1). Amounts in minor units of
 * `currency` (ISO 4217). The card number is kept masked only (first 6 and last 4 digits at most);
 * the CVC never. The account id comes first in every key and index (DESIGN.md, Scale-out).
 */
export const orders = pgTable(
  'orders',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** From payid_seq when not given. */
    payId: bigint('pay_id', { mode: 'number' }).notNull().default(sql`nextval('payid_seq')`),
    /** The merchant's ORDERID: up to 40 printable characters, unique in the account. */
    orderId: text('order_id').notNull(),
    /** RES, SAL, PAU or RFD (unreferenced credit): the operation that made the order. */
    operation: text('operation').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    /** The order's status (reference §1.1): its latest operation's. */
    status: integer('status').notNull(),
    /** NCERROR of the latest answer ('0' when it was accepted). */
    ncError: text('nc_error').notNull().default('0'),
    /** The authorisation code the acquirer gave (ACCEPTANCE). */
    acceptance: text('acceptance'),
    /** The acquirer's own reference of the authorisation (src/acquirer/acquirer.ts), which its maintenance names. */
    acquirerReference: text('acquirer_reference'),
    brand: text('brand'),
    /** The card number masked: at most its first 6 and last 4 digits (e.g. 411111XXXXXX1111). */
    cardMasked: text('card_masked'),
    /** The card's expiry, MMYY. */
    cardExpiry: text('card_expiry'),
    cardHolder: text('card_holder'),
    /**
     * The card number sealed (AES-256-GCM under the server key, bound to the account and ORDERID:
     * src/payments/offline-authorisation.ts) while the order waits for its offline authorisation
     * (status 51); emptied once the acquirer has answered. Never the CVC.
     */
    cardNumberSealed: text('card_number_sealed'),
    email: text('email'),
    ownerAddress: text('owner_address'),
    ownerZip: text('owner_zip'),
    ownerTown: text('owner_town'),
    ownerCountry: text('owner_country'),
    ownerPhone: text('owner_phone'),
    /** The order description (COM). */
    description: text('description'),
    /** Electronic Commerce Indicator (reference §3: 1 mail/telephone order, 7 e-commerce, 9 recurring). */
    eci: integer('eci'),
    /** The alias the order used or made (Alias Manager, E1). */
    alias: text('alias'),
    source: text('source').$type<OrderSource>().notNull(),
    /** The user who made it (an API user for DirectLink); null when none (e-Commerce). */
    userId: uuid('user_id'),
    customerIp: text('customer_ip'),
    orderedAt: timestamp('ordered_at', { withTimezone: true }).notNull(),
    /** When it was captured (status 9), if it was. */
    paidAt: timestamp('paid_at', { withTimezone: true }),
    /** What the acquirer authorised; 0 when nothing was. */
    authorisedAmount: bigint('authorised_amount', { mode: 'number' }).notNull().default(0),
    /** Captures asked for, pending ones included. */
    capturedAmount: bigint('captured_amount', { mode: 'number' }).notNull().default(0),
    /** Refunds asked for, pending ones included. */
    refundedAmount: bigint('refunded_amount', { mode: 'number' }).notNull().default(0),
    /** A closing capture (SAS) or deletion (DES) was made: no more captures. */
    captureClosed: boolean('capture_closed').notNull().default(false),
    /** A closing refund (RFS) was made: no more refunds. */
    refundClosed: boolean('refund_closed').notNull().default(false),
    /** The history's last PAYIDSUB (0: the order itself). */
    lastPayIdSub: integer('last_pay_id_sub').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.payId] }),
    // An ORDERID is held by one order at a time; refused (2) or invalid (0) attempts leave it free (src/payments/order-ids.ts).
    uniqueIndex('orders_account_order_id_key').on(t.accountId, t.orderId).where(sql`${t.status} not in (0, 2)`),
    index('orders_account_order_id_idx').on(t.accountId, t.orderId),
    index('orders_account_ordered_idx').on(t.accountId, t.orderedAt, t.payId),
    // View transactions (N1): a payment-date range, and the list sorted by amount, read by key.
    index('orders_account_paid_idx').on(t.accountId, t.paidAt, t.payId).where(sql`${t.paidAt} is not null`),
    index('orders_account_amount_idx').on(t.accountId, t.amount, t.payId),
    // The automatic data capture's work: authorised orders still open for capture, oldest first.
    index('orders_capture_due_idx').on(t.orderedAt).where(sql`${t.status} = 5 and not ${t.captureClosed}`),
    check('orders_amounts_check', sql`${t.capturedAmount} >= 0 and ${t.refundedAmount} >= 0 and ${t.amount} >= 0`),
    check('orders_capture_limit_check', sql`${t.capturedAmount} <= greatest(${t.authorisedAmount}, 0)`),
    check('orders_refund_limit_check', sql`${t.operation} = 'RFD' or ${t.refundedAmount} <= ${t.capturedAmount}`),
  ],
);

export type Order = typeof orders.$inferSelect;

/**
 * An order's history (PAYID / PAYIDSUB, reference §3 "Maintenance"): the order itself at
 * PAYIDSUB 0, then each maintenance request. Each row is one line of the financial history:
 * its amount (minor units), the operation code, the status it reached and when.
 */
export const orderOperations = pgTable(
  'order_operations',
  {
    accountId: uuid('account_id').notNull(),
    payId: bigint('pay_id', { mode: 'number' }).notNull(),
    payIdSub: integer('pay_id_sub').notNull(),
    /** RES, SAL, PAU, RFD (new orders); SAL, SAS, DEL, DES, RFD, RFS, REN (maintenance). */
    operation: text('operation').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    status: integer('status').notNull(),
    ncError: text('nc_error').notNull().default('0'),
    acceptance: text('acceptance'),
    userId: uuid('user_id'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    /** When the status became final (a pending 91, 61 or 81 is not). */
    processedAt: timestamp('processed_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.payId, t.payIdSub] }),
    foreignKey({ columns: [t.accountId, t.payId], foreignColumns: [orders.accountId, orders.payId] }).onDelete('cascade'),
    index('order_operations_account_requested_idx').on(t.accountId, t.requestedAt, t.payId, t.payIdSub),
    // The offline job's work: pending operations and new orders waiting for or unsure of their authorisation, oldest first.
    index('order_operations_pending_idx').on(t.requestedAt).where(sql`${t.status} in (91, 61, 81, 52, 51)`),
  ],
);

export type OrderOperation = typeof orderOperations.$inferSelect;

/** Alias states (reference §6). */
export const ALIAS_STATES = ['pending', 'active', 'error', 'updated'] as const;
export type AliasState = (typeof ALIAS_STATES)[number];

/**
 * A stored card of an account (Alias Manager, E1; reference §6): chargeable later by its name.
 * The card number is kept only sealed (AES-256-GCM under the server key, bound to the alias)
 * and as a keyed fingerprint (HMAC-SHA-256) to find an alias by card; never the CVC.
 */
export const aliases = pgTable(
  'aliases',
  {
    accountId: uuid('account_id')
      .notNull()
      .references(() => accounts.id),
    /** The alias name: up to 50 characters. */
    alias: text('alias').notNull(),
    brand: text('brand').notNull(),
    cardMasked: text('card_masked').notNull(),
    cardExpiry: text('card_expiry').notNull(),
    cardHolder: text('card_holder'),
    cardFingerprint: text('card_fingerprint').notNull(),
    cardNumberSealed: text('card_number_sealed').notNull(),
    state: text('state').$type<AliasState>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.accountId, t.alias] }),
    index('aliases_account_fingerprint_idx').on(t.accountId, t.cardFingerprint),
    check('aliases_state_check', sql`${t.state} in ('pending', 'active', 'error', 'updated')`),
  ],
);

export type Alias = typeof aliases.$inferSelect;
