import type { ViewContext } from '../layout/view-context.ts';
import { SupportPageShell } from './support-page-shell.tsx';

export type PlatformVersion = { guichet: string; build: string; htmx: string; node: string };

/** R1: the platform version, with what it runs on and the environment. */
export function VersionPage({ ctx, version }: { ctx: ViewContext; version: PlatformVersion }) {
  const { t } = ctx;
  return (
    <SupportPageShell ctx={ctx} title="support.version.title">
      <p>{t('support.version.intro')}</p>
      <div class="card">
        <dl class="summary-list">
          <dt>{t('support.version.guichet')}</dt>
          <dd>
            <code>{version.guichet}</code>
          </dd>
          <dt>{t('support.version.build')}</dt>
          <dd>
            <code>{version.build}</code>
          </dd>
          <dt>{t('support.version.htmx')}</dt>
          <dd>
            <code>{version.htmx}</code>
          </dd>
          <dt>{t('support.version.node')}</dt>
          <dd>
            <code>{version.node}</code>
          </dd>
          <dt>{t('support.version.environment')}</dt>
          <dd>{t(ctx.env === 'test' ? 'env.test' : 'env.prod')}</dd>
        </dl>
      </div>
    </SupportPageShell>
  );
}
