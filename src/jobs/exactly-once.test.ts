import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { simulatedAcquirers } from '../acquirer/simulated.ts';
import type { Database } from '../db/client.ts';
import { openDatabase } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { systemClock } from '../lib/clock.ts';
import type { JobDefinition } from './registry.ts';
import type { JobSystem } from './start.ts';
import { JOBS_SCHEMA, startJobs } from './start.ts';

/**
 * Issue 9, item 1: "a job runs exactly once even with two Guichet processes on one database".
 * Two job systems (two pg-boss instances, each with its own connections, as two processes would
 * have) on one Postgres database; both schedulers fire for the same minute, and each also sends
 * that minute's run itself, five times, as a second scheduler would. The handler counts its calls
 * and writes under a unique key of its own (job, period): one call and one row per period.
 * Needs a Postgres server: two processes cannot share an embedded PGlite.
 */
const serverUrl = process.env.TEST_DATABASE_URL;
const skip = serverUrl
  ? false
  : 'needs a Postgres server: set TEST_DATABASE_URL (two Guichet processes cannot share one embedded PGlite)';

test('a scheduled job runs exactly once per period with two Guichet processes on one Postgres database', { skip }, async (t) => {
  const { url, drop } = await freshDatabase(serverUrl ?? '');
  const first = await openDatabase({ databaseUrl: url });
  const second = await openDatabase({ databaseUrl: url });
  await first.db.execute(
    sql`create table job_probe (job text not null, period timestamptz not null, process text not null, primary key (job, period))`,
  );
  const calls: { process: string; period: string; id: string }[] = [];
  const probe = (process: string): JobDefinition => ({
    name: 'exactly-once-probe',
    cron: '* * * * *',
    periodSeconds: 60,
    expireInSeconds: 60,
    async handler(deps, run) {
      const minute = new Date(Math.floor(run.period.getTime() / 60_000) * 60_000).toISOString();
      calls.push({ process, period: minute, id: run.id });
      await deps.db.execute(
        sql`insert into job_probe values (${run.name}, ${minute}::timestamptz, ${process}) on conflict do nothing`,
      );
      return {};
    },
  });
  const tuning = { pollingIntervalSeconds: 0.5, cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1 };
  const start = (database: Database, process: string) =>
    startJobs({
      database,
      databaseUrl: url,
      deps: {
        db: database.db,
        clock: systemClock,
        log: () => {},
        offlineDelaySeconds: { test: 0, prod: 0 },
        acquirers: simulatedAcquirers(systemClock),
        secretKey: Buffer.alloc(32),
        mailer: { send: async () => {} },
      },
      jobs: [probe(process)],
      tuning,
    });
  const started = await Promise.allSettled([start(first, 'a'), start(second, 'b')]);
  t.after(async () => {
    for (const one of started) if (one.status === 'fulfilled') await one.value.stop();
    await first.close();
    await second.close();
    await drop();
  });
  const [a, b] = started.map((one) => {
    if (one.status === 'rejected') throw one.reason;
    return one.value;
  }) as [JobSystem, JobSystem];
  const send = (system: JobSystem) =>
    system.boss.send('exactly-once-probe', {}, { singletonKey: 'exactly-once-probe', singletonSeconds: 60 });
  await Promise.all(Array.from({ length: 5 }, () => [send(a), send(b)]).flat());
  await until(async () => calls.length > 0 && (await waiting(first)) === 0);
  // Give both schedulers a few more turns (they check every second) to show that no second run comes.
  await new Promise((resolve) => setTimeout(resolve, 3000));
  await until(async () => (await waiting(first)) === 0);

  const periods = new Map<string, number>();
  for (const call of calls) periods.set(call.period, (periods.get(call.period) ?? 0) + 1);
  assert.ok(periods.size >= 1 && periods.size <= 2, `one or two minutes went by: ${[...periods.keys()]}`);
  for (const [period, count] of periods) assert.equal(count, 1, `the run for ${period} was handled ${count} times`);
  const rows = await rowsOf<{ period: string }>(first.db, sql`select period::text from job_probe`);
  assert.equal(rows.length, periods.size, 'one row per period under our own key');
});

/** Runs of the probe not finished yet (created, retry or active). */
async function waiting(database: Database): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from ${sql.identifier(JOBS_SCHEMA)}.job
        where name = 'exactly-once-probe' and state in ('created', 'retry', 'active')`,
  );
  return row?.n ?? 0;
}

/** An empty database of its own on the server, and how to drop it. */
async function freshDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  const name = `guichet_jobs_${randomBytes(4).toString('hex')}`;
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

async function until(done: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out waiting for the job system');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
