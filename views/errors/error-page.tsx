import type { PlainKey } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

type ErrorPageProps = {
  ctx: ViewContext;
  title: PlainKey;
  body: PlainKey;
  requestId?: string;
  /** A link to log in again, for the "session ended" page. */
  loginHref?: string;
};

/** The page of every error: what happened, what to do, and for server errors a reference. */
export function ErrorPage({ ctx, title, body, requestId, loginHref }: ErrorPageProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t(title)}>
      <h1>{t(title)}</h1>
      <p>
        {t(body)}
        {requestId ? (
          <>
            {' '}
            <code class="request-id">{requestId}</code>
          </>
        ) : null}
      </p>
      <p>
        {loginHref ? (
          <a href={loginHref} class="button">
            {t('error.session.login')}
          </a>
        ) : (
          <a href={ctx.signedIn ? paths.home(ctx.env) : paths.login(ctx.env)}>{t('error.home')}</a>
        )}
      </p>
    </Layout>
  );
}
