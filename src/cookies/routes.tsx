import type { Context } from 'hono';
import { Hono } from 'hono';
import type { CookieRow } from '../../views/cookies/cookie-levels.ts';
import { CookieSettingsPage } from '../../views/cookies/cookie-settings-page.tsx';
import type { Config } from '../config.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { ENVIRONMENTS } from '../db/schema/accounts.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { COOKIES, cookieName, readCookie, writeCookie } from '../http/cookies.ts';
import { setFlash } from '../http/flash.ts';
import { answerFailure, restoreFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { page, redirectAfterPost } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import type { PlainKey } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';
import type { CookieLevel } from './forms.ts';
import { cookieForm, DEFAULT_COOKIE_LEVEL, isCookieLevel } from './forms.ts';

/** The saved choice lasts a year. */
export const CONSENT_MAX_AGE_S = 365 * 24 * 3600;

const SESSION_PURPOSE: Record<Environment, PlainKey> = {
  test: 'cookies.purpose.sessionTest',
  prod: 'cookies.purpose.sessionProd',
};

/** Every cookie Guichet sets (src/http/cookies.ts), under the names this deployment gives them. */
export function cookieTable(config: Config): CookieRow[] {
  return [
    ...ENVIRONMENTS.map((env) => ({
      name: cookieName(config, COOKIES.session(env)),
      purpose: SESSION_PURPOSE[env],
      lifetime: 'cookies.lifetime.browser' as const,
    })),
    { name: cookieName(config, COOKIES.csrf), purpose: 'cookies.purpose.csrf', lifetime: 'cookies.lifetime.browser' },
    { name: cookieName(config, COOKIES.language), purpose: 'cookies.purpose.language', lifetime: 'cookies.lifetime.year' },
    { name: cookieName(config, COOKIES.flash), purpose: 'cookies.purpose.flash', lifetime: 'cookies.lifetime.minute' },
    { name: cookieName(config, COOKIES.form), purpose: 'cookies.purpose.form', lifetime: 'cookies.lifetime.tenMinutes' },
    { name: cookieName(config, COOKIES.consent), purpose: 'cookies.purpose.consent', lifetime: 'cookies.lifetime.year' },
    { name: cookieName(config, COOKIES.device), purpose: 'cookies.purpose.device', lifetime: 'cookies.lifetime.year' },
  ];
}

/** T1 Cookie settings: open to everyone, signed in or not; the choice is kept in a cookie. */
export function cookieRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { config } = deps;
  const cookies = cookieTable(config);

  const render = (c: Context<AppEnv>, errors?: FieldErrors) => {
    const saved = readCookie(c, config, COOKIES.consent);
    const level: CookieLevel = isCookieLevel(saved) ? saved : DEFAULT_COOKIE_LEVEL;
    return page(
      c,
      <CookieSettingsPage
        ctx={viewContext(c, deps)}
        level={level}
        saved={isCookieLevel(saved)}
        cookies={cookies}
        errors={errors}
      />,
      { status: errors ? 422 : 200 },
    );
  };

  // After a refused choice (Post/Redirect/Get): the same problem beside the choice.
  app.get('/', (c) => render(c, restoreFailure(c, deps, cookieForm.id)?.errors));

  app.post('/', async (c) => {
    const parsed = parseForm(cookieForm, await readForm(c));
    if (!parsed.ok) {
      const failure = { form: cookieForm.id, values: parsed.values, errors: parsed.errors, status: 422 } as const;
      return answerFailure(c, deps, failure, { page: paths.cookies(c.var.env), render: () => render(c, parsed.errors) });
    }
    writeCookie(c, config, COOKIES.consent, parsed.data.level, { maxAgeSeconds: CONSENT_MAX_AGE_S });
    setFlash(c, config, 'cookies.saved');
    return redirectAfterPost(c, paths.cookies(c.var.env));
  });

  return app;
}
