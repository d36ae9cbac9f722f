import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import type { CodeAndPasswordForm } from '../../src/otp/forms.ts';
import { TextField } from '../components/text-field.tsx';

/**
 * The two fields of each 2FA form: a code and the password (never shown back). The code is one
 * from the app (digits: a numeric keyboard on phones), or, with `recoveryCode` (2FA already on),
 * either that or a recovery code, which has letters.
 */
export function CodeAndPassword({
  t,
  form,
  errors,
  recoveryCode = false,
}: {
  t: Translate;
  form: CodeAndPasswordForm;
  errors: FieldErrors;
  recoveryCode?: boolean;
}) {
  return (
    <>
      <TextField
        t={t}
        field={form.fields.code}
        type="text"
        label={recoveryCode ? t('otp.codeOrRecoveryLabel') : t('otp.code')}
        hint={recoveryCode ? t('otp.codeOrRecoveryHint') : t('otp.codeHint')}
        error={errors.code}
        autocomplete="one-time-code"
        inputmode={recoveryCode ? undefined : 'numeric'}
      />
      <TextField
        t={t}
        field={form.fields.password}
        label={t('otp.password')}
        error={errors.password}
        autocomplete="current-password"
      />
    </>
  );
}
