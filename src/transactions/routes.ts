import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { showOrder, showTransactions } from './page-routes.tsx';

/**
 * Operations > View transactions (PRODUCT.md N1, N2), mounted at /<env>/operations/transactions
 * (paths.transactions): the search and its results, and an order's detail by PAYID. Every
 * profile holds `payments:view`; a user limited to their own transactions sees only the orders
 * they made, in both.
 */
export function transactionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const allowed = requireAuth(deps, 'payments:view');
  app.get('/', allowed, (c) => showTransactions(c, deps));
  app.get('/:payId', allowed, (c) => showOrder(c, deps));
  return app;
}
