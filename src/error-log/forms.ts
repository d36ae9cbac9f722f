import type { OrderSource } from '../db/schema/payments.ts';
import { ORDER_SOURCES } from '../db/schema/payments.ts';
import { choice } from '../forms/fields.ts';
import type { FieldErrors, FormValues } from '../forms/parse.ts';
import { defineForm, parseForm } from '../forms/parse.ts';
import { isIsoInstant } from '../lib/time.ts';
import type { ErrorLogCursor } from './queries.ts';

/**
 * The error log's filter (PRODUCT.md J1, "filterable by source"): a GET form, so the address of
 * what is shown can be bookmarked and works without JavaScript. Pure: the route and the view
 * read the same definition. '' means every source.
 */
export const errorLogFilterForm = defineForm('error-log', {
  source: choice(['', ...ORDER_SOURCES], { invalid: 'errorLog.sourceInvalid' }),
});

export type ErrorLogFilterName = keyof typeof errorLogFilterForm.fields;
export type ErrorLogFilterValues = FormValues<ErrorLogFilterName>;

/** The sources in the order the filter offers them. */
export const ERROR_LOG_SOURCES: readonly OrderSource[] = ORDER_SOURCES;

/**
 * What a request's filter comes to: the value to show back, and either its problem (a source
 * that is not one of the list: 422 beside the field, never an empty list) or the source to list
 * (undefined: all) with the filter as query parameters for the paging links.
 */
export type ErrorLogFilterReading =
  | { ok: false; values: ErrorLogFilterValues; errors: FieldErrors<ErrorLogFilterName> }
  | { ok: true; values: ErrorLogFilterValues; source: OrderSource | undefined; query: Record<string, string> };

/** Reads the filter of a query string (the form's or a paging link's: one rule for both). */
export function readErrorLogFilter(query: Record<string, string>): ErrorLogFilterReading {
  const parsed = parseForm(errorLogFilterForm, query);
  if (!parsed.ok) return { ok: false, values: parsed.values, errors: parsed.errors };
  const source = parsed.data.source === '' ? undefined : parsed.data.source;
  return { ok: true, values: parsed.values, source, query: source ? { source } : {} };
}

/**
 * Reads a paging cursor, `<ISO time>~<id>` as the page's "Older errors" and "Newer errors" links
 * write it; null when the text is not one. The route refuses such a cursor (400) rather than
 * silently showing the newest errors instead.
 */
export function readErrorLogCursor(text: string): ErrorLogCursor | null {
  const [time = '', id = '', ...rest] = text.split('~');
  if (rest.length > 0 || !isIsoInstant(time) || !/^\d{1,15}$/.test(id)) return null;
  return { time, id: Number(id) };
}

/** Writes an entry's cursor for a paging link (readErrorLogCursor reads it back). */
export function writeErrorLogCursor(row: { cursorTime: string; id: number }): string {
  return `${row.cursorTime}~${row.id}`;
}
