import type { Context } from 'hono';
import type { OtpPageProps } from '../../views/otp/otp-page.tsx';
import { OtpPage } from '../../views/otp/otp-page.tsx';
import { SetupSection } from '../../views/otp/setup-section.tsx';
import { countOtherUsersWithoutTwoFactor } from '../account/queries.ts';
import { can } from '../auth/permissions.ts';
import type { FieldErrors } from '../forms/parse.ts';
import type { Deps, SignedInEnv } from '../http/context.ts';
import { page } from '../http/render.ts';
import { actorContext } from '../http/service-context.ts';
import { viewContext } from '../http/view-context.ts';
import { formatDateTime } from '../lib/format.ts';
import { qrCodeSvg } from './qr.ts';
import { unusedRecoveryCodeCount } from './queries.ts';
import { PENDING_SECRET_MINUTES, readPendingSecret } from './setup-service.ts';

/** Which form of the page failed, and its problems by field name. */
export type FailedForm = { form: 'activate' | 'deactivate' | 'recovery' | 'account'; errors: FieldErrors };

/**
 * B4/B5: Configuration > Password > One-time password configuration, as it stands, for a GET or
 * to answer a refused form (`failed`, with `status` 422; `requiredSent` is the account setting's
 * box as it was sent). It only reads: the pending seed made by the setup button, the recovery
 * codes left, and for administrators how many users the account setting would affect. With htmx,
 * a refused activation answers the setup section alone.
 */
export async function renderOtpPage(
  c: Context<SignedInEnv>,
  deps: Deps,
  options: { failed?: FailedForm; requiredSent?: boolean } = {},
  status: 200 | 422 = 200,
) {
  const { user, account, stage } = c.var.auth;
  const view = viewContext(c, deps);
  const { failed } = options;
  let setup: OtpPageProps['setup'];
  if (!user.totpEnabledAt) {
    const { pending, expired } = await readPendingSecret(actorContext(c, deps));
    setup = {
      pending: pending ? { ...pending, qrSvg: await qrCodeSvg(pending.uri) } : null,
      expired,
      minutes: PENDING_SECRET_MINUTES,
    };
  }
  const active = user.totpEnabledAt
    ? {
        since: formatDateTime(user.totpEnabledAt, user.timeZone, user.language),
        unusedRecoveryCodes: await unusedRecoveryCodeCount(deps.db, user),
      }
    : undefined;
  const accountSetting =
    stage === 'full' && can(user.profile, 'account:security')
      ? {
          pspid: account.pspid,
          required: options.requiredSent ?? account.twoFactorRequired,
          ownTwoFactor: Boolean(user.totpEnabledAt),
          usersWithout: await countOtherUsersWithoutTwoFactor(deps.db, account.id, user.id),
          errors: failed?.form === 'account' ? failed.errors : {},
        }
      : undefined;
  const full = (
    <OtpPage
      ctx={view}
      required={account.twoFactorRequired}
      active={active}
      setup={setup}
      failed={failed}
      accountSetting={accountSetting}
    />
  );
  const fragment =
    setup && failed?.form === 'activate' ? <SetupSection ctx={view} setup={setup} errors={failed.errors} /> : undefined;
  return page(c, full, { status, fragment });
}
