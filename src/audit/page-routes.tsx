import type { Context } from 'hono';
import type { AuditResults } from '../../views/audit/audit-page.tsx';
import { AuditPage } from '../../views/audit/audit-page.tsx';
import type { Deps, SignedInEnv } from '../http/context.ts';
import { BadRequest } from '../http/errors.ts';
import { page } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import { paths } from '../paths.ts';
import type { AccountUser, FilterReading } from './forms.ts';
import { readCursor, readFilters } from './forms.ts';
import { entryView, eventChoices } from './present.ts';
import { listAccountUsers, listAuditEntries, listAuditEventTypes } from './queries.ts';
import { recordEvent } from './service.ts';

/** Entries a page, newest first. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * GET /<env>/audit: the filters, and the entries they match, 50 a page by key (`before=<time>~<id>`,
 * a cursor that is not one answers 400). Wrong filters answer 422 with the form and no entries.
 */
export async function showAuditPage(c: Context<SignedInEnv>, deps: Deps): Promise<Response> {
  const { auth, env, t } = c.var;
  const { reading, users } = await readRequestFilters(c, deps);
  if (!reading.ok) return renderAuditPage(c, deps, users, reading);
  const cursorText = c.req.query('before') ?? '';
  const before = cursorText === '' ? undefined : readCursor(cursorText);
  if (before === null) throw new BadRequest('audit cursor');
  const rows = await listAuditEntries(deps.db, auth.account.id, reading.filters, { before, limit: AUDIT_PAGE_SIZE + 1 });
  const shown = rows.slice(0, AUDIT_PAGE_SIZE);
  // Recorded once the entries are read and before they are shown: a page that fails to record is not shown.
  await recordReading(c, deps, 'audit.view', before ? { ...reading.details, before: cursorText } : reading.details);
  const last = shown.at(-1);
  const results: AuditResults = {
    entries: shown.map((row) => entryView(row, t, auth, users)),
    older: before !== undefined,
    olderHref:
      rows.length > AUDIT_PAGE_SIZE && last
        ? paths.audit.list(env, { ...reading.query, before: `${last.cursorTime}~${last.id}` })
        : undefined,
    newestHref: before ? paths.audit.list(env, reading.query) : undefined,
    csvHref: paths.audit.csv(env, reading.query),
  };
  return renderAuditPage(c, deps, users, reading, results);
}

/** The account's users (for the user filter) and the request's filters read against them (NotFound for another account's user). */
export async function readRequestFilters(c: Context<SignedInEnv>, deps: Deps) {
  const { auth } = c.var;
  const users = await listAccountUsers(deps.db, auth.account.id);
  const reading = readFilters(c.req.query(), auth.user.timeZone, users);
  return { users, reading };
}

/** The page, with its entries, or with the filters' problems (422) and no entries. */
export async function renderAuditPage(
  c: Context<SignedInEnv>,
  deps: Deps,
  users: readonly AccountUser[],
  reading: FilterReading,
  results?: AuditResults,
): Promise<Response> {
  const { auth, t } = c.var;
  const events = eventChoices(t, await listAuditEventTypes(deps.db, auth.account.id));
  return page(
    c,
    <AuditPage
      ctx={viewContext(c, deps)}
      values={reading.values}
      errors={reading.ok ? {} : reading.errors}
      users={users}
      events={events}
      zone={auth.user.timeZone}
      results={results}
    />,
    { status: reading.ok ? 200 : 422 },
  );
}

/** Reading the log is itself audited (PCI DSS 10.2.1.3): the filters used, the account as the object. */
export function recordReading(
  c: Context<SignedInEnv>,
  deps: Deps,
  type: 'audit.view' | 'audit.download',
  details: Record<string, string>,
): Promise<void> {
  const ctx = actorContext(c, deps);
  return recordEvent(ctx, { type, details }, { account: ctx.actor.account });
}
