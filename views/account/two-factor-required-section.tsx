import { twoFactorRequiredForm } from '../../src/account/forms.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** B5, for administrators: "two-factor authentication required for every user" of the account `pspid`. */
export function TwoFactorRequiredSection({ ctx, pspid, required }: { ctx: ViewContext; pspid: string; required: boolean }) {
  const { t, env } = ctx;
  const field = twoFactorRequiredForm.fields.required;
  const hintId = `${field.id}-hint`;
  return (
    <section class="card" id="otp-account" aria-labelledby="otp-account-title">
      <h2 id="otp-account-title">{t('otp.requiredSetting')}</h2>
      <p class="hint" id={hintId}>
        {t('otp.requiredSettingHint')}
      </p>
      <form method="post" action={paths.account.twoFactorRequired(env)}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submitted" value="1" />
        <div class="checkbox">
          <input type="checkbox" id={field.id} name={field.name} value="1" checked={required} aria-describedby={hintId} />
          <label for={field.id}>{t('otp.requiredCheckbox', { pspid })}</label>
        </div>
        <button type="submit">{t('otp.requiredSave')}</button>
      </form>
    </section>
  );
}
