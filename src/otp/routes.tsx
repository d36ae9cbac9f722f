import type { Context } from 'hono';
import { Hono } from 'hono';
import type { OtpPageProps } from '../../views/otp/otp-page.tsx';
import { OtpPage } from '../../views/otp/otp-page.tsx';
import { RecoveryCodesPage } from '../../views/otp/recovery-codes-page.tsx';
import { SetupSection } from '../../views/otp/setup-section.tsx';
import { can } from '../auth/permissions.ts';
import { rotateSession } from '../auth/sessions.ts';
import type { StaleEdit } from '../errors.ts';
import { RuleBroken } from '../errors.ts';
import type { FieldErrors } from '../forms/parse.ts';
import { fieldProblem, parseForm } from '../forms/parse.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { COOKIES, writeCookie } from '../http/cookies.ts';
import { setFlash } from '../http/flash.ts';
import { readForm } from '../http/forms.ts';
import { requireAuth, requireStage } from '../http/middleware/require-auth.ts';
import { onRefusal } from '../http/refusal.ts';
import { page, redirectAfterPost } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import { formatDateTime } from '../lib/format.ts';
import { paths } from '../paths.ts';
import { activateForm, deactivateForm, recoveryForm } from './forms.ts';
import { deactivateTotp, regenerateRecoveryCodes } from './manage-service.ts';
import { qrCodeSvg } from './qr.ts';
import { unusedRecoveryCodeCount } from './queries.ts';
import { activateTotp, currentPendingSecret, preparePendingSecret } from './setup-service.ts';

type Failed = NonNullable<OtpPageProps['failed']>;

/** A refusal of the 2FA services, beside the field it names (they all name one). */
const problemsOf = (error: RuleBroken | StaleEdit): FieldErrors =>
  error instanceof RuleBroken ? fieldProblem(error.field ?? 'code', error.problem) : {};

/**
 * B4/B5: Configuration > Password > One-time password configuration, mounted at paths.otp.page.
 * The account setting shown on the same page has its own router (src/account/routes.ts).
 */
export function otpRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { db, clock, config } = deps;
  const onOtpPage = requireStage(deps, ['full', 'otp_setup'], 'otp:manage');

  /** The page as it stands; a GET (or an expired QR code) makes a new pending seed. */
  const render = async (c: Context<SignedInEnv>, options: { failed?: Failed; newSecret?: boolean }, status: 200 | 422 = 200) => {
    const { user, account, stage } = c.var.auth;
    const ctx = actorContext(c, deps);
    const view = viewContext(c, deps);
    const { failed } = options;
    let setup: OtpPageProps['setup'];
    let notice: string | undefined;
    if (!user.totpEnabledAt) {
      let pending = options.newSecret ? null : await currentPendingSecret(ctx);
      if (!pending) {
        if (!options.newSecret) notice = view.t('otp.pendingExpired');
        pending = await preparePendingSecret(ctx);
      }
      setup = { ...pending, qrSvg: await qrCodeSvg(pending.uri) };
    }
    const active = user.totpEnabledAt
      ? {
          since: formatDateTime(user.totpEnabledAt, user.timeZone, user.language),
          unusedRecoveryCodes: await unusedRecoveryCodeCount(db, user),
        }
      : undefined;
    const accountSetting =
      stage === 'full' && can(user.profile, 'account:security')
        ? { pspid: account.pspid, required: account.twoFactorRequired }
        : undefined;
    const full = (
      <OtpPage
        ctx={view}
        required={account.twoFactorRequired}
        active={active}
        setup={setup}
        failed={failed}
        notice={notice}
        accountSetting={accountSetting}
      />
    );
    const fragment =
      setup && failed?.form === 'activate' ? (
        <SetupSection ctx={view} setup={setup} notice={notice} errors={failed.errors} />
      ) : undefined;
    return page(c, full, { status, fragment });
  };

  /** A refusal of this form's service re-renders the page with the problem beside the code (422). */
  const refusalsShowOn = (c: Context<SignedInEnv>, form: Failed['form']) =>
    onRefusal(c, (error) => render(c, { failed: { form, errors: problemsOf(error) } }, 422));

  /**
   * Recovery codes are shown once, in the answer to the POST that made them (only their hashes
   * are kept, so there is nothing to redirect to). An htmx request gets the whole page.
   */
  const showCodes = (c: Context<SignedInEnv>, codes: string[]) => {
    const { user, account } = c.var.auth;
    c.header('HX-Retarget', 'body');
    c.header('HX-Reswap', 'innerHTML');
    c.header('HX-Push-Url', 'false');
    return c.html(<RecoveryCodesPage ctx={viewContext(c, deps)} codes={codes} userid={user.userid} pspid={account.pspid} />);
  };

  app.get('/', onOtpPage, (c) => render(c, { newSecret: true }));

  app.post('/activate', onOtpPage, async (c) => {
    const parsed = parseForm(activateForm, await readForm(c));
    if (!parsed.ok) return render(c, { failed: { form: 'activate', errors: parsed.errors } }, 422);
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
    if (!parsed.ok) return render(c, { failed: { form: 'deactivate', errors: parsed.errors } }, 422);
    refusalsShowOn(c, 'deactivate');
    await deactivateTotp(actorContext(c, deps), parsed.data);
    setFlash(c, config, 'otp.deactivated');
    return redirectAfterPost(c, paths.otp.page(c.var.env));
  });

  app.post('/recovery-codes', requireAuth(deps, 'otp:manage'), async (c) => {
    const parsed = parseForm(recoveryForm, await readForm(c));
    if (!parsed.ok) return render(c, { failed: { form: 'recovery', errors: parsed.errors } }, 422);
    refusalsShowOn(c, 'recovery');
    return showCodes(c, await regenerateRecoveryCodes(actorContext(c, deps), parsed.data));
  });

  return app;
}
