import type { SQL } from 'drizzle-orm';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { CopyQuery } from '../db/copy-out.ts';
import { rowsOf } from '../db/rows.ts';
import { auditLog } from '../db/schema/audit.ts';
import { users } from '../db/schema/users.ts';

export type AuditResultFilter = 'all' | 'success' | 'failure';

/** What the page and the download filter on; dates are already UTC instants (end exclusive). */
export type AuditFilters = {
  start?: Date;
  end?: Date;
  userId?: string;
  eventType?: string;
  result: AuditResultFilter;
};

/**
 * Where a page ends: the last entry's time and id. The time is Postgres's own text of the
 * timestamp in UTC, to the microsecond, so the next page starts exactly after it whatever
 * precision the entry was written with.
 */
export type AuditCursor = { time: string; id: bigint };

export type AuditRow = {
  id: bigint;
  occurredAt: Date;
  cursorTime: string;
  actor: string | null;
  eventType: string;
  success: boolean;
  ip: string | null;
  object: string | null;
  details: Record<string, unknown>;
};

/**
 * One page (or download batch) of an account's log, newest first, after `before` if given.
 * Keyset only, never OFFSET: the sort (occurred_at desc, id desc) is read backwards along the
 * (account_id, occurred_at, id) index, or its user or event twin when that filter is set.
 * Entries without an account (unknown PSPID at login) never match.
 */
