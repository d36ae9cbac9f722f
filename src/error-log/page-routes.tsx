import type { Context } from 'hono';
import type { ErrorLogResults } from '../../views/error-log/error-log-page.tsx';
import { ErrorLogPage } from '../../views/error-log/error-log-page.tsx';
import type { Deps, SignedInEnv } from '../http/context.ts';
import { BadRequest } from '../http/errors.ts';
import { page } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import { paths } from '../paths.ts';
import { readErrorLogCursor, readErrorLogFilter, writeErrorLogCursor } from './forms.ts';
import { errorLogEntryView, sourceWords } from './present.ts';
import type { ErrorLogCursor } from './queries.ts';
import { listTransactionErrors } from './queries.ts';
import { errorLogCutoff } from './window.ts';

/** Errors a page, newest first. */
export const ERROR_LOG_PAGE_SIZE = 50;

/** Reads `before` or `after` (one of them at most); a cursor that is not one is a bad request (400). */
function readPaging(c: Context<SignedInEnv>): { before?: ErrorLogCursor; after?: ErrorLogCursor } {
  const beforeText = c.req.query('before') ?? '';
  const afterText = c.req.query('after') ?? '';
  if (beforeText && afterText) throw new BadRequest('error log: two cursors');
  const before = beforeText ? readErrorLogCursor(beforeText) : undefined;
  const after = afterText ? readErrorLogCursor(afterText) : undefined;
  if (before === null || after === null) throw new BadRequest('error log cursor');
  return { before, after };
}

/**
 * GET /<env>/error-logs (PRODUCT.md J1): the account's refused transaction requests of the last
 * 72 hours before the injected clock's now, newest first, filtered by `source`, 50 a page by key:
 * `before=<time>~<id>` for older errors, `after=<time>~<id>` for newer ones. A source not in the
 * list answers 422 with the form and no errors listed; a cursor that is not one answers 400.
 * Reading is not audited: the error log is operational data (what the merchant's own requests
 * were refused for), not a security record, and holds nothing the audit log would protect.
 */
export async function showErrorLogPage(c: Context<SignedInEnv>, deps: Deps): Promise<Response> {
  const { auth, env, t } = c.var;
  const reading = readErrorLogFilter(c.req.query());
  if (!reading.ok) return renderPage(c, deps, reading);
  const { before, after } = readPaging(c);
  const rows = await listTransactionErrors(
    deps.db,
    auth.account.id,
    { since: errorLogCutoff(deps.clock.now()), source: reading.source },
    { before, after, limit: ERROR_LOG_PAGE_SIZE + 1 },
  );
  const more = rows.length > ERROR_LOG_PAGE_SIZE;
  // Read upwards (`after`), the extra row is the newest, first; otherwise the oldest, last.
  const shown = after ? rows.slice(more ? 1 : 0) : rows.slice(0, ERROR_LOG_PAGE_SIZE);
  const first = shown[0];
  const last = shown.at(-1);
  const link = (cursor: 'before' | 'after', row: typeof first) =>
    row ? paths.errorLogs.list(env, { ...reading.query, [cursor]: writeErrorLogCursor(row) }) : undefined;
  const results: ErrorLogResults = {
    entries: shown.map((row) => errorLogEntryView(row, t, auth.user)),
    source: reading.source ? sourceWords(t, reading.source) : undefined,
    paged: Boolean(before || after),
    // Newer errors exist above a page reached going older; going newer, only if one more was read.
    newerHref: before || (after && more) ? link('after', first) : undefined,
    // Older errors exist below a page reached going newer; otherwise only if one more was read.
    olderHref: after || more ? link('before', last) : undefined,
  };
  return renderPage(c, deps, reading, results);
}

function renderPage(
  c: Context<SignedInEnv>,
  deps: Deps,
  reading: ReturnType<typeof readErrorLogFilter>,
  results?: ErrorLogResults,
): Response | Promise<Response> {
  return page(
    c,
    <ErrorLogPage
      ctx={viewContext(c, deps)}
      values={reading.values}
      errors={reading.ok ? {} : reading.errors}
      zone={c.var.auth.user.timeZone}
      results={results}
    />,
    { status: reading.ok ? 200 : 422 },
  );
}
