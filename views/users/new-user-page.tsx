import type { Profile } from '../../src/db/schema/users.ts';
import type { FieldErrors } from '../../src/http/forms.ts';
import type { UserFormValues } from '../../src/users/forms.ts';
import { ErrorNotice } from '../components/error-summary.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { UserForm } from './user-form.tsx';

/** D1: creating a user. */
export function NewUserPage(props: {
  ctx: ViewContext;
  values: UserFormValues;
  errors: FieldErrors;
  grantable: Profile[];
  refusal?: string;
}) {
  const { ctx } = props;
  const { t, env } = ctx;
  return (
    <Layout ctx={ctx} title={t('users.createTitle')} hasErrors={Object.keys(props.errors).length > 0 || Boolean(props.refusal)}>
      <p>
        <a href={`/${env}/users`}>{t('users.back')}</a>
      </p>
      <h1>{t('users.createTitle')}</h1>
      <ErrorNotice message={props.refusal} />
      <section class="card">
        <UserForm
          ctx={ctx}
          action={`/${env}/users`}
          mode="create"
          values={props.values}
          errors={props.errors}
          grantable={props.grantable}
          cancelHref={`/${env}/users`}
        />
      </section>
    </Layout>
  );
}
