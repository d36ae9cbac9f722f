import type { Context } from 'hono';
import type { HistoryResults } from '../../views/financial-history/financial-history-page.tsx';
import { FinancialHistoryPage } from '../../views/financial-history/financial-history-page.tsx';
import type { Deps, SignedInEnv } from '../http/context.ts';
import { page } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import { paths } from '../paths.ts';
import type { HistoryFilterReading } from './forms.ts';
import { readHistoryCursor, readHistoryFilter, writeHistoryCursor } from './forms.ts';
import { dayGroups, netCharts, totalsTable } from './present.ts';
import type { HistoryCursor, HistoryFilters, HistoryRow } from './queries.ts';
import { listDayTotals, listHistoryLines } from './queries.ts';

/** Lines a page, oldest first. */
export const HISTORY_PAGE_SIZE = 50;

type Paging = { ok: true; before?: HistoryCursor; after?: HistoryCursor } | { ok: false };

/**
 * Reads `after` or `before` (one at most). A cursor that is not one, or that points outside the
 * filtered range (a link edited, or made for other dates), is refused: the page says so and links
 * to the first page of the same filters.
 */
function readPaging(c: Context<SignedInEnv>, filters: HistoryFilters): Paging {
  const beforeText = c.req.query('before') ?? '';
  const afterText = c.req.query('after') ?? '';
  if (beforeText && afterText) return { ok: false };
  const text = beforeText || afterText;
  if (!text) return { ok: true };
  const cursor = readHistoryCursor(text);
  if (!cursor) return { ok: false };
  const at = new Date(cursor.time).getTime();
  if (at < filters.start.getTime() || at >= filters.end.getTime()) return { ok: false };
  return beforeText ? { ok: true, before: cursor } : { ok: true, after: cursor };
}

/**
 * GET /<env>/operations/financial-history (PRODUCT.md M1): the account's operations requested
 * in the filtered days of the reader's zone, oldest first, 50 a page by key (`after` for later
 * lines, `before` for earlier ones), grouped by day with each day's totals per currency; above
 * them, the daily net totals of the whole range per currency (charts and table). A user whose
 * scope is limited to their own transactions sees only operations on orders they made. Wrong
 * filters answer 422 with the form; a paging link that is not one answers 400 with a message.
 * Reading changes nothing and is not audited (downloads will be).
 */
export async function showFinancialHistory(c: Context<SignedInEnv>, deps: Deps): Promise<Response> {
  const { auth, env, t } = c.var;
  const reader = { timeZone: auth.user.timeZone, language: t.language };
  const reading = readHistoryFilter(c.req.query(), reader.timeZone, deps.clock.now());
  if (!reading.ok) return render(c, deps, reading, 422);
  const filters: HistoryFilters = { ...reading.filters, ownerUserId: auth.user.scopeOwnOnly ? auth.user.id : undefined };
  const paging = readPaging(c, filters);
  if (!paging.ok) return render(c, deps, reading, 400, undefined, { firstHref: paths.financialHistory.list(env, reading.query) });
  const { before, after } = paging;
  const [rows, totals] = await Promise.all([
    listHistoryLines(deps.db, auth.account.id, filters, { before, after, limit: HISTORY_PAGE_SIZE + 1 }),
    listDayTotals(deps.db, auth.account.id, filters, reading.days.starts),
  ]);
  const more = rows.length > HISTORY_PAGE_SIZE;
  // Read backwards (`before`), the extra row is the earliest, first; otherwise the latest, last.
  const shown = before ? rows.slice(more ? 1 : 0) : rows.slice(0, HISTORY_PAGE_SIZE);
  const link = (cursor: 'before' | 'after', row: HistoryRow | undefined) =>
    row ? paths.financialHistory.list(env, { ...reading.query, [cursor]: writeHistoryCursor(row) }) : undefined;
  const { dates } = reading.days;
  const results: HistoryResults = {
    days: dayGroups(shown, totals, dates, t, reader),
    charts: netCharts(totals, dates, t, reader),
    totals: totalsTable(totals, dates, reader),
    paged: Boolean(before || after),
    // Earlier lines exist before a page reached going later; going earlier, only if one more was read.
    earlierHref: after || (before && more) ? link('before', shown[0]) : undefined,
    // Later lines exist after a page reached going earlier; otherwise only if one more was read.
    laterHref: before || more ? link('after', shown.at(-1)) : undefined,
  };
  return render(c, deps, reading, 200, results);
}

function render(
  c: Context<SignedInEnv>,
  deps: Deps,
  reading: HistoryFilterReading,
  status: 200 | 400 | 422,
  results?: HistoryResults,
  badCursor?: { firstHref: string },
): Response | Promise<Response> {
  return page(
    c,
    <FinancialHistoryPage
      ctx={viewContext(c, deps)}
      values={reading.values}
      errors={reading.ok ? {} : reading.errors}
      zone={c.var.auth.user.timeZone}
      badCursor={badCursor}
      results={results}
    />,
    { status },
  );
}
