import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { accountRoutes } from './account/page-routes.tsx';
import { twoFactorRequiredRoutes } from './account/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.tsx';
import { cookieRoutes } from './cookies/routes.tsx';
import { ENVIRONMENTS } from './db/schema/accounts.ts';
import { directLinkRoutes } from './directlink/routes.ts';
import { eTerminalRoutes } from './e-terminal/routes.tsx';
import { errorLogRoutes } from './error-log/routes.ts';
import { financialHistoryRoutes } from './financial-history/routes.ts';
import { homeRoutes } from './home/routes.tsx';
import type { AppEnv, Deps } from './http/context.ts';
import { errorFunnel, notFoundPage } from './http/error-funnel.tsx';
import { HttpError } from './http/errors.ts';
import { healthRoutes } from './http/health-routes.ts';
import { csrfProtection } from './http/middleware/csrf.ts';
import { negotiateLanguage } from './http/middleware/language.ts';
import { requestLog } from './http/middleware/request-log.ts';
import { securityHeaders } from './http/middleware/security-headers.ts';
import { loadSession } from './http/middleware/session.ts';
import { trimTrailingSlash } from './http/middleware/trailing-slash.ts';
import { sessionStatusRoutes } from './http/session-status-routes.ts';
import { siteStaticFiles, staticRoutes } from './http/static-files.ts';
import { loginCodeRoutes } from './otp/login-routes.tsx';
import { otpRoutes } from './otp/routes.tsx';
import { forgottenPasswordRoutes } from './password/forgotten-routes.tsx';
import { passwordRoutes } from './password/routes.tsx';
import { paths } from './paths.ts';
import { preferenceRoutes } from './preferences/routes.ts';
import { productionRoutes } from './production/routes.tsx';
import { supportRoutes } from './support/routes.tsx';
import { technicalRoutes } from './technical/routes.tsx';
import { transactionRoutes } from './transactions/routes.ts';
import { userRoutes } from './users/routes.tsx';

export const FORM_BODY_LIMIT_BYTES = 64 * 1024;

/** Builds the whole application from its dependencies. The order of the middleware matters. */
export function createApp(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.use(requestLog(deps));
  // Pages, JSON and CSV gzip-compressed when the client accepts it; static files come compressed already.
  app.use(compress());
  app.use(securityHeaders(deps.config));
  app.use(trimTrailingSlash());
  app.use(negotiateLanguage(deps));
  // Style sheet, scripts and icon, by content-hashed names cached for a year; answered here, before no-store.
  app.route('/', staticRoutes(siteStaticFiles()));
  app.use(async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  // DirectLink (S1): the platform's XML for every answer, its own body limit; before the pages' body limit and sessions.
  app.route('/ncol', directLinkRoutes(deps));
  app.use(
    bodyLimit({
      maxSize: FORM_BODY_LIMIT_BYTES,
      onError: () => {
        throw new HttpError('tooLarge');
      },
    }),
  );

  app.route('/', healthRoutes(deps));
  app.get('/', (c) => c.redirect(paths.login('test'), 302));

  for (const env of ENVIRONMENTS) {
    const area = new Hono<AppEnv>();
    area.use(loadSession(deps, env));
    area.use(csrfProtection(deps));
    area.get('/', (c) => c.redirect(c.var.auth ? paths.home(env) : paths.login(env), 302));
    // Each feature's router at its own prefix (src/paths.ts builds the same addresses).
    area.route('/', authRoutes(deps));
    area.route('/', sessionStatusRoutes(deps));
    area.route('/', preferenceRoutes(deps));
    area.route('/login/otp', loginCodeRoutes(deps));
    area.route('/home', homeRoutes(deps));
    area.route('/password/forgotten', forgottenPasswordRoutes(deps));
    area.route('/password/otp/required', twoFactorRequiredRoutes(deps));
    area.route('/password/otp', otpRoutes(deps));
    area.route('/password', passwordRoutes(deps));
    // I1: in TEST only (PRODUCTION answers 404); before any router mounted at /account.
    if (env === 'test') area.route('/account/production', productionRoutes(deps));
    area.route('/account', accountRoutes(deps));
    area.route('/users', userRoutes(deps));
    area.route('/audit', auditRoutes(deps));
    area.route('/operations/new-transaction', eTerminalRoutes(deps));
    area.route('/operations/financial-history', financialHistoryRoutes(deps));
    area.route('/operations/transactions', transactionRoutes(deps));
    area.route('/error-logs', errorLogRoutes(deps));
    area.route('/technical-information', technicalRoutes(deps));
    area.route('/support', supportRoutes(deps));
    area.route('/cookies', cookieRoutes(deps));
    app.route(`/${env}`, area);
  }

  app.notFound(notFoundPage(deps));
  app.onError(errorFunnel(deps));
  return app;
}
