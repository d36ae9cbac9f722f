import type { Context } from 'hono';
import { Hono } from 'hono';
import type { LoginForm, LoginPageProps } from '../../views/auth/login-page.tsx';
import { LoginPage } from '../../views/auth/login-page.tsx';
import { recordAudit } from '../audit/service.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { COOKIES, clearCookie, readCookie, writeCookie } from '../http/cookies.ts';
import { setFlash } from '../http/flash.ts';
import type { FieldErrors } from '../http/forms.ts';
import { readForm, textField } from '../http/forms.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { page } from '../http/render.ts';
import { safeNext } from '../http/safe-next.ts';
import { viewContext } from '../http/view-context.ts';
import { attemptLogin } from './login-service.ts';
import { createSession, deleteSession, touchSession } from './sessions.ts';
import { passwordExpiringSoon, stagePath } from './stage.ts';

export const PSPID_MAX = 30;
export const USERID_MAX = 20;
export const PASSWORD_MAX = 128;

/** Login, logout and "stay signed in", for one environment. */
export function authRoutes(deps: Deps, env: Environment) {
  const app = new Hono<AppEnv>();
  const { db, clock, config } = deps;

  const render = (c: Context<AppEnv>, props: Omit<LoginPageProps, 'ctx'>, status: 200 | 422 = 200) =>
    page(c, <LoginPage ctx={viewContext(c, deps)} {...props} />, { status });

  app.get('/login', (c) => {
    const next = safeNext(c.req.query('next'), env);
    if (c.var.auth) return c.redirect(next, 303);
    return render(c, { next, sessionEnded: c.var.sessionEnded });
  });

  app.post('/login', async (c) => {
    const form = await readForm(c);
    const which: LoginForm = form.form === 'user' ? 'user' : 'pspid';
    const next = safeNext(form.next, env);
    const prefix = which === 'user' ? 'user' : 'login';
    const pspid = textField(form, 'pspid', { max: PSPID_MAX, required: 'login.pspidRequired' });
    const userid =
      which === 'user' ? textField(form, 'userid', { max: USERID_MAX, required: 'login.useridRequired' }) : undefined;
    const password = textField(form, 'password', { max: PASSWORD_MAX, required: 'login.passwordRequired', exact: true });
    const errors: FieldErrors = {};
    if (userid?.error) errors['user-userid'] = userid.error;
    if (pspid.error) errors[`${prefix}-pspid`] = pspid.error;
    if (password.error) errors[`${prefix}-password`] = password.error;
    const values = { pspid: pspid.error ? '' : pspid.value, userid: userid?.error ? '' : userid?.value };
    if (Object.keys(errors).length > 0) return render(c, { next, submitted: which, values, errors }, 422);

    const result = await attemptLogin(db, clock, {
      environment: env,
      pspid: pspid.value,
      userid: userid?.value,
      password: password.value,
      ip: clientIp(c, config),
    });
    if (!result.ok) return render(c, { next, submitted: which, values, failed: true }, 422);

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
    if (result.user.totpEnabledAt !== null) return c.redirect(`${stagePath(env, 'otp')}?next=${encodeURIComponent(next)}`, 303);
    return c.redirect(next, 303);
  });

  app.post('/logout', async (c) => {
    const auth = c.var.auth;
    const token = readCookie(c, config, COOKIES.session(env));
    if (token) await deleteSession(db, token);
    clearCookie(c, config, COOKIES.session(env));
    if (auth) {
      await recordAudit(
        { db: db, clock: clock },
        {
          accountId: auth.account.id,
          userId: auth.user.id,
          actor: auth.user.userid,
          eventType: 'logout',
          success: true,
          ip: clientIp(c, config),
          object: `user:${auth.user.id}`,
        },
      );
    }
    setFlash(c, config, 'login.loggedOut');
    return c.redirect(`/${env}/login`, 303);
  });

  /** "Stay signed in": restarts the idle timeout without leaving the page. */
  app.post('/session/keepalive', requireAuth(deps), async (c) => {
    const auth = c.var.auth;
    if (auth) await touchSession(db, clock, auth.session);
    // 204: the browser stays on the page, with whatever the user had typed.
    return c.body(null, 204);
  });

  return app;
}
