import { Hono } from 'hono';
import type { Environment } from '../db/schema/accounts.ts';
import { isLanguage } from '../i18n/negotiate.ts';
import { changeOwnLanguage } from '../users/preferences-service.ts';
import { clientIp } from './client-ip.ts';
import type { AppEnv, Deps } from './context.ts';
import { COOKIES, writeCookie } from './cookies.ts';
import { readForm } from './forms.ts';
import { safeNext } from './safe-next.ts';

const ONE_YEAR_S = 365 * 24 * 3600;

/** T2: the language switch. Remembered in a cookie, and as the user's setting when signed in. */
export function languageRoutes(deps: Deps, env: Environment) {
  const app = new Hono<AppEnv>();
  app.post('/language', async (c) => {
    const form = await readForm(c);
    const next = safeNext(form.next, env, `/${env}/login`);
    const lang = form.lang;
    if (!isLanguage(lang)) return c.redirect(next, 303);
    writeCookie(c, deps.config, COOKIES.language, lang, { maxAgeSeconds: ONE_YEAR_S });
    const auth = c.var.auth;
    // A login still at one of its steps changes no stored setting: the cookie is enough.
    if (auth?.stage === 'full') await changeOwnLanguage(deps.db, deps.clock, auth, lang, clientIp(c, deps.config));
    return c.redirect(next, 303);
  });
  return app;
}
