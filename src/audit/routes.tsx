import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AuditResults } from '../../views/audit/audit-page.tsx';
import { AuditPage } from '../../views/audit/audit-page.tsx';
import type { AuditEntryView } from '../../views/audit/audit-table.tsx';
import type { AuditFilterValues } from '../../views/audit/filter-form.tsx';
import { detailPairs, detailsText, eventLabel } from '../../views/audit/labels.tsx';
import type { Authenticated } from '../auth/sessions.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { BadRequest, NotFound } from '../http/errors.ts';
import type { FieldErrors } from '../http/forms.ts';
import { hasInvalidCharacters } from '../http/forms.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { page } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import type { Translate } from '../i18n/catalogue.ts';
import type { CsvCell } from '../lib/csv.ts';
import { csvStream } from '../lib/csv.ts';
import {
  compactDate,
  formatDateTime,
  formatExportDateTime,
  isIsoDate,
  isIsoInstant,
  isoUtc,
  zonedDayRange,
} from '../lib/time.ts';
import type { AuditCursor, AuditFilters, AuditRow } from './queries.ts';
import { listAccountUsers, listAuditEntries, listAuditEventTypes } from './queries.ts';
import { recordAudit } from './service.ts';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_CSV_BATCH_SIZE = 1000;

type AccountUser = { id: string; userid: string };
type Parsed = { values: AuditFilterValues; errors: FieldErrors; filters: AuditFilters; details: Record<string, string> };

