import { CsrfField } from '../components/csrf-field.tsx';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/**
 * The GET step of a destructive action: what will happen, a POST button to `action` that says
 * what it does and to whom ("Deactivate demo.accounts"), and a way back.
 */
export function ConfirmPage(props: {
  ctx: ViewContext;
  title: string;
  body: string;
  button: string;
  action: string;
  cancelHref: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1>{props.title}</h1>
      <p>{props.body}</p>
      <form method="post" action={props.action} class="form-actions">
        <CsrfField token={ctx.csrfToken} />
        <button type="submit">{props.button}</button>
        <a href={props.cancelHref}>{t('users.cancel')}</a>
      </form>
    </Layout>
  );
}
