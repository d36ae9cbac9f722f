import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AuditResults } from '../../views/audit/audit-page.tsx';
import { AuditPage } from '../../views/audit/audit-page.tsx';
import type { AuditEntryView } from '../../views/audit/audit-table.tsx';
import { detailPairs, detailsText, eventLabel } from '../../views/audit/labels.tsx';
import type { Authenticated } from '../auth/sessions.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { page } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import type { Translate } from '../i18n/catalogue.ts';
import type { CsvCell } from '../lib/csv.ts';
import { csvStream } from '../lib/csv.ts';
import { formatDateTime } from '../lib/format.ts';
import { compactDate, formatExportDateTime, isoUtc } from '../lib/time.ts';
import { paths } from '../paths.ts';
import type { AuditCursor, AuditRow } from './queries.ts';
import { listAccountUsers, listAuditEntries, listAuditEventTypes } from './queries.ts';
import { recordAudit } from './service.ts';

export const AUDIT_PAGE_SIZE = 50;
export const AUDIT_CSV_BATCH_SIZE = 1000;

import type { AccountUser, Parsed } from './forms.ts';
import { filterQuery, parseCursor, parseFilters } from './forms.ts';

/** Configuration > Audit log (Admin profiles): the page, and the same entries as a CSV download. */
export function auditRoutes(deps: Deps, env: Environment) {
  const app = new Hono<AppEnv>();
  const { db, clock, config } = deps;
  const allowed = requireAuth(deps, 'audit:view');

  const render = async (c: Context<SignedInEnv>, users: AccountUser[], parsed: Parsed, results?: AuditResults) => {
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

  const audit = (c: Context<SignedInEnv>, eventType: 'audit.view' | 'audit.download', details: Record<string, string>) => {
    const auth = c.var.auth!;
    return recordAudit(
      { db: db, clock: clock },
      {
        accountId: auth.account.id,
        userId: auth.user.id,
        actor: auth.user.userid,
        eventType,
        success: true,
        ip: clientIp(c, config),
        object: `account:${auth.account.id}`,
        details,
      },
    );
  };

  app.get('/', allowed, async (c) => {
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
      csvHref: paths.audit.csv(env, query),
    };
    return render(c, users, parsed, results);
  });

  app.get('/download.csv', allowed, async (c) => {
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
