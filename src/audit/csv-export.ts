import type { Db } from '../db/client.ts';
import type { Translate } from '../i18n/catalogue.ts';
import { csvCell, csvStream } from '../lib/csv.ts';
import { exportDateTimeFormatter } from '../lib/time.ts';
import { actorWords, detailsText, eventLabel, objectWords } from './labels.ts';
import { csvHeader, objectUserIds } from './present.ts';
import type { AuditExportRow, AuditFilters } from './queries.ts';
import { listAuditExportBatch, useridsOf } from './queries.ts';

/** Rows fetched at a time while streaming a download. */
export const AUDIT_CSV_BATCH_SIZE = 5000;
/** Distinct details kept in words at a time (a log repeats the same few details again and again). */
const DETAILS_CACHE_SIZE = 10_000;

export type AuditCsvInput = {
  /** The reader's account: its entries only, and its PSPID for its own object. */
  account: { id: string; pspid: string };
  filters: AuditFilters;
  /** The reader's language and zone: the words and the times of the file. */
  t: Translate;
  zone: string;
  /** Told of a failure once the file has started (the download then breaks, see csvStream). */
  onError: (error: unknown) => void;
  batchSize?: number;
};

/**
 * The audit log's CSV download (decision record 0012): every entry the filters match, newest
 * first, in keyset batches, streamed as the client reads (constant memory, no row cap). The
 * first batch is read before anything is sent, so a failure there (the database is down, a
 * query is refused) answers with an error page instead of a 200 that stops after the header;
 * the filters were checked before this is called. While one batch is written the next is
 * already asked for, so the database and the writing overlap.
 *
 * Columns: the time in the reader's zone, the USERID, the event in words and its type code,
 * the result, the IP, the object in words (a user's current USERID) and its stored id, the
 * details in words and as stored (JSON). Words are computed once per distinct value: event
 * types, objects, and details (by their JSON text) are kept in maps for the whole download.
 *
 * @throws whatever the first batch's query throws.
 */
export async function openAuditCsv(db: Db, input: AuditCsvInput): Promise<ReadableStream<Uint8Array>> {
  const { account, filters, t } = input;
  const limit = input.batchSize ?? AUDIT_CSV_BATCH_SIZE;
  const fetch = (afterId?: string) => listAuditExportBatch(db, account.id, filters, { afterId, limit });
  const records = recordWriter(db, input);
  const first = await fetch();

  async function* chunks(): AsyncGenerator<string> {
    let rows = first;
    for (;;) {
      const last = rows.at(-1);
      const next = rows.length === limit && last ? fetch(last.id) : undefined;
      // A download cancelled while the next batch is read: its failure has no one to tell.
      next?.catch(() => {});
      yield await records(rows);
      if (!next) return;
      rows = await next;
    }
  }
  return csvStream(csvHeader(t, input.zone), chunks(), input.onError);
}

/**
 * Turns a batch of rows into CSV records (one text). Everything but the IP repeats from row to
 * row, so each distinct value's cells are written once, guarded and quoted (csvCell), and kept
 * for the download: actors, event types (words and code), objects (words and id), details
 * (words and JSON, by the JSON's text, at most DETAILS_CACHE_SIZE at a time). The time is
 * written by the zone's export formatter and needs neither guard nor quotes (it starts with a
 * digit and has no comma).
 */
function recordWriter(db: Db, input: AuditCsvInput): (rows: AuditExportRow[]) => Promise<string> {
  const { t, account } = input;
  const time = exportDateTimeFormatter(input.zone);
  const success = csvCell(t('audit.success'));
  const failure = csvCell(t('audit.failure'));
  const actors = new Map<string, string>();
  const events = new Map<string, string>();
  const objects = new Map<string, string>();
  let details = new Map<string, Map<string, string>>();
  let detailsCount = 0;

  const actorCells = (actor: string | null) => {
    if (actor === null) return '';
    let cells = actors.get(actor);
    if (cells === undefined) {
      // Bounded like the details: USERIDs repeat, hashes of unknown users may not.
      if (actors.size >= DETAILS_CACHE_SIZE) actors.clear();
      cells = csvCell(actorWords(t, actor));
      actors.set(actor, cells);
    }
    return cells;
  };
  const eventCells = (type: string) => {
    let cells = events.get(type);
    if (cells === undefined) {
      cells = `${csvCell(eventLabel(t, type))},${csvCell(type)}`;
      events.set(type, cells);
    }
    return cells;
  };
  const detailCells = (type: string, json: string) => {
    let byType = details.get(type);
    if (!byType) {
      byType = new Map();
      details.set(type, byType);
    }
    let cells = byType.get(json);
    if (cells === undefined) {
      if (detailsCount >= DETAILS_CACHE_SIZE) {
        byType = new Map();
        details = new Map([[type, byType]]);
        detailsCount = 0;
      }
      const words = json === '{}' ? '' : detailsText(t, type, JSON.parse(json) as Record<string, unknown>);
      cells = `${csvCell(words)},${csvCell(json)}`;
      byType.set(json, cells);
      detailsCount += 1;
    }
    return cells;
  };

  return async (rows) => {
    // The USERIDs of users this batch names for the first time, in one query.
    const unseen = [...new Set(rows.map((row) => row.object))].filter(
      (object): object is string => object !== null && !objects.has(object),
    );
    if (unseen.length > 0) {
      // Bounded too: objects other than users and accounts (payments, later) may not repeat.
      if (objects.size >= DETAILS_CACHE_SIZE) objects.clear();
      const userids = await useridsOf(db, account.id, objectUserIds(unseen));
      for (const object of unseen) objects.set(object, `${csvCell(objectWords(t, object, userids, account))},${csvCell(object)}`);
    }
    const lines: string[] = new Array(rows.length);
    for (let i = 0; i < rows.length; i += 1) {
      const row = rows[i] as AuditExportRow;
      const object = row.object === null ? ',' : (objects.get(row.object) as string);
      lines[i] =
        `${time(row.epoch * 1000)},${actorCells(row.actor)},${eventCells(row.event_type)},` +
        `${row.success ? success : failure},${csvCell(row.ip)},${object},${detailCells(row.event_type, row.details)}\r\n`;
    }
    return lines.join('');
  };
}
