/**
 * Transaction e-mails to the merchant (Technical information > Transaction e-mails; reference §0):
 * a confirmation of each new order, accepted or not, when "confirmation e-mails" is on, and a mail for each
 * status the offline processing sets when "status change e-mails" is on, to the account's merchant
 * addresses (`;`- or `,`-separated). Queued in the statement or transaction that writes the order or
 * the status (`transaction_mails`), sent by the `send-transaction-mails` job every minute through the
 * outbox (outbox.ts), tried again 1, 2, 4… minutes apart when the mail server refuses,
 * MAX_MAIL_ATTEMPTS times in all.
 *
 * A mail says the PSPID, ORDERID, PAYID and history level, the operation, the amount, the status in
 * words, the brand and the card's last 4 digits — never more of the card — in English and French
 * (the account has no language of its own; each user has theirs).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { translator } from '../i18n/catalogue.ts';
import type { Logger } from '../lib/logger.ts';
import { isCurrencyCode, minorToDecimal } from '../lib/money.ts';
import type { Mail, Mailer } from '../mail/mailer.ts';
import { workOutbox } from './outbox.ts';
import { statusWords } from './status-words.ts';

export const MAX_MAIL_ATTEMPTS = 8;
const BATCH = 50;

/**
 * The SQL that queues a status-change mail for one history row when the account wants them
 * (inside the offline processing's transaction).
 */
export async function queueStatusMail(
  tx: Db,
  row: { accountId: string; payId: string | number; payIdSub: number },
  now: Date,
): Promise<void> {
  const at = sql`${now.toISOString()}::timestamptz`;
  await tx.execute(sql`
    insert into transaction_mails (account_id, pay_id, pay_id_sub, kind, created_at, next_attempt_at)
    select ${row.accountId}, ${String(row.payId)}::bigint, ${row.payIdSub}, 'status_change', ${at}, ${at}
    from technical_settings t
    where t.account_id = ${row.accountId} and t.status_change_emails and coalesce(t.merchant_emails, '') <> ''`);
}

/**
 * A CTE body that queues a new order's confirmation mail (recordNewOrder's statement): `inserted`
 * is the CTE that returns the new order's pay_id.
 */
export function confirmationMailInsert(accountId: string, now: string): SQL {
  return sql`
    insert into transaction_mails (account_id, pay_id, pay_id_sub, kind, created_at, next_attempt_at)
    select ${accountId}, inserted.pay_id, 0, 'confirmation', ${now}::timestamptz, ${now}::timestamptz
    from inserted join technical_settings t on t.account_id = ${accountId}
    where t.merchant_confirmation_emails and coalesce(t.merchant_emails, '') <> ''`;
}

type DueMail = {
  account_id: string;
  id: string;
  kind: 'confirmation' | 'status_change';
  attempts: number;
  merchant_emails: string | null;
  pspid: string;
  order_id: string;
  pay_id: string;
  pay_id_sub: number;
  operation: string;
  amount: string;
  currency: string;
  status: number;
  brand: string | null;
  card_masked: string | null;
};

/** Sends every due transaction mail (send-transaction-mails job); how many were sent and how many failed. */
export async function sendDueTransactionMails(deps: {
  db: Db;
  clock: { now(): Date };
  log: Logger;
  mailer: Mailer;
}): Promise<{ sent: number; failed: number }> {
  return workOutbox<DueMail>(deps, {
    table: 'transaction_mails',
    batch: BATCH,
    maxAttempts: MAX_MAIL_ATTEMPTS,
    failureMessage: 'transaction mail failed',
    select: sql`
      leased.account_id, leased.id::text, leased.kind, leased.attempts, t.merchant_emails, a.pspid, o.order_id,
      leased.pay_id::text, leased.pay_id_sub, p.operation, p.amount::text, p.currency, p.status, o.brand, o.card_masked
      from leased
      join accounts a on a.id = leased.account_id
      join orders o on o.account_id = leased.account_id and o.pay_id = leased.pay_id
      join order_operations p on p.account_id = leased.account_id and p.pay_id = leased.pay_id and p.pay_id_sub = leased.pay_id_sub
      left join technical_settings t on t.account_id = leased.account_id`,
    async deliver(row) {
      try {
        for (const to of recipients(row.merchant_emails)) await deps.mailer.send(transactionMail(row, to));
        return undefined;
      } catch (error) {
        return error instanceof Error ? error.name : 'Error';
      }
    },
  });
}

/** The merchant's addresses, `;`- or `,`-separated (the technical information page checks each). */
function recipients(list: string | null): string[] {
  return (list ?? '')
    .split(/[;,]/)
    .map((address) => address.trim())
    .filter((address) => address !== '');
}

/** One mail to `to`, in English then French. */
export function transactionMail(row: DueMail, to: string): Mail {
  const amount = isCurrencyCode(row.currency)
    ? `${minorToDecimal(Number(row.amount), row.currency)} ${row.currency}`
    : row.currency;
  const card = row.card_masked ? `${row.brand ?? ''} ****${row.card_masked.slice(-4)}`.trim() : (row.brand ?? '—');
  const part = (language: 'en' | 'fr') => {
    const t = translator(language);
    return [
      t(row.kind === 'confirmation' ? 'payments.mail.confirmation' : 'payments.mail.statusChange', { pspid: row.pspid }),
      '',
      t('payments.mail.lines', {
        orderId: row.order_id,
        payId: row.pay_id,
        payIdSub: String(row.pay_id_sub),
        operation: row.operation,
        amount,
        status: String(row.status),
        words: statusWords(t, row.status),
        card,
      }),
    ].join('\n');
  };
  const en = translator('en');
  return {
    to,
    subject: en('payments.mail.subject', { pspid: row.pspid, orderId: row.order_id, words: statusWords(en, row.status) }),
    text: `${part('en')}\n\n---\n\n${part('fr')}\n`,
  };
}
