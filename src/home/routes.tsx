import { Hono } from 'hono';
import { HomePage } from '../../views/home/home-page.tsx';
import type { AppEnv, Deps } from '../http/context.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { page } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import { formatDateTime } from '../lib/format.ts';
import { isoUtc } from '../lib/time.ts';
import type { HomeRegistry } from './providers.ts';
import { collectHomeBlocks, homeProviders } from './providers.ts';
import './registrations.ts';

/**
 * A5 Home: the blocks that need the signed-in user's attention (from the providers features
 * register, src/home/providers.ts), their account and themselves. Only reads.
 */
export function homeRoutes(deps: Deps, registry: HomeRegistry = homeProviders) {
  const app = new Hono<AppEnv>();
  app.get('/', requireAuth(deps, 'home:view'), async (c) => {
    const { user, account } = c.var.auth;
    const { blocks, incomplete } = await collectHomeBlocks(
      registry,
      { db: deps.db, clock: deps.clock, account, user, language: c.var.lang },
      deps.log,
      c.var.requestId,
    );
    const previous = user.previousLoginAt;
    return page(
      c,
      <HomePage
        ctx={viewContext(c, deps)}
        name={user.name}
        userid={user.userid}
        profile={user.profile}
        account={account}
        previousLogin={
          previous ? { text: formatDateTime(previous, user.timeZone, c.var.lang), iso: isoUtc(previous) } : undefined
        }
        blocks={blocks}
        incomplete={incomplete}
      />,
    );
  });
  return app;
}
