import type { AuditFilterValues } from '../../views/audit/filter-form.tsx';
import { NotFound } from '../errors.ts';
import { BadRequest } from '../http/errors.ts';
import type { FieldErrors } from '../http/forms.ts';
import { hasInvalidCharacters } from '../http/forms.ts';
import { isIsoDate, isIsoInstant, zonedDayRange } from '../lib/time.ts';
import type { AuditCursor, AuditFilters } from './queries.ts';

export type AccountUser = { id: string; userid: string };
export type Parsed = { values: AuditFilterValues; errors: FieldErrors; filters: AuditFilters; details: Record<string, string> };

const EVENT_TYPE_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;
const RESULTS = ['', 'all', 'success', 'failure'] as const;

/**
 * Reads the filters of the query string. Dates are whole days of the user's zone. A user that
 * is not one of the account's answers 404, like any record of another account.
 */
export function parseFilters(query: Record<string, string>, zone: string, users: AccountUser[]): Parsed {
  const read = (name: string) => {
    const value = (query[name] ?? '').trim().slice(0, 100);
    return hasInvalidCharacters(value) ? { value: '', bad: true } : { value, bad: false };
  };
  const from = read('from');
  const to = read('to');
  const user = read('user');
  const event = read('event');
  const result = read('result');
  const errors: FieldErrors = {};
  if (from.bad) errors['audit-from'] = { key: 'form.invalidCharacters' };
  else if (from.value && !isIsoDate(from.value)) errors['audit-from'] = { key: 'audit.fromInvalid' };
  if (to.bad) errors['audit-to'] = { key: 'form.invalidCharacters' };
  else if (to.value && !isIsoDate(to.value)) errors['audit-to'] = { key: 'audit.toInvalid' };
  if (!errors['audit-from'] && !errors['audit-to'] && from.value && to.value && from.value > to.value) {
    errors['audit-to'] = { key: 'audit.rangeReversed' };
  }
  const chosenUser = user.value ? users.find((candidate) => candidate.id === user.value) : undefined;
  if (user.bad || (user.value && !chosenUser)) throw new NotFound('audit filter user');
  if (event.bad || (event.value && !EVENT_TYPE_PATTERN.test(event.value))) errors['audit-event'] = { key: 'audit.eventInvalid' };
  if (result.bad || !(RESULTS as readonly string[]).includes(result.value))
    errors['audit-result'] = { key: 'audit.resultInvalid' };
  const resultFilter = result.value === 'success' || result.value === 'failure' ? result.value : 'all';
  const values = {
    from: from.value,
    to: to.value,
    user: user.value,
    event: event.value,
    result: resultFilter === 'all' ? '' : resultFilter,
  };
  if (Object.keys(errors).length > 0) return { values, errors, filters: { result: 'all' }, details: {} };
  const range = zonedDayRange(from.value || undefined, to.value || undefined, zone);
  const details: Record<string, string> = {};
  if (from.value) details.from = from.value;
  if (to.value) details.to = to.value;
  if (from.value || to.value) details.timeZone = zone;
  if (chosenUser) details.user = chosenUser.userid;
  if (event.value) details.event = event.value;
  if (resultFilter !== 'all') details.result = resultFilter;
  return {
    values,
    errors,
    filters: { ...range, userId: chosenUser?.id, eventType: event.value || undefined, result: resultFilter },
    details,
  };
}

/**
 * `before=<ISO time>~<id>`, as the "Older entries" link writes it. A cursor that is not one is
 * refused with 400 (through the error funnel) rather than ignored: silently showing the newest
 * entries instead would look like the older ones are missing.
 */
export function parseCursor(text: string): AuditCursor {
  const [time = '', id = '', ...rest] = text.split('~');
  if (rest.length > 0 || !isIsoInstant(time) || !/^\d{1,18}$/.test(id)) {
    throw new BadRequest('audit cursor');
  }
  return { time, id: BigInt(id) };
}

/** The valid filters as query parameters, for the paging and download links. */
export function filterQuery(parsed: Parsed): Record<string, string> {
  const { values } = parsed;
  const query: Record<string, string> = {};
  for (const name of ['from', 'to', 'user', 'event', 'result'] as const) if (values[name]) query[name] = values[name];
  return query;
}
