import type { SQL } from 'drizzle-orm';
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
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
 * The fields of a download's line (listAuditExport), in order, separated by EXPORT_FIELD.
 * `id` and `epoch` (whole seconds since 1970 UTC: the file shows seconds) as numbers in text, `success` as
 * `true` or `false`, then the event type, actor, IP and object each as a JSON string ('' when
 * null), and the details as Postgres writes jsonb (keys in its own order). JSON never holds a
 * raw control character, so neither the separator nor a line feed can occur inside a field.
 */
export const EXPORT_LINE = ['id', 'epoch', 'success', 'eventType', 'actor', 'ip', 'object', 'details'] as const;
export const EXPORT_FIELD = '\u001f';

/**
 * One batch of a download as ONE text, a line per entry (EXPORT_LINE), newest first, after the
 * entry with id `afterId` if given: the same filters and order as listAuditEntries. Postgres
 * writes the lines (array(… order by …) keeps the order) and the driver hands over one string,
 * where rows of eight columns would cost the driver more than everything else the download
 * does (decision record 0012). The next batch starts from the last id alone (the entry's time is
 * read back by its primary key). '' when nothing is left.
 */
export async function listAuditExport(
  db: Db,
  accountId: string,
  filters: AuditFilters,
  page: { afterId?: string; limit: number },
): Promise<string> {
  const conditions = filterConditions(accountId, filters);
  if (page.afterId) {
    const id = sql`${page.afterId}::bigint`;
    conditions.push(
      sql`(${auditLog.occurredAt}, ${auditLog.id}) < ((select previous.occurred_at from audit_log previous where previous.id = ${id}), ${id})`,
    );
  }
  // concat (not concat_ws) writes a null as '': to_json of a null column is null, of text a JSON string.
  const f = sql.raw(`'${EXPORT_FIELD}'`);
  const result = await db.execute<{ lines: string }>(sql`
    select array_to_string(array(
      select concat(${auditLog.id}, ${f}, floor(date_part('epoch', ${auditLog.occurredAt}))::int8, ${f}, ${auditLog.success}, ${f},
                    to_json(${auditLog.eventType}), ${f}, to_json(${auditLog.actor}), ${f}, to_json(${auditLog.ip}), ${f},
                    to_json(${auditLog.object}), ${f}, ${auditLog.details})
      from audit_log where ${and(...conditions)}
      order by ${auditLog.occurredAt} desc, ${auditLog.id} desc
      limit ${page.limit}
    ), ${sql.raw("E'\\n'")}) as lines`);
  const rows = Array.isArray(result) ? result : (result as unknown as { rows: { lines: string }[] }).rows;
  return rows[0]?.lines ?? '';
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
