/**
 * Volume data (issue 11, item 7): fills an existing account with N realistic orders and their
 * history, so the operations pages can be tried and measured on millions of rows. Used by
 * `npm run seed:volume` (scripts/seed-volume.ts).
 *
 * Written set-wise: each chunk of orders (50,000 by default) is ONE statement that draws its rows
 * from `generate_series`, numbers them from payid_seq in order-date order, and inserts the orders
 * and their history rows together (data-modifying CTEs); nothing is sent row by row. Every random
 * choice is a hash of the row's number and the run's seed (`hashint8extended`), so a seed gives
 * the same data again and no value depends on the order Postgres evaluates rows in.
 *
 * What an order looks like (reference §1.1–1.3; src/payments/transitions.ts for the totals):
 * - statuses of a whole lifecycle: authorised 5 (RES, or PAU on MasterCard), captured 9 (a sale;
 *   or RES then SAS; or RES then a partial SAL and a closing SAS), capture pending 91, refunded 8
 *   (full RFS, a partial RFD, or RFD then RFS), refund pending 81, cancelled 6 (RES then DES),
 *   refused 2 with the acquirer's NCERROR (300xxxxx), invalid 0 (500xxxxx) and uncertain 52
 *   (20001001); not waiting offline 51, since such an order holds its card number sealed under
 *   the server key (decision record 0029), which a seed has no card for;
 * - the totals (authorised, captured and refunded amounts, closing flags, last PAYIDSUB, payment
 *   date) are those the payment engine would have left after that history, and respect the
 *   table's CHECK constraints;
 * - order dates spread evenly over the last 18 months, no older than the account's retention
 *   period (the retention job would delete older ones); the chunks follow each other in time, so
 *   PAYIDs grow with the order date as on the platform. A pending operation (91, 81) and an order
 *   still waiting for its acquirer (52) are of the last six hours and few (STATUS_MIX): the
 *   application's offline processing settles them once it runs, as it would any pending operation;
 * - the account's currencies (ISO 4217 digits from src/lib/money.ts, amounts of a plausible size
 *   in each), the brands of src/acquirer/brands.ts with a masked number of the brand's IIN and
 *   length (first 6 and last 4 digits, never a full card number), card holders, DirectLink
 *   (the account's API users) and e-Terminal (its other users) orders.
 * The run is audited once (`payment.volume_seeded`), never each order.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Brand } from '../acquirer/brands.ts';
import { recordAudit } from '../audit/service.ts';
import type { Clock } from '../lib/clock.ts';
import { CURRENCY_DIGITS, type CurrencyCode, isCurrencyCode } from '../lib/money.ts';
import { NCERROR } from '../payments/ncerror.ts';
import type { Db } from './client.ts';
import { rowsOf } from './rows.ts';
import { ENVIRONMENTS, type Environment } from './schema/accounts.ts';

/** Orders per statement: large enough to be set-wise, small enough to keep each statement's memory modest. */
export const DEFAULT_CHUNK_ORDERS = 50_000;

/** The most orders one run makes (one hundred million). */
export const MAX_VOLUME_ORDERS = 100_000_000;

/** How far back order dates go, at most (the account's retention period may shorten it). */
const SPREAD_MONTHS = 18;

/** What a run is asked to do. */
export type VolumeSeedOptions = {
  pspid: string;
  environment: Environment;
  /** How many orders to make: a positive integer up to MAX_VOLUME_ORDERS. */
  orders: number;
  /** Makes the same data again (any integer from 0 to 2^31 - 1); random when absent. */
  seed?: number;
  chunkOrders?: number;
  /** Called after each chunk with the orders made so far. */
  onProgress?: (done: number, total: number) => void;
};

/** What a run did. Times in UTC. */
export type VolumeSeedResult = {
  accountId: string;
  orders: number;
  /** History rows (PAYIDSUB 0 included). */
  operations: number;
  seed: number;
  /** The order dates' range. */
  from: Date;
  to: Date;
  /** Time spent writing, in seconds (the statistics refresh after it not counted). */
  seconds: number;
};

/** A refusal worth one line to the operator (unknown account, bad argument), never a stack trace. */
export class VolumeSeedError extends Error {}

/** The share of each status among the orders (shares of 1; the first orders of a run take one of each). */
export const STATUS_MIX: readonly (readonly [status: number, share: number])[] = [
  [9, 0.6],
  [8, 0.09],
  [5, 0.08],
  [6, 0.04],
  [2, 0.145],
  [0, 0.03],
  // Pending ones are few, as on an account the offline processing keeps up with.
  [91, 0.005],
  [81, 0.004],
  [52, 0.006],
];

