import type { ErrorLogEntryView } from '../../views/error-log/error-log-table.tsx';
import type { OrderSource } from '../db/schema/payments.ts';
import type { Language } from '../db/schema/users.ts';
import type { Translate } from '../i18n/catalogue.ts';
import { formatDateTime } from '../lib/format.ts';
import { isoUtc } from '../lib/time.ts';
import { ncErrorReasonFor } from '../payments/ncerror-texts.ts';
import type { ErrorLogRow } from './queries.ts';

/** A source in the reader's words ("DirectLink", "e-Terminal", "Batch (file upload)"). */
export function sourceWords(t: Translate, source: OrderSource): string {
  return t(`errorLog.source.${source}`);
}

/**
 * One row of the page's table: the time in the reader's zone and language (the one helper every
 * page uses, src/lib/format.ts), with the UTC instant for `<time datetime>`; the source in words;
 * the reason in the reader's language when it is its code's standard text, else as the reply
 * said it with the code's meaning in the reader's language (ncErrorReasonFor); the rest as the
 * reply said it.
 */
export function errorLogEntryView(
  row: ErrorLogRow,
  t: Translate,
  reader: { timeZone: string; language: Language },
): ErrorLogEntryView {
  return {
    time: { text: formatDateTime(row.occurredAt, reader.timeZone, reader.language), iso: isoUtc(row.occurredAt) },
    source: sourceWords(t, row.source),
    userid: row.userid,
    orderId: row.orderId,
    ncError: row.ncError,
    reason: ncErrorReasonFor(row.ncError, row.reason, reader.language),
  };
}
