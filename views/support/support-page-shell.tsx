import type { PropsWithChildren } from 'hono/jsx';
import type { PlainKey } from '../../src/i18n/catalogue.ts';
import { paths } from '../../src/paths.ts';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

type ShellProps = PropsWithChildren<{ ctx: ViewContext; title: PlainKey }>;

/** A Support sub-page: its title, a breadcrumb back to the Support index, one h1. */
export function SupportPageShell({ ctx, title, children }: ShellProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${t(title)} – ${t('support.title')}`}>
      <nav class="breadcrumbs" aria-label={t('support.breadcrumb')}>
        <ol>
          <li>
            <a href={paths.support.index(ctx.env)}>{t('support.title')}</a>
          </li>
          <li>
            <span aria-current="page">{t(title)}</span>
          </li>
        </ol>
      </nav>
      <h1>{t(title)}</h1>
      {children}
    </Layout>
  );
}
