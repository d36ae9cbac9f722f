import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context.ts';
import { userActionRoutes } from './action-routes.tsx';
import { createUserRoutes } from './create-routes.tsx';
import { userListRoutes } from './list-routes.tsx';
import { showUserRoutes } from './show-routes.tsx';

/**
 * D1–D3, D5: Configuration > Users, mounted at /users of each environment (src/app.ts; the
 * addresses are built by paths.users). Viewing the list needs `users:view`; everything else
 * `users:manage`, checked again by the services. One router per job: the list, creating, the
 * actions on a user, and the user's page with its edit form ("/new" comes before "/:id").
 */
export function userRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.route('/', userListRoutes(deps));
  app.route('/', createUserRoutes(deps));
  app.route('/', userActionRoutes(deps));
  app.route('/', showUserRoutes(deps));
  return app;
}
