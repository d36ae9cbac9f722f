/**
 * Issue 8, items 20 and 21: the audit log's CSV download beside `COPY` of the same rows, and the
 * audit page's "user and event type" filter, on a Postgres server.
 *
 * Creates a scratch database on BENCH_DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres), migrates it, writes BENCH_AUDIT_ROWS entries
 * (default 2,000,000) set-wise for one account of 50 users, then times:
 * - the anchor: `COPY (select …) TO STDOUT WITH (FORMAT csv)` of the same columns and rows, drained
 *   (the mean of one run before the export and one after);
 * - the export: the code the download route runs (src/audit/csv-export.ts), its stream drained,
 *   the Node process's CPU time per row while it ran, and its CPU time with its Postgres
 *   backends' beside the COPY backend's (read from /proc: a figure the machine's other work
 *   does not change);
 * - the first page of the audit page filtered by one user and one event type, and the same
 *   query's plan (EXPLAIN ANALYZE) printed below the figures.
 * The scratch database is dropped at the end, whatever happened.
 */
import { readFileSync } from 'node:fs';
import postgres from 'postgres';
import { openAuditCsv } from '../../src/audit/csv-export.ts';
import { listAuditEntries } from '../../src/audit/queries.ts';
import type { Db } from '../../src/db/client.ts';
import { openDatabase } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { translator } from '../../src/i18n/catalogue.ts';
import type { Bench, BenchLine } from './run.ts';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 2_000_000);
const USERS = 50;
const ZONE = 'Europe/Brussels';

