import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { showFinancialHistory } from './page-routes.tsx';

/**
 * Operations > Financial history (PRODUCT.md M1; `payments:view`, every profile: reference §7
 * lets every profile view transactions), mounted at /<env>/operations/financial-history.
 */
export function financialHistoryRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/', requireAuth(deps, 'payments:view'), (c) => showFinancialHistory(c, deps));
  return app;
}
