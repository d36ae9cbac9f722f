import { createMiddleware } from 'hono/factory';
import type { Permission } from '../../auth/permissions.ts';
import { can } from '../../auth/permissions.ts';
import type { AppEnv, Deps } from '../context.ts';
import { setFlash } from '../flash.ts';
import { Forbidden, SessionEnded } from '../errors.ts';
import { safeNext } from '../safe-next.ts';

/**
 * Pages behind login. Without a session, a page view goes to the login page and comes back
 * after it; an htmx request is sent there by HX-Redirect; any other request gets the
 * "session ended" page (401). With a permission, profiles without it get 403.
 */
export function requireAuth(deps: Deps, permission?: Permission) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const auth = c.var.auth;
    if (!auth) {
      const env = c.var.env;
      const url = new URL(c.req.url);
      const here = safeNext(`${url.pathname}${url.search}`, env, '');
      if (c.req.header('HX-Request') === 'true') {
        const current = c.req.header('HX-Current-URL');
        const back = current ? safeNext(new URL(current, url).pathname + new URL(current, url).search, env, '') : here;
        c.header('HX-Redirect', loginUrl(env, back));
        return c.body(null, 401);
      }
      if (c.req.method === 'GET' || c.req.method === 'HEAD') {
        if (c.var.sessionEnded) setFlash(c, deps.config, 'login.sessionEnded');
        return c.redirect(loginUrl(env, here), 303);
      }
      throw new SessionEnded();
    }
    if (permission && !can(auth.user.profile, permission)) throw new Forbidden(`missing ${permission}`);
    await next();
  });
}

export function loginUrl(env: string, next: string): string {
  return next ? `/${env}/login?next=${encodeURIComponent(next)}` : `/${env}/login`;
}
