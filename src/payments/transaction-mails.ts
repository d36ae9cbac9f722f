/**
 * Transaction e-mails to the merchant (Technical information > Transaction e-mails; reference §0):
 * a confirmation of each new order, accepted or not, when "confirmation e-mails" is on, and a mail for each
 * status the offline processing sets when "status change e-mails" is on, to the account's merchant
 * addresses (`;`- or `,`-separated). Queued in the statement or transaction that writes the order or
 * the status (`transaction_mails`, an outbox), sent by the `send-transaction-mails` job every minute,
 * leased like the status-change requests (status-notifications.ts), tried again 1, 2, 4… minutes
 * apart when the mail server refuses, MAX_MAIL_ATTEMPTS times in all.
 *
 * A mail says the PSPID, ORDERID, PAYID and history level, the operation, the amount, the status in
 * words, the brand and the card's last 4 digits — never more of the card — in English and French
 * (the account has no language of its own; each user has theirs).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { translator } from '../i18n/catalogue.ts';
import type { Logger } from '../lib/logger.ts';
import { isCurrencyCode, platformAmount } from '../lib/money.ts';
import type { Mail, Mailer } from '../mail/mailer.ts';
import { statusWords } from './status-words.ts';

export const MAX_MAIL_ATTEMPTS = 8;
const LEASE_MS = 2 * 60_000;
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
  let sent = 0;
  let failed = 0;
  for (;;) {
    const now = deps.clock.now();
    const due = await lease(deps.db, now);
    for (const row of due) {
      let error: string | undefined;
      try {
        for (const to of recipients(row.merchant_emails)) await deps.mailer.send(transactionMail(row, to));
      } catch (caught) {
        error = caught instanceof Error ? caught.name : 'Error';
      }
      if (error === undefined) sent += 1;
      else failed += 1;
      const delayMs = Math.min(2 ** (row.attempts - 1) * 60_000, 60 * 60_000);
      await deps.db.execute(sql`
        update transaction_mails
        set ${error === undefined ? sql`sent_at = ${now.toISOString()}::timestamptz, last_error = null` : sql`last_error = ${error}, next_attempt_at = ${new Date(now.getTime() + delayMs).toISOString()}::timestamptz`}
        where account_id = ${row.account_id} and id = ${row.id}::bigint`);
      if (error !== undefined)
        deps.log({
          level: 'warn',
          msg: 'transaction mail failed',
          accountId: row.account_id,
          payId: row.pay_id,
          attempt: row.attempts,
          error,
        });
    }
    if (due.length < BATCH) return { sent, failed };
  }
}

/** The merchant's addresses, `;`- or `,`-separated (the technical information page checks each). */
function recipients(list: string | null): string[] {
  return (list ?? '')
    .split(/[;,]/)
    .map((address) => address.trim())
    .filter((address) => address !== '');
}

/** Takes up to BATCH due mails for LEASE_MS, counting the attempt; with what each says. */
async function lease(db: Db, now: Date): Promise<DueMail[]> {
  return rowsOf<DueMail>(
    db,
    sql`
    with due as (
      select account_id, id from transaction_mails
      where sent_at is null and attempts < ${MAX_MAIL_ATTEMPTS} and next_attempt_at <= ${now.toISOString()}::timestamptz
      order by next_attempt_at
      limit ${BATCH}
      for update skip locked
    ),
    leased as (
      update transaction_mails m
      set attempts = m.attempts + 1, next_attempt_at = ${new Date(now.getTime() + LEASE_MS).toISOString()}::timestamptz
      from due where m.account_id = due.account_id and m.id = due.id
      returning m.account_id, m.id, m.kind, m.attempts, m.pay_id, m.pay_id_sub
    )
    select leased.account_id, leased.id::text, leased.kind, leased.attempts, t.merchant_emails, a.pspid, o.order_id,
           leased.pay_id::text, leased.pay_id_sub, p.operation, p.amount::text, p.currency, p.status, o.brand, o.card_masked
    from leased
    join accounts a on a.id = leased.account_id
    join orders o on o.account_id = leased.account_id and o.pay_id = leased.pay_id
    join order_operations p on p.account_id = leased.account_id and p.pay_id = leased.pay_id and p.pay_id_sub = leased.pay_id_sub
    left join technical_settings t on t.account_id = leased.account_id`,
  );
}

/** One mail to `to`, in English then French. */
export function transactionMail(row: DueMail, to: string): Mail {
  const amount = isCurrencyCode(row.currency)
    ? `${platformAmount(Number(row.amount), row.currency)} ${row.currency}`
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
