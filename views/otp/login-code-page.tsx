import type { FieldErrors } from '../../src/forms/parse.ts';
import { loginCodeForm } from '../../src/otp/forms.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/text-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/**
 * B4: the login's second page, after the password: a code from the app or a recovery code (which
 * has letters, so no numeric keyboard).
 */
export function LoginCodePage({ ctx, next, errors = {} }: { ctx: ViewContext; next: string; errors?: FieldErrors }) {
  const { t, env } = ctx;
  const labels = { code: t('otp.codeOrRecoveryLabel') } satisfies FieldLabels<typeof loginCodeForm>;
  return (
    <Layout ctx={ctx} title={t('otp.login.title')} hasErrors={Object.keys(errors).length > 0}>
      <h1>{t('otp.login.title')}</h1>
      <ErrorSummary t={t} errors={errors} form={loginCodeForm} labels={labels} />
      <p>{t('otp.login.intro')}</p>
      <form method="post" action={paths.loginCode(env)} novalidate class="card narrow">
        <CsrfField token={ctx.csrfToken} />
        <input type="hidden" name="next" value={next} />
        <TextField
          t={t}
          field={loginCodeForm.fields.code}
          type="text"
          label={labels.code}
          hint={t('otp.codeOrRecoveryHint')}
          error={errors.code}
          autocomplete="one-time-code"
          autofocus
        />
        <button type="submit">{t('otp.login.submit')}</button>
      </form>
      <form method="post" action={paths.logout(env)}>
        <CsrfField token={ctx.csrfToken} />
        <button type="submit" class="link-button">
          {t('otp.login.cancel')}
        </button>
      </form>
    </Layout>
  );
}
