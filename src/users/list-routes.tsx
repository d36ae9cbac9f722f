import { Hono } from 'hono';
import { UsersListPage } from '../../views/users/users-list-page.tsx';
import { parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { page } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import { paths } from '../paths.ts';
import { userFilterForm } from './forms.ts';
import { userListRow } from './presenters.ts';
import { countUsers, listUsers } from './queries.ts';

/**
 * D1: Configuration > Users (GET /), for profiles that may view users: the account's users by
 * USERID, a page at a time, filtered by text and status, with the count against the
 * subscription's limit. A filter with a problem answers 422 with the problem beside it, and no rows.
 */
export function userListRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.get('/', requireAuth(deps, 'users:view'), async (c) => {
    const { env } = c.var;
    const { user: me, account } = c.var.auth;
    const parsed = parseForm(userFilterForm, c.req.query());
    const shared = {
      ctx: viewContext(c, deps),
      pspid: account.pspid,
      accountZone: account.timeZone,
      count: await countUsers(deps.db, account.id),
      limit: account.userLimit,
    };
    if (!parsed.ok) {
      return page(c, <UsersListPage {...shared} filter={{ values: parsed.values, errors: parsed.errors }} />, {
        status: 422,
      });
    }
    const { q, status, after } = parsed.data;
    const now = deps.clock.now();
    const { users, next } = await listUsers(deps.db, account.id, { text: q, status, after }, now);
    return page(
      c,
      <UsersListPage
        {...shared}
        filter={{ values: { q, status }, errors: {} }}
        rows={users.map((user) => userListRow(user, me, now))}
        nextHref={next ? paths.users.list(env, { q, status, after: next }) : undefined}
        firstHref={after ? paths.users.list(env, { q, status }) : undefined}
      />,
    );
  });

  return app;
}
