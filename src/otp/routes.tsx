import type { Context } from 'hono';
import { Hono } from 'hono';
import { RecoveryCodesPage } from '../../views/otp/recovery-codes-page.tsx';
import { rotateSession } from '../auth/sessions.ts';
import type { StaleEdit } from '../errors.ts';
import { RuleBroken } from '../errors.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { fieldProblem, parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { COOKIES, writeCookie } from '../http/cookies.ts';
import { setFlash } from '../http/flash.ts';
import type { FormFailure } from '../http/form-failure.ts';
import { answerFailure, restoreFailure } from '../http/form-failure.ts';
import { readForm } from '../http/forms.ts';
import { requireAuth, requireStage } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { redirectAfterPost } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import { paths } from '../paths.ts';
import { activateForm, deactivateForm, recoveryForm } from './forms.ts';
import { deactivateTotp, regenerateRecoveryCodes } from './manage-service.ts';
import type { FailedForm } from './page-routes.tsx';
import { renderOtpPage } from './page-routes.tsx';
import { activateTotp, preparePendingSecret } from './setup-service.ts';

/** The forms of the page whose refusals its GET shows again (the account setting's among them). */
const OTP_PAGE_FORMS: readonly string[] = ['activate', 'deactivate', 'recovery', 'account'] satisfies FailedForm['form'][];

/** A refusal of the 2FA services, beside the field it names (they all name one). */
const problemsOf = (error: RuleBroken | StaleEdit): FieldErrors =>
  error instanceof RuleBroken ? fieldProblem(error.field ?? 'code', error.problem) : {};

/**
 * B4/B5: Configuration > Password > One-time password configuration, mounted at paths.otp.page.
 * The page only reads (src/otp/page-routes.tsx); a QR code is made by the setup button's POST. The
 * account setting shown on the same page has its own router (src/account/routes.ts).
 */
export function otpRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db, clock, config } = deps;
  const onOtpPage = requireStage(deps, ['full', 'otp_setup'], 'otp:manage');

  /** A form of the page refused (422): the page again with the problem, after a redirect to it (0006) or in place for htmx. */
  const refuse = (c: Context<SignedInEnv>, form: FailedForm['form'], errors: FieldErrors) =>
    answerFailure(
      c,
      deps,
      { form, values: {}, errors, status: 422 },
      { page: paths.otp.page(c.var.env), render: showFailure(c) },
    );

  /** A refusal of this form's service shows the page with the problem beside the code. */
  const refusalsShowOn = (c: Context<SignedInEnv>, form: FailedForm['form']) =>
    onRefusal(c, (error) => refuse(c, form, problemsOf(error)));

  /**
   * Recovery codes are shown once, in the answer to the POST that made them (only their hashes
   * are kept, so there is nothing to redirect to). An htmx request gets the whole page, and the
   * bar shows the page they were made from, unmarked: a reload shows it without them, and never
   * an earlier refusal whose `?failed=` address the bar had.
   */
  const showCodes = (c: Context<SignedInEnv>, codes: string[]) => {
    const { user, account } = c.var.auth;
    c.header('HX-Retarget', 'body');
    c.header('HX-Reswap', 'innerHTML');
    c.header('HX-Replace-Url', paths.otp.page(c.var.env));
    return c.html(<RecoveryCodesPage ctx={viewContext(c, deps)} codes={codes} userid={user.userid} pspid={account.pspid} />);
  };

  /** The page showing a refused form of it (this router's, or the account setting's). */
  const showFailure = (c: Context<SignedInEnv>) => (failure: FormFailure) =>
    renderOtpPage(
      c,
      deps,
      {
        failed: { form: failure.form as FailedForm['form'], errors: failure.errors },
        requiredSent: failure.form === 'account' ? ['1', 'on'].includes(failure.values.required ?? '') : undefined,
      },
      422,
    );

  app.get('/', onOtpPage, (c) => {
    // After a refused form (Post/Redirect/Get): the same problem beside its field.
    const failed = restoreFailure(c, deps);
    return failed && OTP_PAGE_FORMS.includes(failed.form) ? showFailure(c)(failed) : renderOtpPage(c, deps);
  });

  /** "Set up two-factor authentication" and "Make a new QR code": a new pending seed, then back to the page. */
  app.post('/setup', onOtpPage, async (c) => {
    await preparePendingSecret(actorContext(c, deps));
    return redirectAfterPost(c, paths.otp.page(c.var.env));
  });

  app.post('/activate', onOtpPage, async (c) => {
    const parsed = parseForm(activateForm, await readForm(c));
    if (!parsed.ok) return refuse(c, 'activate', parsed.errors);
    refusalsShowOn(c, 'activate');
    const codes = await activateTotp(actorContext(c, deps), parsed.data);
    // A stronger login now: a new token, as after the code step.
    const auth = c.var.auth;
    const rotated = await rotateSession(db, clock, auth.session, {});
    writeCookie(c, config, COOKIES.session(c.var.env), rotated.token);
    c.set('auth', { ...auth, session: rotated.session });
    c.set('csrfToken', rotated.session.csrfToken);
    return showCodes(c, codes);
  });

  app.post('/deactivate', requireAuth(deps, 'otp:manage'), async (c) => {
    const parsed = parseForm(deactivateForm, await readForm(c));
    if (!parsed.ok) return refuse(c, 'deactivate', parsed.errors);
    refusalsShowOn(c, 'deactivate');
    await deactivateTotp(actorContext(c, deps), parsed.data);
    setFlash(c, config, 'otp.deactivated');
    return redirectAfterPost(c, paths.otp.page(c.var.env));
  });

  app.post('/recovery-codes', requireAuth(deps, 'otp:manage'), async (c) => {
    const parsed = parseForm(recoveryForm, await readForm(c));
    if (!parsed.ok) return refuse(c, 'recovery', parsed.errors);
    refusalsShowOn(c, 'recovery');
    return showCodes(c, await regenerateRecoveryCodes(actorContext(c, deps), parsed.data));
  });

  return app;
}
