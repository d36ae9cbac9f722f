import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { simulatedAcquirers } from '../acquirer/simulated.ts';
import { createSession } from '../auth/sessions.ts';
import type { Database } from '../db/client.ts';
import { rowsOf } from '../db/rows.ts';
import { rateLimits } from '../db/schema/passwords.ts';
import { sessions } from '../db/schema/sessions.ts';
import { DAY_MS, HOUR_MS, MINUTE_MS, manualClock } from '../lib/clock.ts';
import { createTestDatabase } from '../test/database.ts';
import { createAccount } from '../test/harness.ts';
import type { JobDefinition, JobDeps } from './registry.ts';
import { inactiveUsersJob, JOBS, purgeSessionsJob, retentionJob } from './registry.ts';
import { JobFailed, runJob } from './run-job.ts';
import { startJobs } from './start.ts';

/** Issue 9, item 1: the job system. Handlers are driven with the injected clock; pg-boss runs on PGlite here. */
let database: Database;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const clock = manualClock(new Date('2026-03-01T09:00:00Z'));
const logLines: Record<string, unknown>[] = [];
const deps = (): JobDeps => ({
  db: database.db,
  clock,
  log: (line) => void logLines.push(line),
  offlineDelaySeconds: { test: 10, prod: 900 },
  acquirers: simulatedAcquirers(clock),
  secretKey: Buffer.alloc(32),
  mailer: { send: async () => {} },
});
const run = (name: string) => ({ id: '7d9c1c52-0000-4000-8000-000000000001', name, period: clock.now() });

/** Waits for `done` to hold, asking every 100 ms, for at most `ms` (pg-boss works on its own timers). */
async function until(done: () => Promise<boolean>, ms = 30_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > end) throw new Error('timed out waiting for the job system');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the registry', () => {
  test('every job has a unique name, a five-field UTC schedule, a period and retries', () => {
    const names = JOBS.map((job) => job.name);
    assert.deepEqual(names, [
      'purge-sessions',
      'deactivate-inactive-users',
      'data-retention',
      'process-payments',
      'send-status-changes',
      'send-transaction-mails',
      'purge-error-logs',
    ]);
    for (const job of JOBS) {
      assert.match(job.name, /^[a-z]+(-[a-z]+)*$/);
      assert.equal(job.cron.split(' ').length, 5, job.name);
      assert.ok(job.periodSeconds >= 60 && job.periodSeconds <= 86_400, job.name);
    }
    assert.equal(inactiveUsersJob.cron, '15 2 * * *');
    assert.equal(retentionJob.cron, '30 3 * * *');
  });
});

describe('handlers, with the injected clock', () => {
  test('purge-sessions removes sessions that can no longer be used and rate-limit windows older than a day', async () => {
    const admin = await createAccount(database.db);
    const open = { accountId: admin.accountId, userId: admin.id, environment: 'test' as const };
    const { session: stale } = await createSession(database.db, clock, open);
    clock.advance(20 * MINUTE_MS);
    const { session: live } = await createSession(database.db, clock, open);
    await database.db.insert(rateLimits).values([
      { key: 'old', windowStart: new Date(clock.now().getTime() - DAY_MS - HOUR_MS), count: 1 },
      { key: 'new', windowStart: new Date(clock.now().getTime() - HOUR_MS), count: 1 },
    ]);
    assert.deepEqual(await purgeSessionsJob.handler(deps(), run(purgeSessionsJob.name)), {});
    const left = await database.db.select().from(sessions).where(eq(sessions.userId, admin.id));
    assert.deepEqual(
      left.map((s) => s.tokenHash),
      [live.tokenHash],
    );
    assert.notEqual(stale.tokenHash, live.tokenHash);
    assert.deepEqual(
      (await database.db.select().from(rateLimits)).map((r) => r.key),
      ['new'],
    );
  });

  test('the daily jobs summarise what they did', async () => {
    assert.deepEqual(await inactiveUsersJob.handler(deps(), run(inactiveUsersJob.name)), { deactivated: 0 });
    const summary = await retentionJob.handler(deps(), run(retentionJob.name));
    assert.equal(summary.rows, 0);
    assert.ok(Number(summary.accounts) >= 1);
  });

  test('a failed run is logged with the job’s name and id, never the error’s message, and thrown again for a retry', async () => {
    logLines.length = 0;
    const failing: JobDefinition = {
      ...purgeSessionsJob,
      name: 'always-fails',
      async handler() {
        throw Object.assign(new Error('card 4111111111111111 refused'), { code: '23505' });
      },
    };
    const error = await runJob(failing, deps(), run('always-fails'), 2).catch((e: unknown) => e);
    assert.ok(error instanceof JobFailed);
    assert.equal(error.message, 'job always-fails failed: Error (23505)');
    assert.deepEqual(
      logLines.map(({ level, msg, job, jobId, attempt, error: kind, code }) => ({ level, msg, job, jobId, attempt, kind, code })),
      [
        {
          level: 'error',
          msg: 'job failed',
          job: 'always-fails',
          jobId: run('x').id,
          attempt: 2,
          kind: 'Error',
          code: '23505',
        },
      ],
    );
    assert.ok(!JSON.stringify(logLines).includes('4111'), 'the message stays out of the log');
    assert.ok(!String(error.stack).includes('4111'), 'and out of what pg-boss stores');
  });
});

