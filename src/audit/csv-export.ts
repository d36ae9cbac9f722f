import type { Db } from '../db/client.ts';
import type { Translate } from '../i18n/catalogue.ts';
import { csvCell, csvStream } from '../lib/csv.ts';
import { exportDateTimeFormatter } from '../lib/time.ts';
import { actorWords, detailsText, eventLabel, objectWords } from './labels.ts';
import { csvHeader, objectUserIds } from './present.ts';
import type { AuditFilters } from './queries.ts';
import { EXPORT_FIELD, listAuditExport, useridsOf } from './queries.ts';

/** Rows fetched at a time while streaming a download. */
export const AUDIT_CSV_BATCH_SIZE = 5000;
/** Lines written between two turns of the event loop (see recordWriter). */
const YIELD_EVERY = 500;
/** Distinct values (details, actors, objects) kept in words at a time: a log repeats the same few again and again. */
const CACHE_SIZE = 10_000;

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
  const fetch = (afterId?: string) => listAuditExport(db, account.id, filters, { afterId, limit });
  const records = recordWriter(db, input);
  const first = await fetch();

  async function* chunks(): AsyncGenerator<string> {
    let batch = first;
    for (;;) {
      const { count, lastId } = measure(batch);
      const next = count === limit ? fetch(lastId) : undefined;
      // A download cancelled while the next batch is read: its failure has no one to tell.
      next?.catch(() => {});
      // One turn of the event loop, so the query is on its way before this batch's writing
      // (CPU only) holds the thread: the database works on the next batch meanwhile.
      if (next) await new Promise((resolve) => setImmediate(resolve));
      yield await records(batch);
      if (!next) return;
      batch = await next;
    }
  }
  return csvStream(csvHeader(t, input.zone), chunks(), input.onError);
}

/** The number of lines of a batch (listAuditExport) and the id its last line starts with. */
function measure(batch: string): { count: number; lastId: string } {
  if (batch === '') return { count: 0, lastId: '' };
  let count = 1;
  let last = 0;
  for (let at = batch.indexOf('\n'); at !== -1; at = batch.indexOf('\n', at + 1)) {
    count += 1;
    last = at + 1;
  }
  return { count, lastId: batch.slice(last, batch.indexOf(EXPORT_FIELD, last)) };
}

/** A copy of a piece of a batch that does not keep the whole batch alive (V8 slices share their parent). */
function own(piece: string): string {
  return `${piece} `.slice(0, -1);
}

/** A JSON string field of a line (EXPORT_LINE): '' stands for null. */
function unjson(field: string): string | null {
  if (field === '') return null;
  return field.includes('\\') ? (JSON.parse(field) as string) : field.slice(1, -1);
}

/**
 * Turns a batch (listAuditExport's lines) into CSV records, one text. Everything but the time
 * and the IP repeats from row to row, so each distinct value's cells are written once, guarded
 * and quoted (csvCell), and kept for the download by the field's own text: actors, event types
 * (words and code), objects (words and id; the USERIDs of users met for the first time are
 * looked up in one query a batch), details (words and JSON). Each map keeps at most
 * CACHE_SIZE values at a time. The time is written by the zone's export formatter and needs
 * neither guard nor quotes (it starts with a digit and has no comma). Every YIELD_EVERY lines
 * it gives the event loop a turn, so the next batch (asked for before this one is written)
 * keeps flowing from Postgres instead of waiting in a full socket buffer, where Postgres would
 * stop until Node read again: this overlap took the download from 5.4× to about 3.3× the time
 * of COPY on 2 cores (docs/benchmarks.md).
 */
