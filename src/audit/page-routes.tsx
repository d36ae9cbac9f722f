import type { Context } from 'hono';
import type { AuditResults } from '../../views/audit/audit-page.tsx';
import { AuditPage } from '../../views/audit/audit-page.tsx';
import { UserSuggestions } from '../../views/audit/user-suggestions.tsx';
import type { Deps, SignedInEnv } from '../http/context.ts';
import { BadRequest } from '../http/errors.ts';
import { page } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import { paths } from '../paths.ts';
import type { FilterReading } from './forms.ts';
import { auditFilterForm, readCursor, readFilters } from './forms.ts';
import { entryView, eventChoices, objectUserIds } from './present.ts';
import { findAccountUser, listAuditEntries, listAuditEventTypes, suggestUserids, useridsOf } from './queries.ts';
import { recordEvent } from './service.ts';

/** Entries a page, newest first. */
export const AUDIT_PAGE_SIZE = 50;

/**
 * GET /<env>/audit: the filters, and the entries they match, 50 a page by key (`before=<time>~<id>`,
 * a cursor that is not one answers 400). Wrong filters answer 422 with the form and no entries.
 */
export async function showAuditPage(c: Context<SignedInEnv>, deps: Deps): Promise<Response> {
  const { auth, env, t } = c.var;
  const read = await readRequestFilters(c, deps);
  const { reading } = read;
  if (!reading.ok) return renderAuditPage(c, deps, read);
  const cursorText = c.req.query('before') ?? '';
  const before = cursorText === '' ? undefined : readCursor(cursorText);
  if (before === null) throw new BadRequest('audit cursor');
  const rows = await listAuditEntries(deps.db, auth.account.id, reading.filters, { before, limit: AUDIT_PAGE_SIZE + 1 });
  const shown = rows.slice(0, AUDIT_PAGE_SIZE);
  // The USERIDs of the users the shown entries act on, in one query.
  const userids = await useridsOf(deps.db, auth.account.id, objectUserIds(shown.map((row) => row.object)));
  // Recorded once the entries are read and before they are shown: a page that fails to record is not shown.
  await recordReading(c, deps, 'audit.view', before ? { ...reading.details, before: cursorText } : reading.details);
  const last = shown.at(-1);
  const results: AuditResults = {
    entries: shown.map((row) => entryView(row, t, auth, userids)),
    older: before !== undefined,
    olderHref:
      rows.length > AUDIT_PAGE_SIZE && last
        ? paths.audit.list(env, { ...reading.query, before: `${last.cursorTime}~${last.id}` })
        : undefined,
    newestHref: before ? paths.audit.list(env, reading.query) : undefined,
    csvHref: paths.audit.csv(env, reading.query),
  };
  return renderAuditPage(c, deps, read, results);
}

/** A request's filters read against the account: its user with the USERID typed, and the event types of its log. */
export type RequestFilters = { reading: FilterReading; events: string[] };

/** Reads the request's filters (forms.ts readFilters), looking up what they name in two small queries. */
export async function readRequestFilters(c: Context<SignedInEnv>, deps: Deps): Promise<RequestFilters> {
  const { auth } = c.var;
  const query = c.req.query();
  const typed = (query[auditFilterForm.fields.user.name] ?? '').trim();
  const [user, events] = await Promise.all([
    typed && typed.length <= (auditFilterForm.fields.user.maxLength ?? 0)
      ? findAccountUser(deps.db, auth.account.id, typed)
      : undefined,
    listAuditEventTypes(deps.db, auth.account.id),
  ]);
  return { reading: readFilters(query, auth.user.timeZone, { user, events }), events };
}

/**
 * The page, with its entries, or with the filters' problems (422) and no entries. The user
 * field suggests the first USERIDs of the account (those that start with a USERID typed wrong).
 */
export async function renderAuditPage(
  c: Context<SignedInEnv>,
  deps: Deps,
  { reading, events }: RequestFilters,
  results?: AuditResults,
): Promise<Response> {
  const { auth, t } = c.var;
  const typedWrong = !reading.ok && reading.errors.user ? reading.values.user : '';
  let userids = typedWrong ? await suggestUserids(deps.db, auth.account.id, typedWrong) : [];
  if (userids.length === 0) userids = await suggestUserids(deps.db, auth.account.id, '');
  return page(
    c,
    <AuditPage
      ctx={viewContext(c, deps)}
      values={reading.values}
      errors={reading.ok ? {} : reading.errors}
      userids={userids}
      events={eventChoices(t, events)}
      zone={auth.user.timeZone}
      results={results}
    />,
    { status: reading.ok ? 200 : 422 },
  );
}

/**
 * GET /<env>/audit/users?user=<typed>: the user filter's suggestions, the account's first 50
 * USERIDs that start with what is typed, as the <datalist> the field reads (htmx replaces it
 * while the user types). Changes nothing and records nothing: it says no more than the page.
 */
export async function suggestAuditUsers(c: Context<SignedInEnv>, deps: Deps): Promise<Response> {
  const typed = (c.req.query(auditFilterForm.fields.user.name) ?? '').trim().slice(0, 100);
  const userids = await suggestUserids(deps.db, c.var.auth.account.id, typed);
  return c.html(<UserSuggestions userids={userids} />);
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
