import type { FieldErrors } from '../../src/http/forms.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/text-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

export type LoginForm = 'pspid' | 'user';

export type LoginPageProps = {
  ctx: ViewContext;
  next: string;
  /** Which form was submitted, and what was typed in it (never the password). */
  submitted?: LoginForm;
  values?: { pspid?: string; userid?: string };
  errors?: FieldErrors;
  /** The single message shown for any failed login. */
  failed?: boolean;
  sessionEnded?: boolean;
};

export const LOGIN_FIELD_ORDER = ['login-pspid', 'login-password', 'user-userid', 'user-pspid', 'user-password'];

/** The two login forms of the guide: PSPID + password, and USERID + PSPID + password. */
export function LoginPage(props: LoginPageProps) {
  const { ctx } = props;
  const { t, env } = ctx;
  const errors: FieldErrors = { ...props.errors };
  const firstFieldOfSubmitted = props.submitted === 'user' ? 'user-userid' : 'login-pspid';
  if (props.failed) errors[firstFieldOfSubmitted] = { key: 'login.failed' };
  const hasErrors = Object.keys(errors).length > 0;
  const title = t(env === 'test' ? 'login.title.test' : 'login.title.prod');
  const valuesFor = (form: LoginForm) => (props.submitted === form ? (props.values ?? {}) : {});
  const other = env === 'test' ? 'prod' : 'test';
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors}>
      <h1>{title}</h1>
      {props.sessionEnded ? (
        <div class="notice" role="status">
          <p>{t('login.sessionEnded')}</p>
        </div>
      ) : null}
      <ErrorSummary t={t} errors={errors} order={LOGIN_FIELD_ORDER} />
      <p>{t('login.intro')}</p>
      <div class="login-forms">
        <section aria-labelledby="pspid-form-title" class="card">
          <h2 id="pspid-form-title">{t('login.pspidForm')}</h2>
          <p class="hint">{t('login.pspidFormHint')}</p>
          <form method="post" action={`/${env}/login`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="form" value="pspid" />
            <input type="hidden" name="next" value={props.next} />
            <TextField
              t={t}
              id="login-pspid"
              name="pspid"
              label={t('login.pspid')}
              value={valuesFor('pspid').pspid}
              error={errors['login-pspid']}
              autocomplete="organization"
              maxLength={30}
            />
            <TextField
              t={t}
              id="login-password"
              name="password"
              type="password"
              label={t('login.password')}
              error={errors['login-password']}
              autocomplete="current-password"
            />
            <button type="submit">{t('login.submit')}</button>
          </form>
        </section>
        <section aria-labelledby="user-form-title" class="card">
          <h2 id="user-form-title">{t('login.userForm')}</h2>
          <p class="hint">{t('login.userFormHint')}</p>
          <form method="post" action={`/${env}/login`} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="form" value="user" />
            <input type="hidden" name="next" value={props.next} />
            <TextField
              t={t}
              id="user-userid"
              name="userid"
              label={t('login.userid')}
              value={valuesFor('user').userid}
              error={errors['user-userid']}
              autocomplete="username"
              maxLength={20}
            />
            <TextField
              t={t}
              id="user-pspid"
              name="pspid"
              label={t('login.pspid')}
              value={valuesFor('user').pspid}
              error={errors['user-pspid']}
              autocomplete="organization"
              maxLength={30}
            />
            <TextField
              t={t}
              id="user-password"
              name="password"
              type="password"
              label={t('login.password')}
              error={errors['user-password']}
              autocomplete="current-password"
            />
            <button type="submit">{t('login.submit')}</button>
          </form>
        </section>
      </div>
      <p>
        <a href={`/${env}/password/forgotten`}>{t('forgotten.link')}</a>
      </p>
      <p class="environment-switch">
        <a href={`/${other}/login`}>{t(other === 'prod' ? 'login.switch.toProd' : 'login.switch.toTest')}</a>
      </p>
    </Layout>
  );
}
