import type { Translate } from '../../src/i18n/catalogue.ts';

/** One entry as shown: times already in the user's zone, the event, object and details already in words. */
export type AuditEntryView = {
  time: { text: string; iso: string };
  actor: string | null;
  event: string;
  success: boolean;
  ip: string | null;
  object: string | null;
  /** "name: value" texts, one a line. */
  details: string[];
};

/** The entries, newest first, as a table with a caption and column headers. */
export function AuditTable({ t, entries, caption }: { t: Translate; entries: AuditEntryView[]; caption: string }) {
  return (
    // Scrolls sideways on narrow screens: focusable and named, so keyboard users can scroll it.
    <section class="table-scroll" aria-labelledby="audit-table-caption" tabindex={0}>
      <table class="data-table">
        <caption id="audit-table-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.col.time')}</th>
            <th scope="col">{t('audit.col.userid')}</th>
            <th scope="col">{t('audit.col.event')}</th>
            <th scope="col">{t('audit.col.result')}</th>
            <th scope="col">{t('audit.col.ip')}</th>
            <th scope="col">{t('audit.col.object')}</th>
            <th scope="col">{t('audit.col.details')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr>
              <td>
                <time datetime={entry.time.iso}>{entry.time.text}</time>
              </td>
              <td>{entry.actor ?? '—'}</td>
              <td>{entry.event}</td>
              <td>{entry.success ? t('audit.success') : <strong>{t('audit.failure')}</strong>}</td>
              <td>{entry.ip ?? '—'}</td>
              <td>{entry.object ?? '—'}</td>
              <td>
                {entry.details.length === 0
                  ? '—'
                  : entry.details.map((pair, index) => (
                      <>
                        {index > 0 ? <br /> : null}
                        {pair}
                      </>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
