import type { Context } from 'hono';
import { Hono } from 'hono';
import type { LoginPageProps } from '../../views/auth/login-page.tsx';
import { LoginPage } from '../../views/auth/login-page.tsx';
import { recordEvent } from '../audit/service.ts';
import { RuleBroken } from '../errors.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { fieldProblem, parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { COOKIES, clearCookie, readCookie, writeCookie } from '../http/cookies.ts';
import { presentedDeviceCookie, rememberDevice } from '../http/device-cookie.ts';
import { setFlash } from '../http/flash.ts';
import { answerFailure, restoreFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { page } from '../http/render.ts';
import { safeNext } from '../http/safe-next.ts';
import { actorContext, requestContext } from '../http/service-context.ts';
import { refusalStatus } from '../http/too-many-attempts.ts';
import { viewContext } from '../http/view-context.ts';
import type { Message } from '../i18n/catalogue.ts';
import { paths } from '../paths.ts';
import type { LoginFormName } from './forms.ts';
import { pspidLoginForm, userLoginForm } from './forms.ts';
import { attemptLogin } from './login-service.ts';
import { createSession, deleteSession, touchSession } from './sessions.ts';
import { passwordExpiringSoon } from './stage.ts';
import { TooManyAttempts } from './throttle.ts';

/** Login, logout and "stay signed in" (A1–A3), in the environment of the request (c.var.env). */
export function authRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db, clock, config } = deps;

  const render = (c: Context<AppEnv>, props: Omit<LoginPageProps, 'ctx'>, status: 200 | 409 | 422 | 429 = 200) =>
    page(c, <LoginPage ctx={viewContext(c, deps)} {...props} />, { status });

  app.get('/login', (c) => {
    const next = safeNext(c.req.query('next'), c.var.env);
    if (c.var.auth) return c.redirect(next, 303);
    // After a refused login (Post/Redirect/Get): the same problem, and what was typed (never the password).
    const failed = restoreFailure(c, deps);
    if (failed) {
      const { values, errors, refusal, status } = failed;
      const submitted: LoginFormName = failed.form === 'user' ? 'user' : 'pspid';
      return render(c, { next, submitted, values, errors, notice: refusal }, status);
    }
    return render(c, { next, sessionEnded: c.var.sessionEnded });
  });

  app.post('/login', async (c) => {
    const env = c.var.env;
    const body = await readForm(c);
    const submitted: LoginFormName = body.form === 'user' ? 'user' : 'pspid';
    const next = safeNext(body.next, env);
    const parsed = submitted === 'user' ? parseForm(userLoginForm, body) : parseForm(pspidLoginForm, body);
    // The login page again, with the problem: after a redirect to it (0006), or in place for htmx.
    const again = (problems: { errors?: FieldErrors; notice?: Message }, status: 409 | 422 | 429 = 422) =>
      answerFailure(
        c,
        deps,
        { form: submitted, values: parsed.values, errors: problems.errors ?? {}, refusal: problems.notice, status },
        {
          page: next === paths.home(env) ? paths.login(env) : paths.login(env, next),
          render: (failure) =>
            render(
              c,
              { next, submitted, values: failure.values, errors: failure.errors, notice: failure.refusal },
              failure.status,
            ),
        },
      );
    if (!parsed.ok) return again({ errors: parsed.errors });
    // Any failed login: the one generic message, beside the first field of the form used; too
    // many attempts (0018): 429 with Retry-After, and how long to wait above the forms.
    onRefusal(c, (refusal, status) => {
      if (refusal instanceof TooManyAttempts) return again({ notice: refusal.problem }, refusalStatus(c, refusal, status));
      return again(
        { errors: refusal instanceof RuleBroken ? fieldProblem(refusal.field ?? 'pspid', refusal.problem) : {} },
        status,
      );
    });

    // The PSPID form has no USERID: the account's default administrator logs in.
    const data: { pspid: string; password: string; userid?: string } = parsed.data;
    const deviceCookie = presentedDeviceCookie(c, config);
    const result = await attemptLogin(requestContext(c, deps), { environment: env, ...data, deviceCookie });

    // A new token at every login; whatever session this browser had here ends.
    const previous = readCookie(c, config, COOKIES.session(env));
    if (previous) await deleteSession(db, previous);
    const { token } = await createSession(db, clock, {
      accountId: result.account.id,
      userId: result.user.id,
      environment: env,
      otpPending: result.user.totpEnabledAt !== null,
      passwordChangeRequired: result.passwordChangeRequired,
    });
    writeCookie(c, config, COOKIES.session(env), token);
    if (passwordExpiringSoon(result.user, clock.now())) setFlash(c, config, 'password.expiresSoonFlash');
    // Any step still to do (code, password change, 2FA setup) is where the next page sends the user.
    if (result.user.totpEnabledAt !== null) return c.redirect(paths.loginCode(env, next), 303);
    // A completed login: this browser becomes (again) one of the user's devices.
    rememberDevice(c, deps, result.user.id);
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    const env = c.var.env;
    const auth = c.var.auth;
    const token = readCookie(c, config, COOKIES.session(env));
    if (token) await deleteSession(db, token);
    clearCookie(c, config, COOKIES.session(env));
    if (auth) await recordEvent(actorContext(c, deps), { type: 'logout' }, { user: auth.user });
    setFlash(c, config, 'login.loggedOut');
    return c.redirect(paths.login(env), 303);
  });

  /** "Stay signed in": restarts the idle timeout without leaving the page. */
  app.post('/session/keepalive', requireAuth(deps), async (c) => {
    await touchSession(db, clock, c.var.auth.session);
    // 204: the browser stays on the page, with whatever the user had typed.
    return c.body(null, 204);
  });

  return app;
}
