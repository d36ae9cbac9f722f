import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Permission } from '../../auth/permissions.ts';
import { can } from '../../auth/permissions.ts';
import type { Authenticated } from '../../auth/sessions.ts';
import type { Stage } from '../../auth/stage.ts';
import { stagePath } from '../../auth/stage.ts';
import { Forbidden, SessionEnded } from '../../errors.ts';
import { paths } from '../../paths.ts';
import type { Deps, SignedInEnv } from '../context.ts';
import { setFlash } from '../flash.ts';
import { safeNext } from '../safe-next.ts';

/**
 * Pages behind login, for a fully signed-in session. Without a session, a page view goes to
 * the login page and comes back after it; an htmx request is sent there by HX-Redirect; any
 * other request gets the "session ended" page (401). A session that still has a step to do
 * (code, password change, 2FA setup) is sent to that step's page. With a permission, profiles
 * without it get 403.
 */
export function requireAuth(deps: Deps, permission?: Permission) {
  return requireStage(deps, ['full'], permission);
}

/** Like requireAuth, for the pages of the login's own steps: which stages may see this page. */
export function requireStage(deps: Deps, stages: readonly Stage[], permission?: Permission) {
  // Typed for what follows it: handlers behind this middleware read c.var.auth without a check.
  return createMiddleware<SignedInEnv>(async (c, next) => {
    const auth = c.var.auth as Authenticated | null;
    const env = c.var.env;
    if (!auth) {
      const url = new URL(c.req.url);
      const here = safeNext(`${url.pathname}${url.search}`, env, '');
      if (c.req.header('HX-Request') === 'true') {
        const currentUrl = URL.parse(c.req.header('HX-Current-URL') ?? '', url);
        const back = currentUrl ? safeNext(currentUrl.pathname + currentUrl.search, env, '') : here;
        return hxRedirect(c, paths.login(env, back));
      }
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        if (c.var.sessionEnded) setFlash(c, deps.config, 'login.sessionEnded');
        return c.redirect(paths.login(env, here), 303);
      }
      throw new SessionEnded();
    }
    if (!stages.includes(auth.stage)) {
      const target = stagePath(env, auth.stage);
      if (c.req.header('HX-Request') === 'true') return hxRedirect(c, target);
      return c.redirect(target, 303);
    }
    if (permission && !can(auth.user.profile, permission)) throw new Forbidden(`missing ${permission}`);
    await next();
  });
}

function hxRedirect(c: Context, location: string) {
  c.header('HX-Redirect', location);
  return c.body(null, 401);
}
