import type { PropsWithChildren } from 'hono/jsx';
import type { PlainKey } from '../../src/i18n/catalogue.ts';
import { Layout } from '../layout/layout.tsx';
import type { ViewContext } from '../layout/view-context.ts';

/** The limits the manual and the FAQ quote, passed in by the route from the rules themselves. */
export type SessionFacts = {
  idleMinutes: number;
  warningMinutes: number;
  absoluteHours: number;
  maxFailedLogins: number;
  lockoutMinutes: number;
};

type ShellProps = PropsWithChildren<{ ctx: ViewContext; title: PlainKey }>;

/** A Support sub-page: its title, a breadcrumb back to the Support index, one h1. */
export function SupportPageShell({ ctx, title, children }: ShellProps) {
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={`${t(title)} – ${t('support.title')}`}>
      <nav class="breadcrumbs" aria-label={t('support.breadcrumb')}>
        <ol>
          <li>
            <a href={`/${ctx.env}/support`}>{t('support.title')}</a>
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
