import type { Translate } from '../../src/i18n/catalogue.ts';
import { DataTable } from '../components/data-table.tsx';

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
    <DataTable
      id="audit-table"
      caption={caption}
      columns={[
        t('audit.col.time'),
        t('audit.col.userid'),
        t('audit.col.event'),
        t('audit.col.result'),
        t('audit.col.ip'),
        t('audit.col.object'),
        t('audit.col.details'),
      ]}
    >
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
    </DataTable>
  );
}