/**
 * Each brand's share, the IIN prefixes its masked numbers start with (completed to 6 digits) and
 * the length of its numbers (src/acquirer/brands.ts: IIN_RANGES, BRAND_LENGTHS).
 */
const BRAND_MIX: Readonly<Record<Brand, { share: number; iins: readonly string[]; length: number }>> = {
  VISA: { share: 0.45, iins: ['4'], length: 16 },
  MasterCard: { share: 0.3, iins: ['51', '52', '53', '54', '55', '2221', '2720'], length: 16 },
  'American Express': { share: 0.08, iins: ['34', '37'], length: 15 },
  Maestro: { share: 0.09, iins: ['6759', '6761', '5018', '6304'], length: 16 },
  JCB: { share: 0.03, iins: ['3528', '3566', '3589'], length: 16 },
  'Diners Club': { share: 0.05, iins: ['36', '300', '3095'], length: 14 },
};

/** Refusals by the acquirer (status 2) and how often each comes. */
const REFUSALS: readonly (readonly [string, number])[] = [
  [NCERROR.declined, 0.35],
  [NCERROR.insufficientFunds, 0.2],
  [NCERROR.expiredCard, 0.1],
  [NCERROR.badCvc, 0.1],
  [NCERROR.suspectedFraud, 0.08],
  [NCERROR.overCardLimit, 0.07],
  [NCERROR.refusedByInstitution, 0.05],
  [NCERROR.lostCard, 0.03],
  [NCERROR.stolenCard, 0.02],
];

/** Orders the platform's checks stopped (status 0). */
const INVALID: readonly (readonly [string, number])[] = [
  [NCERROR.dataValidation, 0.4],
  [NCERROR.expiryError, 0.3],
  [NCERROR.wrongDecimals, 0.2],
  [NCERROR.currencyNotAccepted, 0.1],
];

/**
 * Roughly how many units of a currency an everyday price of one euro is, so amounts look plausible
 * in each (100,000 JPY is a large order, 100,000 VND a small one). Not exchange rates: a magnitude.
 * Currencies not named are taken as about one euro.
 */
// biome-ignore format: the list reads best in rows
const UNITS_PER_EURO: Partial<Record<CurrencyCode, number>> = {
  ARS: 1000, BRL: 6, CLP: 1000, CNY: 8, COP: 4500, CZK: 25, DKK: 7.5, EGP: 50, HKD: 8.5, HUF: 400, IDR: 17000,
  INR: 90, ISK: 150, JPY: 160, KRW: 1500, MAD: 11, MXN: 20, MYR: 5, NOK: 11.5, PHP: 63, PLN: 4.3, RON: 5, RUB: 100,
  SEK: 11.5, THB: 38, TRY: 35, TWD: 35, UAH: 45, VND: 27000, XAF: 656, XOF: 656, XPF: 119, ZAR: 20,
};

// biome-ignore format: the list reads best in rows
const FIRST_NAMES = [
  'Anna', 'Lucas', 'Emma', 'Noah', 'Louise', 'Arthur', 'Olivia', 'Jules', 'Mila', 'Victor', 'Sofia', 'Thomas',
  'Chloé', 'Hugo', 'Julia', 'Liam', 'Elena', 'Adam', 'Nora', 'Louis', 'Sarah', 'Gabriel', 'Léa', 'Max', 'Inès',
  'Jan', 'Eva', 'Pieter', 'Marie', 'James', 'Fatima', 'Mehdi', 'Yuki', 'Carlos', 'Ana', 'Lars', 'Ingrid',
];
// biome-ignore format: the list reads best in rows
const LAST_NAMES = [
  'Peeters', 'Janssens', 'Maes', 'Jacobs', 'Mertens', 'Willems', 'Dubois', 'Lambert', 'Dupont', 'Martin', 'Bernard',
  'Durand', 'Lefèvre', 'Moreau', 'De Smet', 'Claes', 'Goossens', 'Wouters', 'Müller', 'Schmidt', 'Schneider',
  'Fischer', 'Smith', 'Jones', 'Brown', 'Taylor', 'Garcia', 'Rossi', 'Russo', 'van Dijk', 'de Vries', 'Bakker',
  'Nakamura', 'Hansen', 'Nielsen', 'El Amrani', 'Benali', 'Kowalski', 'Novak',
];
// biome-ignore format: the list reads best in rows
const DESCRIPTIONS = [
  'Web shop order', 'Subscription renewal', 'Gift card', 'Spare parts', 'Event tickets', 'Hotel booking deposit',
  'Books', 'Garden furniture', 'Repair service', 'Online course', 'Phone order', 'Membership fee',
];
/** Customer countries, repeated by weight. */
// biome-ignore format: the list reads best in rows
const COUNTRIES = ['BE', 'BE', 'BE', 'BE', 'BE', 'FR', 'FR', 'FR', 'FR', 'NL', 'NL', 'NL', 'DE', 'DE', 'LU', 'GB', 'ES', 'IT', 'CH', 'US'];