export const bench: Bench = {
  name: `audit CSV and filters (${ROWS.toLocaleString('en')} rows, Postgres)`,
  async run(): Promise<BenchLine[]> {
    const name = `guichet_bench_audit_${process.pid}`;
    const admin = postgres(SERVER, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(SERVER);
    url.pathname = `/${name}`;
    const database = await openDatabase({ databaseUrl: url.toString() });
    const raw = postgres(url.toString(), { max: 1, onnotice: () => {} });
    try {
      await migrate(database);
      const { accountId, userIds } = await fill(raw);
      const lines: BenchLine[] = [];

      const columns = 'occurred_at, actor, event_type, success, ip, object, details';
      const copySql = `copy (select ${columns} from audit_log where account_id = '${accountId}' order by occurred_at desc, id desc) to stdout with (format csv, header)`;
      // COPY once to warm the caches, then COPY, the export and COPY again: the anchor is the
      // mean of the two COPYs around the export, so a change of load during the run shows less.
      const { bytes: copyBytes } = await drainCopy(url.toString(), copySql);
      let copyCpuMs = 0;
      const before = await timed(async () => {
        copyCpuMs += (await drainCopy(url.toString(), copySql)).serverCpuMs;
      });
      const rawPid = Number((await raw`select pg_backend_pid() as pid`)[0]?.pid);
      const postmaster = await postmasterPid(raw);
      const serverBefore = await backendsCpuMs(raw, name, rawPid, postmaster);
      const cpu = process.cpuUsage();
      let exportBytes = 0;
      const exportMs = await timed(async () => {
        exportBytes = await drainExport(database.db, accountId);
      });
      const exportCpu = process.cpuUsage(cpu);
      // The export's COPY connection has ended: its time is its parent's once reaped.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const serverAfter = await backendsCpuMs(raw, name, rawPid, postmaster);
      const after = await timed(async () => {
        copyCpuMs += (await drainCopy(url.toString(), copySql)).serverCpuMs;
      });
      lines.push({
        figure: `CSV download of ${ROWS.toLocaleString('en')} rows (${mib(exportBytes)} MiB; COPY ${mib(copyBytes)} MiB)`,
        value: exportMs,
        unit: 'ms',
        anchor: { name: 'COPY … TO STDOUT (csv)', value: (before + after) / 2 },
        target: { max: 3, of: 'ratio' },
      });
      lines.push({
        figure: 'CSV download, Node CPU per row (the server’s time not included)',
        value: (exportCpu.user + exportCpu.system) / ROWS,
        unit: 'µs',
      });
      // CPU time does not depend on what else the machine runs, where elapsed time does: the
      // download's CPU (Node and its Postgres backends) beside COPY's backend.
      const serverMs = [...serverAfter].reduce((sum, [pid, ms]) => sum + ms - (serverBefore.get(pid) ?? 0), 0);
      lines.push({
        figure: 'CSV download, CPU time (Node + Postgres backends)',
        value: (exportCpu.user + exportCpu.system) / 1000 + serverMs,
        unit: 'ms',
        anchor: { name: 'COPY’s backend CPU time', value: copyCpuMs / 2 },
      });

      // The audit page's first page for one user and one event type (item 21): user8 has 1 in 50
      // of the entries, password.change 1 in 8, and user8's password changes are 1 in 20,000.
      const filters = { userId: userIds[7] ?? '', eventType: 'password.change', result: 'all' as const };
      await listAuditEntries(database.db, accountId, filters, { limit: 51 });
      const runs = 20;
      const pageMs =
        (await timed(async () => {
          for (let i = 0; i < runs; i += 1) await listAuditEntries(database.db, accountId, filters, { limit: 51 });
        })) / runs;
      const pkMs =
        (await timed(async () => {
          for (let i = 0; i < runs; i += 1) await raw`select id from audit_log where id = ${String(1 + i)}`;
        })) / runs;
      lines.push({
        figure: 'audit page filtered by user and event type, first 51 rows',
        value: pageMs,
        unit: 'ms',
        anchor: { name: 'one row by primary key', value: pkMs },
        target: { max: 20, of: 'value' },
      });
      const plan = await raw.unsafe(
        `explain (analyze, buffers, costs off) select id, occurred_at, actor, event_type, success, ip, object, details from audit_log where account_id = $1 and user_id = $2 and event_type = $3 order by occurred_at desc, id desc limit 51`,
        [accountId, filters.userId, filters.eventType],
      );
      console.log(plan.map((row) => `    ${row['QUERY PLAN']}`).join('\n'));
      return lines;
    } finally {
      await raw.end({ timeout: 5 });
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    }
  },
};

/**
 * One account, its users, and ROWS entries written by one INSERT … SELECT: a mix of the events
 * a merchant's log holds (logins and their failures, page views with filters, user changes,
 * refused passwords), one every 7 seconds from 1 January 2026 (so a change to summer time is
 * inside), with repeating and unique details alike.
 */
async function fill(sql: postgres.Sql): Promise<{ accountId: string; userIds: string[] }> {
  const [account] = await sql<{ id: string }[]>`
    insert into accounts (environment, pspid, company_name, trade_name) values ('test', 'BENCH', 'Bench SA', 'Bench')
    returning id`;
  if (!account) throw new Error('no account');
  const users = await sql<{ id: string }[]>`
    insert into users (account_id, userid, name, profile, time_zone, password_hash, password_changed_at)
    select ${account.id}, 'user' || n, 'User ' || n, 'admin', ${ZONE}, 'x', now() from generate_series(1, ${USERS}) n
    returning id`;
  const userIds = users.map((user) => user.id);
  await sql.unsafe(
    `insert into audit_log (account_id, user_id, actor, event_type, occurred_at, success, ip, object, details)
     select $1::uuid, u.id, 'user' || (i % ${USERS} + 1), e.type,
            timestamptz '2026-01-01 00:00:00+00' + (i * interval '7 seconds'),
            e.success, '192.0.2.' || (i % 250), 'user:' || u.id, e.details
     from generate_series(1, ${ROWS}) i
     cross join lateral (select ($2::uuid[])[i % ${USERS} + 1] as id) u
     cross join lateral (
       select * from (values
         (0, 'login', true, jsonb_build_object('form', 'pspid', 'pspid', 'BENCH')),
         (1, 'login', false, jsonb_build_object('form', 'userid', 'pspid', 'BENCH', 'reason', 'wrong_password')),
         (2, 'audit.view', true, jsonb_build_object('from', '2026-03-01', 'to', '2026-03-31', 'timeZone', '${ZONE}', 'event', 'login')),
         (3, 'user.update', true, jsonb_build_object('target', 'user' || (i % 13), 'changes', jsonb_build_object('profile', jsonb_build_object('before', 'viewer', 'after', 'encoder')))),
         (4, 'password.change', false, jsonb_build_object('forced', false, 'problems', jsonb_build_array('password.problem.too_short', 'password.problem.needs_digit'))),
         (5, 'login.otp', true, '{}'::jsonb),
         (6, 'logout', true, '{}'::jsonb),
         -- One user changes their password rarely: "this user and this event" finds few rows.
         (7, case when i % 20000 = 7 then 'password.change' else 'user.unlock' end, true,
             jsonb_build_object('failedLogins', i % 11, 'n', i))
       ) v(k, type, success, details)
       where v.k = i % 8
     ) e`,
    [account.id, userIds],
  );
  await sql`analyze audit_log`;
  return { accountId: account.id, userIds };
}

/**
 * Drains a COPY on a connection of its own (postgres.js does not reuse a connection after
 * COPY … TO STDOUT): the bytes, and the CPU time its backend spent (0 where /proc is not).
 */
async function drainCopy(url: string, copySql: string): Promise<{ bytes: number; serverCpuMs: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const pid = Number((await sql`select pg_backend_pid() as pid`)[0]?.pid);
    const start = processCpuMs(pid) ?? 0;
    const stream = await sql.unsafe(copySql).readable();
    let bytes = 0;
    for await (const chunk of stream) bytes += (chunk as Buffer).length;
    return { bytes, serverCpuMs: (processCpuMs(pid) ?? 0) - start };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * The CPU time of each backend of the database (by pid), `raw`'s own left out, and, under the
 * postmaster's pid, the time of its children that have ended (a download's COPY runs on a
 * connection of its own that is gone when it is read).
 */
async function backendsCpuMs(
  raw: postgres.Sql,
  database: string,
  rawPid: number,
  postmaster?: number,
): Promise<Map<number, number>> {
  const rows = await raw<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${database} and pid <> ${rawPid}`;
  const times = new Map(rows.map((row) => [row.pid, processCpuMs(row.pid) ?? 0]));
  if (postmaster !== undefined) times.set(postmaster, processCpuMs(postmaster, 'children') ?? 0);
  return times;
}

/** The postmaster's pid, from the first line of postmaster.pid in the data directory (undefined when it cannot be read). */
async function postmasterPid(raw: postgres.Sql): Promise<number | undefined> {
  try {
    const [row] = await raw<{ dir: string }[]>`select current_setting('data_directory') as dir`;
    return Number(readFileSync(`${row?.dir}/postmaster.pid`, 'utf8').split('\n')[0]) || undefined;
  } catch {
    return undefined;
  }
}

/**
 * User and system CPU time of a local process in ms, from /proc (Linux, 100 clock ticks a
 * second): its own, or that of its children it has waited for.
 */
function processCpuMs(pid: number, whose: 'own' | 'children' = 'own'): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of the line, cutime and cstime 16 and 17; 12 to 15 after "(name) ".
    const at = whose === 'own' ? 11 : 13;
    return (Number(fields[at]) + Number(fields[at + 1])) * 10;
  } catch {
    return undefined;
  }
}

async function drainExport(db: Db, accountId: string): Promise<number> {
  let failure: unknown;
  const stream = await openAuditCsv(db, {
    account: { id: accountId, pspid: 'BENCH' },
    filters: { result: 'all' },
    t: translator('en'),
    zone: ZONE,
    onError: (error) => {
      failure = error;
    },
  });
  // Read as a browser would, chunk by chunk, until the end.
  const reader = stream.getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return bytes;
      bytes += value.length;
    }
  } catch (error) {
    throw failure ?? error;
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await work();
  return performance.now() - start;
}

function mib(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
