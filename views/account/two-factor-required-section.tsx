import { twoFactorRequiredForm } from '../../src/account/forms.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { FieldMessage } from '../components/field-parts.tsx';
import type { ViewContext } from '../layout/view-context.ts';

export type TwoFactorRequiredSectionProps = {
  ctx: ViewContext;
  /** The account's PSPID, named in the checkbox's label. */
  pspid: string;
  /** The box as saved, or as sent when the form was refused. */
  required: boolean;
  /** The administrator's own 2FA is on: only then can the account require it. */
  ownTwoFactor: boolean;
  /** Other active users without 2FA: those the setting would send to its setup. */
  usersWithout: number;
  /** The form's problems by field name (the refusal while the administrator's own 2FA is off). */
  errors: FieldErrors;
};

/**
 * B5, for administrators: "two-factor authentication required for every user" of the account,
 * with what it does to the other users said before the box is ticked (and how many that is),
 * and, while the administrator's own 2FA is off, that theirs comes first.
 */
export function TwoFactorRequiredSection(props: TwoFactorRequiredSectionProps) {
  const { ctx, pspid, required, errors } = props;
  const { t, env } = ctx;
  const field = twoFactorRequiredForm.fields.required;
  const effectId = `${field.id}-effect`;
  const ownFirstId = `${field.id}-own-first`;
  const errorId = errors.required ? `${field.id}-error` : undefined;
  const ownFirst = !props.ownTwoFactor && !required;
  const describedBy = [effectId, ownFirst ? ownFirstId : undefined, errorId].filter(Boolean).join(' ');
  const labels = { required: t('otp.requiredCheckbox', { pspid }) } satisfies FieldLabels<typeof twoFactorRequiredForm>;
  return (
    <section class="card" id="otp-account" aria-labelledby="otp-account-title">
      <h2 id="otp-account-title">{t('otp.requiredSetting')}</h2>
      <div id={effectId}>
        <p>{t('otp.requiredSettingHint')}</p>
        <p>
          {props.usersWithout > 0
            ? t('otp.requiredUsersWithout', { count: props.usersWithout, pspid })
            : t('otp.requiredUsersAllSet', { pspid })}
        </p>
      </div>
      {ownFirst ? (
        <div class="notice" id={ownFirstId}>
          <p>{t('otp.requiredOwnFirstHint')}</p>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={errors} form={twoFactorRequiredForm} labels={labels} />
      <form method="post" action={paths.account.twoFactorRequired(env)}>
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="submitted" value="1" />
        <div class={errors.required ? 'field checkbox field-error' : 'field checkbox'}>
          <FieldMessage t={t} id={errorId} error={errors.required} />
          <input
            type="checkbox"
            id={field.id}
            name={field.name}
            value="1"
            checked={required}
            aria-invalid={errors.required ? 'true' : undefined}
            aria-describedby={describedBy}
          />
          <label for={field.id}>{labels.required}</label>
        </div>
        <button type="submit">{t('otp.requiredSave')}</button>
      </form>
    </section>
  );
}