function recordWriter(db: Db, input: AuditCsvInput): (batch: string) => Promise<string> {
  const { t, account } = input;
  const time = exportDateTimeFormatter(input.zone);
  const success = `${csvCell(t('audit.success'))},`;
  const failure = `${csvCell(t('audit.failure'))},`;
  // Each cached piece carries the separators around it, so a line is seven pieces.
  const actors = new Map<string, string>();
  const ips = new Map<string, string>();
  const events = new Map<string, { cells: string; type: string; details: Map<string, string> }>();
  const objects = new Map<string, string>();
  let detailsCount = 0;

  const actorCells = (field: string) => {
    let cells = actors.get(field);
    if (cells === undefined) {
      if (actors.size >= CACHE_SIZE) actors.clear();
      cells = `,${csvCell(actorWords(t, unjson(field)))},`;
      actors.set(own(field), cells);
    }
    return cells;
  };
  const ipCells = (field: string) => {
    let cells = ips.get(field);
    if (cells === undefined) {
      if (ips.size >= CACHE_SIZE) ips.clear();
      cells = `${csvCell(unjson(field))},`;
      ips.set(own(field), cells);
    }
    return cells;
  };
  const eventOf = (field: string) => {
    let event = events.get(field);
    if (event === undefined) {
      const type = unjson(field) ?? '';
      event = { cells: `${csvCell(eventLabel(t, type))},${csvCell(type)},`, type, details: new Map() };
      events.set(own(field), event);
    }
    return event;
  };
  const detailCells = (event: { type: string; details: Map<string, string> }, json: string) => {
    let cells = event.details.get(json);
    if (cells === undefined) {
      if (detailsCount >= CACHE_SIZE) {
        for (const known of events.values()) known.details.clear();
        detailsCount = 0;
      }
      const words = json === '{}' ? '' : detailsText(t, event.type, JSON.parse(json) as Record<string, unknown>);
      cells = own(`${csvCell(words)},${csvCell(json)}\r\n`);
      event.details.set(own(json), cells);
      detailsCount += 1;
    }
    return cells;
  };

  /**
   * Writes up to YIELD_EVERY lines of `batch` from `start` into `pieces` (seven a line) and
   * returns where the next line starts. Synchronous, so its locals stay in registers: the hot
   * loop of the download.
   */
  const writeLines = (batch: string, start: number, pieces: string[], waiting: { index: number; object: string }[]) => {
    for (let count = 0; count < YIELD_EVERY && start < batch.length; count += 1) {
      // id, epoch, success, event type, actor, ip, object, details (EXPORT_LINE).
      const a = batch.indexOf(EXPORT_FIELD, start);
      const b = batch.indexOf(EXPORT_FIELD, a + 1);
      const c = batch.indexOf(EXPORT_FIELD, b + 1);
      const d = batch.indexOf(EXPORT_FIELD, c + 1);
      const e = batch.indexOf(EXPORT_FIELD, d + 1);
      const f = batch.indexOf(EXPORT_FIELD, e + 1);
      const g = batch.indexOf(EXPORT_FIELD, f + 1);
      let end = batch.indexOf('\n', g + 1);
      if (end === -1) end = batch.length;
      const event = eventOf(batch.slice(c + 1, d));
      const object = batch.slice(f + 1, g);
      const objectCells = objects.get(object);
      if (objectCells === undefined) waiting.push({ index: pieces.length + 5, object });
      pieces.push(
        time(Number(batch.slice(a + 1, b)) * 1000),
        actorCells(batch.slice(d + 1, e)),
        event.cells,
        batch.charCodeAt(b + 1) === 116 ? success : failure,
        ipCells(batch.slice(e + 1, f)),
        objectCells ?? '',
        detailCells(event, batch.slice(g + 1, end)),
      );
      start = end + 1;
    }
    return start;
  };

  return async (batch) => {
    const pieces: string[] = [];
    // Lines whose object names a user met for the first time: their piece is filled in once the batch's users are looked up.
    const waiting: { index: number; object: string }[] = [];
    let start = writeLines(batch, 0, pieces, waiting);
    while (start < batch.length) {
      // Let the driver read the next batch off the socket between runs of lines: Postgres
      // writes it meanwhile, and stops when the socket's buffer is full until Node reads again.
      await new Promise((resolve) => setImmediate(resolve));
      start = writeLines(batch, start, pieces, waiting);
    }
    if (waiting.length > 0) {
      if (objects.size >= CACHE_SIZE) objects.clear();
      const stored = waiting.map((line) => unjson(line.object));
      const userids = await useridsOf(db, account.id, objectUserIds(stored));
      waiting.forEach((line, i) => {
        const object = stored[i] ?? null;
        const cells = `${csvCell(objectWords(t, object, userids, account))},${csvCell(object)},`;
        objects.set(own(line.object), cells);
        pieces[line.index] = cells;
      });
    }
    return pieces.join('');
  };
}
