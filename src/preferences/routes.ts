import { Hono } from 'hono';
import type { AppEnv, Deps } from '../http/context.ts';
import { COOKIES, writeCookie } from '../http/cookies.ts';
import { readForm } from '../http/forms.ts';
import { safeNext } from '../http/safe-next.ts';
import { actorContext } from '../http/service-context.ts';
import { isLanguage } from '../i18n/negotiate.ts';
import { paths } from '../paths.ts';
import { changeOwnLanguage } from './service.ts';

const ONE_YEAR_S = 365 * 24 * 3600;

/** T2: the language switch. Remembered in a cookie, and as the user's setting when signed in. */
export function preferenceRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.post('/language', async (c) => {
    const env = c.var.env;
    const form = await readForm(c);
    const next = safeNext(form.next, env, paths.login(env));
    const lang = form.lang;
    if (!isLanguage(lang)) return c.redirect(next, 303);
    writeCookie(c, deps.config, COOKIES.language, lang, { maxAgeSeconds: ONE_YEAR_S });
    const auth = c.var.auth;
    // A login still at one of its steps changes no stored setting: the cookie is enough.
    if (auth?.stage === 'full') await changeOwnLanguage(actorContext(c, deps), lang);
    return c.redirect(next, 303);
  });
  return app;
}
