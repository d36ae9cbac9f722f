import type { CookieLevel } from '../../src/cookies/forms.ts';
import { COOKIE_LEVELS, cookieForm, LEVEL_ERROR_ID, levelOptionId } from '../../src/cookies/forms.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import { paths } from '../../src/paths.ts';
import { CsrfField } from '../components/csrf-field.tsx';
import { DataTable } from '../components/data-table.tsx';
import type { FieldLabels } from '../components/error-summary.tsx';
import { ErrorSummary } from '../components/error-summary.tsx';
import { FieldMessage } from '../components/field-parts.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { COOKIE_LEVEL_TEXT, type CookieRow } from './cookie-levels.ts';

export type CookieSettingsPageProps = {
  ctx: ViewContext;
  /** The level in force: the saved one, or the default. */
  level: CookieLevel;
  /** False while the browser has no saved choice. */
  saved: boolean;
  /** Every cookie Guichet sets, with the names this deployment really uses. */
  cookies: CookieRow[];
  /** The form's problems, by field name (cookieForm). */
  errors?: FieldErrors;
};

/** T1: the cookie levels of the guide, an honest statement, the choice, and every cookie set. */
export function CookieSettingsPage(props: CookieSettingsPageProps) {
  const { ctx } = props;
  const { t, env } = ctx;
  const errors = props.errors ?? {};
  const field = cookieForm.fields.level;
  const error = errors[field.name];
  const hasErrors = Object.keys(errors).length > 0;
  const levelName = t(COOKIE_LEVEL_TEXT[props.level].label);
  // The radio group's legend names the field, beside it and in the error summary.
  const labels = { level: t('cookies.form.legend') } satisfies FieldLabels<typeof cookieForm>;
  return (
    <Layout ctx={ctx} title={t('cookies.title')} hasErrors={hasErrors}>
      <h1>{t('cookies.title')}</h1>
      <ErrorSummary t={t} errors={errors} form={cookieForm} labels={labels} />
      <p>{t('cookies.intro')}</p>

      <section aria-labelledby="cookies-honest-title" class="notice">
        <h2 id="cookies-honest-title">{t('cookies.honest.title')}</h2>
        <p>{t('cookies.honest.body')}</p>
      </section>

      <section aria-labelledby="cookies-form-title" class="card">
        <h2 id="cookies-form-title">{t('cookies.form.title')}</h2>
        <p>{t(props.saved ? 'cookies.current.saved' : 'cookies.current.default', { level: levelName })}</p>
        <form method="post" action={paths.cookies(env)} novalidate>
          <CsrfField token={ctx.csrfToken} />
          <div class={error ? 'field field-error' : 'field'}>
            <fieldset aria-describedby={error ? LEVEL_ERROR_ID : undefined} aria-invalid={error ? 'true' : undefined}>
              <legend>{labels.level}</legend>
              <FieldMessage t={t} id={LEVEL_ERROR_ID} error={error} />
              {COOKIE_LEVELS.map((level) => (
                <div class="radio">
                  <input
                    type="radio"
                    id={levelOptionId(level)}
                    name={field.name}
                    value={level}
                    checked={!error && level === props.level}
                    aria-describedby={`${levelOptionId(level)}-hint`}
                  />
                  <label for={levelOptionId(level)}>{t(COOKIE_LEVEL_TEXT[level].label)}</label>
                  <p class="hint" id={`${levelOptionId(level)}-hint`}>
                    {t(COOKIE_LEVEL_TEXT[level].hint)}
                  </p>
                </div>
              ))}
            </fieldset>
          </div>
          <button type="submit">{t('cookies.submit')}</button>
        </form>
      </section>

      <section aria-labelledby="cookies-list-title">
        <h2 id="cookies-list-title">{t('cookies.list.title')}</h2>
        <p>{t('cookies.list.intro')}</p>
        <DataTable
          id="cookies-table"
          caption={t('cookies.list.caption')}
          columns={[t('cookies.list.name'), t('cookies.list.purpose'), t('cookies.list.lifetime')]}
        >
          {props.cookies.map((cookie) => (
            <tr>
              <th scope="row">
                <code>{cookie.name}</code>
              </th>
              <td>{t(cookie.purpose)}</td>
              <td>{t(cookie.lifetime)}</td>
            </tr>
          ))}
        </DataTable>
      </section>
    </Layout>
  );
}
