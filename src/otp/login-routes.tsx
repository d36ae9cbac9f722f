import type { Context } from 'hono';
import { Hono } from 'hono';
import { LoginCodePage } from '../../views/otp/login-code-page.tsx';
import { rotateSession } from '../auth/sessions.ts';
import { RuleBroken } from '../errors.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { fieldProblem, parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { COOKIES, readCookie, writeCookie } from '../http/cookies.ts';
import { presentedDeviceCookie, rememberDevice } from '../http/device-cookie.ts';
import { setFlash } from '../http/flash.ts';
import { answerFailure, restoreFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { requireStage } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { page } from '../http/render.ts';
import { safeNext } from '../http/safe-next.ts';
import { actorContext } from '../http/service-context.ts';
import { refusalStatus } from '../http/too-many-attempts.ts';
import { viewContext } from '../http/view-context.ts';
import { paths } from '../paths.ts';
import { loginCodeForm } from './forms.ts';
import { verifyLoginCode } from './login-code-service.ts';

/**
 * The login's code step (B4), mounted at paths.loginCode: reachable only by a session that has
 * passed the password step (stage `otp`).
 */
export function loginCodeRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db, clock, config } = deps;
  const codeStep = requireStage(deps, ['otp']);

  const show = (c: Context<SignedInEnv>, next: string, errors: FieldErrors = {}, status: 200 | 422 | 429 = 200) =>
    page(c, <LoginCodePage ctx={viewContext(c, deps)} next={next} errors={errors} />, { status });

  app.get('/', codeStep, (c) => {
    const next = safeNext(c.req.query('next'), c.var.env);
    // After a refused code (Post/Redirect/Get): the same problem beside the field.
    const failed = restoreFailure(c, deps, loginCodeForm.id);
    return failed ? show(c, next, failed.errors, failed.status === 409 ? 422 : failed.status) : show(c, next);
  });

  app.post('/', codeStep, async (c) => {
    const env = c.var.env;
    const body = await readForm(c);
    const next = safeNext(body.next, env);
    const parsed = parseForm(loginCodeForm, body);
    // The code step again with the problem: after a redirect to it (0006), or in place for htmx.
    const again = (errors: FieldErrors, status: 422 | 429) =>
      answerFailure(
        c,
        deps,
        { form: loginCodeForm.id, values: {}, errors, status },
        { page: paths.loginCode(env, next), render: (failure) => show(c, next, failure.errors, status) },
      );
    if (!parsed.ok) return again(parsed.errors, 422);
    onRefusal(c, (error) =>
      again(error instanceof RuleBroken ? fieldProblem(error.field ?? 'code', error.problem) : {}, refusalStatus(c, error, 422)),
    );
    const sessionToken = readCookie(c, config, COOKIES.session(env)) ?? '';
    const deviceCookie = presentedDeviceCookie(c, config);
    const outcome = await verifyLoginCode(actorContext(c, deps), { code: parsed.data.code, sessionToken, deviceCookie });
    if (outcome === 'sessionEnded') {
      setFlash(c, config, 'otp.tooManyFailures');
      return c.redirect(paths.login(env), 303);
    }
    // The code step done: a new token again, and the session reaches the back office.
    const rotated = await rotateSession(db, clock, c.var.auth.session, { otpPending: false });
    writeCookie(c, config, COOKIES.session(env), rotated.token);
    rememberDevice(c, deps, c.var.auth.user.id);
    return c.redirect(next, 303);
  });

  return app;
}
