import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import { describeError } from '../lib/describe-error.ts';
import type { AppEnv, Deps } from './context.ts';
import { RETRY_AFTER_S } from './error-funnel.tsx';

/** How long /readyz waits for the database before saying it is not ready. */
export const READY_TIMEOUT_MS = 2000;

/**
 * Probes for a load balancer (DESIGN.md, Scale-out), outside both environments and without a
 * session: `GET /healthz` answers 200 while the process serves requests; `GET /readyz` answers
 * 200 when the database answers a trivial query within READY_TIMEOUT_MS, else 503 with
 * Retry-After. Plain JSON, never cached.
 */
export function healthRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await withTimeout(deps.db.execute(sql`select 1`), READY_TIMEOUT_MS);
      return c.json({ status: 'ready' });
    } catch (error) {
      deps.log({ level: 'warn', msg: 'not ready', requestId: c.var.requestId, ...describeError(error) });
      c.header('Retry-After', String(RETRY_AFTER_S));
      return c.json({ status: 'database unavailable' }, 503);
    }
  });
  return app;
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('database did not answer in time'), { code: 'ETIMEDOUT' })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
