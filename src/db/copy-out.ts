import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { PGlite } from '@electric-sql/pglite';
import { sql as sqlText } from 'drizzle-orm';
import type { Db } from './client.ts';
import { dedicatedConnection } from './client.ts';

/**
 * A query for COPY: its SELECT text, whose values are read with `current_setting('<name>')`,
 * and those settings' values. COPY takes no bind parameters (it is a utility statement), so the
 * values never go into the text: they are set with `set_config($1, $2, …)`, a parameterised
 * query, on the connection that runs the COPY. Setting names are `guichet.<word>` (a custom
 * setting needs a dot); values are text, cast in the SELECT (`::uuid`, `::timestamptz`).
 */
export type CopyQuery = { select: string; settings: Readonly<Record<string, string>> };

/**
 * True when copyOut streams the rows as Postgres writes them (a Postgres server), false when it
 * hands over the whole result at once (the embedded PGlite): callers of the embedded database
 * read in bounded pages instead.
 */
export function copyStreams(db: Db): boolean {
  return dedicatedConnection(db) !== undefined;
}

/**
 * The rows of `query` in COPY's text format (PostgreSQL manual, COPY, "Text Format"): a line per
 * row ending in `\n`, columns separated by a tab, `\N` for null, and a backslash before any
 * backslash, tab, line feed or carriage return inside a value (`\\`, `\t`, `\n`, `\r`, and `\b`,
 * `\f`, `\v`). UTF-8 bytes; a chunk may end inside a line or inside a character.
 *
 * On a Postgres server the COPY runs on a connection of its own, opened for it and closed after
 * it (also when the reader stops early: see endEarly), and the chunks
 * come as Postgres sends them, reading paced by the caller. On PGlite it runs in a transaction
 * (`set_config(…, true)`: the settings end with it) as `COPY … TO '/dev/blob'`, and its one
 * chunk is the whole result.
 *
 * @throws the query's error (a PostgresError), when the COPY starts or while it runs.
 */
export async function* copyOut(db: Db, query: CopyQuery): AsyncGenerator<Buffer> {
  const parameters = Object.entries(query.settings).flat();
  const connect = dedicatedConnection(db);
  if (connect) {
    const sql = connect();
    let backend: number | undefined;
    let finished = false;
    let stream: Readable | undefined;
    try {
      const [row] = await sql.unsafe(`${setConfigs(parameters.length / 2, 'session')}, pg_backend_pid() as backend`, parameters);
      backend = Number(row?.backend);
      stream = await sql.unsafe(`copy (${query.select}) to stdout`).readable();
      for await (const chunk of stream.iterator({ destroyOnReturn: false })) yield chunk as Buffer;
      finished = true;
    } finally {
      try {
        if (!finished && stream && !stream.closed && backend !== undefined) await endEarly(db, stream, backend);
      } finally {
        await sql.end({ timeout: 0 });
      }
    }
    return;
  }
  const pglite = (db as unknown as { $client: PGlite }).$client;
  const blob = await pglite.transaction(async (tx) => {
    await tx.query(setConfigs(parameters.length / 2, 'transaction'), parameters);
    return (await tx.query(`copy (${query.select}) to '/dev/blob'`)).blob;
  });
  if (blob) yield Buffer.from(await blob.arrayBuffer());
}

/**
 * Ends a COPY its reader left: the backend waits to write the rest, and the driver's socket is
 * paused, so closing the socket alone would leave both waiting. The backend is told to end
 * (PostgreSQL manual, "Server Signaling Functions"; a role may end its own backends) and what it
 * had sent is read and dropped until the stream closes (5 s at most).
 */
async function endEarly(db: Db, stream: Readable, backend: number): Promise<void> {
  const closed = new Promise((resolve) => {
    stream.once('close', resolve);
    setTimeout(resolve, 5000).unref();
  });
  stream.on('error', () => {});
  stream.resume();
  await db.execute(sqlText`select pg_terminate_backend(${backend})`);
  await closed;
}

/** `select set_config($1, $2, …), …` for `count` (name, value) pairs, kept for the session or the transaction. */
function setConfigs(count: number, scope: 'session' | 'transaction'): string {
  const local = scope === 'transaction';
  const calls = Array.from({ length: count }, (_, i) => `set_config($${2 * i + 1}, $${2 * i + 2}, ${local})`);
  return `select ${[...calls, '1 as one'].join(', ')}`;
}

/** One value of a COPY text line as written (copyOut), back to its text: `\N` is null. */
export function copyValue(field: string): string | null {
  if (field === '\\N') return null;
  return field.includes('\\') ? field.replace(COPY_ESCAPE, unescapeOne) : field;
}

const COPY_ESCAPE = /\\(.)/gs;
const ESCAPED: Readonly<Record<string, string>> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
function unescapeOne(_: string, char: string): string {
  return ESCAPED[char] ?? char;
}

/** Text handed on at a time by copyLines: about 64 K characters, a few hundred lines. */
const LINES_AT_A_TIME = 65_536;

/**
 * copyOut's rows as texts of whole lines, each text ending with `\n`: chunks are decoded as
 * UTF-8 (a character split between two chunks is kept whole) and gathered until a text holds
 * about LINES_AT_A_TIME characters, so the caller works on a few hundred lines at a time
 * whatever size the chunks come in. Ending the iteration early ends the COPY (copyOut).
 *
 * @throws the query's error (copyOut), or an Error if the data ends inside a line.
 */
export function copyLines(db: Db, query: CopyQuery): AsyncGenerator<string> {
  return wholeLines(copyOut(db, query));
}

/**
 * UTF-8 chunks of text lines (each ending in `\n`) as texts of whole lines of about
 * LINES_AT_A_TIME characters (copyLines).
 *
 * @throws an Error if the data ends inside a line; whatever `chunks` throws.
 */
export async function* wholeLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of chunks) {
    pending += decoder.write(chunk);
    if (pending.length < LINES_AT_A_TIME) continue;
    const end = pending.lastIndexOf('\n') + 1;
    if (end === 0) continue;
    yield pending.slice(0, end);
    pending = pending.slice(end);
  }
  pending += decoder.end();
  if (pending !== '' && !pending.endsWith('\n')) throw new Error('the COPY data ended inside a line');
  if (pending !== '') yield pending;
}
