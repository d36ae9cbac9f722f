import type { Context } from 'hono';
import { TooManyAttempts } from '../auth/throttle.ts';
import type { RuleBroken, StaleEdit } from '../errors.ts';

/**
 * The status of a login step's refusal: 429 with Retry-After (seconds) when it is
 * TooManyAttempts (decision record 0018), else the status the error funnel gave.
 */
export function refusalStatus<S extends number>(c: Context, error: RuleBroken | StaleEdit, status: S): S | 429 {
  if (!(error instanceof TooManyAttempts)) return status;
  c.header('Retry-After', String(error.retryAfterSeconds));
  return 429;
}
