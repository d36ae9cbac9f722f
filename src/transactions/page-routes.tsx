import type { Context } from 'hono';
import { OrderPage } from '../../views/transactions/order-page.tsx';
import type { SortLink, TransactionResults } from '../../views/transactions/results.tsx';
import type { TransactionsPageProps } from '../../views/transactions/transactions-page.tsx';
import { TransactionsPage, TransactionsSearch } from '../../views/transactions/transactions-page.tsx';
import { BRANDS } from '../acquirer/brands.ts';
import { ORDER_SOURCES } from '../db/schema/payments.ts';
import { NotFound } from '../errors.ts';
import type { Deps, SignedInEnv } from '../http/context.ts';
import { page } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import { CURRENCIES } from '../lib/money.ts';
import { paths } from '../paths.ts';
import { readCursor, writeCursor } from './cursor.ts';
import type { SearchFieldName, SearchQuery, SearchReading } from './forms.ts';
import { readSearch, transactionSearchForm } from './forms.ts';
import { operationView, orderSections, sourceWords, transactionLineView } from './present.ts';
import type { TransactionCursor, TransactionRow, TransactionSort } from './queries.ts';
import {
  COUNT_LIMIT,
  countTransactions,
  findOrder,
  listOrderOperations,
  listTransactions,
  TRANSACTION_SORTS,
} from './queries.ts';
import { QUICK_RANGES, quickRange } from './quick-ranges.ts';
import { STATUS_GROUP_NAMES } from './status-groups.ts';

type Ctx = Context<SignedInEnv>;

/** Orders a page. */
export const TRANSACTIONS_PAGE_SIZE = 50;

/** The orders a user may see: all the account's, or, with "scope limited to own transactions", those they made. */
function scopeOf(c: Ctx): string | undefined {
  const { user } = c.var.auth;
  return user.scopeOwnOnly ? user.id : undefined;
}

/**
 * GET /<env>/operations/transactions (PRODUCT.md N1): the search form and, once it reads right,
 * the orders it finds, 50 a page by key (`after`/`before`, a signed cursor: cursor.ts), with a
 * count bounded at 10,000. Problems with a field answer 422 with the form and no orders; a
 * paging link that is not valid for this account and sort answers 400 with its own message and
 * a link to the first page. With htmx (a real htmx request), only the search part is answered.
 */
export async function showTransactions(c: Ctx, deps: Deps): Promise<Response> {
  const { auth, env, t } = c.var;
  const reading = readSearch(c.req.query(), c.req.queries('status') ?? [], auth.user.timeZone);
  if (!reading.ok) return render(c, deps, reading, { status: 422 });
  const { sort, query } = reading;
  const afterText = c.req.query('after') ?? '';
  const beforeText = c.req.query('before') ?? '';
  const read = (text: string) => (text ? readCursor(deps.secretKey, auth.account.id, sort, text) : undefined);
  const after = read(afterText);
  const before = read(beforeText);
  if (after === null || before === null || (afterText && beforeText)) {
    return render(c, deps, reading, {
      status: 400,
      notice: {
        text: t('transactions.cursorInvalid'),
        href: paths.transactions.list(env, query),
        link: t('transactions.firstPage'),
      },
    });
  }
  const filters = { ...reading.filters, userId: scopeOf(c) };
  const [rows, count] = await Promise.all([
    listTransactions(deps.db, auth.account.id, filters, sort, { after, before, limit: TRANSACTIONS_PAGE_SIZE + 1 }),
    countTransactions(deps.db, auth.account.id, filters),
  ]);
  const more = rows.length > TRANSACTIONS_PAGE_SIZE;
  // Read backwards (`before`), the extra row is the first; otherwise the last.
  const shown = before ? rows.slice(more ? 1 : 0) : rows.slice(0, TRANSACTIONS_PAGE_SIZE);
  const link = (direction: 'after' | 'before', row: TransactionRow | undefined) =>
    row
      ? paths.transactions.list(env, { ...query, [direction]: writeCursor(deps.secretKey, auth.account.id, sort, cursorOf(row)) })
      : undefined;
  const paged = Boolean(after || before);
  const results: TransactionResults = {
    lines: shown.map((row) => transactionLineView(row, t, auth.user, env)),
    count: count > COUNT_LIMIT ? t('transactions.countMore', { count: COUNT_LIMIT }) : t('transactions.count', { count }),
    sortWords: t(`transactions.sort.${sort}`).toLowerCase(),
    sortLinks: sortLinks(env, query, sort),
    paged,
    // Orders come before a page reached going forward; going back, only if one more was read.
    previousHref: after || (before && more) ? link('before', shown[0]) : undefined,
    // Orders come after a page reached going back; otherwise only if one more was read.
    nextHref: before || more ? link('after', shown.at(-1)) : undefined,
    firstHref: paged ? paths.transactions.list(env, query) : undefined,
  };
  return render(c, deps, reading, { status: 200, results });
}

