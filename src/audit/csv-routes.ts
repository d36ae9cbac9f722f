import type { Context } from 'hono';
import type { Deps, SignedInEnv } from '../http/context.ts';
import type { CsvCell } from '../lib/csv.ts';
import { csvStream } from '../lib/csv.ts';
import { describeError } from '../lib/describe-error.ts';
import { compactDate } from '../lib/time.ts';
import { readRequestFilters, recordReading, renderAuditPage } from './page-routes.tsx';
import { csvHeader, csvRow } from './present.ts';
import type { AuditCursor } from './queries.ts';
import { listAuditEntries } from './queries.ts';

/** Rows fetched at a time while streaming a download. */
export const AUDIT_CSV_BATCH_SIZE = 1000;

/**
 * GET /<env>/audit/download.csv: every entry the filters match, newest first, streamed in keyset
 * batches (constant memory, no row cap), times in the reader's zone, cells guarded against
 * formulas (src/lib/csv.ts). Wrong filters make no file: the page explains them (422).
 */
export async function downloadAuditCsv(c: Context<SignedInEnv>, deps: Deps): Promise<Response> {
  const { auth, t } = c.var;
  const { reading, users } = await readRequestFilters(c, deps);
  if (!reading.ok) return renderAuditPage(c, deps, users, reading);
  // Recorded when the download starts; whether the browser keeps all of it is not ours to know.
  await recordReading(c, deps, 'audit.download', reading.details);
  const zone = auth.user.timeZone;
  const accountId = auth.account.id;
  const { filters } = reading;
  // Keyset batches: one batch in memory at a time, fetched when the client has read the last.
  async function* rows(): AsyncGenerator<CsvCell[]> {
    let before: AuditCursor | undefined;
    for (;;) {
      const batch = await listAuditEntries(deps.db, accountId, filters, { before, limit: AUDIT_CSV_BATCH_SIZE });
      for (const row of batch) yield csvRow(row, t, zone);
      const last = batch.at(-1);
      if (batch.length < AUDIT_CSV_BATCH_SIZE || !last) return;
      before = { time: last.cursorTime, id: last.id };
    }
  }
  const requestId = c.var.requestId;
  // Logged without the error's message: a failed query's message names its parameters.
  const body = csvStream(csvHeader(t, zone), rows(), (error) =>
    deps.log({ level: 'error', msg: 'audit download failed', requestId, ...describeError(error) }),
  );
  const filename = `audit-${auth.account.pspid.replace(/[^A-Za-z0-9_.-]/g, '_')}-${compactDate(deps.clock.now(), zone)}.csv`;
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  });
}
