import type { FieldErrors } from '../../src/http/forms.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorNotice, ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/text-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

export type ForgottenPageProps = {
  ctx: ViewContext;
  values?: { pspid?: string; userid?: string };
  errors?: FieldErrors;
  /** After a request: the same answer whatever was entered. */
  sent?: boolean;
  tooMany?: boolean;
};

/** B3: "Password forgotten?". */
export function ForgottenPage({ ctx, values = {}, errors = {}, sent, tooMany }: ForgottenPageProps) {
  const { t, env } = ctx;
  return (
    <Layout ctx={ctx} title={t('forgotten.title')} hasErrors={Object.keys(errors).length > 0}>
      <h1>{t('forgotten.title')}</h1>
      {sent ? (
        <div class="flash" role="status">
          <p>{t('forgotten.sent')}</p>
        </div>
      ) : null}
      <ErrorNotice message={tooMany ? t('forgotten.tooMany') : undefined} />
      <ErrorSummary t={t} errors={errors} order={['forgotten-pspid', 'forgotten-userid']} />
      <p>{t('forgotten.intro')}</p>
      <form method="post" action={`/${env}/password/forgotten`} novalidate class="card narrow">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          t={t}
          id="forgotten-pspid"
          name="pspid"
          label={t('login.pspid')}
          value={values.pspid}
          error={errors['forgotten-pspid']}
          autocomplete="organization"
          maxLength={30}
        />
        <TextField
          t={t}
          id="forgotten-userid"
          name="userid"
          label={t('login.userid')}
          hint={t('forgotten.userHint')}
          value={values.userid}
          error={errors['forgotten-userid']}
          autocomplete="username"
          maxLength={20}
        />
        <button type="submit">{t('forgotten.submit')}</button>
      </form>
      <p>
        <a href={`/${env}/login`}>{t('forgotten.back')}</a>
      </p>
    </Layout>
  );
}
