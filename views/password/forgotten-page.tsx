import type { FieldErrors, FormValues } from '../../src/forms/parse.ts';
import { forgottenPasswordForm } from '../../src/password/forms.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorNotice, ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/text-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

type Field = keyof typeof forgottenPasswordForm.fields;

export type ForgottenPageProps = {
  ctx: ViewContext;
  /** What was typed, by field name. */
  values?: Partial<FormValues<Field>>;
  /** Problems by field name. */
  errors?: FieldErrors<Field>;
  /** After a request: the same answer whatever was entered. */
  sent?: boolean;
  tooMany?: boolean;
};

/** B3: "Password forgotten?". */
export function ForgottenPage({ ctx, values = {}, errors = {}, sent, tooMany }: ForgottenPageProps) {
  const { t, env } = ctx;
  const { fields } = forgottenPasswordForm;
  const labels = { pspid: t('login.pspid'), userid: t('login.userid') } satisfies FieldLabels<typeof forgottenPasswordForm>;
  return (
    <Layout ctx={ctx} title={t('forgotten.title')} hasErrors={Object.keys(errors).length > 0}>
      <h1>{t('forgotten.title')}</h1>
      {sent ? (
        <div class="flash" role="status">
          <p>{t('forgotten.sent')}</p>
        </div>
      ) : null}
      <ErrorNotice message={tooMany ? t('forgotten.tooMany') : undefined} />
      <ErrorSummary t={t} errors={errors} form={forgottenPasswordForm} labels={labels} />
      <p>{t('forgotten.intro')}</p>
      <form method="post" action={paths.password.forgotten(env)} novalidate class="card narrow">
        <CsrfField token={ctx.csrfToken} />
        <TextField
          t={t}
          field={fields.pspid}
          label={labels.pspid}
          value={values.pspid}
          error={errors.pspid}
          autocomplete="organization"
        />
        <TextField
          t={t}
          field={fields.userid}
          label={labels.userid}
          hint={t('forgotten.userHint')}
          value={values.userid}
          error={errors.userid}
          autocomplete="username"
        />
        <button type="submit">{t('forgotten.submit')}</button>
      </form>
      <p>
        <a href={paths.login(env)}>{t('forgotten.back')}</a>
      </p>
    </Layout>
  );
}
