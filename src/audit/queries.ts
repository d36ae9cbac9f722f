import type { SQL } from 'drizzle-orm';
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
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
  const conditions: SQL[] = [eq(auditLog.accountId, accountId)];
  if (filters.start) conditions.push(gte(auditLog.occurredAt, filters.start));
  if (filters.end) conditions.push(lt(auditLog.occurredAt, filters.end));
  if (filters.userId) conditions.push(eq(auditLog.userId, filters.userId));
  if (filters.eventType) conditions.push(eq(auditLog.eventType, filters.eventType));
  if (filters.result !== 'all') conditions.push(eq(auditLog.success, filters.result === 'success'));
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

/** At most this many event types are offered in the filter. */
export const MAX_EVENT_TYPES = 200;

/**
 * The event types present in an account's log. A loose index scan on
 * (account_id, event_type, …): one index probe per distinct type, however long the log, and
 * bounded by `max`.
 */
export async function listAuditEventTypes(db: Db, accountId: string, max = MAX_EVENT_TYPES): Promise<string[]> {
  const result = await db.execute<{ event_type: string }>(sql`
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
    select event_type from types where event_type is not null limit ${max}`);
  const rows = Array.isArray(result) ? result : (result as { rows: { event_type: string }[] }).rows;
  return rows.map((row) => row.event_type);
}

/** The account's users (API users and inactive ones included), for the user filter. */
export async function listAccountUsers(db: Db, accountId: string): Promise<{ id: string; userid: string }[]> {
  return db
    .select({ id: users.id, userid: users.userid })
    .from(users)
    .where(eq(users.accountId, accountId))
    .orderBy(asc(sql`lower(${users.userid})`), asc(users.id));
}
