import type { Field, FieldErrors } from '../../src/forms/parse.ts';
import { apiUserPasswordForm, changePasswordForm } from '../../src/password/forms.ts';
import type { ApiUserChoice } from '../../src/password/queries.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { Options, SelectField } from '../components/select-field.tsx';
import { TextField } from '../components/text-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { PasswordRules } from './password-rules.tsx';

export type PasswordPageProps = {
  ctx: ViewContext;
  /** Why the change is forced, if it is: nothing else is reachable until it is done. */
  forced?: 'issued' | 'expired';
  /** The change form's problems, by field name. */
  errors?: FieldErrors;
  /** Administrators: the account's API users, whose passwords they may set. */
  apiUsers?: ApiUserChoice[];
  /** The API-user form after a mistake: the user chosen, and the problems by field name. */
  apiForm?: { userId?: string; errors?: FieldErrors };
};

/** B1/B2: Configuration > Password. */
export function PasswordPage(props: PasswordPageProps) {
  const { ctx } = props;
  const { t } = ctx;
  const apiErrors = props.apiForm?.errors ?? {};
  const hasErrors = Object.keys(props.errors ?? {}).length > 0 || Object.keys(apiErrors).length > 0;
  const title = props.forced ? t('password.forcedTitle') : t('password.title');
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors}>
      <h1>{title}</h1>
      {props.forced ? (
        <div class="notice" role="status">
          <p>{t(props.forced === 'issued' ? 'password.forcedIntro' : 'password.expiredIntro')}</p>
        </div>
      ) : null}
      <ChangePasswordForm ctx={ctx} askCurrent={props.forced !== 'issued'} errors={props.errors} />
      {props.forced ? null : (
        <p>
          <a href={paths.otp.page(ctx.env)}>{t('password.otpLink')}</a>
        </p>
      )}
      {props.apiUsers && props.apiUsers.length > 0 ? (
        <ApiUserPasswordForm ctx={ctx} apiUsers={props.apiUsers} userId={props.apiForm?.userId} errors={apiErrors} />
      ) : null}
    </Layout>
  );
}

/** The change form, also the htmx fragment that replaces itself. */
export function ChangePasswordForm({
  ctx,
  askCurrent,
  errors = {},
}: {
  ctx: ViewContext;
  askCurrent: boolean;
  errors?: FieldErrors;
}) {
  const { t } = ctx;
  const { fields } = changePasswordForm;
  const action = paths.password.change(ctx.env);
  const labels = {
    current: t('password.current'),
    next: t('password.new'),
    confirmation: t('password.confirm'),
  } satisfies FieldLabels<typeof changePasswordForm>;
  return (
    <section class="card" id="change-password" aria-labelledby="change-password-title">
      <h2 id="change-password-title" class="visually-hidden">
        {t('password.submit')}
      </h2>
      <ErrorSummary t={t} errors={errors} form={changePasswordForm} labels={labels} />
      <PasswordRules t={t} id="password-rules" />
      <form method="post" action={action} novalidate hx-post={action} hx-target="#change-password" hx-swap="outerHTML">
        <CsrfField token={ctx.csrfToken} />
        {askCurrent ? (
          <TextField t={t} field={fields.current} label={labels.current} error={errors.current} autocomplete="current-password" />
        ) : null}
        <NewPasswordFields t={t} fields={fields} labels={labels} errors={errors} hint={t('password.rule.length')} />
        <button type="submit">{t('password.submit')}</button>
      </form>
    </section>
  );
}

function ApiUserPasswordForm(props: { ctx: ViewContext; apiUsers: ApiUserChoice[]; userId?: string; errors: FieldErrors }) {
  const { ctx, errors } = props;
  const { t } = ctx;
  const { fields } = apiUserPasswordForm;
  const labels = {
    apiUser: t('password.apiUser'),
    next: t('password.new'),
    confirmation: t('password.confirm'),
  } satisfies FieldLabels<typeof apiUserPasswordForm>;
  return (
    <section class="card" id="api-password" aria-labelledby="api-password-title">
      <h2 id="api-password-title">{t('password.apiTitle')}</h2>
      <p>{t('password.apiIntro')}</p>
      <ErrorSummary t={t} errors={errors} form={apiUserPasswordForm} labels={labels} />
      <form method="post" action={paths.password.apiUser(ctx.env)} novalidate>
        <CsrfField token={ctx.csrfToken} />
        <SelectField t={t} field={fields.apiUser} label={labels.apiUser} error={errors.apiUser}>
          <Options
            value={props.userId ?? ''}
            options={[{ value: '', label: '—' }, ...props.apiUsers.map((user) => ({ value: user.id, label: user.userid }))]}
          />
        </SelectField>
        <NewPasswordFields t={t} fields={fields} labels={labels} errors={errors} />
        <button type="submit">{t('password.apiSubmit')}</button>
      </form>
    </section>
  );
}

/** The new password and its confirmation, as both password forms ask for them. */
function NewPasswordFields(props: {
  t: ViewContext['t'];
  fields: { next: Field; confirmation: Field };
  labels: { next: string; confirmation: string };
  errors: FieldErrors;
  hint?: string;
}) {
  const { t, fields, labels, errors } = props;
  return (
    <>
      <TextField
        t={t}
        field={fields.next}
        label={labels.next}
        error={errors.next}
        autocomplete="new-password"
        hint={props.hint}
      />
      <TextField
        t={t}
        field={fields.confirmation}
        label={labels.confirmation}
        error={errors.confirmation}
        autocomplete="new-password"
      />
    </>
  );
}