/** A text constant in SQL, quotes doubled; for the fixed tables of this module only. */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

function textArray(values: readonly string[]): string {
  return `array[${values.map(literal).join(', ')}]::text[]`;
}

/** `case` choosing among `entries` by their shares with the uniform value `u` (a column name). */
function weighted(u: string, entries: readonly (readonly [string, number])[]): string {
  const total = entries.reduce((sum, [, share]) => sum + share, 0);
  let running = 0;
  const arms = entries.slice(0, -1).map(([value, share]) => {
    running += share / total;
    return `when ${u} < ${running.toFixed(6)} then ${value}`;
  });
  return `case ${arms.join(' ')} else ${entries.at(-1)?.[0]} end`;
}

/** One of `values` chosen evenly by the uniform value `u`. */
function oneOf(u: string, values: readonly string[]): string {
  return `(${textArray(values)})[1 + floor(${u} * ${values.length})::int]`;
}

/** The masked number's SQL: an IIN prefix of the brand completed to 6 digits, X for the hidden digits, the last 4. */
function maskedCardSql(): string {
  const arms = Object.entries(BRAND_MIX).map(([brand, mix]) => {
    const prefix = oneOf('u_iin', mix.iins);
    const hidden = 'X'.repeat(mix.length - 10);
    // The prefix completed with digits from u_iin's other decimals, then hidden digits and the last four.
    return `when ${literal(brand)} then left(${prefix} || lpad((floor(u_iin * 1e9)::bigint % 100000)::text, 5, '0'), 6) || '${hidden}' || lpad(floor(u_last4 * 10000)::int::text, 4, '0')`;
  });
  return `case brand ${arms.join(' ')} end`;
}

/** The run's orders as generated rows: u1…u25 are uniform values in [0, 1) from the row number and the seed. */
// biome-ignore format: the list reads best in rows
const UNIFORMS = [
  'u_status', 'u_source', 'u_currency', 'u_brand', 'u_amount', 'u_time', 'u_path', 'u_refund', 'u_part', 'u_delay1',
  'u_delay2', 'u_delay3', 'u_delay4', 'u_pending', 'u_iin', 'u_last4', 'u_expiry', 'u_first', 'u_last', 'u_contact',
  'u_user', 'u_error', 'u_misc', 'u_reference', 'u_acceptance',
] as const;

/**
 * The statement that makes the orders `from`…`to` (the run's row numbers, 1-based) of one chunk,
 * with order dates in [sliceStart, sliceEnd), and answers how many orders and history rows it wrote.
 */
