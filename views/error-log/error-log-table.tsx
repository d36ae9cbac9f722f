import type { Translate } from '../../src/i18n/catalogue.ts';

/** One refused request as shown: the time already in the reader's zone, the source in words. */
export type ErrorLogEntryView = {
  time: { text: string; iso: string };
  source: string;
  userid: string | null;
  orderId: string | null;
  ncError: string;
  /** The detailed reason (NCERRORPLUS), as the platform's reply gave it. */
  reason: string;
};

/** The errors, newest first, as a table with a caption and column headers. */
export function ErrorLogTable({ t, entries }: { t: Translate; entries: ErrorLogEntryView[] }) {
  return (
    // Scrolls sideways on narrow screens: focusable and named, so keyboard users can scroll it.
    <section class="table-scroll" aria-labelledby="error-log-table-caption" tabindex={0}>
      <table class="data-table">
        <caption id="error-log-table-caption">{t('errorLog.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('errorLog.col.time')}</th>
            <th scope="col">{t('errorLog.col.source')}</th>
            <th scope="col">{t('errorLog.col.userid')}</th>
            <th scope="col">{t('errorLog.col.orderId')}</th>
            <th scope="col">{t('errorLog.col.ncError')}</th>
            <th scope="col">{t('errorLog.col.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr>
              <td>
                <time datetime={entry.time.iso}>{entry.time.text}</time>
              </td>
              <td>{entry.source}</td>
              <td>{entry.userid || '—'}</td>
              <td>{entry.orderId || '—'}</td>
              <td>{entry.ncError}</td>
              <td>{entry.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
