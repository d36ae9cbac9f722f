import { Hono } from 'hono';
import { HomePage } from '../../views/home/home-page.tsx';
import { passwordExpiringSoon } from '../auth/stage.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { page } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import { formatDateTime } from '../lib/format.ts';
import { isoUtc } from '../lib/time.ts';

/** A5 Home: what needs the signed-in user's attention, their account and themselves. */
export function homeRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.get('/', requireAuth(deps, 'home:view'), (c) => {
    const { user, account } = c.var.auth;
    const previous = user.previousLoginAt;
    const expiresSoon = passwordExpiringSoon(user, deps.clock.now());
    return page(
      c,
      <HomePage
        ctx={viewContext(c, deps)}
        name={user.name}
        userid={user.userid}
        profile={user.profile}
        account={account}
        previousLogin={
          previous ? { text: formatDateTime(previous, user.timeZone, user.language), iso: isoUtc(previous) } : undefined
        }
        failedSinceLastLogin={user.failedSinceLastLogin}
        passwordExpiresSoon={expiresSoon ? formatDateTime(expiresSoon, user.timeZone, user.language) : undefined}
        otpOff={user.totpEnabledAt === null}
      />,
    );
  });
  return app;
}
