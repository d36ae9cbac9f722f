/**
 * Data retention (PRODUCT.md C6, guide 3.2.9): each table of payment data registers here how to
 * count and how to delete an account's rows older than a cutoff. The account page previews what
 * the next run removes (`previewRetention`); the daily retention job (src/retention/job.ts) deletes
 * it, table by table, in bounded chunks, each chunk its own short statement so no run holds long
 * locks. The audit log is not payment data and is not registered here: it keeps at least 12 months
 * whatever the setting (PCI DSS 10.5.1; decision record 0021).
 *
 * No payment table exists yet (orders come in issue 10): the registry is empty until a feature
 * registers its tables, usually with `registerRetentionTable(retentionByColumns({ … }))` in its
 * `retention.ts`, listed in src/retention/registrations.ts.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { DAY_MS } from '../lib/clock.ts';

/** A table whose rows the retention setting removes. */
export type RetentionTable = {
  /** A stable name, the one the audit details and the preview carry (usually the SQL table name). */
  table: string;
  /** Its words on the account page ("Orders and their operations"). */
  label: PlainKey;
  /** How many of the account's rows are older than `cutoff` (strictly before it). */
  count(db: Db, accountId: string, cutoff: Date): Promise<number>;
  /**
   * Deletes at most `limit` of the account's rows older than `cutoff`, in one short statement, and
   * says how many went (0 when none is left). Called again until it answers less than `limit`.
   */
  deleteChunk(db: Db, accountId: string, cutoff: Date, limit: number): Promise<number>;
};

const tables: RetentionTable[] = [];

/**
 * Registers a table of payment data with the retention job and the account page's preview.
 * Returns the function that takes it out again (tests). Throws when the name is taken.
 */
export function registerRetentionTable(entry: RetentionTable): () => void {
  if (tables.some((known) => known.table === entry.table)) {
    throw new Error(`retention: the table ${entry.table} is registered twice`);
  }
  tables.push(entry);
  return () => {
    const at = tables.indexOf(entry);
    if (at >= 0) tables.splice(at, 1);
  };
}

/** The tables registered so far, in the order they registered. */
export function retentionTables(): readonly RetentionTable[] {
  return [...tables];
}

/**
 * Every table of payment data: loads the features' registrations (src/retention/registrations.ts)
 * first. Loaded here, late, rather than at the top: the features' modules import this one, and
 * find it ready.
 */
export async function registeredTables(): Promise<readonly RetentionTable[]> {
  await import('./registrations.ts');
  return retentionTables();
}

/**
 * The instant before which an account's payment data goes: `now` minus `retentionDays` days of
 * 24 hours. A row stamped exactly at the cutoff stays.
 */
export function retentionCutoff(now: Date, retentionDays: number): Date {
  return new Date(now.getTime() - retentionDays * DAY_MS);
}

/**
 * What the next retention run would remove from the account, per registered table (the account
 * page's preview, PRODUCT.md C6): the same cutoff and the same conditions as the job's deletes.
 */
export async function previewRetention(
  db: Db,
  account: { id: string; retentionDays: number },
  now: Date,
): Promise<{ table: string; label: PlainKey; rows: number }[]> {
  const cutoff = retentionCutoff(now, account.retentionDays);
  const preview: { table: string; label: PlainKey; rows: number }[] = [];
  for (const entry of await registeredTables()) {
    preview.push({ table: entry.table, label: entry.label, rows: await entry.count(db, account.id, cutoff) });
  }
  return preview;
}

/**
 * A retention entry for the usual shape: a table with an account column and a timestamp column.
 * Counts with `timeColumn < cutoff`, deletes chunks by `ctid` (`delete … where ctid in (select
 * ctid … limit n)`), so a chunk locks at most `limit` rows. `timeColumn` should be indexed with the
 * account column for large tables. Names are SQL identifiers, quoted here.
 */
export function retentionByColumns(spec: {
  table: string;
  label: PlainKey;
  accountColumn: string;
  timeColumn: string;
}): RetentionTable {
  const from = sql.identifier(spec.table);
  const old = (accountId: string, cutoff: Date): SQL =>
    sql`${sql.identifier(spec.accountColumn)} = ${accountId} and ${sql.identifier(spec.timeColumn)} < ${cutoff.toISOString()}::timestamptz`;
  return {
    table: spec.table,
    label: spec.label,
    async count(db, accountId, cutoff) {
      const rows = await rowsOf<{ n: number }>(db, sql`select count(*)::int as n from ${from} where ${old(accountId, cutoff)}`);
      return rows[0]?.n ?? 0;
    },
    async deleteChunk(db, accountId, cutoff, limit) {
      const rows = await rowsOf<{ n: number }>(
        db,
        sql`with gone as (
              delete from ${from} where ctid in (select ctid from ${from} where ${old(accountId, cutoff)} limit ${limit})
              returning 1)
            select count(*)::int as n from gone`,
      );
      return rows[0]?.n ?? 0;
    },
  };
}
