import type { PlainKey, Translate } from '../i18n/catalogue.ts';

/** Statuses with their own words (reference §1.1); others read "Status <n>". */
const STATUS_WORDS: Readonly<Record<number, PlainKey>> = {
  0: 'payments.status.0',
  2: 'payments.status.2',
  5: 'payments.status.5',
  51: 'payments.status.51',
  52: 'payments.status.52',
  6: 'payments.status.6',
  61: 'payments.status.61',
  62: 'payments.status.62',
  63: 'payments.status.63',
  8: 'payments.status.8',
  81: 'payments.status.81',
  82: 'payments.status.82',
  83: 'payments.status.83',
  9: 'payments.status.9',
  91: 'payments.status.91',
  92: 'payments.status.92',
  93: 'payments.status.93',
};

/** A STATUS in words, in the reader's language ("Authorised", "Refund pending"); "Status <n>" for the others. */
export function statusWords(t: Translate, status: number): string {
  const key = STATUS_WORDS[status];
  return key ? t(key) : t('payments.status.other', { status: String(status) });
}
