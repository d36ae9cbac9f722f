import type { AuditEntryView } from '../../views/audit/audit-table.tsx';
import type { Authenticated } from '../auth/sessions.ts';
import type { Translate } from '../i18n/catalogue.ts';
import type { CsvCell } from '../lib/csv.ts';
import { formatDateTime } from '../lib/format.ts';
import { formatExportDateTime, isoUtc } from '../lib/time.ts';
import type { AccountUser } from './forms.ts';
import { detailPairs, detailsText, eventLabel } from './labels.ts';
import type { AuditRow } from './queries.ts';

/*
 * Entries as people read them, on the page and in the download: times in the reader's zone,
 * events labelled, objects named, details as "key: value" pairs (never a JSON blob).
 */

/** The event filter's choices: the types present in the log, labelled, sorted by label in the reader's language. */
export function eventChoices(t: Translate, types: readonly string[]): { type: string; label: string }[] {
  return types.map((type) => ({ type, label: eventLabel(t, type) })).sort((a, b) => a.label.localeCompare(b.label, t.language));
}

/** One row of the page's table; `reader` is the signed-in user (zone and language of the times). */
export function entryView(row: AuditRow, t: Translate, reader: Authenticated, users: readonly AccountUser[]): AuditEntryView {
  const { user, account } = reader;
  return {
    time: { text: formatDateTime(row.occurredAt, user.timeZone, user.language), iso: isoUtc(row.occurredAt) },
    actor: row.actor,
    event: eventLabel(t, row.eventType),
    success: row.success,
    ip: row.ip,
    object: objectText(t, row.object, users, account),
    details: detailPairs(row.details),
  };
}

/** The affected object as people know it: a user by USERID, this account by PSPID; anything else as stored. */
function objectText(
  t: Translate,
  object: string | null,
  users: readonly AccountUser[],
  account: { id: string; pspid: string },
): string | null {
  if (!object) return null;
  const [kind, id] = object.split(':', 2);
  if (kind === 'user') {
    const known = users.find((candidate) => candidate.id === id);
    if (known) return t('audit.object.user', { userid: known.userid });
  }
  if (kind === 'account' && id === account.id) return t('audit.object.account', { pspid: account.pspid });
  return object;
}

/** The download's header row; the times' zone is named in it. */
export function csvHeader(t: Translate, zone: string): string[] {
  return [
    t('audit.csv.time', { zone }),
    t('audit.col.userid'),
    t('audit.col.event'),
    t('audit.csv.eventType'),
    t('audit.col.result'),
    t('audit.col.ip'),
    t('audit.col.object'),
    t('audit.col.details'),
  ];
}

/** One row of the download (cells are guarded against formulas by csvStream). */
export function csvRow(row: AuditRow, t: Translate, zone: string): CsvCell[] {
  return [
    formatExportDateTime(row.occurredAt, zone),
    row.actor,
    eventLabel(t, row.eventType),
    row.eventType,
    t(row.success ? 'audit.success' : 'audit.failure'),
    row.ip,
    // The stored form (kind:id): ids stay true when a USERID is later renamed.
    row.object,
    detailsText(row.details),
  ];
}