/** Configuration > Audit log (Admin profiles): the page, and the same entries as a CSV download. */
export function auditRoutes(deps: Deps, env: Environment) {
  const app = new Hono<AppEnv>();
  const { db, clock, config } = deps;
  const allowed = requireAuth(deps, 'audit:view');

  const render = async (c: Context<AppEnv>, users: AccountUser[], parsed: Parsed, results?: AuditResults) => {
    const auth = c.var.auth!;
    const t = c.var.t;
    const events = (await listAuditEventTypes(db, auth.account.id))
      .map((type) => ({ type, label: eventLabel(t, type) }))
      .sort((a, b) => a.label.localeCompare(b.label, c.var.lang));
    const status = Object.keys(parsed.errors).length > 0 ? 422 : 200;
    const ctx = viewContext(c, deps);
    return page(
      c,
      <AuditPage
        ctx={ctx}
        values={parsed.values}
        errors={parsed.errors}
        users={users}
        events={events}
        zone={auth.user.timeZone}
        results={results}
      />,
      { status },
    );
  };

  const audit = (c: Context<AppEnv>, eventType: 'audit.view' | 'audit.download', details: Record<string, string>) => {
    const auth = c.var.auth!;
    return recordAudit(db, clock, {
      accountId: auth.account.id,
      userId: auth.user.id,
      actor: auth.user.userid,
      eventType,
      success: true,
      ip: clientIp(c, config),
      object: `account:${auth.account.id}`,
      details,
    });
  };

  app.get('/audit', allowed, async (c) => {
    const auth = c.var.auth!;
    const users = await listAccountUsers(db, auth.account.id);
    const parsed = parseFilters(c.req.query(), auth.user.timeZone, users);
    if (Object.keys(parsed.errors).length > 0) return render(c, users, parsed);
    const cursorText = c.req.query('before');
    const before = cursorText === undefined || cursorText === '' ? undefined : parseCursor(cursorText);
    const rows = await listAuditEntries(db, auth.account.id, parsed.filters, { before, limit: AUDIT_PAGE_SIZE + 1 });
    const shown = rows.slice(0, AUDIT_PAGE_SIZE);
    // Recorded once the entries are read and before they are shown: a page that fails to record is not shown.
    await audit(c, 'audit.view', before ? { ...parsed.details, before: cursorText ?? '' } : parsed.details);
    const query = filterQuery(parsed);
    const base = `/${env}/audit`;
    const last = shown.at(-1);
    const results: AuditResults = {
      entries: shown.map((row) => entryView(row, c.var.t, auth, users)),
      older: before !== undefined,
      olderHref:
        rows.length > AUDIT_PAGE_SIZE && last
          ? withQuery(base, { ...query, before: `${last.cursorTime}~${last.id}` })
          : undefined,
      newestHref: before ? withQuery(base, query) : undefined,
      csvHref: withQuery(`${base}.csv`, query),
    };
    return render(c, users, parsed, results);
  });

  app.get('/audit.csv', allowed, async (c) => {
    const auth = c.var.auth!;
    const users = await listAccountUsers(db, auth.account.id);
    const parsed = parseFilters(c.req.query(), auth.user.timeZone, users);
    // Bad filters cannot make a file: the page explains them, as it would have.
    if (Object.keys(parsed.errors).length > 0) return render(c, users, parsed);
    // Recorded when the download starts; whether the browser keeps all of it is not ours to know.
    await audit(c, 'audit.download', parsed.details);
    const t = c.var.t;
    const zone = auth.user.timeZone;
    const header = [
      t('audit.csv.time', { zone }),
      t('audit.col.userid'),
      t('audit.col.event'),
      t('audit.csv.eventType'),
      t('audit.col.result'),
      t('audit.col.ip'),
      t('audit.col.object'),
      t('audit.col.details'),
    ];
    const accountId = auth.account.id;
    const filters = parsed.filters;
    // Keyset batches: one batch in memory at a time, fetched when the client has read the last.
    async function* rows(): AsyncGenerator<CsvCell[]> {
      let before: AuditCursor | undefined;
      for (;;) {
        const batch = await listAuditEntries(db, accountId, filters, { before, limit: AUDIT_CSV_BATCH_SIZE });
        for (const row of batch) {
          yield [
            formatExportDateTime(row.occurredAt, zone),
            row.actor,
            eventLabel(t, row.eventType),
            row.eventType,
            t(row.success ? 'audit.success' : 'audit.failure'),
            row.ip,
            // The stored form (kind:id): ids stay true when a USERID is later renamed.
            row.object,
            detailsText(row.details),
          ];
        }
        const last = batch.at(-1);
        if (batch.length < AUDIT_CSV_BATCH_SIZE || !last) return;
        before = { time: last.cursorTime, id: last.id };
      }
    }
    const requestId = c.var.requestId;
    const body = csvStream(header, rows(), (error) =>
      deps.log({
        level: 'error',
        msg: 'audit download failed',
        requestId,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    const filename = `audit-${auth.account.pspid.replace(/[^A-Za-z0-9_.-]/g, '_')}-${compactDate(clock.now(), zone)}.csv`;
    return c.body(body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    });
  });

  return app;
}

const EVENT_TYPE_PATTERN = /^[A-Za-z0-9_.:-]{1,100}$/;
const RESULTS = ['', 'all', 'success', 'failure'] as const;

/**
 * Reads the filters of the query string. Dates are whole days of the user's zone. A user that
 * is not one of the account's answers 404, like any record of another account.
 */
function parseFilters(query: Record<string, string>, zone: string, users: AccountUser[]): Parsed {
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
function parseCursor(text: string): AuditCursor {
  const [time = '', id = '', ...rest] = text.split('~');
  if (rest.length > 0 || !isIsoInstant(time) || !/^\d{1,18}$/.test(id)) {
    throw new BadRequest('audit cursor');
  }
  return { time, id: BigInt(id) };
}

/** The valid filters as query parameters, for the paging and download links. */
function filterQuery(parsed: Parsed): Record<string, string> {
  const { values } = parsed;
  const query: Record<string, string> = {};
  for (const name of ['from', 'to', 'user', 'event', 'result'] as const) if (values[name]) query[name] = values[name];
  return query;
}

function withQuery(path: string, query: Record<string, string>): string {
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

function entryView(row: AuditRow, t: Translate, auth: Authenticated, users: AccountUser[]): AuditEntryView {
  const { user, account } = auth;
  return {
    time: { text: formatDateTime(row.occurredAt, user.timeZone, user.language), iso: isoUtc(row.occurredAt) },
    actor: row.actor,
    event: eventLabel(t, row.eventType),
    success: row.success,
    ip: row.ip,
    object: objectText(t, row.object, users, account),
    details: detailPairs(row.details),
  };
}

/** The affected object as people know it: a user by USERID, this account by PSPID; anything else as stored. */
function objectText(
  t: Translate,
  object: string | null,
  users: AccountUser[],
  account: { id: string; pspid: string },
): string | null {
  if (!object) return null;
  const [kind, id] = object.split(':', 2);
  if (kind === 'user') {
    const known = users.find((candidate) => candidate.id === id);
    if (known) return t('audit.object.user', { userid: known.userid });
  }
  if (kind === 'account' && id === account.id) return t('audit.object.account', { pspid: account.pspid });
  return object;
}
