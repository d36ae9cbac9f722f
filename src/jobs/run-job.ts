import { describeError } from '../lib/describe-error.ts';
import type { JobDefinition, JobDeps, JobRun, JobSummary } from './registry.ts';

/**
 * Runs one job's handler and says how it went in the log: done (with its summary and duration),
 * or failed with the job's name, its pg-boss id and the error's class, code and stack frames
 * (src/lib/describe-error.ts; never the job's data nor the error's message, which may carry
 * values). A failure is thrown again as an error of the same kind without the message, so pg-boss
 * retries the run (JOB_RETRY) and keeps nothing sensitive in its table.
 */
export async function runJob(job: JobDefinition, deps: JobDeps, run: JobRun, attempt = 0): Promise<JobSummary> {
  const started = performance.now();
  try {
    const summary = await job.handler(deps, run);
    deps.log({
      ...summary,
      level: 'info',
      msg: 'job done',
      job: job.name,
      jobId: run.id,
      ms: Math.round(performance.now() - started),
    });
    return summary;
  } catch (error) {
    const described = describeError(error);
    deps.log({ level: 'error', msg: 'job failed', job: job.name, jobId: run.id, attempt, ...described });
    throw new JobFailed(job.name, described);
  }
}

/** A handler's failure as pg-boss stores it: the job, the error's class and code, the stack frames. */
export class JobFailed extends Error {
  constructor(job: string, described: ReturnType<typeof describeError>) {
    super(`job ${job} failed: ${described.error}${described.code ? ` (${described.code})` : ''}`);
    this.name = 'JobFailed';
    this.stack = `${this.name}: ${this.message}\n${described.stack ?? ''}`;
  }
}
