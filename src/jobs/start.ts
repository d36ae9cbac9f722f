import type { PGlite } from '@electric-sql/pglite';
import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import { describeError } from '../lib/describe-error.ts';
import type { JobDefinition, JobDeps } from './registry.ts';
import { JOB_RETRY, JOBS } from './registry.ts';
import { runJob } from './run-job.ts';

/** pg-boss's tables live in their own schema, beside Guichet's (it creates and migrates them itself). */
export const JOBS_SCHEMA = 'pgboss';

/** How often an idle worker asks for a job of its queue, in seconds (scheduled jobs are rare: no need to ask often). */
const POLLING_INTERVAL_S = 10;

/**
 * How long pg-boss keeps finished runs in its job table (where a run's singleton slot is checked),
 * then in its archive. A completed run stays 2 days, longer than the longest period (a day), so a
 * second run of the same period is refused even late in the day; a failed one stays a week, in
 * sight of `select … from pgboss.job where state = 'failed'`; the archive keeps them 30 days more.
 */
const KEEP = { archiveCompletedAfterSeconds: 2 * 24 * 3600, archiveFailedAfterSeconds: 7 * 24 * 3600, deleteAfterDays: 30 };

/** How long a stop waits for running jobs before it lets them be retried by another start, in milliseconds. */
const STOP_TIMEOUT_MS = 20_000;

export type JobSystem = {
  /** The queue itself, for tests and tools. */
  boss: PgBoss;
  /** Stops scheduling and fetching, waits for running jobs (up to 20 s), leaves the database open. */
  stop(): Promise<void>;
};

export type StartJobsOptions = {
  database: Database;
  /** The Postgres server's URL when `database` is one (pg-boss opens its own small pool there). */
  databaseUrl?: string;
  deps: JobDeps;
  /** The jobs to run; every job of the registry unless told (tests). */
  jobs?: readonly JobDefinition[];
  /** Tests make pg-boss quicker: worker polling and cron checks in seconds, retry settings. */
  tuning?: {
    pollingIntervalSeconds?: number;
    cronMonitorIntervalSeconds?: number;
    cronWorkerIntervalSeconds?: number;
    retry?: PgBoss.RetryOptions;
  };
};

/**
 * Starts the job system on Guichet's database (decision record 0021): pg-boss creates or migrates
 * its schema, each job gets its queue (policy 'stately', retries with backoff), its schedule (UTC)
 * and a worker; schedules of jobs no longer in the registry are removed. On the embedded PGlite
 * pg-boss runs through its `db` option (`pgliteExecutor`); on a Postgres server through its own
 * pool of 2 connections from the same URL. Errors of pg-boss's own monitoring are logged, without
 * their messages.
 */
export async function startJobs(options: StartJobsOptions): Promise<JobSystem> {
  const { database, deps } = options;
  const jobs = options.jobs ?? JOBS;
  const connection =
    database.driver === 'pglite'
      ? { db: pgliteExecutor((database.db as unknown as { $client: PGlite }).$client) }
      : { connectionString: requireUrl(options.databaseUrl), max: 2, application_name: 'guichet-jobs' };
  const tuning = options.tuning ?? {};
  const boss = new PgBoss({
    ...connection,
    schema: JOBS_SCHEMA,
    ...KEEP,
    ...(tuning.cronMonitorIntervalSeconds ? { cronMonitorIntervalSeconds: tuning.cronMonitorIntervalSeconds } : {}),
    ...(tuning.cronWorkerIntervalSeconds ? { cronWorkerIntervalSeconds: tuning.cronWorkerIntervalSeconds } : {}),
  });
  boss.on('error', (error) => deps.log({ level: 'error', msg: 'job system error', ...describeError(error) }));
  await boss.start();
  try {
    await setUp(boss, jobs, deps, tuning);
  } catch (error) {
    await boss.stop({ graceful: false, wait: true, close: true });
    throw error;
  }
  return {
    boss,
    stop: () => boss.stop({ graceful: true, wait: true, close: true, timeout: STOP_TIMEOUT_MS }),
  };
}

/** Each job's queue, schedule and worker; the schedules of jobs no longer registered go. */
async function setUp(
  boss: PgBoss,
  jobs: readonly JobDefinition[],
  deps: JobDeps,
  tuning: NonNullable<StartJobsOptions['tuning']>,
): Promise<void> {
  const polling = tuning.pollingIntervalSeconds ?? POLLING_INTERVAL_S;
  for (const job of jobs) {
    const queue = {
      name: job.name,
      policy: 'stately' as const,
      expireInSeconds: job.expireInSeconds,
      ...(tuning.retry ?? JOB_RETRY),
    };
    await ensureQueue(boss, queue);
    await boss.schedule(job.name, job.cron, {}, { tz: 'UTC', singletonKey: job.name, singletonSeconds: job.periodSeconds });
    await boss.work(job.name, { pollingIntervalSeconds: polling, includeMetadata: true, batchSize: 1 }, async ([found]) => {
      if (!found) return;
      const period = found.singletonOn ?? found.createdOn;
      return runJob(job, deps, { id: found.id, name: job.name, period: new Date(period) }, found.retryCount);
    });
  }
  const names = new Set(jobs.map((job) => job.name));
  for (const schedule of await boss.getSchedules()) {
    if (!names.has(schedule.name)) await boss.unschedule(schedule.name);
  }
}

/**
 * Creates the queue, or brings an existing one to these settings. Two processes starting at once
 * may create the same queue together: one of them gets a unique-key error or is chosen as a
 * deadlock's victim, and looks again (up to 3 tries), finding the other's queue.
 */
async function ensureQueue(boss: PgBoss, queue: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      if (await boss.getQueue(queue.name)) return await boss.updateQueue(queue.name, queue);
      return await boss.createQueue(queue.name, queue);
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200 * attempt));
    }
  }
}

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error('the job system needs the Postgres server’s URL (DATABASE_URL)');
  return url;
}

/**
 * pg-boss's `db` option over PGlite (DESIGN.md, known traps): SQL with values goes through
 * `query` (one statement, prepared); SQL without values may hold several statements (pg-boss's
 * schema, its transactions with advisory locks) and goes through `exec`, whose last result is the
 * answer. PGlite runs one statement at a time and waits for an open transaction to end, so pg-boss
 * never slips into one of Guichet's transactions.
 */
export function pgliteExecutor(pg: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      if (values && values.length > 0) return pg.query(text, values);
      const results = await pg.exec(text);
      return results.at(-1) ?? { rows: [] };
    },
  };
}
