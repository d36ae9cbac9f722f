import * as v from 'valibot';
import { BRANDS } from '../acquirer/brands.ts';
import { ORDER_SOURCES } from '../db/schema/payments.ts';
import type { FieldSpec } from '../forms/fields.ts';
import { choice, date, money, text } from '../forms/fields.ts';
import type { FieldErrors, FormValues } from '../forms/parse.ts';
import { defineForm, parseForm } from '../forms/parse.ts';
import { message } from '../i18n/catalogue.ts';
import type { CurrencyCode } from '../lib/money.ts';
import { CURRENCIES } from '../lib/money.ts';
import { zonedDayRange } from '../lib/time.ts';
import type { TransactionFilters, TransactionSort } from './queries.ts';
import { TRANSACTION_SORTS } from './queries.ts';
import type { StatusGroup } from './status-groups.ts';
import { isStatusGroup, STATUS_GROUP_NAMES, statusesOf } from './status-groups.ts';

/**
 * The search form of Operations > View transactions (PRODUCT.md N1): a GET form, so every
 * result is a bookmarkable address. Dates are calendar days typed YYYY-MM-DD (the shared date
 * field: 2000-01-01 to 2099-12-31), read as whole days of the user's time zone (zonedDayRange);
 * amounts are decimals in the chosen currency's digits (src/lib/money.ts). Pure: the page and
 * its tests read the same definition.
 */

/** The status checkboxes: a group name per box, sent as repeated `status` parameters. */
const statusField: FieldSpec<string> = { required: false, schema: () => v.string() };

/** Field ids: transactions-ordered-from, transactions-status, transactions-amount-from, ... */
export const transactionSearchForm = defineForm('transactions', {
  orderedFrom: date(),
  orderedTo: date(),
  paidFrom: date(),
  paidTo: date(),
  status: statusField,
  orderId: text({ max: 40 }),
  payId: text({ max: 15, pattern: { regex: /^\d{1,15}$/, message: 'transactions.payIdInvalid' } }),
  brand: choice(['', ...BRANDS], { invalid: 'transactions.brandInvalid' }),
  cardDigits: text({ max: 4, pattern: { regex: /^\d{1,4}$/, message: 'transactions.cardDigitsInvalid' } }),
  cardHolder: text({ max: 100 }),
  amountFrom: money({ currency: { field: 'currency' } }),
  amountTo: money({ currency: { field: 'currency' } }),
  currency: choice(['', ...CURRENCIES], { invalid: 'form.currency' }),
  source: choice(['', ...ORDER_SOURCES], { invalid: 'transactions.sourceInvalid' }),
  sort: choice(['', ...TRANSACTION_SORTS], { invalid: 'transactions.sortInvalid' }),
});

export type SearchFieldName = keyof typeof transactionSearchForm.fields;
/** The filters as typed, shown back as they are (also after an error); `status` is unused: see `groups`. */
export type SearchValues = FormValues<SearchFieldName>;

/** A search's parameters as a link carries them: single values, and the status groups repeated. */
export type SearchQuery = Partial<Record<Exclude<SearchFieldName, 'status'>, string>> & { status?: readonly string[] };

/**
 * What a request's search comes to: what to show back (values, and the groups ticked), and
 * either the problems by field name, or the query's filters, its sort, and its parameters for
 * the links of the page (sorting, paging, quick ranges).
 */
export type SearchReading =
  | { ok: false; values: SearchValues; groups: StatusGroup[]; errors: FieldErrors<SearchFieldName> }
  | {
      ok: true;
      values: SearchValues;
      groups: StatusGroup[];
      filters: TransactionFilters;
      sort: TransactionSort;
      query: SearchQuery;
    };

/**
 * Reads a search from a query string: `query` its single parameters, `statuses` every `status`
 * parameter. Each problem is placed beside its field (the page answers 422 and lists nothing):
 * a date that is not one or out of range, an end before its start (a problem of the end), an
 * amount not in the currency's digits or without a currency, a status group, brand, currency,
 * source or sort that is not in the list (an address typed or edited by hand).
 */
export function readSearch(query: Record<string, string>, statuses: readonly string[], zone: string): SearchReading {
  const parsed = parseForm(transactionSearchForm, query);
  const values = { ...parsed.values, status: '' };
  const errors: FieldErrors<SearchFieldName> = parsed.ok ? {} : { ...parsed.errors };
  delete errors.status;
  const groups = [...new Set(statuses.map((s) => s.trim()).filter(isStatusGroup))];
  const unknown = statuses.filter((s) => !isStatusGroup(s.trim()));
  if (unknown.length > 0) errors.status = message('transactions.statusInvalid');
  if (
    !errors.orderedFrom &&
    !errors.orderedTo &&
    values.orderedFrom &&
    values.orderedTo &&
    values.orderedFrom > values.orderedTo
  ) {
    errors.orderedTo = message('transactions.rangeReversed');
  }
  if (!errors.paidFrom && !errors.paidTo && values.paidFrom && values.paidTo && values.paidFrom > values.paidTo) {
    errors.paidTo = message('transactions.rangeReversed');
  }
  if (!values.currency && !errors.currency) {
    if (values.amountFrom && !errors.amountFrom) errors.amountFrom = message('transactions.amountNeedsCurrency');
    if (values.amountTo && !errors.amountTo) errors.amountTo = message('transactions.amountNeedsCurrency');
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, values, groups, errors };
  const data = parsed.data;
  if (data.amountFrom !== undefined && data.amountTo !== undefined && data.amountFrom > data.amountTo) {
    return { ok: false, values, groups, errors: { amountTo: message('transactions.amountReversed') } };
  }
  const ordered = zonedDayRange(data.orderedFrom, data.orderedTo, zone);
  const paid = zonedDayRange(data.paidFrom, data.paidTo, zone);
  const filters: TransactionFilters = {
    orderedFrom: ordered.start,
    orderedBefore: ordered.end,
    paidFrom: paid.start,
    paidBefore: paid.end,
    // Every box ticked is the same as none: no status condition at all.
    statuses: groups.length > 0 && groups.length < STATUS_GROUP_NAMES.length ? statusesOf(groups) : undefined,
    orderId: data.orderId || undefined,
    payId: data.payId ? Number(data.payId) : undefined,
    brand: data.brand || undefined,
    cardDigits: data.cardDigits || undefined,
    cardHolder: data.cardHolder || undefined,
    amountFrom: data.amountFrom,
    amountTo: data.amountTo,
    currency: (data.currency || undefined) as CurrencyCode | undefined,
    source: data.source || undefined,
  };
  const linkQuery: SearchQuery = {};
  for (const { name } of transactionSearchForm.list) {
    const value = values[name as SearchFieldName];
    if (value && name !== 'status') linkQuery[name as Exclude<SearchFieldName, 'status'>] = value;
  }
  if (groups.length > 0) linkQuery.status = groups;
  return { ok: true, values, groups, filters, sort: data.sort || 'date_desc', query: linkQuery };
}
