import type { Context } from 'hono';
import type { AppEnv, RefusalRenderer } from './context.ts';

/**
 * Registers how this request shows a refusal (a RuleBroken or StaleEdit its service throws):
 * the same form re-rendered with the problem. The error funnel calls it with the status, so a
 * route never builds an error response of its own (decision record 0006).
 */
export function onRefusal<E extends AppEnv>(c: Context<E>, render: RefusalRenderer): void {
  (c as unknown as Context<AppEnv>).set('refusal', render);
}
