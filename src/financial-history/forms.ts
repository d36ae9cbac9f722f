import { DateTime } from 'luxon';
import { BRANDS } from '../acquirer/brands.ts';
import { filterDate } from '../audit/forms.ts';
import { choice } from '../forms/fields.ts';
import type { FieldErrors, FormValues } from '../forms/parse.ts';
import { defineForm, parseForm } from '../forms/parse.ts';
import { message } from '../i18n/catalogue.ts';
import { CURRENCIES } from '../lib/money.ts';
import { isIsoInstant, zonedDayRange } from '../lib/time.ts';
import type { HistoryCursor, HistoryFilters, OperationKind } from './queries.ts';
import { OPERATION_KINDS } from './queries.ts';

/**
 * The financial history's filters (PRODUCT.md M1): a plain GET form, so every result is a
 * bookmarkable address and works without JavaScript. Pure: the route and the view read the same
 * definition. Dates are whole days of the reader's time zone, read as the audit log reads them
 * (its date field: YYYY-MM-DD between 2000-01-01 and 2099-12-31).
 */

/** The longest range the page lists and charts, in days: a quarter of the year. */
export const MAX_RANGE_DAYS = 92;

/** The brands the filter offers, as the platform's BRAND spells them. */
export const BRAND_CHOICES: readonly string[] = BRANDS;

/** The kinds of operation the filter offers, in order. */
export const KIND_CHOICES = Object.keys(OPERATION_KINDS) as OperationKind[];

/** Field ids: history-from, history-to, history-currency, history-brand, history-kind. */
export const historyFilterForm = defineForm('history', {
  from: filterDate('history.fromInvalid'),
  to: filterDate('history.toInvalid'),
  /** '' for every currency. */
  currency: choice(['', ...CURRENCIES], { invalid: 'history.currencyInvalid' }),
  /** '' for every brand. */
  brand: choice(['', ...BRANDS], { invalid: 'history.brandInvalid' }),
  /** '' for every kind of operation. */
  kind: choice(['', ...KIND_CHOICES], { invalid: 'history.kindInvalid' }),
});

export type HistoryFilterName = keyof typeof historyFilterForm.fields;
export type HistoryFilterValues = FormValues<HistoryFilterName>;

/**
 * What a request's filters come to: the values to show back, and either the problems by field
 * name (422, nothing listed), or the filters to query, the days of the range (their dates and
 * the UTC instant each starts at, then the end of the last one) and the filters as query
 * parameters for the paging links.
 */
export type HistoryFilterReading =
  | { ok: false; values: HistoryFilterValues; errors: FieldErrors<HistoryFilterName> }
  | {
      ok: true;
      values: HistoryFilterValues;
      filters: Omit<HistoryFilters, 'ownerUserId'>;
      days: { dates: string[]; starts: Date[] };
      query: Record<string, string>;
    };

/**
 * Reads the filters of a query string (the form's or a paging link's: one rule for both). With
 * neither date, the range is the current month of `zone` up to today (at `now`), and the form
 * shows those dates. One date without the other, an end before the start, or a range longer than
 * MAX_RANGE_DAYS is a problem beside the field; so is any currency, brand or kind not in the lists.
 */
export function readHistoryFilter(query: Record<string, string>, zone: string, now: Date): HistoryFilterReading {
  const typed = { ...query };
  if (!(typed.from ?? '').trim() && !(typed.to ?? '').trim()) {
    const today = DateTime.fromJSDate(now, { zone });
    typed.from = today.startOf('month').toISODate() ?? '';
    typed.to = today.toISODate() ?? '';
  }
  const parsed = parseForm(historyFilterForm, typed);
  const values = parsed.values;
  const errors: FieldErrors<HistoryFilterName> = parsed.ok ? {} : { ...parsed.errors };
  const from = values.from.trim();
  const to = values.to.trim();
  if (!errors.from && !from) errors.from = message('history.fromMissing');
  if (!errors.to && !to) errors.to = message('history.toMissing');
  if (!errors.from && !errors.to) {
    const length = DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days + 1;
    if (length < 1) errors.to = message('history.rangeReversed');
    else if (length > MAX_RANGE_DAYS) errors.to = message('history.rangeTooLong', { max: MAX_RANGE_DAYS });
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, values, errors };
  const { currency, brand, kind } = parsed.data;
  const { start, end } = zonedDayRange(from, to, zone);
  if (!start || !end) return { ok: false, values, errors: { from: message('history.fromMissing') } };
  const linkQuery: Record<string, string> = {};
  for (const { name } of historyFilterForm.list) {
    const value = values[name as HistoryFilterName].trim();
    if (value) linkQuery[name] = value;
  }
  return {
    ok: true,
    values,
    filters: { start, end, currency: currency || undefined, brand: brand || undefined, kind: kind || undefined },
    days: rangeDays(from, to, zone),
    query: linkQuery,
  };
}

/**
 * The dates from `from` to `to` (YYYY-MM-DD, inclusive), and the UTC instant at which each
 * starts in `zone`, then the start of the day after `to`: luxon's day starts, so a day of 23 or
 * 25 hours (daylight saving) is covered exactly.
 */
export function rangeDays(from: string, to: string, zone: string): { dates: string[]; starts: Date[] } {
  const first = DateTime.fromISO(from, { zone }).startOf('day');
  const dates: string[] = [];
  const starts: Date[] = [];
  for (let day = first; ; day = day.plus({ days: 1 }).startOf('day')) {
    const date = day.toISODate() ?? '';
    starts.push(day.toJSDate());
    if (date > to) break;
    dates.push(date);
  }
  return { dates, starts };
}

/**
 * Reads a paging cursor, `<ISO time>~<PAYID>~<PAYIDSUB>` as the page's "Earlier" and "Later"
 * links write it; null when the text is not one. The route refuses such a cursor with a message
 * rather than silently showing the first page.
 */
export function readHistoryCursor(text: string): HistoryCursor | null {
  const [time = '', payId = '', payIdSub = '', ...rest] = text.split('~');
  if (rest.length > 0 || !isIsoInstant(time) || !/^\d{1,15}$/.test(payId) || !/^\d{1,9}$/.test(payIdSub)) return null;
  return { time, payId: Number(payId), payIdSub: Number(payIdSub) };
}

/** Writes a line's cursor for a paging link (readHistoryCursor reads it back). */
export function writeHistoryCursor(row: { cursorTime: string; payId: number; payIdSub: number }): string {
  return `${row.cursorTime}~${row.payId}~${row.payIdSub}`;
}
