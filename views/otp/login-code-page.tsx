import type { FieldErrors } from '../../src/http/forms.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/text-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** B4: the login's second page, after the password: a code from the app or a recovery code. */
export function LoginCodePage({ ctx, next, errors = {} }: { ctx: ViewContext; next: string; errors?: FieldErrors }) {
  const { t, env } = ctx;
  return (
    <Layout ctx={ctx} title={t('otp.login.title')} hasErrors={Object.keys(errors).length > 0}>
      <h1>{t('otp.login.title')}</h1>
      <ErrorSummary t={t} errors={errors} order={['login-code']} />
      <p>{t('otp.login.intro')}</p>
      <form method="post" action={`/${env}/login/otp`} novalidate class="card narrow">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={next} />
        <TextField
          t={t}
          id="login-code"
          name="code"
          label={t('otp.login.code')}
          hint={t('otp.login.codeHint')}
          error={errors['login-code']}
          autocomplete="one-time-code"
          inputmode="numeric"
          maxLength={40}
          autofocus
        />
        <button type="submit">{t('otp.login.submit')}</button>
      </form>
      <form method="post" action={`/${env}/logout`}>
        <CsrfField token={ctx.csrfToken} />
        <button type="submit" class="link-button">
          {t('otp.login.cancel')}
        </button>
      </form>
    </Layout>
  );
}
