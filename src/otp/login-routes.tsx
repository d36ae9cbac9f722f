import { Hono } from 'hono';
import { LoginCodePage } from '../../views/otp/login-code-page.tsx';
import { rotateSession } from '../auth/sessions.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { COOKIES, readCookie, writeCookie } from '../http/cookies.ts';
import { setFlash } from '../http/flash.ts';
import { readForm, textField } from '../http/forms.ts';
import { requireStage } from '../http/middleware/require-auth.ts';
import { page } from '../http/render.ts';
import { safeNext } from '../http/safe-next.ts';
import { viewContext } from '../http/view-context.ts';
import { verifyLoginCode } from './service.ts';

/** The login's code step (B4): reachable only by a session that has passed the password step. */
export function loginCodeRoutes(deps: Deps, env: Environment) {
  const app = new Hono<AppEnv>();
  const { db, clock, config } = deps;
  const codeStep = requireStage(deps, ['otp']);

  app.get('/', codeStep, (c) => {
    return page(c, <LoginCodePage ctx={viewContext(c, deps)} next={safeNext(c.req.query('next'), env)} />);
  });

  app.post('/', codeStep, async (c) => {
    const auth = c.var.auth!;
    const form = await readForm(c);
    const next = safeNext(form.next, env);
    const code = textField(form, 'code', { max: 40, required: 'otp.codeRequired' });
    if (code.error) {
      return page(c, <LoginCodePage ctx={viewContext(c, deps)} next={next} errors={{ 'login-code': code.error }} />, {
        status: 422,
      });
    }
    const token = readCookie(c, config, COOKIES.session(env)) ?? '';
    const result = await verifyLoginCode(db, clock, deps.secretKey, auth, code.value, token, clientIp(c, config));
    if (!result.ok) {
      if (result.sessionEnded) {
        setFlash(c, config, result.error);
        return c.redirect(`/${env}/login`, 303);
      }
      return page(c, <LoginCodePage ctx={viewContext(c, deps)} next={next} errors={{ 'login-code': { key: result.error } }} />, {
        status: 422,
      });
    }
    // The code step done: a new token again, and the session reaches the back office.
    const rotated = await rotateSession(db, clock, auth.session, { otpPending: false });
    writeCookie(c, config, COOKIES.session(env), rotated.token);
    return c.redirect(next, 303);
  });

  return app;
}
