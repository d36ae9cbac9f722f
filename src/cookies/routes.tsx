import { Hono } from 'hono';
import type { Environment } from '../db/schema/accounts.ts';
import type { AppEnv, Deps } from '../http/context.ts';

export function cookieRoutes(_deps: Deps, _env: Environment) {
  return new Hono<AppEnv>();
}
