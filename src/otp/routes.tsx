import type { Context } from 'hono';
import { Hono } from 'hono';
import type { OtpPageProps } from '../../views/otp/otp-page.tsx';
import { OtpPage, RecoveryCodesPage, SetupSection } from '../../views/otp/otp-page.tsx';
import { can } from '../auth/permissions.ts';
import { rotateSession } from '../auth/sessions.ts';
import type { Environment } from '../db/schema/accounts.ts';
import { clientIp } from '../http/client-ip.ts';
import type { AppEnv, Deps, SignedInEnv } from '../http/context.ts';
import { COOKIES, writeCookie } from '../http/cookies.ts';
import { setFlash } from '../http/flash.ts';
import type { FieldErrors } from '../http/forms.ts';
import { readForm, textField } from '../http/forms.ts';
import { requireAuth, requireStage } from '../http/middleware/require-auth.ts';
import { page, redirectAfterPost } from '../http/render.ts';
import { viewContext } from '../http/view-context.ts';
import { formatDateTime } from '../lib/format.ts';
import { PASSWORD_MAX_LENGTH } from '../password/policy.ts';
import { qrCodeSvg } from './qr.ts';
import {
  activateTotp,
  currentPendingSecret,
  deactivateTotp,
  preparePendingSecret,
  regenerateRecoveryCodes,
  setTwoFactorRequired,
  unusedRecoveryCodeCount,
} from './service.ts';

type Form = NonNullable<OtpPageProps['form']>;

/** B4/B5: Configuration > Password > One-time password configuration. */
export function otpRoutes(deps: Deps, env: Environment) {
  const app = new Hono<AppEnv>();
  const { db, clock, config, secretKey } = deps;
  const onOtpPage = requireStage(deps, ['full', 'otp_setup'], 'otp:manage');

  /** The page as it stands; a GET (or an expired QR code) makes a new pending secret. */
  const render = async (
    c: Context<SignedInEnv>,
    options: { form?: Form; errors?: FieldErrors; newSecret?: boolean; notice?: OtpPageProps['notice'] } = {},
    status: 200 | 422 = 200,
  ) => {
    const auth = c.var.auth!;
    const { user, account } = auth;
    const ctx = viewContext(c, deps);
    let setup: OtpPageProps['setup'];
    let notice = options.notice;
    if (!user.totpEnabledAt) {
      let pending = options.newSecret ? null : await currentPendingSecret(db, clock, secretKey, auth);
      if (!pending) {
        if (!options.newSecret) notice = ctx.t('otp.pendingExpired');
        pending = await preparePendingSecret(db, clock, secretKey, auth);
      }
      setup = { ...pending, qrSvg: await qrCodeSvg(pending.uri) };
    }
    const active = user.totpEnabledAt
      ? {
          since: formatDateTime(user.totpEnabledAt, user.timeZone, user.language),
          unusedRecoveryCodes: await unusedRecoveryCodeCount(db, user),
        }
      : undefined;
    const props: OtpPageProps = {
      ctx,
      required: account.twoFactorRequired,
      active,
      setup,
      form: options.form,
      errors: options.errors,
      notice,
      accountSetting:
        auth.stage === 'full' && can(user.profile, 'account:security')
          ? { pspid: account.pspid, required: account.twoFactorRequired }
          : undefined,
    };
    const fragment =
      setup && options.form === 'activate' ? <SetupSection {...props} setup={setup} errors={options.errors ?? {}} /> : undefined;
    return page(c, <OtpPage {...props} />, { status, fragment });
  };

  /** Reads the code and password fields of one of the page's forms. */
  const readCodeAndPassword = async (c: Context<SignedInEnv>, prefix: string) => {
    const form = await readForm(c);
    const code = textField(form, 'code', { max: 40, required: 'otp.codeRequired' });
    const password = textField(form, 'password', { max: PASSWORD_MAX_LENGTH, required: 'otp.passwordRequired', exact: true });
    const errors: FieldErrors = {};
    if (code.error) errors[`${prefix}-code`] = code.error;
    if (password.error) errors[`${prefix}-password`] = password.error;
    return { code: code.value, password: password.value, errors };
  };

  const serviceErrors = (prefix: string, errors: Partial<Record<'code' | 'password', FieldErrors[string]['key']>>): FieldErrors =>
    Object.fromEntries(Object.entries(errors).map(([name, key]) => [`${prefix}-${name}`, { key: key! }]));

  app.get('/', onOtpPage, (c) => render(c, { newSecret: true }));

  app.post('/activate', onOtpPage, async (c) => {
    const input = await readCodeAndPassword(c, 'otp');
    if (Object.keys(input.errors).length > 0) return render(c, { form: 'activate', errors: input.errors }, 422);
    const auth = c.var.auth!;
    const result = await activateTotp(db, clock, secretKey, auth, input, clientIp(c, config));
    if (!result.ok) return render(c, { form: 'activate', errors: serviceErrors('otp', result.errors) }, 422);
    // A stronger login now: a new token, as after the code step.
    const rotated = await rotateSession(db, clock, auth.session, {});
    writeCookie(c, config, COOKIES.session(env), rotated.token);
    c.set('auth', { ...auth, session: rotated.session });
    c.set('csrfToken', rotated.session.csrfToken);
    return showCodes(c, result.recoveryCodes);
  });

  app.post('/deactivate', requireAuth(deps, 'otp:manage'), async (c) => {
    const input = await readCodeAndPassword(c, 'deactivate');
    if (Object.keys(input.errors).length > 0) return render(c, { form: 'deactivate', errors: input.errors }, 422);
    const result = await deactivateTotp(db, clock, secretKey, c.var.auth!, input, clientIp(c, config));
    if (!result.ok) return render(c, { form: 'deactivate', errors: serviceErrors('deactivate', result.errors) }, 422);
    setFlash(c, config, 'otp.deactivated');
    return redirectAfterPost(c, `/${env}/password/otp`);
  });

  app.post('/recovery-codes', requireAuth(deps, 'otp:manage'), async (c) => {
    const input = await readCodeAndPassword(c, 'recovery');
    if (Object.keys(input.errors).length > 0) return render(c, { form: 'recovery', errors: input.errors }, 422);
    const result = await regenerateRecoveryCodes(db, clock, secretKey, c.var.auth!, input, clientIp(c, config));
    if (!result.ok) return render(c, { form: 'recovery', errors: serviceErrors('recovery', result.errors) }, 422);
    return showCodes(c, result.recoveryCodes);
  });

  app.post('/required', requireAuth(deps, 'account:security'), async (c) => {
    const form = await readForm(c);
    const required = form.required === '1';
    await setTwoFactorRequired(db, clock, c.var.auth!, required, clientIp(c, config));
    setFlash(c, config, required ? 'otp.requiredOn' : 'otp.requiredOff');
    return redirectAfterPost(c, `/${env}/password/otp`);
  });

  /**
   * Recovery codes are shown once, in the answer to the POST that made them (only their hashes
   * are kept, so there is nothing to redirect to). An htmx request gets the whole page.
   */
  const showCodes = (c: Context<SignedInEnv>, codes: string[]) => {
    const auth = c.var.auth!;
    c.header('HX-Retarget', 'body');
    c.header('HX-Reswap', 'innerHTML');
    c.header('HX-Push-Url', 'false');
    return c.html(
      <RecoveryCodesPage ctx={viewContext(c, deps)} codes={codes} userid={auth.user.userid} pspid={auth.account.pspid} />,
    );
  };

  return app;
}
