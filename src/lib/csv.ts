import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): = + - @,
 * tab and carriage return, and the full-width forms some spreadsheets normalise to them.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell as it may go into a download: one that could start a formula gets a leading apostrophe. */
export function guardCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type CsvCell = string | null | undefined;

/**
 * A CSV download as a byte stream: the header row, then every row the iterable yields, each cell
 * guarded against formula injection, quoted as RFC 4180 says (CRLF between records), with a UTF-8
 * byte order mark so spreadsheets read accents right. Rows are pulled only as fast as the client
 * reads, so memory stays constant whatever the number of rows. A failure while reading rows ends
 * the stream with an error (the client sees a broken download, never a truncated one that looks
 * whole) and is reported to `onError`.
 */
export function csvStream(
  header: string[],
  rows: AsyncIterable<CsvCell[]>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const stringifier = stringify({ bom: true, record_delimiter: 'windows', quote_record_delimiter: true });
  async function* guarded() {
    yield header.map(guardCell);
    for await (const row of rows) yield row.map(guardCell);
  }
  pipeline(Readable.from(guarded()), stringifier).catch((error: unknown) => {
    // A client that goes away mid-download (the stream is cancelled) is not an error of ours.
    const code = (error as { code?: string }).code;
    if (code !== 'ABORT_ERR' && code !== 'ERR_STREAM_PREMATURE_CLOSE') onError(error);
  });
  return Readable.toWeb(stringifier) as ReadableStream<Uint8Array>;
}
