import type { Db } from '../db/client.ts';
import { copyLines, copyStreams, copyValue } from '../db/copy-out.ts';
import type { Translate } from '../i18n/catalogue.ts';
import { csvCell, csvStream } from '../lib/csv.ts';
import { exportDateTimeFormatter } from '../lib/time.ts';
import { actorWords, detailsText, eventLabel, objectWords } from './labels.ts';
import { csvHeader, objectUserIds } from './present.ts';
import type { AuditFilters } from './queries.ts';
import { auditExportQuery, useridsOf } from './queries.ts';

/** Entries read at a time from the embedded database (a Postgres server streams them all). */
export const AUDIT_CSV_BATCH_SIZE = 5000;
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
 * first, streamed as the client reads (constant memory, no row cap). On a Postgres server one
 * `COPY (select …) TO STDOUT` on a connection of its own sends every line (copyLines), paced by
 * the client; the embedded database is read in keyset pages of `batchSize` entries. The first
 * lines are read before anything is sent, so a failure there (the database is down, a query is
 * refused) answers with an error page instead of a 200 that stops after the header; the filters
 * were checked before this is called. A client that goes away ends the COPY.
 *
 * Columns: the time in the reader's zone, the USERID, the event in words and its type code,
 * the result, the IP, the object in words (a user's current USERID) and its stored id, the
 * details in words and as stored (JSON). Words are computed once per distinct value: event
 * types, objects, and details (by their JSON text) are kept in maps for the whole download.
 *
 * @throws whatever the first lines' query throws.
 */
export async function openAuditCsv(db: Db, input: AuditCsvInput): Promise<ReadableStream<Uint8Array>> {
  const lines = exportLines(db, input);
  const first = await lines.next();
  const records = recordWriter(db, input);

  async function* chunks(): AsyncGenerator<string> {
    try {
      for (let next = first; !next.done; next = await lines.next()) yield await records(next.value);
    } finally {
      await lines.return(undefined);
    }
  }
  return csvStream(csvHeader(input.t, input.zone), chunks(), input.onError);
}

/** The export's lines (EXPORT_LINE, COPY's text format), as texts of whole lines. */
async function* exportLines(db: Db, input: AuditCsvInput): AsyncGenerator<string> {
  const { account, filters } = input;
  if (copyStreams(db)) {
    yield* copyLines(db, auditExportQuery(account.id, filters));
    return;
  }
  const limit = input.batchSize ?? AUDIT_CSV_BATCH_SIZE;
  let afterId: string | undefined;
  for (;;) {
    let count = 0;
    let last = '';
    for await (const text of copyLines(db, auditExportQuery(account.id, filters, { afterId, limit }))) {
      count += countLines(text);
      last = text;
      yield text;
    }
    if (count < limit) return;
    afterId = lastId(last);
  }
}

/** The number of lines of a text of whole lines. */
function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/** The id (first column) of the last line of a text of whole lines. */
function lastId(text: string): string {
  const start = text.lastIndexOf('\n', text.length - 2) + 1;
  return text.slice(start, text.indexOf('\t', start));
}

/** A copy of a piece of a text that does not keep the whole text alive (V8 slices share their parent). */
function own(piece: string): string {
  return `${piece} `.slice(0, -1);
}

/**
 * Turns a text of whole export lines (EXPORT_LINE) into CSV records, one text. Everything but the
 * time and the IP repeats from row to row, so each distinct value's cells are written once,
 * guarded and quoted (csvCell), and kept for the download by the field's own text: actors, event
 * types (words and code), objects (words and id; the USERIDs of users met for the first time are
 * looked up in one query a text), details (words and JSON). Each map keeps at most CACHE_SIZE
 * values at a time. The time is written by the zone's export formatter and needs neither guard
 * nor quotes (it starts with a digit and has no comma).
 */
function recordWriter(db: Db, input: AuditCsvInput): (lines: string) => Promise<string> {
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
      cells = `,${csvCell(actorWords(t, copyValue(field)))},`;
      actors.set(own(field), cells);
    }
    return cells;
  };
  const ipCells = (field: string) => {
    let cells = ips.get(field);
    if (cells === undefined) {
      if (ips.size >= CACHE_SIZE) ips.clear();
      cells = `${csvCell(copyValue(field))},`;
      ips.set(own(field), cells);
    }
    return cells;
  };
  const eventOf = (field: string) => {
    let event = events.get(field);
    if (event === undefined) {
      const type = copyValue(field) ?? '';
      event = { cells: `${csvCell(eventLabel(t, type))},${csvCell(type)},`, type, details: new Map() };
      events.set(own(field), event);
    }
    return event;
  };
  const detailCells = (event: { type: string; details: Map<string, string> }, field: string) => {
    let cells = event.details.get(field);
    if (cells === undefined) {
      if (detailsCount >= CACHE_SIZE) {
        for (const known of events.values()) known.details.clear();
        detailsCount = 0;
      }
      const json = copyValue(field) ?? '{}';
      const words = json === '{}' ? '' : detailsText(t, event.type, JSON.parse(json) as Record<string, unknown>);
      cells = `${csvCell(words)},${csvCell(json)}\r\n`;
      event.details.set(own(field), cells);
      detailsCount += 1;
    }
    return cells;
  };

  return async (lines) => {
    const pieces: string[] = [];
    // Lines whose object names a user met for the first time: their piece is filled in once the text's users are looked up.
    const waiting: { index: number; object: string }[] = [];
    for (let start = 0; start < lines.length; ) {
      // id, epoch, success, event type, actor, ip, object, details (EXPORT_LINE).
      const a = lines.indexOf('\t', start);
      const b = lines.indexOf('\t', a + 1);
      const c = lines.indexOf('\t', b + 1);
      const d = lines.indexOf('\t', c + 1);
      const e = lines.indexOf('\t', d + 1);
      const f = lines.indexOf('\t', e + 1);
      const g = lines.indexOf('\t', f + 1);
      const end = lines.indexOf('\n', g + 1);
      const event = eventOf(lines.slice(c + 1, d));
      const object = lines.slice(f + 1, g);
      const objectCells = objects.get(object);
      if (objectCells === undefined) waiting.push({ index: pieces.length + 5, object });
      pieces.push(
        time(Number(lines.slice(a + 1, b)) * 1000),
        actorCells(lines.slice(d + 1, e)),
        event.cells,
        lines.charCodeAt(b + 1) === 116 ? success : failure,
        ipCells(lines.slice(e + 1, f)),
        objectCells ?? '',
        detailCells(event, lines.slice(g + 1, end)),
      );
      start = end + 1;
    }
    if (waiting.length > 0) {
      if (objects.size >= CACHE_SIZE) objects.clear();
      const stored = waiting.map((line) => copyValue(line.object));
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
