import type { FieldErrors } from '../../src/forms/parse.ts';
import { deactivateForm, recoveryForm } from '../../src/otp/forms.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { CodeAndPassword, codeAndPasswordLabels } from './code-and-password.tsx';

export type ActiveSectionsProps = {
  ctx: ViewContext;
  /** How many recovery codes are left. */
  unusedRecoveryCodes: number;
  /** The account requires 2FA (B5): it cannot be turned off, so that form is not shown. */
  required: boolean;
  /** Which form failed, and its problems by field name. */
  failed?: { form: 'deactivate' | 'recovery'; errors: FieldErrors };
};

/** B4, while 2FA is on: new recovery codes, and switching it off (each with an app code or a recovery code). */
export function ActiveSections({ ctx, unusedRecoveryCodes, required, failed }: ActiveSectionsProps) {
  const { t, env } = ctx;
  const recoveryErrors = failed?.form === 'recovery' ? failed.errors : {};
  const deactivateErrors = failed?.form === 'deactivate' ? failed.errors : {};
  const labels = codeAndPasswordLabels(t, true);
  return (
    <>
      <section class="card" id="otp-recovery" aria-labelledby="otp-recovery-title">
        <h2 id="otp-recovery-title">{t('otp.recoveryTitle')}</h2>
        <p>{t('otp.recoveryIntro')}</p>
        <p>{t('otp.recoveryRemaining', { count: unusedRecoveryCodes })}</p>
        <ErrorSummary t={t} errors={recoveryErrors} form={recoveryForm} labels={labels} />
        <form method="post" action={paths.otp.recoveryCodes(env)} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <CodeAndPassword t={t} form={recoveryForm} errors={recoveryErrors} labels={labels} recoveryCode />
          <button type="submit">{t('otp.recoveryRegenerate')}</button>
        </form>
      </section>
      {required ? null : (
        <section class="card" id="otp-deactivate" aria-labelledby="otp-deactivate-title">
          <h2 id="otp-deactivate-title">{t('otp.deactivateTitle')}</h2>
          <p>{t('otp.deactivateIntro')}</p>
          <ErrorSummary t={t} errors={deactivateErrors} form={deactivateForm} labels={labels} />
          <form method="post" action={paths.otp.deactivate(env)} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <CodeAndPassword t={t} form={deactivateForm} errors={deactivateErrors} labels={labels} recoveryCode />
            <button type="submit">{t('otp.deactivate')}</button>
          </form>
        </section>
      )}
    </>
  );
}