function chunkStatement(input: {
  accountId: string;
  environment: Environment;
  seed: number;
  from: number;
  to: number;
  sliceStart: Date;
  sliceEnd: Date;
  now: Date;
  currencies: readonly CurrencyCode[];
  directLinkUsers: readonly string[];
  terminalUsers: readonly string[];
}): SQL {
  const base = BigInt(input.seed) * 1000n;
  const uniforms = UNIFORMS.map(
    (name, k) => `(hashint8extended(g.i, ${base + BigInt(k)}) & 4503599627370495)::float8 / 4503599627370496.0 as ${name}`,
  ).join(',\n      ');
  const forced = `(array[${STATUS_MIX.map(([status]) => status).join(', ')}])[g_i::int]`;
  const statusCase = weighted(
    'u_status',
    STATUS_MIX.map(([status, share]) => [String(status), share]),
  );
  const brandCase = weighted(
    'u_brand',
    Object.entries(BRAND_MIX).map(([brand, mix]) => [literal(brand), mix.share]),
  );
  const currencies = input.currencies.join(',');
  const digits = input.currencies.map((code) => CURRENCY_DIGITS[code]).join(',');
  const units = input.currencies.map((code) => UNITS_PER_EURO[code] ?? 1).join(',');
  const acceptance = input.environment === 'test' ? `'test123'` : `upper(substr(md5(g_i::text || '${input.seed}'), 1, 6))`;
  const pick = (u: string, pool: string) => `${pool}[1 + floor(${u} * cardinality(${pool}))::int]`;
  return sql`
  with p as (
    select string_to_array(${currencies}, ',') as currencies,
           string_to_array(${digits}, ',')::int[] as digits,
           string_to_array(${units}, ',')::float8[] as units,
           string_to_array(nullif(${input.directLinkUsers.join(',')}, ''), ',')::uuid[] as dl_users,
           string_to_array(nullif(${input.terminalUsers.join(',')}, ''), ',')::uuid[] as et_users,
           ${input.now.toISOString()}::timestamptz as t_now,
           ${input.sliceStart.toISOString()}::timestamptz as slice_start,
           ${input.sliceEnd.toISOString()}::timestamptz as slice_end
  ),
  r as materialized (
    select g.i as g_i,
      ${sql.raw(uniforms)}
    from generate_series(${input.from}::bigint, ${input.to}::bigint) as g(i)
  ),
  s1 as (
    select r.*,
      ${sql.raw(`case when g_i <= ${STATUS_MIX.length} then ${forced} else ${statusCase} end`)} as status,
      case when u_source < 0.7 then 'directlink' else 'eterminal' end as source,
      case when cardinality(p.currencies) = 1 or u_currency < 0.7 then 1
           else 2 + least(floor((u_currency - 0.7) / 0.3 * (cardinality(p.currencies) - 1))::int, cardinality(p.currencies) - 2)
      end as cur,
      ${sql.raw(brandCase)} as brand,
      p.t_now - u_pending * interval '6 hours' as t_pending,
      -- Delays in seconds: capture or deletion asked (5 min to 3 days after the order), processed (2 to 22 min),
      -- a second capture (up to 4 days), processed (10 min); a refund (1 hour to 30 days after the capture),
      -- processed (5 to 25 min), a second refund (up to 20 days), processed (15 min).
      300 + u_delay1 * 259200 as d1, 120 + u_delay2 * 1200 as d2, u_delay3 * 345600 as d3, 600.0 as d4,
      3600 + u_delay3 * 2592000 as d5, 300 + u_delay2 * 1200 as d6, u_delay4 * 1728000 as d7, 900.0 as d8,
      ${sql.raw(oneOf('u_first', FIRST_NAMES))} as first_name,
      ${sql.raw(oneOf('u_last', LAST_NAMES))} as last_name
    from r cross join p
  ),
  s2 as (
    select s1.*,
      p.currencies[cur] as currency,
      -- A price of 3 to 1,500 euros (most of them small), in the currency's magnitude and minor units.
      greatest(2, round(exp(ln(3) + power(u_amount, 1.7) * ln(500)) * p.units[cur] * power(10, p.digits[cur])))::bigint as amount,
      -- What the capture part of the history is: none, a sale (SAL at once), a capture (SAS), a partial
      -- capture then a closing one (SAL, SAS), or a pending capture in full (SAS 91) or in part (SAL 91).
      case
        when status = 9 then case when u_path < 0.55 then 'sale' when u_path < 0.9 then 'full' else 'split' end
        when status in (8, 81) then case when u_path < 0.6 then 'sale' else 'full' end
        when status = 91 then case when u_path < 0.8 then 'pending_full' else 'pending_part' end
        else 'none'
      end as capture,
      case
        when status = 8 then case when u_refund < 0.5 then 'full' when u_refund < 0.8 then 'part' else 'part_rest' end
        when status = 81 then case when u_refund < 0.5 then 'pending_part' else 'pending_full' end
        else 'none'
      end as refund,
      case
        when status in (52, 51) then t_pending
        when status = 91 then t_pending - interval '5 minutes' - u_time * interval '3 days'
        when status = 81 then least(p.slice_start + u_time * (p.slice_end - p.slice_start), t_pending - interval '1 hour')
        else p.slice_start + u_time * (p.slice_end - p.slice_start)
      end as t0,
      -- Completed operations happen before this: a pending one's request, else now.
      case when status in (91, 81) then t_pending else p.t_now end as horizon,
      case source when 'directlink' then ${sql.raw(pick('u_user', 'p.dl_users'))} else ${sql.raw(pick('u_user', 'p.et_users'))} end
        as user_id,
      -- Maintenance from the back office (a user of the account) or, for DirectLink orders, half the time by the shop's server.
      case when source = 'directlink' and u_misc < 0.5 then ${sql.raw(pick('u_user', 'p.dl_users'))}
        else ${sql.raw(pick('u_misc', 'p.et_users'))} end as maintenance_user
    from s1 cross join p
  ),
  s3 as materialized (
    -- The operations' delays, in seconds after the order: each step's own delay added to the previous
    -- ones, all shrunk by k when they would not fit before the horizon (the most recent orders).
    select s2.*,
      greatest(1, least(amount - 1, floor(amount * (0.2 + 0.6 * u_part))))::bigint as part,
      c_end, least(1.0, 0.9 * extract(epoch from horizon - t0)::float8 / greatest(c_end + refunds, 1)) as k
    from s2
    cross join lateral (
      select
        case when capture = 'full' or status = 6 then d1 + d2 when capture = 'split' then d1 + d2 + d3 + d4 else 0 end as c_end,
        case refund when 'full' then d5 + d6 when 'part' then d5 + d6 when 'part_rest' then d5 + d6 + d7 + d8 else 0 end as refunds
    ) as chain
  ),
  s4 as (
    select s3.*,
      t0 + make_interval(secs => k * d1) as tc1,
      t0 + make_interval(secs => k * (d1 + d2)) as pc1,
      t0 + make_interval(secs => k * (d1 + d2 + d3)) as tc2,
      t0 + make_interval(secs => k * (d1 + d2 + d3 + d4)) as pc2,
      t0 + make_interval(secs => k * (c_end + d5)) as tr1,
      t0 + make_interval(secs => k * (c_end + d5 + d6)) as pr1,
      t0 + make_interval(secs => k * (c_end + d5 + d6 + d7)) as tr2,
      t0 + make_interval(secs => k * (c_end + d5 + d6 + d7 + d8)) as pr2,
      case
        when capture = 'sale' then 'SAL'
        when status = 5 and brand = 'MasterCard' and u_path < 0.2 then 'PAU'
        when status in (5, 6, 8, 9, 81, 91) then 'RES'
        when u_path < 0.6 then 'SAL'
        else 'RES'
      end as new_operation,
      case when capture = 'sale' then 9 when status in (5, 6, 8, 9, 81, 91) then 5 else status end as first_status,
      case status
        when 2 then ${sql.raw(
          weighted(
            'u_error',
            REFUSALS.map(([code, share]) => [literal(code), share]),
          ),
        )}
        when 0 then ${sql.raw(
          weighted(
            'u_error',
            INVALID.map(([code, share]) => [literal(code), share]),
          ),
        )}
        when 52 then ${NCERROR.acquirerUncertain}
        else '0'
      end as nc_error
    from s3
  ),
  planned as (
    -- Each order as it is stored, and its maintenance rows as parallel arrays (PAYIDSUB 1, 2, ...).
    select t0, source, new_operation, amount, currency, status, nc_error, first_status, brand, user_id, maintenance_user,
      case when first_status in (5, 9) then ${sql.raw(acceptance)} end as acceptance,
      -- The simulated acquirer's reference (src/acquirer/simulated.ts), its 16 hex digits completed at
      -- insertion with a letter at two places, so no run of digits in it could pass for a card number.
      case when status in (0, 51) then null when status <> 52 then 'std' when u_error < 0.8 then 'ua'
        else 'ur' || ${NCERROR.declined} end as reference_tag,
      chr(97 + floor(u_reference * 6)::int) as reference_letter1,
      chr(97 + floor(u_acceptance * 6)::int) as reference_letter2,
      ${sql.raw(maskedCardSql())} as card_masked,
      lpad((1 + floor(u_expiry * 12))::int::text, 2, '0')
        || lpad(((extract(year from t0)::int + 1 + floor(u_misc * 4)::int) % 100)::text, 2, '0') as card_expiry,
      first_name || ' ' || last_name as card_holder,
      case when u_contact < 0.6 then
        translate(lower(first_name || '.' || replace(last_name, ' ', '')), 'éèëçüöäï', 'eeecuoai')
          || ${sql.raw(`(array['@example.com', '@example.org', '@example.net'])[1 + floor(u_contact * 5)::int % 3]`)}
      end as email,
      ${sql.raw(`(${textArray(COUNTRIES)})[1 + floor(u_delay4 * ${COUNTRIES.length})::int]`)} as owner_country,
      case when u_contact > 0.5 then ${sql.raw(oneOf('u_delay3', DESCRIPTIONS))} end as description,
      case source when 'directlink' then 7 else 1 end as eci,
      case when source = 'directlink' then
        case when u_misc < 0.5 then '198.51.100.' else '203.0.113.' end || (1 + floor(u_last4 * 254))::int
      end as customer_ip,
      -- The payment date: the sale's, else the first capture's processing (src/payments/offline.ts).
      case when status in (8, 9, 81) then case capture when 'sale' then t0 else pc1 end end as paid_at,
      case when status in (5, 8, 9, 81, 91) then amount else 0 end as authorised_amount,
      case when status in (8, 9, 81) then amount when capture = 'pending_full' then amount when capture = 'pending_part' then part
        else 0 end as captured_amount,
      case refund when 'full' then amount when 'part' then part when 'part_rest' then amount when 'pending_part' then part
        when 'pending_full' then amount else 0 end as refunded_amount,
      capture in ('full', 'split', 'pending_full') or status = 6 as capture_closed,
      refund in ('full', 'part_rest', 'pending_full') as refund_closed,
      (case capture when 'full' then array['SAS'] when 'split' then array['SAL', 'SAS'] when 'pending_full' then array['SAS']
         when 'pending_part' then array['SAL'] else '{}'::text[] end)
      || (case when status = 6 then array['DES'] else '{}'::text[] end)
      || (case refund when 'full' then array['RFS'] when 'part' then array['RFD'] when 'part_rest' then array['RFD', 'RFS']
         when 'pending_part' then array['RFD'] when 'pending_full' then array['RFS'] else '{}'::text[] end) as ops,
      (case capture when 'full' then array[amount] when 'split' then array[part, amount - part] when 'pending_full' then array[amount]
         when 'pending_part' then array[part] else '{}'::bigint[] end)
      || (case when status = 6 then array[amount] else '{}'::bigint[] end)
      || (case refund when 'full' then array[amount] when 'part' then array[part] when 'part_rest' then array[part, amount - part]
         when 'pending_part' then array[part] when 'pending_full' then array[amount] else '{}'::bigint[] end) as op_amounts,
      (case capture when 'full' then array[9] when 'split' then array[9, 9] when 'pending_full' then array[91]
         when 'pending_part' then array[91] else '{}'::int[] end)
      || (case when status = 6 then array[6] else '{}'::int[] end)
      || (case refund when 'full' then array[8] when 'part' then array[8] when 'part_rest' then array[8, 8]
         when 'pending_part' then array[81] when 'pending_full' then array[81] else '{}'::int[] end) as op_statuses,
      (case capture when 'full' then array[tc1] when 'split' then array[tc1, tc2] when 'pending_full' then array[t_pending]
         when 'pending_part' then array[t_pending] else '{}'::timestamptz[] end)
      || (case when status = 6 then array[tc1] else '{}'::timestamptz[] end)
      || (case refund when 'full' then array[tr1] when 'part' then array[tr1] when 'part_rest' then array[tr1, tr2]
         when 'pending_part' then array[t_pending] when 'pending_full' then array[t_pending] else '{}'::timestamptz[] end) as op_requested,
      (case capture when 'full' then array[pc1] when 'split' then array[pc1, pc2]
         when 'pending_full' then array[null::timestamptz] when 'pending_part' then array[null::timestamptz] else '{}'::timestamptz[] end)
      || (case when status = 6 then array[pc1] else '{}'::timestamptz[] end)
      || (case refund when 'full' then array[pr1] when 'part' then array[pr1] when 'part_rest' then array[pr1, pr2]
         when 'pending_part' then array[null::timestamptz] when 'pending_full' then array[null::timestamptz]
         else '{}'::timestamptz[] end) as op_processed
    from s4
  ),
  numbered as materialized (
    -- PAYIDs in order-date order, as the platform gives them.
    select nextval('payid_seq') as pay_id, sorted.*
    from (select * from planned order by t0) as sorted
  ),
  inserted_orders as (
    insert into orders (account_id, pay_id, order_id, operation, amount, currency, status, nc_error, acceptance,
      acquirer_reference, brand, card_masked, card_expiry, card_holder, email, owner_country, description, eci, source,
      user_id, customer_ip, ordered_at, paid_at, authorised_amount, captured_amount, refunded_amount, capture_closed,
      refund_closed, last_pay_id_sub)
    select ${input.accountId}::uuid, pay_id, case source when 'directlink' then 'WEB-' else 'TEL-' end || pay_id,
      new_operation, amount, currency, status, nc_error, acceptance,
      'sim-' || reference_tag || '-' || reference_letter1 || substr(md5(pay_id::text), 1, 7) || reference_letter2
        || substr(md5(pay_id::text), 9, 7),
      brand, card_masked, card_expiry, card_holder, email, owner_country, description, eci, source,
      user_id, customer_ip, t0, paid_at, authorised_amount, captured_amount, refunded_amount, capture_closed,
      refund_closed, cardinality(ops)
    from numbered
    returning 1
  ),
  inserted_history as (
    insert into order_operations (account_id, pay_id, pay_id_sub, operation, amount, currency, status, nc_error, acceptance,
      user_id, requested_at, processed_at)
    select ${input.accountId}::uuid, pay_id, 0, new_operation, amount, currency, first_status, nc_error, acceptance,
      user_id, t0, case when status in (52, 51) then null else t0 end
    from numbered
    union all
    select ${input.accountId}::uuid, pay_id, step.sub::int, step.operation, step.amount, currency, step.status, '0', null,
      maintenance_user, step.requested, step.processed
    from numbered
    cross join lateral unnest(ops, op_amounts, op_statuses, op_requested, op_processed)
      with ordinality as step(operation, amount, status, requested, processed, sub)
    returning 1
  )
  select (select count(*) from inserted_orders)::int as orders, (select count(*) from inserted_history)::int as operations`;
}

