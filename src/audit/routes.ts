import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { downloadAuditCsv } from './csv-routes.ts';
import { showAuditPage, suggestAuditUsers } from './page-routes.tsx';

/**
 * Configuration > Audit log (both Admin profiles, `audit:view`), mounted at /<env>/audit: the
 * page, the same entries as a CSV download at /<env>/audit/download.csv, and the user filter's
 * suggestions at /<env>/audit/users (decision record 0012).
 */
export function auditRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const allowed = requireAuth(deps, 'audit:view');
  app.get('/', allowed, (c) => showAuditPage(c, deps));
  app.get('/download.csv', allowed, (c) => downloadAuditCsv(c, deps));
  app.get('/users', allowed, (c) => suggestAuditUsers(c, deps));
  return app;
}
