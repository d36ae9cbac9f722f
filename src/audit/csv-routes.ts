import type { Context } from 'hono';
import type { Deps, SignedInEnv } from '../http/context.ts';
import { describeError } from '../lib/describe-error.ts';
import { compactDate } from '../lib/time.ts';
import { openAuditCsv } from './csv-export.ts';
import { readRequestFilters, recordReading, renderAuditPage } from './page-routes.tsx';

/**
 * GET /<env>/audit/download.csv: every entry the filters match, as a CSV file (csv-export.ts).
 * Nothing is sent before it can be: wrong filters make no file (the page explains them, 422),
 * and the first rows are read before the 200 starts, so a failure there answers with the error
 * page instead of a file cut short after its header.
 */
export async function downloadAuditCsv(c: Context<SignedInEnv>, deps: Deps): Promise<Response> {
  const { auth, t } = c.var;
  const read = await readRequestFilters(c, deps);
  const { reading } = read;
  if (!reading.ok) return renderAuditPage(c, deps, read);
  const zone = auth.user.timeZone;
  const requestId = c.var.requestId;
  const body = await openAuditCsv(deps.db, {
    account: auth.account,
    filters: reading.filters,
    t,
    zone,
    // Logged without the error's message: a failed query's message names its parameters.
    onError: (error) => deps.log({ level: 'error', msg: 'audit download failed', requestId, ...describeError(error) }),
  });
  // Recorded when the download starts; whether the browser keeps all of it is not ours to know.
  await recordReading(c, deps, 'audit.download', reading.details);
  const filename = `audit-${auth.account.pspid.replace(/[^A-Za-z0-9_.-]/g, '_')}-${compactDate(deps.clock.now(), zone)}.csv`;
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': `attachment; filename="${filename}"`,
    'Cache-Control': 'no-store',
  });
}
