import type { LoginFormName } from '../../src/auth/forms.ts';
import { pspidLoginForm, userLoginForm } from '../../src/auth/forms.ts';
import type { FieldErrors, FormValues } from '../../src/forms/parse.ts';
import type { Message } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorNotice, ErrorSummary } from '../components/error-summary.tsx';
import { TextField } from '../components/text-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

export type LoginPageProps = {
  ctx: ViewContext;
  next: string;
  /** Which form was submitted; its values and errors (by field name) belong to it alone. */
  submitted?: LoginFormName;
  /** What was typed in the submitted form (never the password). */
  values?: Partial<FormValues>;
  errors?: FieldErrors;
  /** A problem with logging in at all (too many attempts), shown above the forms. */
  notice?: Message;
  sessionEnded?: boolean;
};

/** The two login forms of the guide: PSPID + password, and USERID + PSPID + password. */
export function LoginPage(props: LoginPageProps) {
  const { ctx } = props;
  const { t, env } = ctx;
  const errors = props.errors ?? {};
  const hasErrors = Object.keys(errors).length > 0 || props.notice !== undefined;
  const title = t(env === 'test' ? 'login.title.test' : 'login.title.prod');
  // Values and errors are shown in the form they came from; the other form stays empty.
  const of = (form: LoginFormName) =>
    props.submitted === form ? { values: props.values ?? {}, errors } : { values: {} as Partial<FormValues>, errors: {} };
  const pspidForm = of('pspid');
  const userForm = of('user');
  const p = pspidLoginForm.fields;
  const u = userLoginForm.fields;
  // Both forms name their fields alike, beside each field and in the error summary.
  const labels = {
    userid: t('login.userid'),
    pspid: t('login.pspid'),
    password: t('login.password'),
  } satisfies FieldLabels<typeof userLoginForm>;
  const other = env === 'test' ? 'prod' : 'test';
  return (
    <Layout ctx={ctx} title={title} hasErrors={hasErrors}>
      <h1>{title}</h1>
      {props.sessionEnded ? (
        <div class="notice" role="status">
          <p>{t('login.sessionEnded')}</p>
        </div>
      ) : null}
      <ErrorNotice message={props.notice ? t.message(props.notice) : undefined} />
      <ErrorSummary t={t} errors={errors} form={props.submitted === 'user' ? userLoginForm : pspidLoginForm} labels={labels} />
      <p>{t('login.intro')}</p>
      {env === 'prod' ? <p class="hint">{t('login.prodIntro')}</p> : null}
      <div class="login-forms">
        <section aria-labelledby="pspid-form-title" class="card">
          <h2 id="pspid-form-title">{t('login.pspidForm')}</h2>
          <p class="hint">{t('login.pspidFormHint')}</p>
          <form method="post" action={paths.login(env)} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="form" value="pspid" />
            <input type="hidden" name="next" value={props.next} />
            <TextField
              t={t}
              field={p.pspid}
              label={labels.pspid}
              value={pspidForm.values.pspid}
              error={pspidForm.errors.pspid}
              autocomplete="organization"
            />
            <TextField
              t={t}
              field={p.password}
              label={labels.password}
              error={pspidForm.errors.password}
              autocomplete="current-password"
            />
            <button type="submit">{t('login.submit')}</button>
          </form>
        </section>
        <section aria-labelledby="user-form-title" class="card">
          <h2 id="user-form-title">{t('login.userForm')}</h2>
          <p class="hint">{t('login.userFormHint')}</p>
          <form method="post" action={paths.login(env)} novalidate>
            <CsrfField token={ctx.csrfToken} />
            <input type="hidden" name="form" value="user" />
            <input type="hidden" name="next" value={props.next} />
            <TextField
              t={t}
              field={u.userid}
              label={labels.userid}
              value={userForm.values.userid}
              error={userForm.errors.userid}
              autocomplete="username"
            />
            <TextField
              t={t}
              field={u.pspid}
              label={labels.pspid}
              value={userForm.values.pspid}
              error={userForm.errors.pspid}
              autocomplete="organization"
            />
            <TextField
              t={t}
              field={u.password}
              label={labels.password}
              error={userForm.errors.password}
              autocomplete="current-password"
            />
            <button type="submit">{t('login.submit')}</button>
          </form>
        </section>
      </div>
      <p>
        <a href={paths.password.forgotten(env)}>{t('forgotten.link')}</a>
      </p>
      <p class="environment-switch">
        <a href={paths.login(other)}>{t(other === 'prod' ? 'login.switch.toProd' : 'login.switch.toTest')}</a>
      </p>
    </Layout>
  );
}
