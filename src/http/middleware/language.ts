import { createMiddleware } from 'hono/factory';
import { translator } from '../../i18n/catalogue.ts';
import { isLanguage, languageFromHeader } from '../../i18n/negotiate.ts';
import type { AppEnv, Deps } from '../context.ts';
import { COOKIES, readCookie } from '../cookies.ts';

/** The language before we know the user: the switch's cookie, else the browser's Accept-Language. */
export function negotiateLanguage(deps: Deps) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const chosen = readCookie(c, deps.config, COOKIES.language);
    const lang = isLanguage(chosen) ? chosen : languageFromHeader(c.req.header('Accept-Language'));
    c.set('lang', lang);
    c.set('t', translator(lang));
    await next();
  });
}
