import type { AuditEntryView } from '../../views/audit/audit-table.tsx';
import type { Authenticated } from '../auth/sessions.ts';
import type { Translate } from '../i18n/catalogue.ts';
import { formatDateTime } from '../lib/format.ts';
import { isoUtc } from '../lib/time.ts';
import { actorWords, detailPairs, eventLabel, objectWords, pairText, parseObject } from './labels.ts';
import type { AuditRow } from './queries.ts';

/*
 * Entries as people read them on the page: times in the reader's zone, events labelled,
 * objects named, details as "name: value" pairs in words (never a JSON blob). The download's
 * rows are written by csv-export.ts from the same words.
 */

/** The event filter's choices: the types present in the log, labelled, sorted by label in the reader's language. */
export function eventChoices(t: Translate, types: readonly string[]): { type: string; label: string }[] {
  return types.map((type) => ({ type, label: eventLabel(t, type) })).sort((a, b) => a.label.localeCompare(b.label, t.language));
}

/** The user ids the objects of these rows name (`user:<id>`), to look their USERIDs up in one query. */
export function objectUserIds(objects: Iterable<string | null>): string[] {
  const ids = new Set<string>();
  for (const object of objects) {
    if (!object) continue;
    const { kind, id } = parseObject(object);
    if (kind === 'user') ids.add(id);
  }
  return [...ids];
}

/**
 * One row of the page's table; `reader` is the signed-in user (zone and language of the times),
 * `userids` the USERIDs of the users the page's rows name (objectUserIds).
 */
export function entryView(
  row: AuditRow,
  t: Translate,
  reader: Authenticated,
  userids: ReadonlyMap<string, string>,
): AuditEntryView {
  const { user, account } = reader;
  return {
    time: { text: formatDateTime(row.occurredAt, user.timeZone, user.language), iso: isoUtc(row.occurredAt) },
    actor: actorWords(t, row.actor),
    event: eventLabel(t, row.eventType),
    success: row.success,
    ip: row.ip,
    object: objectWords(t, row.object, userids, account),
    details: detailPairs(t, row.eventType, row.details).map(([label, value]) => pairText(t, label, value)),
  };
}

/**
 * The download's header row; the times' zone is named in it. Beside the words, two columns for
 * machines keep what is stored: the event type and the object id, and the details as JSON.
 */
export function csvHeader(t: Translate, zone: string): string[] {
  return [
    t('audit.csv.time', { zone }),
    t('audit.col.userid'),
    t('audit.col.event'),
    t('audit.csv.eventType'),
    t('audit.col.result'),
    t('audit.col.ip'),
    t('audit.col.object'),
    t('audit.csv.objectId'),
    t('audit.col.details'),
    t('audit.csv.detailsJson'),
  ];
}