/** The account's users, as the orders' makers: its API users for DirectLink, its other users for the e-Terminal. */
async function usersOf(db: Db, accountId: string): Promise<{ directLink: string[]; terminal: string[] }> {
  const rows = await rowsOf<{ id: string; api: boolean }>(
    db,
    sql`select id::text, is_api_user as api from users where account_id = ${accountId} order by userid`,
  );
  const api = rows.filter((row) => row.api).map((row) => row.id);
  const people = rows.filter((row) => !row.api).map((row) => row.id);
  const everyone = rows.map((row) => row.id);
  return { directLink: api.length > 0 ? api : everyone, terminal: people.length > 0 ? people : everyone };
}

/** The first day order dates may take: 18 months back, or the retention period's start (plus a day) when that is later. */
function spreadStart(now: Date, retentionDays: number): Date {
  const months = new Date(now);
  months.setUTCMonth(months.getUTCMonth() - SPREAD_MONTHS);
  const retained = new Date(now.getTime() - (retentionDays - 1) * 86_400_000);
  return months > retained ? months : retained;
}

/**
 * Makes `options.orders` orders and their history in the account `options.pspid` of
 * `options.environment`, in chunks of `chunkOrders`, each one statement committed on its own (a run
 * stopped half-way leaves whole orders, never half of one). Refreshes the tables' statistics
 * afterwards and writes one audit entry. Throws VolumeSeedError when the account does not exist or
 * an option is out of range.
 */
