/**
 * Every scheduled job of Guichet, with its name, its schedule and its handler (issue 9, item 1;
 * decision record 0021). The job system (src/jobs/start.ts) makes one pg-boss queue per job,
 * schedules it and works it; nothing in Guichet runs on a timer of its own.
 *
 * A job runs at most once per period, even with several Guichet processes on one database: the
 * queue's policy is 'stately' and each scheduled run carries the job's name as singleton key with
 * the period as singleton slot, so pg-boss accepts one run per slot. Handlers are written so that
 * running one twice would change nothing more (they act on what is still to do); a job that moves
 * money must also keep a unique key of its own (e.g. account and day) in the table it writes.
 */
import { purgeExpiredSessions } from '../auth/sessions.ts';
import type { Db } from '../db/client.ts';
import { purgeErrorLogJob } from '../error-log/job.ts';
import type { Clock } from '../lib/clock.ts';
import { DAY_MS } from '../lib/clock.ts';
import type { Logger } from '../lib/logger.ts';
import { purgeRateLimits } from '../lib/rate-limit.ts';
import type { Mailer } from '../mail/mailer.ts';
import { captureDueOrders } from '../payments/data-capture.ts';
import type { Acquirers, OfflineDelays } from '../payments/offline.ts';
import { processDueOperations } from '../payments/offline.ts';
import { sendDueStatusNotifications } from '../payments/status-notifications.ts';
import { sendDueTransactionMails } from '../payments/transaction-mails.ts';
import { runRetention } from '../retention/job.ts';
import { deactivateInactiveUsers } from '../users/inactivity.ts';

/** What a handler works with; tests pass their own database, clock, logger and delays. */
export type JobDeps = {
  db: Db;
  clock: Clock;
  log: Logger;
  offlineDelaySeconds: OfflineDelays;
  acquirers: Acquirers;
  secretKey: Buffer;
  mailer: Mailer;
};

/** One run of a job, as pg-boss hands it over. */
export type JobRun = {
  /** pg-boss's job id (a UUID), the one the logs name. */
  id: string;
  name: string;
  /** The start of the period this run is for (its singleton slot), or when it was queued. */
  period: Date;
};

/** What a job's handler returns: a short summary (counts, never personal data), kept as the run's output. */
export type JobSummary = Record<string, number | string>;

export type JobDefinition = {
  /** The queue's name: lower case words joined by hyphens. */
  name: string;
  /** Five-field cron expression, in UTC. */
  cron: string;
  /** Length of the period in which it runs at most once (its pg-boss singleton slot), in seconds. */
  periodSeconds: number;
  /** How long one run may take before pg-boss counts it failed (and retries it), in seconds. */
  expireInSeconds: number;
  handler(deps: JobDeps, run: JobRun): Promise<JobSummary>;
};

/**
 * A failed run is tried again up to 3 times, with pg-boss's exponential backoff and jitter: after
 * 1–2 minutes, then 2–4, then 4–8; then it stays failed, and the next period runs anew.
 */
export const JOB_RETRY = { retryLimit: 3, retryDelay: 60, retryBackoff: true } as const;

const MINUTE_S = 60;
const DAY_S = 24 * 60 * MINUTE_S;

/**
 * Sessions that can no longer be used, and rate-limit windows older than a day, every 10 minutes
 * (issue 5: what the server's timer did before the job system).
 */
export const purgeSessionsJob: JobDefinition = {
  name: 'purge-sessions',
  cron: '*/10 * * * *',
  periodSeconds: 10 * MINUTE_S,
  expireInSeconds: 5 * MINUTE_S,
  async handler({ db, clock }) {
    await purgeExpiredSessions(db, clock);
    await purgeRateLimits(db, new Date(clock.now().getTime() - DAY_MS));
    return {};
  },
};

/** PCI DSS 8.2.6: users without a login for 90 days are deactivated, every day at 02:15 UTC (src/users/inactivity.ts). */
export const inactiveUsersJob: JobDefinition = {
  name: 'deactivate-inactive-users',
  cron: '15 2 * * *',
  periodSeconds: DAY_S,
  expireInSeconds: 30 * MINUTE_S,
  async handler(deps) {
    const deactivated = await deactivateInactiveUsers(deps);
    return { deactivated };
  },
};

/**
 * PRODUCT.md C6 and PCI DSS 10.5.1: payment data older than each account's retention setting,
 * and audit entries older than 12 months, every day at 03:30 UTC (src/retention/job.ts).
 */
export const retentionJob: JobDefinition = {
  name: 'data-retention',
  cron: '30 3 * * *',
  periodSeconds: DAY_S,
  expireInSeconds: 4 * 60 * MINUTE_S,
  async handler(deps) {
    const runs = await runRetention(deps);
    return { accounts: runs.length, rows: runs.reduce((sum, run) => sum + run.total, 0) };
  },
};

/**
 * Reference §1.3: authorised orders the account's default data capture captures are captured
 * (src/payments/data-capture.ts), then maintenance waiting for its offline processing (91, 61, 81)
 * goes to the acquirer once its environment's delay has passed, every minute (src/payments/offline.ts).
 */
export const processPaymentsJob: JobDefinition = {
  name: 'process-payments',
  cron: '* * * * *',
  periodSeconds: MINUTE_S,
  expireInSeconds: 10 * MINUTE_S,
  async handler(deps) {
    // Authorised orders the account captures automatically first, then what is due for the acquirer.
    const captured = await captureDueOrders(deps);
    return { captured, ...(await processDueOperations(deps, deps.clock.now())) };
  },
};

/**
 * Technical information > Transaction feedback: the status changes of the offline processing,
 * posted to the merchant's status-change URL, every minute (src/payments/status-notifications.ts).
 */
export const sendStatusChangesJob: JobDefinition = {
  name: 'send-status-changes',
  cron: '* * * * *',
  periodSeconds: MINUTE_S,
  expireInSeconds: 10 * MINUTE_S,
  async handler(deps) {
    return sendDueStatusNotifications(deps);
  },
};

/**
 * Technical information > Transaction e-mails: confirmations and status changes, mailed to the
 * merchant's addresses, every minute (src/payments/transaction-mails.ts).
 */
export const sendTransactionMailsJob: JobDefinition = {
  name: 'send-transaction-mails',
  cron: '* * * * *',
  periodSeconds: MINUTE_S,
  expireInSeconds: 10 * MINUTE_S,
  async handler(deps) {
    return sendDueTransactionMails(deps);
  },
};

/** The jobs `npm start` runs. */
export const JOBS: readonly JobDefinition[] = [
  purgeSessionsJob,
  inactiveUsersJob,
  retentionJob,
  processPaymentsJob,
  sendStatusChangesJob,
  sendTransactionMailsJob,
  purgeErrorLogJob,
];
