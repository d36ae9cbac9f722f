import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Translate } from '../../src/i18n/catalogue.ts';
import type { CodeAndPasswordForm } from '../../src/otp/forms.ts';
import { TextField } from '../components/text-field.tsx';

/** The two fields of each 2FA form: a current code from the app and the password (never shown back). */
export function CodeAndPassword({ t, form, errors }: { t: Translate; form: CodeAndPasswordForm; errors: FieldErrors }) {
  return (
    <>
      <TextField
        t={t}
        field={form.fields.code}
        type="text"
        label={t('otp.code')}
        hint={t('otp.codeHint')}
        error={errors.code}
        autocomplete="one-time-code"
        inputmode="numeric"
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
