/**
 * The "HTTP request for status changes" (Technical information > Transaction feedback; reference
 * §2.3): when the offline processing gives a history row its final status, a row in
 * `status_notifications` is written in the same transaction (an outbox) for an account with a
 * status-change URL; the `send-status-changes` job posts it to the merchant's server.
 *
 * The request: `POST`, form-encoded in the account's character set, the feedback parameters of the
 * platform (orderID, amount as a decimal, currency, PM, ACCEPTANCE, STATUS, CARDNO as
 * XXXXXXXXXXXX1111, PAYID, PAYIDSUB, NCERROR, BRAND, ED, TRXDATE as MM/DD/YY, CN) and SHASIGN with
 * the account's SHA-OUT passphrase and algorithm (without a passphrase, unsigned). Only to an
 * http(s) address on port 80 or 443 with a host name (isFeedbackUrl, checked again before each
 * attempt) that resolves to a public address (postToPublicAddress: never loopback, private or
 * link-local), without following redirects, with a 10-second timeout.
 *
 * Delivery is at least once, through the outbox (outbox.ts): a 2xx answer marks it sent; anything
 * else is tried again after 1, 2, 4, … minutes (at most an hour apart), MAX_ATTEMPTS times in all.
 */
import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { formEncodeBytes } from '../lib/form-encoding.ts';
import type { Logger } from '../lib/logger.ts';
import { isCurrencyCode, platformAmount } from '../lib/money.ts';
import { postToPublicAddress } from '../lib/public-address.ts';
import { isFeedbackUrl } from '../lib/urls.ts';
import { passphraseOf, readTechnicalSettings } from '../technical/settings.ts';
import { workOutbox } from './outbox.ts';
import type { ShaAlgorithm, ShaCharset } from './signature.ts';
import { computeShaSignForText, encodeText } from './signature.ts';

export const MAX_ATTEMPTS = 8;
const TIMEOUT_MS = 10_000;
const BATCH = 20;

/** How a request is sent (to public addresses only: src/lib/public-address.ts; tests pass their own). */
export type SendRequest = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: Uint8Array; redirect: 'manual'; signal: AbortSignal },
) => Promise<{ status: number }>;

/**
 * Adds the notification of a history row's new status when the account has a status-change URL.
 * Called inside the transaction that changes the status.
 */
export async function queueStatusNotification(
  tx: Db,
  row: { accountId: string; payId: string | number; payIdSub: number; url: string | null },
  now: Date,
): Promise<void> {
  if (!row.url) return;
  const at = sql`${now.toISOString()}::timestamptz`;
  await tx.execute(sql`
    insert into status_notifications (account_id, pay_id, pay_id_sub, url, created_at, next_attempt_at)
    values (${row.accountId}, ${String(row.payId)}::bigint, ${row.payIdSub}, ${row.url}, ${at}, ${at})`);
}

type Due = {
  account_id: string;
  id: string;
  url: string;
  attempts: number;
  order_id: string;
  pay_id: string;
  pay_id_sub: number;
  amount: string;
  currency: string;
  status: number;
  nc_error: string;
  acceptance: string | null;
  brand: string | null;
  card_masked: string | null;
  card_expiry: string | null;
  card_holder: string | null;
  processed_at: Date | string | null;
};

/** Sends every due notification (send-status-changes job); how many were sent and how many failed. */
export async function sendDueStatusNotifications(
  deps: { db: Db; clock: { now(): Date }; log: Logger; secretKey: Buffer },
  send: SendRequest = (url, init) => postToPublicAddress(url, init),
): Promise<{ sent: number; failed: number }> {
  return workOutbox<Due>(deps, {
    table: 'status_notifications',
    batch: BATCH,
    maxAttempts: MAX_ATTEMPTS,
    failureMessage: 'status change request failed',
    select: sql`
      leased.account_id, leased.id::text, leased.url, leased.attempts, o.order_id, leased.pay_id::text, leased.pay_id_sub,
      p.amount::text, p.currency, p.status, p.nc_error, coalesce(p.acceptance, o.acceptance) as acceptance,
      o.brand, o.card_masked, o.card_expiry, o.card_holder, p.processed_at
      from leased
      join orders o on o.account_id = leased.account_id and o.pay_id = leased.pay_id
      join order_operations p on p.account_id = leased.account_id and p.pay_id = leased.pay_id and p.pay_id_sub = leased.pay_id_sub`,
    deliver: (row) => deliver(deps, row, send),
  });
}

/** Posts one notification; undefined when the server answered 2xx, else why not (a status or an error class). */
async function deliver(deps: { db: Db; secretKey: Buffer }, row: Due, send: SendRequest): Promise<string | undefined> {
  if (!isFeedbackUrl(row.url)) return 'address not allowed';
  const settings = await readTechnicalSettings(deps.db, row.account_id);
  const charset = settings.charset as ShaCharset;
  const fields = feedbackFields(row);
  const passphrase = passphraseOf(deps.secretKey, settings, 'sha-out');
  if (passphrase) {
    fields.push([
      'SHASIGN',
      computeShaSignForText(fields, {
        direction: 'SHA-OUT',
        algorithm: settings.shaAlgorithm as ShaAlgorithm,
        passphrase,
        charset,
      }),
    ]);
  }
  const body = formBody(fields, charset);
  try {
    const answer = await send(row.url, {
      method: 'POST',
      headers: { 'Content-Type': `application/x-www-form-urlencoded; charset=${charset}` },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return answer.status >= 200 && answer.status < 300 ? undefined : `HTTP ${answer.status}`;
  } catch (error) {
    return error instanceof Error ? error.name : 'Error';
  }
}

/** The feedback parameters of a history row (reference §2.3), empty ones left out. */
export function feedbackFields(row: Due): [string, string][] {
  const processed = row.processed_at ? new Date(row.processed_at) : undefined;
  const two = (n: number) => String(n).padStart(2, '0');
  const amount = isCurrencyCode(row.currency) ? platformAmount(Number(row.amount), row.currency) : row.amount;
  const fields: [string, string][] = [
    ['orderID', row.order_id],
    ['amount', amount],
    ['currency', row.currency],
    ['PM', 'CreditCard'],
    ['ACCEPTANCE', row.acceptance ?? ''],
    ['STATUS', String(row.status)],
    // The feedback's form of a masked number: its last 4 digits only (XXXXXXXXXXXX1111).
    ['CARDNO', row.card_masked ? 'X'.repeat(row.card_masked.length - 4) + row.card_masked.slice(-4) : ''],
    ['PAYID', row.pay_id],
    ['PAYIDSUB', String(row.pay_id_sub)],
    ['NCERROR', row.nc_error],
    ['BRAND', row.brand ?? ''],
    ['ED', row.card_expiry ?? ''],
    [
      'TRXDATE',
      processed
        ? `${two(processed.getUTCMonth() + 1)}/${two(processed.getUTCDate())}/${two(processed.getUTCFullYear() % 100)}`
        : '',
    ],
    ['CN', row.card_holder ?? ''],
  ];
  return fields.filter(([, value]) => value !== '');
}

/** `NAME=value&…`, each value's bytes in `charset`, %-escaped. */
function formBody(fields: [string, string][], charset: ShaCharset): Uint8Array {
  return Buffer.from(formEncodeBytes(fields.map(([name, value]) => [name, encodeText(value, charset)] as const)), 'ascii');
}