export async function listAuditEntries(
  db: Db,
  accountId: string,
  filters: AuditFilters,
  page: { before?: AuditCursor; limit: number },
): Promise<AuditRow[]> {
  const conditions = filterConditions(accountId, filters);
  if (page.before) {
    conditions.push(
      sql`(${auditLog.occurredAt}, ${auditLog.id}) < (${page.before.time}::timestamptz, ${page.before.id.toString()}::bigint)`,
    );
  }
  return db
    .select({
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      cursorTime: sql<string>`to_char(${auditLog.occurredAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      actor: auditLog.actor,
      eventType: auditLog.eventType,
      success: auditLog.success,
      ip: auditLog.ip,
      object: auditLog.object,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(page.limit);
}

/**
 * The filters as conditions, the account first. With a user and an event type, the
 * (account_id, user_id, event_type, occurred_at, id) index serves them in order (migration 0005,
 * decision record 0012); with one of them, its own (account, …, occurred_at, id) index.
 */
function filterConditions(accountId: string, filters: AuditFilters): SQL[] {
  const conditions: SQL[] = [eq(auditLog.accountId, accountId)];
  if (filters.start) conditions.push(gte(auditLog.occurredAt, filters.start));
  if (filters.end) conditions.push(lt(auditLog.occurredAt, filters.end));
  if (filters.userId) conditions.push(eq(auditLog.userId, filters.userId));
  if (filters.eventType) conditions.push(eq(auditLog.eventType, filters.eventType));
  if (filters.result !== 'all') conditions.push(eq(auditLog.success, filters.result === 'success'));
  return conditions;
}

/**
 * The columns of a download's line (auditExportQuery), in order, as COPY's text format writes
 * them (src/db/copy-out.ts: tab-separated, `\N` for null, backslash escapes): `id`, `epoch`
 * (whole seconds since 1970 UTC: the file shows seconds), `success` as `t` or `f`, the event
 * type, actor, IP and object as text, and the details as Postgres writes jsonb (keys in its own
 * order).
 */
export const EXPORT_LINE = ['id', 'epoch', 'success', 'eventType', 'actor', 'ip', 'object', 'details'] as const;

/**
 * The download's query for COPY (copyOut): the entries the filters match, newest first, with
 * the same filters and order as listAuditEntries, served by the same indexes. With `page`, at
 * most `limit` entries after the entry with id `afterId` (its time is read back by primary
 * key): the embedded database reads in pages; a Postgres server streams them all at once. The
 * values are settings (`guichet.audit_*`), never text in the query.
 */
export function auditExportQuery(
  accountId: string,
  filters: AuditFilters,
  page?: { afterId?: string; limit: number },
): CopyQuery {
  const settings: Record<string, string> = {};
  const value = (name: string, text: string, type: string) => {
    settings[`guichet.audit_${name}`] = text;
    return `current_setting('guichet.audit_${name}')::${type}`;
  };
  const conditions = [`account_id = ${value('account', accountId, 'uuid')}`];
  if (filters.start) conditions.push(`occurred_at >= ${value('start', filters.start.toISOString(), 'timestamptz')}`);
  if (filters.end) conditions.push(`occurred_at < ${value('end', filters.end.toISOString(), 'timestamptz')}`);
  if (filters.userId) conditions.push(`user_id = ${value('user', filters.userId, 'uuid')}`);
  if (filters.eventType) conditions.push(`event_type = ${value('event', filters.eventType, 'text')}`);
  if (filters.result !== 'all') conditions.push(`success = ${value('success', String(filters.result === 'success'), 'boolean')}`);
  if (page?.afterId) {
    const after = value('after', page.afterId, 'bigint');
    conditions.push(
      `(occurred_at, id) < ((select previous.occurred_at from audit_log previous where previous.id = ${after}), ${after})`,
    );
  }
  const limit = page ? ` limit ${Math.trunc(page.limit)}` : '';
  return {
    select: `select id, floor(date_part('epoch', occurred_at))::int8, success, event_type, actor, ip, object, details
      from audit_log where ${conditions.join(' and ')}
      order by occurred_at desc, id desc${limit}`,
    settings,
  };
}

/** At most this many event types are offered in the filter. */
export const MAX_EVENT_TYPES = 200;

/**
 * The event types present in an account's log. A loose index scan on
 * (account_id, event_type, …): one index probe per distinct type, however long the log, and
 * bounded by `max`.
 */
export async function listAuditEventTypes(db: Db, accountId: string, max = MAX_EVENT_TYPES): Promise<string[]> {
  const rows = await rowsOf<{ event_type: string }>(
    db,
    sql`
    with recursive types(event_type) as (
      (select event_type from audit_log where account_id = ${accountId} order by event_type limit 1)
      union all
      select (
        select a.event_type from audit_log a
        where a.account_id = ${accountId} and a.event_type > types.event_type
        order by a.event_type limit 1
      )
      from types where types.event_type is not null
    )
    select event_type from types where event_type is not null limit ${max}`,
  );
  return rows.map((row) => row.event_type);
}

/** The account's user with this USERID, whatever its case (API users and inactive ones included). */
export async function findAccountUser(
  db: Db,
  accountId: string,
  userid: string,
): Promise<{ id: string; userid: string } | undefined> {
  const [user] = await db
    .select({ id: users.id, userid: users.userid })
    .from(users)
    .where(and(eq(users.accountId, accountId), eq(sql`lower(${users.userid})`, userid.toLowerCase())));
  return user;
}

/** How many USERIDs the user filter suggests at a time. */
export const USER_SUGGESTIONS = 50;

/**
 * The account's USERIDs that start with `typed` (any case), in alphabetical order, at most
 * `limit`: the user filter's suggestions (the account's users are found by the
 * (account_id, lower(userid)) unique index; even 5,000 of them are read in a few milliseconds).
 */
export async function suggestUserids(db: Db, accountId: string, typed: string, limit = USER_SUGGESTIONS): Promise<string[]> {
  const prefix = `${typed.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await db
    .select({ userid: users.userid })
    .from(users)
    .where(and(eq(users.accountId, accountId), sql`lower(${users.userid}) like ${prefix}`))
    .orderBy(asc(sql`lower(${users.userid})`), asc(users.id))
    .limit(limit);
  return rows.map((row) => row.userid);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The USERIDs of the account's users among `ids` (one query), by id. Ids that are not uuids,
 * or of no user of the account (no longer there), are left out.
 */
export async function useridsOf(db: Db, accountId: string, ids: Iterable<string>): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)].filter((id) => UUID.test(id));
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, userid: users.userid })
    .from(users)
    .where(and(eq(users.accountId, accountId), inArray(users.id, wanted)));
  return new Map(rows.map((row) => [row.id, row.userid]));
}
