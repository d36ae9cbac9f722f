import { createMiddleware } from 'hono/factory';
import { validateSession } from '../../auth/sessions.ts';
import type { Environment } from '../../db/schema/accounts.ts';
import { translator } from '../../i18n/catalogue.ts';
import { randomToken } from '../../lib/tokens.ts';
import { paths } from '../../paths.ts';
import type { AppEnv, Deps } from '../context.ts';
import { COOKIES, clearCookie, readCookie, writeCookie } from '../cookies.ts';

const TOKEN_PATTERN = /^[a-z2-7]{52}$/;

/**
 * Inside /test or /prod: finds the browser's session of this environment (a session of the
 * other environment is not even looked at), the CSRF token forms must echo, and the user's language.
 * Every request extends the session except the session-status question (static/app.js asks it
 * before saying a session ended, so asking must not keep the session alive).
 */
export function loadSession(deps: Deps, env: Environment) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('env', env);
    const token = readCookie(c, deps.config, COOKIES.session(env));
    const extend = c.req.path !== paths.sessionStatus(env);
    const auth = token && TOKEN_PATTERN.test(token) ? await validateSession(deps.db, deps.clock, token, env, { extend }) : null;
    if (token && !auth) clearCookie(c, deps.config, COOKIES.session(env));
    c.set('auth', auth);
    c.set('sessionEnded', Boolean(token) && !auth);
    if (auth) {
      c.set('csrfToken', auth.session.csrfToken);
      c.set('lang', auth.user.language);
      c.set('t', translator(auth.user.language));
    } else {
      let preLogin = readCookie(c, deps.config, COOKIES.csrf);
      if (!preLogin || !TOKEN_PATTERN.test(preLogin)) {
        preLogin = randomToken();
        writeCookie(c, deps.config, COOKIES.csrf, preLogin);
      }
      c.set('csrfToken', preLogin);
    }
    await next();
  });
}
