import type { Profile } from '../../src/db/schema/users.ts';
import type { FieldErrors } from '../../src/forms/parse.ts';
import type { Message } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import type { UserFormValues } from '../../src/users/forms.ts';
import { ErrorNotice } from '../components/error-summary.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';
import { UserForm } from './user-form.tsx';

/** D1: creating a user. `refusal` is a problem with the whole creation (the subscription's limit). */
export function NewUserPage(props: {
  ctx: ViewContext;
  values: UserFormValues;
  errors: FieldErrors;
  grantable: Profile[];
  refusal?: Message;
}) {
  const { ctx } = props;
  const { t, env } = ctx;
  return (
    <Layout ctx={ctx} title={t('users.createTitle')} hasErrors={Object.keys(props.errors).length > 0 || Boolean(props.refusal)}>
      <p>
        <a href={paths.users.list(env)}>{t('users.back')}</a>
      </p>
      <h1>{t('users.createTitle')}</h1>
      <ErrorNotice message={props.refusal ? t.message(props.refusal) : undefined} />
      <section class="card">
        <UserForm
          ctx={ctx}
          action={paths.users.create(env)}
          mode="create"
          values={props.values}
          errors={props.errors}
          grantable={props.grantable}
          cancelHref={paths.users.list(env)}
        />
      </section>
    </Layout>
  );
}