export async function seedVolume(ctx: { db: Db; clock: Clock }, options: VolumeSeedOptions): Promise<VolumeSeedResult> {
  const { db } = ctx;
  if (!Number.isSafeInteger(options.orders) || options.orders < 1 || options.orders > MAX_VOLUME_ORDERS) {
    throw new VolumeSeedError(`the number of orders must be a whole number from 1 to ${MAX_VOLUME_ORDERS}`);
  }
  const chunk = options.chunkOrders ?? DEFAULT_CHUNK_ORDERS;
  if (!Number.isSafeInteger(chunk) || chunk < 1) throw new VolumeSeedError('the chunk size must be a positive whole number');
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  if (!Number.isSafeInteger(seed) || seed < 0 || seed >= 2 ** 31) {
    throw new VolumeSeedError('the seed must be a whole number from 0 to 2147483647');
  }
  const [account] = await rowsOf<{ id: string; currencies: string[] | string; retention_days: number }>(
    db,
    sql`select id::text, currencies, retention_days from accounts
        where environment = ${options.environment} and lower(pspid) = lower(${options.pspid})`,
  );
  if (!account) throw new VolumeSeedError(`no ${options.environment} account has the PSPID "${options.pspid}"`);
  const listed = Array.isArray(account.currencies) ? account.currencies : parseTextArray(account.currencies);
  const currencies = listed.filter(isCurrencyCode);
  if (currencies.length === 0) currencies.push('EUR');
  const people = await usersOf(db, account.id);

  const now = ctx.clock.now();
  const start = spreadStart(now, account.retention_days);
  // The last orders a minute before now, so their later operations still fit before now.
  const end = new Date(now.getTime() - 60_000);
  const span = end.getTime() - start.getTime();
  const at = (done: number) => new Date(start.getTime() + Math.floor((span * done) / options.orders));

  const started = performance.now();
  let made = 0;
  let operations = 0;
  while (made < options.orders) {
    const size = Math.min(chunk, options.orders - made);
    const statement = chunkStatement({
      accountId: account.id,
      environment: options.environment,
      seed,
      from: made + 1,
      to: made + size,
      sliceStart: at(made),
      sliceEnd: at(made + size),
      now,
      currencies,
      directLinkUsers: people.directLink,
      terminalUsers: people.terminal,
    });
    // Without JIT (compiling this one large statement costs more than running it, on servers built with LLVM), and
    // with the memory to sort a chunk without temporary files.
    const [counts] = await db.transaction(async (tx) => {
      await tx.execute(sql`set local jit = off`);
      await tx.execute(sql`set local work_mem = '256MB'`);
      return rowsOf<{ orders: number; operations: number }>(tx, statement);
    });
    made += Number(counts?.orders ?? 0);
    operations += Number(counts?.operations ?? 0);
    options.onProgress?.(made, options.orders);
  }
  const seconds = (performance.now() - started) / 1000;
  await db.execute(sql`analyze orders`);
  await db.execute(sql`analyze order_operations`);
  await recordAudit(ctx, {
    accountId: account.id,
    actor: 'system',
    eventType: 'payment.volume_seeded',
    success: true,
    object: `account:${account.id}`,
    details: { orders: made, operations, seed, from: start.toISOString(), to: end.toISOString() },
  });
  return { accountId: account.id, orders: made, operations, seed, from: start, to: end, seconds };
}

