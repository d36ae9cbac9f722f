import type { OperationView, OrderSection } from '../../views/transactions/order-page.tsx';
import type { TransactionLineView } from '../../views/transactions/results.tsx';
import type { Environment } from '../db/schema/accounts.ts';
import type { OrderSource } from '../db/schema/payments.ts';
import type { Language } from '../db/schema/users.ts';
import type { Translate } from '../i18n/catalogue.ts';
import { formatAmount, formatDateTime } from '../lib/format.ts';
import { isCurrencyCode } from '../lib/money.ts';
import { isoUtc } from '../lib/time.ts';
import { paths } from '../paths.ts';
import { statusWords } from '../payments/status-words.ts';
import type { OperationLine, OrderDetail, TransactionRow } from './queries.ts';

/*
 * Orders as people read them on the pages: times in the reader's zone and language (the one
 * helper, src/lib/format.ts) with the UTC instant for `<time datetime>`, amounts in the
 * currency's digits, statuses in figures and words, sources in words.
 */

type Reader = { timeZone: string; language: Language };

/** A source in the reader's words ("DirectLink", "e-Terminal"). */
export function sourceWords(t: Translate, source: OrderSource): string {
  return t(`transactions.source.${source}`);
}

/** An amount in minor units with its currency, in the reader's language; as stored when the currency is unknown. */
function amountText(minor: number, currency: string, language: Language): string {
  return isCurrencyCode(currency) ? formatAmount(minor, currency, language) : `${minor} ${currency}`;
}

function moment(at: Date, reader: Reader): { text: string; iso: string } {
  return { text: formatDateTime(at, reader.timeZone, reader.language), iso: isoUtc(at) };
}

/** "9 – Payment requested". */
export function statusText(t: Translate, status: number): string {
  return t('transactions.statusValue', { status: String(status), words: statusWords(t, status) });
}

/** "VISA 411111XXXXXX1111": the masked number only, never more. */
function cardText(brand: string | null, masked: string | null): string {
  return [brand, masked].filter(Boolean).join(' ');
}

/** One line of the results. */
export function transactionLineView(row: TransactionRow, t: Translate, reader: Reader, env: Environment): TransactionLineView {
  return {
    payId: String(row.payId),
    href: paths.transactions.order(env, row.payId),
    orderId: row.orderId,
    orderedAt: moment(row.orderedAt, reader),
    paidAt: row.paidAt ? moment(row.paidAt, reader) : undefined,
    status: statusText(t, row.status),
    amount: amountText(row.amount, row.currency, reader.language),
    card: cardText(row.brand, row.cardMasked),
    cardHolder: row.cardHolder ?? '',
    source: sourceWords(t, row.source),
  };
}

/** The order's fields in sections (order, amounts, card, customer); never the card number beyond its mask. */
export function orderSections(order: OrderDetail, t: Translate, reader: Reader): OrderSection[] {
  const amount = (minor: number) => amountText(minor, order.currency, reader.language);
  return [
    {
      id: 'order',
      title: t('order.section.order'),
      fields: [
        [t('order.payId'), String(order.payId)],
        [t('order.orderId'), order.orderId],
        [t('order.status'), statusText(t, order.status)],
        [t('order.ncError'), order.ncError],
        [t('order.acceptance'), order.acceptance ?? ''],
        [t('order.operation'), order.operation],
        [t('order.source'), sourceWords(t, order.source)],
        [t('order.user'), order.userid ?? ''],
        [t('order.orderedAt'), moment(order.orderedAt, reader).text],
        [t('order.paidAt'), order.paidAt ? moment(order.paidAt, reader).text : ''],
        [t('order.eci'), order.eci === null ? '' : String(order.eci)],
        [t('order.alias'), order.alias ?? ''],
        [t('order.description'), order.description ?? ''],
      ],
    },
    {
      id: 'amounts',
      title: t('order.section.amounts'),
      fields: [
        [t('order.amount'), amount(order.amount)],
        [t('order.authorised'), amount(order.authorisedAmount)],
        [t('order.captured'), amount(order.capturedAmount)],
        [t('order.refunded'), amount(order.refundedAmount)],
      ],
    },
    {
      id: 'card',
      title: t('order.section.card'),
      fields: [
        [t('order.brand'), order.brand ?? ''],
        [t('order.card'), order.cardMasked ?? ''],
        [t('order.expiry'), order.cardExpiry ?? ''],
        [t('order.cardHolder'), order.cardHolder ?? ''],
      ],
    },
    {
      id: 'customer',
      title: t('order.section.customer'),
      fields: [
        [t('order.email'), order.email ?? ''],
        [t('order.address'), order.ownerAddress ?? ''],
        [t('order.zip'), order.ownerZip ?? ''],
        [t('order.town'), order.ownerTown ?? ''],
        [t('order.country'), order.ownerCountry ?? ''],
        [t('order.phone'), order.ownerPhone ?? ''],
        [t('order.ip'), order.customerIp ?? ''],
      ],
    },
  ];
}

/** One operation of the history: "3000000001/2", its amount, status and error code, user and times. */
export function operationView(line: OperationLine, payId: number, t: Translate, reader: Reader): OperationView {
  return {
    level: `${payId}/${line.payIdSub}`,
    operation: line.operation,
    amount: amountText(line.amount, line.currency, reader.language),
    status: statusText(t, line.status),
    ncError: line.ncError,
    userid: line.userid ?? '',
    requestedAt: moment(line.requestedAt, reader),
    processedAt: line.processedAt ? moment(line.processedAt, reader) : undefined,
  };
}
