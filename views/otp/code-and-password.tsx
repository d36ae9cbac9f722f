import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import type { CodeAndPasswordForm } from '../../src/otp/forms.ts';
import type { FieldLabels } from '../components/error-summary.tsx';
import { TextField } from '../components/text-field.tsx';

export type CodeAndPasswordLabels = { code: string; password: string };

/** The two fields' labels (an app code, or either kind of code with `recoveryCode`), for the fields and the error summary. */
export function codeAndPasswordLabels(t: Translate, recoveryCode = false) {
  return {
    code: recoveryCode ? t('otp.codeOrRecoveryLabel') : t('otp.code'),
    password: t('otp.password'),
  } satisfies CodeAndPasswordLabels & FieldLabels<CodeAndPasswordForm>;
}

/**
 * The two fields of each 2FA form: a code and the password (never shown back). The code is one
 * from the app (digits: a numeric keyboard on phones), or, with `recoveryCode` (2FA already on),
 * either that or a recovery code, which has letters.
 */
export function CodeAndPassword({
  t,
  form,
  errors,
  labels,
  recoveryCode = false,
}: {
  t: Translate;
  form: CodeAndPasswordForm;
  errors: FieldErrors;
  /** codeAndPasswordLabels(t, recoveryCode): the same texts name the fields in the error summary. */
  labels: CodeAndPasswordLabels;
  recoveryCode?: boolean;
}) {
  return (
    <>
      <TextField
        t={t}
        field={form.fields.code}
        type="text"
        label={labels.code}
        hint={recoveryCode ? t('otp.codeOrRecoveryHint') : t('otp.codeHint')}
        error={errors.code}
        autocomplete="one-time-code"
        inputmode={recoveryCode ? undefined : 'numeric'}
      />
      <TextField
        t={t}
        field={form.fields.password}
        label={labels.password}
        error={errors.password}
        autocomplete="current-password"
      />
    </>
  );
}