/** A Postgres text[] as text ("{EUR,USD}"), for a driver that hands arrays so; codes have no quotes or commas. */
function parseTextArray(text: string): string[] {
  return text
    .replace(/^\{|\}$/g, '')
    .split(',')
    .filter(Boolean);
}

/** The command line's options, read, or the one-line reason they cannot be. */
export type VolumeArguments = { ok: true; options: Omit<VolumeSeedOptions, 'onProgress'> } | { ok: false; message: string };

export const VOLUME_USAGE = 'npm run seed:volume -- --orders N --account PSPID [--env test|prod] [--seed S]';

/**
 * Reads `--orders N --account PSPID [--env test|prod] [--seed S]` (also `--name=value`). N: digits
 * only, 1 to MAX_VOLUME_ORDERS; the environment defaults to test; S: 0 to 2^31 - 1. Anything
 * else (an unknown option, a missing value, a repeated option) is refused with its reason.
 */
export function parseVolumeArguments(argv: readonly string[]): VolumeArguments {
  const values: Record<string, string> = {};
  const known = new Set(['orders', 'account', 'env', 'seed']);
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    const match = /^--([a-z]+)(?:=(.*))?$/.exec(arg);
    if (!match?.[1] || !known.has(match[1])) return { ok: false, message: `unknown argument "${arg}"` };
    const name = match[1];
    let value = match[2];
    if (value === undefined) {
      i += 1;
      value = argv[i];
    }
    if (value === undefined || value === '') return { ok: false, message: `--${name} needs a value` };
    if (name in values) return { ok: false, message: `--${name} is given twice` };
    values[name] = value;
  }
  const { orders, account, env = 'test', seed } = values;
  if (orders === undefined) return { ok: false, message: '--orders N is required' };
  if (!/^\d+$/.test(orders) || Number(orders) < 1 || Number(orders) > MAX_VOLUME_ORDERS) {
    return { ok: false, message: `--orders must be a whole number from 1 to ${MAX_VOLUME_ORDERS}, not "${orders}"` };
  }
  if (account === undefined) return { ok: false, message: '--account PSPID is required' };
  if (!(ENVIRONMENTS as readonly string[]).includes(env))
    return { ok: false, message: `--env must be test or prod, not "${env}"` };
  if (seed !== undefined && (!/^\d+$/.test(seed) || Number(seed) >= 2 ** 31)) {
    return { ok: false, message: `--seed must be a whole number from 0 to 2147483647, not "${seed}"` };
  }
  return {
    ok: true,
    options: {
      orders: Number(orders),
      pspid: account,
      environment: env as Environment,
      ...(seed === undefined ? {} : { seed: Number(seed) }),
    },
  };
}
