/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): = + - @,
 * tab and carriage return, and the full-width forms some spreadsheets normalise to them.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A cell with one of these is quoted (RFC 4180 §2.6), its quotes doubled (§2.7). */
const NEEDS_QUOTES = /[",\r\n]/;

/** A cell as it may go into a download: one that could start a formula gets a leading apostrophe. */
export function guardCell(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type CsvCell = string | null | undefined;

/** One cell as written: guarded against formulas, then quoted when it must be; '' for nothing. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined || value === '') return '';
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

/** One record: each cell as csvCell writes it, separated by commas, ended by CRLF. */
export function csvRecord(cells: readonly CsvCell[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i += 1) line += i === 0 ? csvCell(cells[i]) : `,${csvCell(cells[i])}`;
  return `${line}\r\n`;
}

/**
 * A CSV download as a byte stream: a UTF-8 byte order mark (spreadsheets then read accents
 * right) and the header row, then each text the iterable yields, one chunk each: whole
 * records, written with csvRecord or csvCell (guarded against formula injection, quoted as
 * RFC 4180 says, CRLF between records), many records a chunk for speed. A chunk is asked for
 * only when the reader has taken the previous one, so memory stays at about one chunk whatever
 * the number of rows. A reader that goes away (cancel) closes the iterable. A failure while
 * making a chunk ends the stream with an error (the client sees a broken download, never a
 * truncated one that looks whole) and is reported to `onError`.
 */
export function csvStream(
  header: readonly CsvCell[],
  records: AsyncIterable<string>,
  onError: (error: unknown) => void,
): ReadableStream<Uint8Array> {
  const iterator = records[Symbol.asyncIterator]();
  let cancelled = false;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(Buffer.from(`\uFEFF${csvRecord(header)}`, 'utf8'));
      },
      async pull(controller) {
        try {
          // An empty chunk adds nothing: the next one is asked for at once (the stream would not ask again).
          for (;;) {
            const next = await iterator.next();
            // The reader went away while the chunk was made: nothing more to write, nor to report.
            if (cancelled) return;
            if (next.done) {
              controller.close();
              return;
            }
            if (next.value) {
              controller.enqueue(Buffer.from(next.value, 'utf8'));
              return;
            }
          }
        } catch (error) {
          if (cancelled) return;
          onError(error);
          controller.error(error);
        }
      },
      async cancel() {
        cancelled = true;
        await iterator.return?.();
      },
    },
    // One chunk ready ahead of the reader, no more.
    { highWaterMark: 1 },
  );
}