function cursorOf(row: TransactionRow): TransactionCursor {
  return { key: row.cursorKey, payId: row.payId };
}

/** The header links of the two sortable columns: the first click sorts descending, the next ascending. */
function sortLinks(env: SignedInEnv['Variables']['env'], query: SearchQuery, sort: TransactionSort) {
  const column = (name: 'date' | 'amount'): SortLink => {
    const state = sort === `${name}_desc` ? 'descending' : sort === `${name}_asc` ? 'ascending' : undefined;
    const next = state === 'descending' ? `${name}_asc` : `${name}_desc`;
    return { href: paths.transactions.list(env, { ...query, sort: next }), state };
  };
  return { date: column('date'), amount: column('amount') };
}

/** The page (or, for htmx, its search part) with the form as read, and the results when there are some. */
function render(
  c: Ctx,
  deps: Deps,
  reading: SearchReading,
  options: { status: 200 | 400 | 422; results?: TransactionResults; notice?: TransactionsPageProps['notice'] },
): Response | Promise<Response> {
  const { auth, env, t } = c.var;
  // The quick ranges keep the rest of the search: what was typed, less the order dates and any cursor.
  const kept: SearchQuery = { status: reading.groups };
  for (const { name } of transactionSearchForm.list) {
    const value = reading.values[name as keyof typeof reading.values];
    if (value && name !== 'status' && name !== 'orderedFrom' && name !== 'orderedTo')
      kept[name as Exclude<SearchFieldName, 'status'>] = value;
  }
  const now = deps.clock.now();
  const props: TransactionsPageProps = {
    ctx: viewContext(c, deps),
    values: reading.values,
    groups: reading.groups,
    allGroups: STATUS_GROUP_NAMES,
    errors: reading.ok ? {} : reading.errors,
    quickRanges: QUICK_RANGES.map((range) => {
      const days = quickRange(range, now, auth.user.timeZone);
      return {
        label: t(`transactions.quick.${range}`),
        href: paths.transactions.list(env, { ...kept, orderedFrom: days.from, orderedTo: days.to }),
      };
    }),
    brands: BRANDS,
    currencies: CURRENCIES,
    sources: ORDER_SOURCES.map((source) => ({ value: source, label: sourceWords(t, source) })),
    sorts: TRANSACTION_SORTS.map((sort) => ({ value: sort, label: t(`transactions.sort.${sort}`) })),
    zone: auth.user.timeZone,
    scopeOwn: auth.user.scopeOwnOnly,
    notice: options.notice,
    results: options.results,
  };
  return page(c, <TransactionsPage {...props} />, { fragment: <TransactionsSearch {...props} />, status: options.status });
}

/**
 * GET /<env>/operations/transactions/<PAYID> (PRODUCT.md N2): every field of the order (the card
 * masked) and its whole history, times in the reader's zone. Another account's PAYID, or, for a
 * user limited to their own transactions, an order they did not make, is not found (404).
 */
export async function showOrder(c: Ctx, deps: Deps): Promise<Response> {
  const { auth, env, t } = c.var;
  const text = c.req.param('payId') ?? '';
  if (!/^\d{1,15}$/.test(text)) throw new NotFound('order');
  const payId = Number(text);
  const order = await findOrder(deps.db, auth.account.id, payId, scopeOf(c));
  if (!order) throw new NotFound('order');
  const operations = await listOrderOperations(deps.db, auth.account.id, payId);
  return page(
    c,
    <OrderPage
      ctx={viewContext(c, deps)}
      orderId={order.orderId}
      sections={orderSections(order, t, auth.user)}
      history={operations.map((line) => operationView(line, payId, t, auth.user))}
      backHref={paths.transactions.list(env)}
    />,
  );
}