// On a Postgres server (TEST_DATABASE_URL) pg-boss opens its own pool from the server's URL: exactly-once.test.ts starts it there.
const onServer = Boolean(process.env.TEST_DATABASE_URL);
describe('pg-boss on the embedded database', {
  skip: onServer && 'pg-boss on a Postgres server is started by exactly-once.test.ts',
}, () => {
  test('starts, schedules every job in UTC, runs a job, retries a failure with backoff, and stops leaving the database open', async () => {
    const attempts: { id: string; at: number }[] = [];
    const flaky: JobDefinition = {
      name: 'flaky-probe',
      cron: '0 0 1 1 *',
      periodSeconds: 3600,
      expireInSeconds: 60,
      async handler(_deps, job) {
        attempts.push({ id: job.id, at: Date.now() });
        if (attempts.length === 1) throw new Error('first attempt fails');
        return { attempt: attempts.length };
      },
    };
    logLines.length = 0;
    const system = await startJobs({
      database,
      deps: deps(),
      jobs: [...JOBS, flaky],
      tuning: { pollingIntervalSeconds: 0.5, retry: { retryLimit: 2, retryDelay: 1, retryBackoff: true } },
    });
    try {
      const schedules = await system.boss.getSchedules();
      assert.deepEqual(
        schedules.map((s) => [s.name, s.cron, (s as unknown as { timezone: string }).timezone]).sort(),
        [...JOBS, flaky].map((job) => [job.name, job.cron, 'UTC']).sort(),
      );
      const queue = await system.boss.getQueue('data-retention');
      assert.equal(queue?.policy, 'stately');
      assert.equal(queue?.retryLimit, 2, 'the queue carries the retry settings');
      assert.equal(queue?.retryBackoff, true);

      const id = await system.boss.send('flaky-probe', {}, { singletonKey: 'flaky-probe', singletonSeconds: 3600 });
      assert.ok(id);
      assert.equal(
        await system.boss.send('flaky-probe', {}, { singletonKey: 'flaky-probe', singletonSeconds: 3600 }),
        null,
        'one run per period',
      );
      await until(async () => (await system.boss.getJobById('flaky-probe', id))?.state === 'completed');
      assert.deepEqual(
        attempts.map((a) => a.id),
        [id, id],
        'the same run, tried again',
      );
      assert.ok((attempts[1]?.at ?? 0) - (attempts[0]?.at ?? 0) >= 900, 'after a delay');
      const failure = logLines.find((line) => line.msg === 'job failed');
      assert.equal(failure?.job, 'flaky-probe');
      assert.equal(failure?.jobId, id);
      assert.ok(logLines.some((line) => line.msg === 'job done' && line.jobId === id && line.attempt === 2));
    } finally {
      await system.stop();
    }
    const [row] = await rowsOf<{ n: number }>(database.db, sql`select 1 as n`);
    assert.equal(row?.n, 1, 'Guichet’s database is still open');
  });

  test('a second start finds its queues and schedules, and drops the schedule of a job no longer registered', async () => {
    const system = await startJobs({ database, deps: deps(), tuning: { pollingIntervalSeconds: 0.5 } });
    try {
      const names = (await system.boss.getSchedules()).map((s) => s.name).sort();
      assert.deepEqual(names, JOBS.map((job) => job.name).sort());
      const queue = await system.boss.getQueue('data-retention');
      assert.deepEqual(
        [queue?.retryLimit, queue?.retryDelay, queue?.retryBackoff],
        [3, 60, true],
        'JOB_RETRY, brought up to date',
      );
    } finally {
      await system.stop();
    }
  });
});
