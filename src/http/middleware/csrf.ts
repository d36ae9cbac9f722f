import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { SessionEnded } from '../../errors.ts';
import { CSRF_FIELD, CSRF_HEADER } from '../../forms/csrf.ts';
import { sameSecret } from '../../lib/tokens.ts';
import { isAllowedOrigin } from '../allowed-origin.ts';
import type { AppEnv, Deps } from '../context.ts';
import { COOKIES, readCookie } from '../cookies.ts';
import { CsrfRejected } from '../errors.ts';
import { readForm } from '../forms.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Two checks on every request that can change something: the browser's Origin (or
 * Sec-Fetch-Site) must be this site (PUBLIC_ORIGIN, else this machine's own names: never just
 * what the Host header says; src/http/allowed-origin.ts), and the form or htmx header must carry this session's
 * token (before login: the token of the pre-login cookie). A POST whose session has ended
 * gets the "session ended" page rather than a CSRF refusal.
 */
export function csrfProtection(deps: Deps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (SAFE_METHODS.has(c.req.method)) return next();
    const origin = c.req.header('Origin');
    const fetchSite = c.req.header('Sec-Fetch-Site');
    if (
      origin !== undefined
        ? !isAllowedOrigin(origin, c.req.url, deps.config)
        : fetchSite !== undefined && !['same-origin', 'none'].includes(fetchSite)
    ) {
      throw new CsrfRejected('origin mismatch');
    }
    let sent = c.req.header(CSRF_HEADER);
    if (!sent) {
      const type = c.req.header('Content-Type') ?? '';
      if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
        sent = (await readForm(c))[CSRF_FIELD];
      }
    }
    if (!sent || !(sameSecret(sent, c.var.csrfToken) || acceptsPreLoginToken(c, deps, sent))) {
      if (c.var.sessionEnded) throw new SessionEnded();
      throw new CsrfRejected('token mismatch');
    }
    await next();
  });
}

/**
 * A login form rendered before the browser signed in elsewhere (another tab) still carries the
 * pre-login token; it stays valid for the login itself, which starts a new session anyway.
 */
function acceptsPreLoginToken(c: Context<AppEnv>, deps: Deps, sent: string): boolean {
  if (!c.var.auth || !c.req.path.endsWith('/login')) return false;
  const preLogin = readCookie(c, deps.config, COOKIES.csrf);
  return preLogin !== undefined && sameSecret(sent, preLogin);
}
