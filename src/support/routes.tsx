import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context.ts';

export function supportRoutes(_deps: Deps) {
  return new Hono<AppEnv>();
}
