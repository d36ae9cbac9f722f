import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { showErrorLogPage } from './page-routes.tsx';

/**
 * Configuration > Error logs (PRODUCT.md J1; `error_logs:view`: both Admin profiles and the
 * Viewer, the profiles that read the account's configuration), mounted at /<env>/error-logs.
 */
export function errorLogRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/', requireAuth(deps, 'error_logs:view'), (c) => showErrorLogPage(c, deps));
  return app;
}
