import { asc, type SQL, sql } from 'drizzle-orm';
import { recordAudit } from '../audit/service.ts';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { accounts } from '../db/schema/accounts.ts';
import type { Clock } from '../lib/clock.ts';
import { describeError } from '../lib/describe-error.ts';
import type { Logger } from '../lib/logger.ts';
import type { RetentionTable } from './registry.ts';
import { registeredTables, retentionCutoff } from './registry.ts';

/** At most this many rows go in one statement: each chunk is its own short transaction, so no run holds long locks. */
export const RETENTION_CHUNK_ROWS = 1000;

/** The audit log keeps at least this many months whatever the account's setting (PCI DSS 10.5.1). */
export const AUDIT_KEEP_MONTHS = 12;

/** What one run removed from one account: rows per registered table, and audit entries older than 12 months. */
export type RetentionRun = { accountId: string; removed: Record<string, number>; auditLog: number; total: number };

type Deps = { db: Db; clock: Clock; log: Logger };

/**
 * The daily retention job (PRODUCT.md C6, guide 3.2.9; decision record 0021). For each account:
 * the rows of every registered table older than the account's retention setting
 * (`retentionCutoff`), then the account's audit entries older than 12 months (PCI DSS 10.5.1),
 * each in chunks of `chunkRows`; then one audit entry 'retention.purge' by the system saying how
 * many rows went per table, even when none did. Audit entries of no account (logins with an
 * unknown PSPID) are purged the same way. An account that fails is logged and skipped; the run
 * then fails at the end, so pg-boss retries it (the deletes that were done stay done).
 */
export async function runRetention(deps: Deps, options: { chunkRows?: number } = {}): Promise<RetentionRun[]> {
  const chunkRows = options.chunkRows ?? RETENTION_CHUNK_ROWS;
  const now = deps.clock.now();
  const list = await deps.db
    .select({ id: accounts.id, retentionDays: accounts.retentionDays })
    .from(accounts)
    .orderBy(asc(accounts.id));
  const tables = await registeredTables();
  const runs: RetentionRun[] = [];
  let failures = 0;
  for (const account of list) {
    try {
      const cutoff = retentionCutoff(now, account.retentionDays);
      const removed: Record<string, number> = {};
      for (const table of tables) removed[table.table] = await deleteOlder(deps.db, table, account.id, cutoff, chunkRows);
      const auditLog = await purgeAuditLog(deps.db, account.id, now, chunkRows);
      const total = Object.values(removed).reduce((sum, n) => sum + n, auditLog);
      await recordAudit(deps, {
        accountId: account.id,
        actor: 'system',
        eventType: 'retention.purge',
        success: true,
        object: `account:${account.id}`,
        details: { retentionDays: account.retentionDays, removed: { ...removed, audit_log: auditLog } },
      });
      runs.push({ accountId: account.id, removed, auditLog, total });
    } catch (error) {
      failures += 1;
      deps.log({ level: 'error', msg: 'retention failed for an account', accountId: account.id, ...describeError(error) });
    }
  }
  const withoutAccount = await purgeAuditLog(deps.db, null, now, chunkRows);
  if (withoutAccount > 0) deps.log({ level: 'info', msg: 'audit entries of no account purged', rows: withoutAccount });
  if (failures > 0) throw new Error(`retention failed for ${failures} account(s)`);
  return runs;
}

/** Deletes every row of `table` older than `cutoff` for the account, chunk after chunk; how many went. */
async function deleteOlder(db: Db, table: RetentionTable, accountId: string, cutoff: Date, chunkRows: number): Promise<number> {
  let total = 0;
  for (;;) {
    const gone = await table.deleteChunk(db, accountId, cutoff, chunkRows);
    total += gone;
    if (gone < chunkRows) return total;
  }
}

/**
 * Deletes the account's audit entries (`accountId` null: entries of no account) older than 12
 * months before `now`, in chunks. Each chunk is a transaction that sets `guichet.audit_purge`
 * locally, the only way past the audit log's trigger (migration 0006), which also checks the 12
 * months against the database's own clock; the delete asks for both, so a chunk never hits the
 * trigger's refusal. Returns how many entries went.
 */
export async function purgeAuditLog(
  db: Db,
  accountId: string | null,
  now: Date,
  chunkRows = RETENTION_CHUNK_ROWS,
): Promise<number> {
  const months = sql.raw(`interval '${AUDIT_KEEP_MONTHS} months'`);
  const owner: SQL = accountId === null ? sql`account_id is null` : sql`account_id = ${accountId}`;
  let total = 0;
  for (;;) {
    const gone = await db.transaction(async (tx) => {
      await tx.execute(sql`set local guichet.audit_purge = 'on'`);
      const rows = await rowsOf<{ n: number }>(
        tx,
        sql`with gone as (
              delete from audit_log where id in (
                select id from audit_log
                where ${owner} and occurred_at < ${now.toISOString()}::timestamptz - ${months} and occurred_at < now() - ${months}
                order by occurred_at limit ${chunkRows})
              returning 1)
            select count(*)::int as n from gone`,
      );
      return rows[0]?.n ?? 0;
    });
    total += gone;
    if (gone < chunkRows) return total;
  }
}
