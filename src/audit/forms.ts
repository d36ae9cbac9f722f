import * as v from 'valibot';
import type { FieldSpec } from '../forms/fields.ts';
import { choice, date, hasInvalidCharacters, text } from '../forms/fields.ts';
import { encodeMessage } from '../forms/message-codec.ts';
import type { FieldErrors, FormValues } from '../forms/parse.ts';
import { defineForm, parseForm } from '../forms/parse.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { message } from '../i18n/catalogue.ts';
import { isIsoDate, isIsoInstant, zonedDayRange } from '../lib/time.ts';
import type { AuditCursor, AuditFilters } from './queries.ts';

/**
 * The audit log's filters (decision record 0012): a GET form, so its address is bookmarkable.
 * Pure: the page, the download and the view read the same definition.
 */

/**
 * The shared date field (YYYY-MM-DD, 2000-01-01 to 2099-12-31), with this form's own words for
 * something that is not a date at all, so the summary says which of the two dates is wrong.
 */
export function filterDate(notADate: PlainKey): FieldSpec<string | undefined> {
  const shared = date();
  return {
    ...shared,
    schema: (form) =>
      v.pipe(
        v.string(),
        // Control characters keep the shared field's own message; dates out of range too.
        v.check(
          (s: string) => hasInvalidCharacters(s) || s.trim() === '' || isIsoDate(s.trim()),
          encodeMessage(message(notADate)),
        ),
        shared.schema(form),
      ),
  };
}

/** Event types as they are stored ("password.change", "login.otp"). */
const EVENT_TYPE = /^[A-Za-z0-9_.:-]{1,100}$/;

/**
 * An event type chosen in the list, or '' for all: it is a select, so anything that is not an
 * event type (control characters, too long) gets "Choose an event from the list".
 */
function eventType(): FieldSpec<string> {
  return {
    required: false,
    schema: () =>
      v.pipe(
        v.string(),
        v.trim(),
        v.check((s: string) => s === '' || EVENT_TYPE.test(s), encodeMessage(message('audit.eventInvalid'))),
      ),
  };
}

/** Field ids: audit-from, audit-to, audit-user, audit-event, audit-result. */
export const auditFilterForm = defineForm('audit', {
  from: filterDate('audit.fromInvalid'),
  to: filterDate('audit.toInvalid'),
  /** The USERID of one of the account's users, typed (any case) or chosen among the suggestions. */
  user: text({ max: 100 }),
  event: eventType(),
  /** '' and 'all' both mean successes and failures. */
  result: choice(['', 'all', 'success', 'failure'], { invalid: 'audit.resultInvalid' }),
});

export type AuditFilterName = keyof typeof auditFilterForm.fields;
/** The filters as typed or chosen, shown back as they are (also after an error). */
export type AuditFilterValues = FormValues<AuditFilterName>;
export type AccountUser = { id: string; userid: string };

/** What the filters are checked against: the account's user with the USERID typed, if any, and the event types in its log. */
export type FilterChoices = { user: AccountUser | undefined; events: readonly string[] };

/**
 * What the filters of a request come to: the values to show back, and either the problems by
 * field name, or the query filters, the details the audit entry of this reading records, and
 * the filters as query parameters for the paging and download links.
 */
export type FilterReading =
  | { ok: false; values: AuditFilterValues; errors: FieldErrors<AuditFilterName> }
  | {
      ok: true;
      values: AuditFilterValues;
      filters: AuditFilters;
      details: Record<string, string>;
      query: Record<string, string>;
    };

/**
 * Reads the filters of a query string (a form or a link: the same rule for both). Dates are
 * whole days of the user's `zone`; an end before the start is a problem of the end date. Any
 * value that is not one of the choices is a problem beside its field (422), never an empty
 * list nor a 404: a USERID that is no user of the account (`choices.user` is the one found for
 * the value typed), an event type not in the account's log, a result not in the list.
 */
export function readFilters(query: Record<string, string>, zone: string, choices: FilterChoices): FilterReading {
  const parsed = parseForm(auditFilterForm, query);
  const result = parsed.values.result === 'success' || parsed.values.result === 'failure' ? parsed.values.result : 'all';
  const chosenUser = choices.user;
  // The USERID as the account writes it, whatever case it was typed in.
  const values = { ...parsed.values, result: result === 'all' ? '' : result, user: chosenUser?.userid ?? parsed.values.user };
  const errors: FieldErrors<AuditFilterName> = parsed.ok ? {} : { ...parsed.errors };
  if (!errors.user && values.user && !chosenUser) errors.user = message('audit.userUnknown');
  if (!errors.event && values.event && !choices.events.includes(values.event)) errors.event = message('audit.eventInvalid');
  // Two readable dates: a problem of the end date when it comes first (values are the dates, trimmed).
  if (!errors.from && !errors.to && values.from && values.to && values.from > values.to) {
    errors.to = message('audit.rangeReversed');
  }
  if (!parsed.ok || Object.keys(errors).length > 0) return { ok: false, values, errors };
  const { from, to, event } = parsed.data;
  const details: Record<string, string> = {};
  if (from) details.from = from;
  if (to) details.to = to;
  if (from || to) details.timeZone = zone;
  if (chosenUser) details.user = chosenUser.userid;
  if (event) details.event = event;
  if (result !== 'all') details.result = result;
  const linkQuery: Record<string, string> = {};
  for (const { name } of auditFilterForm.list) {
    const value = values[name as AuditFilterName];
    if (value) linkQuery[name] = value;
  }
  return {
    ok: true,
    values,
    filters: { ...zonedDayRange(from, to, zone), userId: chosenUser?.id, eventType: event || undefined, result },
    details,
    query: linkQuery,
  };
}

/**
 * Reads `before=<ISO time>~<id>`, as the "Older entries" link writes it; null when the text is
 * not one. The route refuses such a cursor (400) rather than ignoring it: silently showing the
 * newest entries instead would look like the older ones are missing.
 */
export function readCursor(text: string): AuditCursor | null {
  const [time = '', id = '', ...rest] = text.split('~');
  if (rest.length > 0 || !isIsoInstant(time) || !/^\d{1,18}$/.test(id)) return null;
  return { time, id: BigInt(id) };
}
