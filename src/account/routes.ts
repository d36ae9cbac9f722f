import { Hono } from 'hono';
import { RuleBroken } from '../errors.ts';
import { fieldProblem, parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps } from '../http/context.ts';
import { BadRequest } from '../http/errors.ts';
import { setFlash } from '../http/flash.ts';
import { answerFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { requireAuth } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { redirectAfterPost } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { renderOtpPage } from '../otp/page-routes.tsx';
import { paths } from '../paths.ts';
import { twoFactorRequiredForm } from './forms.ts';
import { setTwoFactorRequired } from './service.ts';

/**
 * B5: "two-factor authentication required for every user", saved from its section of the
 * one-time password page; mounted at paths.account.twoFactorRequired. A refusal (the
 * administrator's own 2FA is off) answers that page with the message beside the box (422).
 */
export function twoFactorRequiredRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();

  app.post('/', requireAuth(deps, 'account:security'), async (c) => {
    const parsed = parseForm(twoFactorRequiredForm, await readForm(c));
    // A checkbox reads any value (ticked or not): there is nothing to re-render.
    if (!parsed.ok) throw new BadRequest('account setting form');
    const { required } = parsed.data;
    // Refused: the one-time password page with the message beside the box, after a redirect to it
    // (decision record 0006; its GET shows the failure again) or in place for htmx.
    onRefusal(c, (error) => {
      const errors = error instanceof RuleBroken ? fieldProblem(error.field ?? 'required', error.problem) : {};
      return answerFailure(
        c,
        deps,
        { form: 'account', values: parsed.values, errors, status: 422 },
        {
          page: paths.otp.page(c.var.env),
          render: () => renderOtpPage(c, deps, { failed: { form: 'account', errors }, requiredSent: required }, 422),
        },
      );
    });
    await setTwoFactorRequired(actorContext(c, deps), required);
    setFlash(c, deps.config, required ? 'otp.requiredOn' : 'otp.requiredOff');
    return redirectAfterPost(c, paths.otp.page(c.var.env));
  });

  return app;
}
