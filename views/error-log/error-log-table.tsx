import type { Translate } from '../../src/i18n/catalogue.ts';
import { DataTable } from '../components/data-table.tsx';

/** One refused request as shown: the time already in the reader's zone, the source in words. */
export type ErrorLogEntryView = {
  time: { text: string; iso: string };
  source: string;
  userid: string | null;
  orderId: string | null;
  ncError: string;
  /**
   * The detailed reason (NCERRORPLUS): in the reader's language when it is its code's standard
   * text; otherwise as the platform's reply gave it (`lang` 'en' when that is not the reader's
   * language), with the code's general meaning in the reader's language when there is one.
   */
  reason: { text: string; lang?: 'en'; meaning?: string };
};

/** The errors, newest first, as a table with a caption and column headers. */
export function ErrorLogTable({ t, entries }: { t: Translate; entries: ErrorLogEntryView[] }) {
  return (
    <DataTable
      id="error-log-table"
      caption={t('errorLog.caption')}
      columns={[
        t('errorLog.col.time'),
        t('errorLog.col.source'),
        t('errorLog.col.userid'),
        t('errorLog.col.orderId'),
        t('errorLog.col.ncError'),
        t('errorLog.col.reason'),
      ]}
    >
      {entries.map((entry) => (
        <tr>
          <td>
            <time datetime={entry.time.iso}>{entry.time.text}</time>
          </td>
          <td>{entry.source}</td>
          <td>{entry.userid || '—'}</td>
          <td>{entry.orderId || '—'}</td>
          <td>{entry.ncError}</td>
          <td>
            {entry.reason.lang ? <span lang={entry.reason.lang}>{entry.reason.text}</span> : entry.reason.text}
            {entry.reason.meaning ? (
              <>
                <br />
                <span class="reason-meaning">{t('errorLog.reasonMeaning', { meaning: entry.reason.meaning })}</span>
              </>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
