import type { ResultOutcome } from '../../views/e-terminal/result-page.tsx';
import type { MessageKey, PlainKey, Translate } from '../i18n/catalogue.ts';
import { formatAmount, formatDateTime } from '../lib/format.ts';
import { isCurrencyCode } from '../lib/money.ts';
import { NCERROR } from '../payments/ncerror.ts';
import { statusWords } from '../payments/status-words.ts';
import type { TerminalOrder } from './queries.ts';

/** The NCERROR codes of an acquirer's refusal or uncertain answer that have words (src/payments/ncerror.ts). */
const REASONS: Readonly<Record<string, PlainKey>> = Object.fromEntries(
  [
    NCERROR.acquirerUnreachable,
    NCERROR.acquirerUncertain,
    NCERROR.refusedByInstitution,
    NCERROR.declined,
    NCERROR.invalidCardNumber,
    NCERROR.expiredCard,
    NCERROR.suspectedFraud,
    NCERROR.lostCard,
    NCERROR.stolenCard,
    NCERROR.insufficientFunds,
    NCERROR.badCvc,
    NCERROR.overCardLimit,
  ].map((code) => [code, `eterminal.ncerror.${code}` as MessageKey as PlainKey]),
);

/** What an NCERROR means, in the reader's language ("the card’s issuer declined the authorisation"). */
export function ncErrorMeaning(t: Translate, ncError: string): string {
  const key = REASONS[ncError];
  return key ? t(key) : t('eterminal.ncerror.other', { ncError });
}

/** The outcome of an order as the page says it: by its status (reference §1.1). */
export function outcomeOf(status: number): ResultOutcome {
  if (status === 5 || status === 9) return 'accepted';
  if (status === 0 || status === 2) return 'refused';
  if (status === 52) return 'uncertain';
  if (status === 51) return 'offline';
  return 'other';
}

/**
 * The result page's sentence and details for an order, in the reader's language and time zone
 * (`zone`, IANA): PAYID, ORDERID, status in figures and words, ACCEPTANCE, operation, amount,
 * the card masked, the holder, ECI and the order's date.
 */
export function resultProps(order: TerminalOrder, t: Translate, zone: string) {
  const outcome = outcomeOf(order.status);
  const status = t('eterminal.result.statusValue', { status: String(order.status), words: statusWords(t, order.status) });
  const reason = { reason: ncErrorMeaning(t, order.ncError), ncError: order.ncError };
  const said =
    outcome === 'accepted'
      ? t(order.status === 9 ? 'eterminal.result.requested' : 'eterminal.result.authorised')
      : outcome === 'refused'
        ? t('eterminal.result.refused', reason)
        : outcome === 'uncertain'
          ? t('eterminal.result.uncertain', reason)
          : outcome === 'offline'
            ? t('eterminal.result.offline')
            : t('eterminal.result.other', { status });
  const amount = isCurrencyCode(order.currency)
    ? formatAmount(order.amount, order.currency, t.language)
    : `${order.amount} ${order.currency}`;
  const operation =
    order.operation === 'RES' || order.operation === 'SAL' ? t(`eterminal.operation.${order.operation}`) : order.operation;
  const expiry = order.cardExpiry ? `${order.cardExpiry.slice(0, 2)}/${order.cardExpiry.slice(2)}` : '';
  const details: [string, string][] = [
    [t('eterminal.result.payId'), String(order.payId)],
    [t('eterminal.result.orderId'), order.orderId],
    [t('eterminal.result.status'), status],
    [t('eterminal.result.acceptance'), order.acceptance || t('eterminal.result.none')],
    [t('eterminal.result.operation'), operation],
    [t('eterminal.result.amount'), amount],
    [
      t('eterminal.result.card'),
      t('eterminal.result.cardValue', { brand: order.brand ?? '', masked: order.cardMasked ?? '', expiry }),
    ],
    [t('eterminal.result.cardHolder'), order.cardHolder || t('eterminal.result.none')],
    [t('eterminal.result.eci'), order.eci === null ? '' : String(order.eci)],
    [t('eterminal.result.date'), formatDateTime(order.orderedAt, zone, t.language)],
  ];
  return { outcome, said, details };
}
